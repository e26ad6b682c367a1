import { layoutProcess } from 'bpmn-auto-layout';
import { isA, type ModdleElement } from '../bpmn/bprAccess';
import { createModdle } from '../bpmn/moddle';
import { layoutWithLanes } from './laneLayout';
import { assignMissingIds } from './stableIds';

/**
 * Files exported by process engines or written by hand often carry no diagram interchange (no
 * BPMNDiagram). Instead of refusing them, give them a layout: bpmn-auto-layout for a plain process,
 * our lane layout (src/domain/exchange/laneLayout.ts) whenever pools or lanes are involved, since
 * bpmn-auto-layout draws neither. Files that already have a diagram are returned untouched.
 */
export interface EnsureDiResult {
  xml: string;
  laidOut: boolean;
  /** Which layout was used, when one was. */
  method?: 'auto-layout' | 'lanes';
}

const hasDiagram = (defs: ModdleElement) =>
  ((defs.diagrams as ModdleElement[] | undefined) ?? []).some(
    (d) => (((d.plane as ModdleElement | undefined)?.planeElement as unknown[] | undefined) ?? []).length > 0,
  );

const drawnElements = (process: ModdleElement | undefined) =>
  ((process?.flowElements as ModdleElement[] | undefined) ?? [])
    .filter((e) => isA(e, 'bpmn:FlowNode') || isA(e, 'bpmn:SequenceFlow'))
    .map((e) => e.id as string);

/**
 * Every flow node and sequence flow of the drawn process has DI in the generated XML. bpmn-auto-layout
 * follows `outgoing` references, which hand-written files often omit; then it misses elements.
 */
async function coversAllNodes(xml: string): Promise<boolean> {
  const { rootElement: defs } = await createModdle().fromXML(xml);
  const diagram = ((defs.diagrams as ModdleElement[] | undefined) ?? [])[0];
  const plane = diagram?.plane as ModdleElement | undefined;
  if (!plane) return false;
  const shaped = new Set(
    ((plane.planeElement as ModdleElement[] | undefined) ?? []).map((s) => (s.bpmnElement as ModdleElement | undefined)?.id).filter(Boolean),
  );
  const elements = drawnElements(plane.bpmnElement as ModdleElement | undefined);
  return elements.length > 0 && elements.every((id) => shaped.has(id));
}

export async function ensureDiagramInterchange(xml: string): Promise<EnsureDiResult> {
  const moddle = createModdle();
  const { rootElement: defs } = await moddle.fromXML(xml);
  if (hasDiagram(defs)) return { xml, laidOut: false };
  // DI can only point at elements with ids; id-less flows and lanes (hand-written files) get stable ones first.
  if (assignMissingIds(defs) > 0) xml = (await moddle.toXML(defs, { format: true })).xml;
  const roots = (defs.rootElements as ModdleElement[] | undefined) ?? [];
  const pooled = roots.some((r) => isA(r, 'bpmn:Collaboration'));
  // bpmn-auto-layout draws one plane: content of sub-processes and boundary events need the lane layout's planes.
  const nested = roots.some(
    (r) =>
      isA(r, 'bpmn:Process') && ((r.flowElements as ModdleElement[] | undefined) ?? []).some((e) => isA(e, 'bpmn:SubProcess') || isA(e, 'bpmn:BoundaryEvent')),
  );
  const laned = roots.some(
    (r) => isA(r, 'bpmn:Process') && ((r.laneSets as ModdleElement[] | undefined) ?? []).some((ls) => ((ls.lanes as unknown[] | undefined) ?? []).length > 0),
  );
  if (!pooled && !laned && !nested) {
    try {
      const auto: string = await layoutProcess(xml);
      if (await coversAllNodes(auto)) return { xml: auto, laidOut: true, method: 'auto-layout' };
    } catch {
      // bpmn-auto-layout gives up on some shapes (e.g. unusual nesting); the lane layout handles any process.
    }
  }
  layoutWithLanes(moddle, defs);
  const { xml: out } = await moddle.toXML(defs, { format: true });
  return { xml: out, laidOut: true, method: 'lanes' };
}
