/**
 * Finding our extension elements on a bpmn-moddle business object. Works on the objects of both
 * bpmn-moddle in node and bpmn-js in the browser (bpmn-js wraps the same moddle).
 */
export interface ModdleElement {
  $type: string;
  $instanceOf?(type: string): boolean;
  id?: string;
  name?: string;
  extensionElements?: { values?: ModdleElement[] } & ModdleElement;
  get?(name: string): unknown;
  [key: string]: unknown;
}

export const BPR_STEP = 'bpr:Step';
export const BPR_ARRIVALS = 'bpr:Arrivals';
export const BPR_SETTINGS = 'bpr:Settings';

/** The first extension element of the given type, e.g. findExtension(task, 'bpr:Step'). */
export function findExtension(bo: ModdleElement | undefined, type: string): ModdleElement | undefined {
  return bo?.extensionElements?.values?.find((v) => v.$type === type);
}

export function isA(bo: ModdleElement | undefined, type: string): boolean {
  if (!bo) return false;
  return typeof bo.$instanceOf === 'function' ? bo.$instanceOf(type) : bo.$type === type;
}
