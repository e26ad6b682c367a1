// Minimal typings for packages that ship none; only what this project calls.
declare module 'bpmn-moddle' {
  /** Moddle elements are dynamic; callers narrow with $type / $instanceOf (parseDiagram's ModdleObject). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export type ModdleElement = any;
  export interface ParseWarning {
    message: string;
    element?: unknown;
    property?: string;
    value?: unknown;
    error?: Error;
  }
  export interface FromXMLResult {
    rootElement: ModdleElement;
    references: unknown[];
    warnings: ParseWarning[];
    elementsById: Record<string, ModdleElement>;
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, object>, options?: Record<string, unknown>);
    fromXML(xml: string, typeOrOptions?: string | Record<string, unknown>, options?: Record<string, unknown>): Promise<FromXMLResult>;
    toXML(element: unknown, options?: { format?: boolean; preamble?: boolean }): Promise<{ xml: string }>;
    create(type: string, attrs?: Record<string, unknown>): ModdleElement;
    getType(type: string): ModdleElement;
    ids?: unknown;
  }
}
declare module 'bpmnlint' {
  export class Linter {
    constructor(options: { config: unknown; resolver: unknown });
    lint(definitions: unknown): Promise<Record<string, Array<{ id?: string; message: string; category: string; path?: unknown; data?: unknown }>>>;
  }
}
declare module 'bpmnlint-utils' {
  export function is(node: unknown, type: string): boolean;
  export function isAny(node: unknown, types: string[]): boolean;
}
declare module 'bpmnlint/lib/*';
declare module 'bpmn-js-bpmnlint';
declare module 'bpmn-js-properties-panel';
declare module '@bpmn-io/properties-panel';
declare module 'bpmn-auto-layout';
