import { stepAnnotationSchema, describeIssues, type StepAnnotation } from '../../../domain/model/annotations';
import { defaultRoleOf, rawStep } from '../../../domain/bpmn/annotationsRead';
import { isA, type ModdleElement } from '../../../domain/bpmn/bprAccess';
import { orderSteps, type FlowEdge, type FlowNode } from './flowOrder';
import type { StepRow } from './roleTotals';

/**
 * The step table's rows from what bpmn-js holds (elementRegistry shapes and connections). No DOM:
 * shapes are plain objects, so node tests build them by hand.
 */
export interface DiagramElement {
  id: string;
  type: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  waypoints?: unknown[];
  businessObject: ModdleElement;
  labelTarget?: unknown;
}

export interface TableRow extends StepRow {
  element: DiagramElement;
  /** The stored step fails the schema (e.g. an imported file); shown on the row, kept until edited. */
  problem?: string;
  /** 'qbp': the values are the file's BIMP parameters as the simulation reads them (no `bpr:` annotations yet). */
  source?: 'qbp';
}

const center = (e: DiagramElement) => ({ x: (e.x ?? 0) + (e.width ?? 0) / 2, y: (e.y ?? 0) + (e.height ?? 0) / 2 });

/** Top edge of the innermost lane (or pool) holding the shape: upper lanes read first. */
function laneTop(e: DiagramElement, containers: DiagramElement[]): number {
  const c = center(e);
  let best: DiagramElement | undefined;
  for (const l of containers) {
    const inside = c.x >= (l.x ?? 0) && c.x <= (l.x ?? 0) + (l.width ?? 0) && c.y >= (l.y ?? 0) && c.y <= (l.y ?? 0) + (l.height ?? 0);
    if (inside && (!best || (l.width ?? 0) * (l.height ?? 0) < (best.width ?? 0) * (best.height ?? 0))) best = l;
  }
  return best?.y ?? 0;
}

/** `qbpSteps`: a BIMP file's steps from simulationInputsOf, shown where the diagram has no annotation of its own. */
export function buildRows(elements: DiagramElement[], definitions: ModdleElement | undefined, qbpSteps?: Readonly<Record<string, StepAnnotation>>): TableRow[] {
  // A collapsed sub-process also has a root element for its drill-down plane (id `<id>_plane`, same
  // business object): the step is the shape, not the plane.
  const shapes = elements.filter(
    (e) => e.businessObject && !e.labelTarget && e.type !== 'label' && (e.businessObject.id === undefined || e.businessObject.id === e.id),
  );
  const containers = shapes.filter((e) => isA(e.businessObject, 'bpmn:Lane') || isA(e.businessObject, 'bpmn:Participant'));
  const flowNodes = shapes.filter((e) => !e.waypoints && isA(e.businessObject, 'bpmn:FlowNode'));
  const nodes: FlowNode[] = flowNodes.map((e) => ({
    id: e.id,
    isStart: isA(e.businessObject, 'bpmn:StartEvent') && !isA(e.businessObject.$parent as ModdleElement, 'bpmn:SubProcess'),
    isStep: isA(e.businessObject, 'bpmn:Activity'),
    laneRank: laneTop(e, containers),
    x: e.x ?? 0,
    y: e.y ?? 0,
  }));
  const edges: FlowEdge[] = [];
  for (const e of shapes) {
    if (!e.waypoints) continue;
    const bo = e.businessObject;
    if (!isA(bo, 'bpmn:SequenceFlow') && !isA(bo, 'bpmn:MessageFlow')) continue;
    const s = (bo.sourceRef as ModdleElement | undefined)?.id;
    const t = (bo.targetRef as ModdleElement | undefined)?.id;
    if (s && t) edges.push({ source: s, target: t });
  }
  // A sub-process is entered through its inner start events: list its inner steps right after it.
  for (const e of flowNodes) {
    const parent = e.businessObject.$parent as ModdleElement | undefined;
    if (parent && isA(parent, 'bpmn:SubProcess') && parent.id && isA(e.businessObject, 'bpmn:StartEvent')) {
      edges.push({ source: parent.id, target: e.id });
    }
  }
  const byId = new Map(flowNodes.map((e) => [e.id, e]));
  return orderSteps(nodes, edges).map((id) => {
    const element = byId.get(id)!;
    const bo = element.businessObject;
    const raw = rawStep(bo);
    const parsed = raw === undefined ? undefined : stepAnnotationSchema.safeParse(raw);
    const row: TableRow = {
      id,
      name: typeof bo.name === 'string' ? bo.name : '',
      // The role it falls back to without its own (lane, then a resident pool): the domain's one rule.
      laneName: definitions ? defaultRoleOf(definitions, id)?.role : undefined,
      element,
    };
    if (parsed?.success) row.annotation = parsed.data as StepAnnotation;
    else if (raw === undefined && qbpSteps?.[id]) {
      row.annotation = qbpSteps[id];
      row.source = 'qbp';
    } else if (parsed) {
      row.annotation = raw as StepAnnotation;
      row.problem = describeIssues(id, row.name, parsed.error)
        .map((i) => i.message)
        .join('\n');
    }
    return row;
  });
}
