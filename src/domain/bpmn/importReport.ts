import type { ParseWarning } from 'bpmn-moddle';
import type { ModdleElement } from './bprAccess';
import { BPR_NS_URI } from './bprDescriptor';
import { KEEP_NS_URI, vendorToolOf } from './keepDescriptor';
import { diagramViews } from './diagramChoice';
import { BPMN_MODEL_NS, serializeDiagram, type DiagramRepairs, type ParsedDiagram } from './parseDiagram';
import { readElementAt, type XmlNode } from './xmlFragment';

/**
 * What an import read against what the file holds: every parser warning with the element it is
 * about, element and DI counts, the other tools' content that travels along, and what the next save
 * would not write back. Pure data (no sentences): the UI words it (i18n `importReport.*`).
 *
 * "Lost" is measured, not guessed: the file's elements are counted per namespace, local name and the
 * nearest enclosing element with an id, and compared with the same count over what the model
 * serialises back — the very XML a save would write.
 */

const BPMNDI_NS = 'http://www.omg.org/spec/BPMN/20100524/DI';
const DC_NS = 'http://www.omg.org/spec/DD/20100524/DC';
const DI_NS = 'http://www.omg.org/spec/DD/20100524/DI';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const STANDARD = new Set([BPMN_MODEL_NS, BPMNDI_NS, DC_NS, DI_NS, XSI_NS, BPR_NS_URI, KEEP_NS_URI]);

export type ImportWarningKind = 'unparsable' | 'unresolved-reference' | 'unknown-attribute' | 'duplicate-id' | 'other';

export interface ImportWarning {
  kind: ImportWarningKind;
  /** The element the warning is about (or the nearest enclosing one with an id). */
  elementId?: string;
  elementName?: string;
  /** The tag, attribute or reference named by the parser, e.g. "<qbp:processSimulationInfo>". */
  subject?: string;
  line?: number;
  /** The parser's own first line, for a 詳細 disclosure. */
  detail: string;
}

export interface LostContent {
  /** Qualified name as the file wrote it, e.g. "qbp:processSimulationInfo" or "@camunda:foo". */
  qname: string;
  namespace: string;
  count: number;
  /** Nearest enclosing element with an id (the definitions when none). */
  ownerId?: string;
  ownerName?: string;
}

export interface ImportReport {
  /** Elements in the file (all namespaces) and in what a save writes. */
  elements: { file: number; model: number };
  /** BPMN model elements (tasks, events, flows, lanes …) in the file and in the model. */
  bpmnElements: { file: number; model: number };
  diagrams: number;
  /**
   * DI shapes/edges in the file; `drawn`: those of the diagram the editor opens that bpmn-js will draw
   * (diagramChoice.drawnBy); `hiddenShapes`: shapes of that diagram it will not draw.
   */
  di: { shapes: number; edges: number; drawnShapes: number; drawnEdges: number; hiddenShapes: number };
  /** Other tools' content carried through unchanged, per namespace. */
  kept: Array<{ namespace: string; tool?: string; elements: number; attributes: number }>;
  warnings: ImportWarning[];
  lost: LostContent[];
  /** Set when the model cannot be written back at all (the serialiser's message). */
  unsavable?: string;
  /** What the reader repaired so the file draws what it holds. */
  repairs?: DiagramRepairs;
  /** Other diagrams of the file that draw something, besides the one the editor opens. */
  otherDiagrams: Array<{ id?: string; name?: string; shapes: number }>;
  /** Set when the diagram the editor opens would draw no shape: why. */
  nothingDrawn?: NothingDrawn;
}

export type NothingDrawn =
  /** The file has no BPMNDiagram, or its diagrams hold no shape (the UI lays such a file out). */
  | { reason: 'no-shapes' }
  /** Shapes exist but none names a model element that exists (e.g. references into another namespace). */
  | { reason: 'unresolved'; count: number; example?: string }
  /** Shapes name elements, but not ones under the plane's element (a process drawn without its pools). */
  | { reason: 'outside-root'; count: number; rootId?: string; rootName?: string };

/** Nothing dropped, nothing to warn about and the whole drawing shown: the short 「インポートしました」 is enough. */
export const isCleanImport = (r: ImportReport): boolean =>
  r.warnings.length === 0 && r.lost.length === 0 && !r.unsavable && !r.nothingDrawn && r.otherDiagrams.length === 0 && r.di.hiddenShapes === 0;

interface Inventory {
  /** `uri|local|ownerId` → count; attributes as `@uri|local|ownerId`. */
  entries: Map<string, { qname: string; uri: string; ownerId?: string; count: number }>;
  total: number;
  bpmn: number;
  shapes: number;
  edges: number;
}

function rootStart(xml: string): number {
  let i = xml.indexOf('<');
  while (i >= 0) {
    if (xml.startsWith('<?', i)) i = xml.indexOf('?>', i) < 0 ? -1 : xml.indexOf('<', xml.indexOf('?>', i));
    else if (xml.startsWith('<!--', i)) i = xml.indexOf('-->', i) < 0 ? -1 : xml.indexOf('<', xml.indexOf('-->', i));
    else if (xml.startsWith('<!', i)) i = xml.indexOf('<', xml.indexOf('>', i));
    else return i;
  }
  return -1;
}

/** Counts elements and namespaced attributes by namespace, scoped xmlns declarations resolved. */
export function inventoryOf(xml: string): Inventory {
  const inv: Inventory = { entries: new Map(), total: 0, bpmn: 0, shapes: 0, edges: 0 };
  const start = rootStart(xml);
  const root = start >= 0 ? readElementAt(xml, start)?.node : undefined;
  if (!root) return inv;
  const add = (key: string, qname: string, uri: string, ownerId?: string) => {
    const e = inv.entries.get(key);
    if (e) e.count++;
    else inv.entries.set(key, { qname, uri, ownerId, count: 1 });
  };
  const visit = (n: XmlNode, scope: Map<string, string>, ownerId: string | undefined) => {
    let local = scope;
    for (const [k, v] of Object.entries(n.attrs)) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        if (local === scope) local = new Map(scope);
        local.set(k === 'xmlns' ? '' : k.slice(6), v);
      }
    }
    const colon = n.name.indexOf(':');
    const prefix = colon < 0 ? '' : n.name.slice(0, colon);
    const uri = local.get(prefix) ?? `?${prefix}`;
    inv.total++;
    if (uri === BPMN_MODEL_NS) inv.bpmn++;
    if (uri === BPMNDI_NS && n.local === 'BPMNShape') inv.shapes++;
    if (uri === BPMNDI_NS && n.local === 'BPMNEdge') inv.edges++;
    add(`${uri}|${n.local}|${ownerId ?? ''}`, n.name, uri, ownerId);
    for (const k of Object.keys(n.attrs)) {
      const c = k.indexOf(':');
      if (c < 0 || k.startsWith('xmlns:')) continue;
      const p = k.slice(0, c);
      if (p === 'xml') continue;
      const auri = local.get(p) ?? `?${p}`;
      if (auri === XSI_NS) continue;
      add(`@${auri}|${k.slice(c + 1)}|${ownerId ?? ''}`, `@${k}`, auri, ownerId);
    }
    const id = n.attrs.id ?? ownerId;
    for (const c of n.children) visit(c, local, id);
  };
  visit(root, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), undefined);
  return inv;
}

const lineOf = (message: string) => {
  const m = /line:\s*(\d+)/.exec(message);
  return m ? Number(m[1]) + 1 : undefined;
};

/** The nearest start tag with an id at or before `line` (1-based), for warnings that carry only a line. */
function enclosingIdAt(xml: string, line: number, column: number): string | undefined {
  let at = 0;
  for (let l = 1; l < line && at >= 0; l++) at = xml.indexOf('\n', at) + 1;
  if (at < 0) return undefined;
  at += column;
  const before = xml.slice(Math.max(0, at - 20000), at);
  const ids = [...before.matchAll(/<[\w.-]+:?[\w.-]*\s[^>]*?\bid\s*=\s*["']([^"']+)["'][^>]*?(\/?)>/g)];
  // The last element that was opened and not closed by itself.
  for (let i = ids.length - 1; i >= 0; i--) if (!ids[i][2]) return ids[i][1];
  return undefined;
}

function kindOf(message: string): ImportWarningKind {
  if (/^unparsable content/.test(message)) return 'unparsable';
  if (/^unresolved reference/.test(message)) return 'unresolved-reference';
  if (/^unknown attribute/.test(message)) return 'unknown-attribute';
  if (/duplicate ID/.test(message)) return 'duplicate-id';
  return 'other';
}

export interface ReportInput {
  /** The file's text as parsed. */
  xml: string;
  definitions: ModdleElement;
  elementsById: Record<string, ModdleElement>;
  /** bpmn-moddle's warnings as it gave them (with the element they are about). */
  moddleWarnings: ParseWarning[];
  /** What a save writes: the model serialised again; an Error when it cannot be written. */
  serialized: string | Error;
  repairs?: DiagramRepairs;
}

export function buildImportReport(input: ReportInput): ImportReport {
  const { xml, definitions, elementsById } = input;
  const nameOf = (id: string | undefined) => {
    const n = id ? (elementsById[id]?.name as string | undefined) : undefined;
    return typeof n === 'string' && n.trim() ? n.trim() : undefined;
  };

  const warnings: ImportWarning[] = input.moddleWarnings.map((w) => {
    const detail = (w.message ?? '').split('\n')[0];
    const kind = kindOf(w.message ?? '');
    const line = lineOf(w.message ?? '');
    const el = (w as { element?: ModdleElement }).element;
    let elementId = typeof el?.id === 'string' ? el.id : undefined;
    if (!elementId && line !== undefined) elementId = enclosingIdAt(xml, line, Number(/column:\s*(\d+)/.exec(w.message ?? '')?.[1] ?? 0));
    const subject = /<([^>]*)>/.exec(detail)?.[0];
    const elementName = (typeof el?.name === 'string' && el.name.trim()) || nameOf(elementId);
    return {
      kind,
      detail,
      ...(elementId ? { elementId } : {}),
      ...(elementName ? { elementName } : {}),
      ...(subject ? { subject } : {}),
      ...(line !== undefined ? { line } : {}),
    };
  });

  const before = inventoryOf(xml);
  const after = inventoryOf(typeof input.serialized === 'string' ? input.serialized : '');
  const lost: LostContent[] = [];
  for (const [key, e] of before.entries) {
    const kept = after.entries.get(key)?.count ?? 0;
    if (kept >= e.count) continue;
    lost.push({
      qname: e.qname,
      namespace: e.uri,
      count: e.count - kept,
      ...(e.ownerId ? { ownerId: e.ownerId } : {}),
      ...(nameOf(e.ownerId) ? { ownerName: nameOf(e.ownerId) } : {}),
    });
  }

  const keptByNs = new Map<string, { elements: number; attributes: number }>();
  for (const [key, e] of after.entries) {
    if (STANDARD.has(e.uri) || e.uri.startsWith('?')) continue;
    const k = keptByNs.get(e.uri) ?? { elements: 0, attributes: 0 };
    if (key.startsWith('@')) k.attributes += e.count;
    else k.elements += e.count;
    keptByNs.set(e.uri, k);
  }

  const diagrams = (definitions.diagrams as ModdleElement[] | undefined) ?? [];
  const views = diagramViews(definitions);
  const shown = views[0];
  const includedSubPlanes = (v: (typeof views)[number]) => v.root !== undefined && v.root.$type === 'bpmn:SubProcess';
  const otherDiagrams = views
    .slice(1)
    .filter((v) => v.drawnShapes > 0 && !includedSubPlanes(v))
    .map((v) => ({ ...(v.id ? { id: v.id } : {}), ...(v.name ? { name: v.name } : {}), shapes: v.drawnShapes }));
  let nothingDrawn: NothingDrawn | undefined;
  if (!shown || shown.drawnShapes === 0) {
    if (!shown || shown.shapes === 0) nothingDrawn = { reason: 'no-shapes' };
    else if (shown.outside > shown.unresolved) {
      const rootName = typeof shown.root?.name === 'string' && shown.root.name.trim() ? shown.root.name.trim() : undefined;
      nothingDrawn = { reason: 'outside-root', count: shown.outside, ...(shown.root?.id ? { rootId: shown.root.id } : {}), ...(rootName ? { rootName } : {}) };
    } else {
      // The first unresolved reference written on a shape, e.g. "<other:Task_1>".
      const onShape = input.moddleWarnings.findIndex(
        (w) => (w as { element?: ModdleElement }).element?.$type === 'bpmndi:BPMNShape' && kindOf(w.message ?? '') === 'unresolved-reference',
      );
      const example = warnings[onShape]?.subject;
      nothingDrawn = { reason: 'unresolved', count: shown.unresolved, ...(example ? { example } : {}) };
    }
  }
  return {
    elements: { file: before.total, model: after.total },
    bpmnElements: { file: before.bpmn, model: after.bpmn },
    diagrams: diagrams.length,
    di: {
      shapes: before.shapes,
      edges: before.edges,
      drawnShapes: shown?.drawnShapes ?? 0,
      drawnEdges: shown?.drawnEdges ?? 0,
      hiddenShapes: shown ? shown.shapes - shown.drawnShapes : 0,
    },
    kept: [...keptByNs].map(([namespace, c]) => ({ namespace, ...(vendorToolOf(namespace) ? { tool: vendorToolOf(namespace) } : {}), ...c })),
    warnings,
    lost,
    ...(typeof input.serialized === 'string' ? {} : { unsavable: input.serialized.message }),
    ...(input.repairs ? { repairs: input.repairs } : {}),
    otherDiagrams,
    ...(nothingDrawn ? { nothingDrawn } : {}),
  };
}

/** The report for a parsed file: serialises the model once, the way a save would. */
export async function importReportOf(parsed: ParsedDiagram): Promise<ImportReport> {
  let serialized: string | Error;
  try {
    serialized = await serializeDiagram(parsed.definitions);
  } catch (error) {
    serialized = error as Error;
  }
  return buildImportReport({
    xml: parsed.xml,
    definitions: parsed.definitions,
    elementsById: parsed.elementsById,
    moddleWarnings: parsed.moddleWarnings,
    serialized,
    repairs: parsed.repairs,
  });
}
