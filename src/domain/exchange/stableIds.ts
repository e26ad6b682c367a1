import { isA, type ModdleElement } from '../bpmn/bprAccess';

/**
 * Gives every BPMN element that has no id one derived from its type and its place in the document
 * (`SequenceFlow_2`, `Lane_1`, …), skipping ids already used. The same file always gets the same ids,
 * so a layout, a re-import and a second import of the same file agree. Diagram interchange needs them:
 * a shape or edge can only point at an element with an id. Returns how many ids were given.
 */
export function assignMissingIds(definitions: ModdleElement): number {
  const used = new Set<string>();
  const missing: ModdleElement[] = [];
  const seen = new Set<ModdleElement>();
  const visit = (el: ModdleElement) => {
    if (seen.has(el)) return;
    seen.add(el);
    if (typeof el.id === 'string' && el.id) used.add(el.id);
    else if (isA(el, 'bpmn:BaseElement') && el !== definitions) missing.push(el);
    for (const child of containedChildren(el)) visit(child);
  };
  visit(definitions);
  const counters = new Map<string, number>();
  for (const el of missing) {
    const base = String(el.$type).replace(/^.*:/, '');
    let n = counters.get(base) ?? 0;
    let id: string;
    do id = `${base}_${++n}`;
    while (used.has(id));
    counters.set(base, n);
    used.add(id);
    el.id = id;
  }
  return missing.length;
}

/** What an element contains (not what it refers to), read from its moddle descriptor; DI is left out. */
function containedChildren(el: ModdleElement): ModdleElement[] {
  const descriptor = el.$descriptor as { properties?: Array<{ name: string; isReference?: boolean; isAttr?: boolean }> } | undefined;
  const out: ModdleElement[] = [];
  for (const prop of descriptor?.properties ?? []) {
    if (prop.isReference || prop.isAttr || prop.name === 'diagrams') continue;
    const value = el[prop.name] as unknown;
    for (const v of Array.isArray(value) ? value : [value])
      if (v && typeof v === 'object' && typeof (v as ModdleElement).$type === 'string') out.push(v as ModdleElement);
  }
  return out;
}
