import type { BpmnModdle } from 'bpmn-moddle';
import { isA, type ModdleElement } from '../bpmn/bprAccess';

/**
 * A lane-aware layout that writes BPMN diagram interchange (shapes and edges) for pools, lanes and
 * flow nodes. bpmn-auto-layout lays out one process without pools or lanes; workshop diagrams are
 * swimlanes by 担当, so this one keeps them: columns by position in the flow (longest path from the
 * start, loops ignored), one band per lane, nodes sharing a cell stacked inside the band.
 * Sub-processes are drawn collapsed, each with its content laid out on a plane of its own (bpmn-js drill-down).
 */

const SIZES: Array<[string, number, number]> = [
  ['bpmn:BoundaryEvent', 36, 36],
  ['bpmn:Event', 36, 36],
  ['bpmn:Gateway', 50, 50],
  ['bpmn:Activity', 100, 80],
];
const sizeOf = (el: ModdleElement): [number, number] => {
  const hit = SIZES.find(([t]) => isA(el, t));
  return hit ? [hit[1], hit[2]] : [100, 80];
};

const COL_W = 150;
const ROW_H = 120;
const POOL_LABEL_W = 30;
const LANE_LABEL_W = 30;
const PAD_X = 40;
const POOL_GAP = 40;
const EMPTY_POOL_H = 80;
const ORIGIN = { x: 160, y: 80 };

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Band {
  lane?: ModdleElement;
  nodes: ModdleElement[];
  y: number;
  height: number;
}

const isFlowNode = (el: ModdleElement) => isA(el, 'bpmn:FlowNode') && !isA(el, 'bpmn:BoundaryEvent');

/** Leaf lanes in document order (a lane with sub-lanes is drawn around its children). */
function leafLanes(laneSet: ModdleElement | undefined): ModdleElement[] {
  const out: ModdleElement[] = [];
  for (const lane of (laneSet?.lanes as ModdleElement[] | undefined) ?? []) {
    const kids = leafLanes(lane.childLaneSet as ModdleElement | undefined);
    if (kids.length) out.push(...kids);
    else out.push(lane);
  }
  return out;
}

function allLanesOf(laneSet: ModdleElement | undefined): ModdleElement[] {
  const out: ModdleElement[] = [];
  for (const lane of (laneSet?.lanes as ModdleElement[] | undefined) ?? []) {
    out.push(lane);
    out.push(...allLanesOf(lane.childLaneSet as ModdleElement | undefined));
  }
  return out;
}

/** Column of each node: longest path from a node without incoming flows, back edges of loops left out. */
function columns(nodes: ModdleElement[], flows: ModdleElement[]): { column: Map<ModdleElement, number>; back: Set<ModdleElement> } {
  const inSet = new Set(nodes);
  const out = new Map<ModdleElement, ModdleElement[]>(nodes.map((n) => [n, []]));
  const indeg = new Map<ModdleElement, number>(nodes.map((n) => [n, 0]));
  const edges = flows.filter((f) => inSet.has(f.sourceRef as ModdleElement) && inSet.has(f.targetRef as ModdleElement));
  for (const f of edges) {
    out.get(f.sourceRef as ModdleElement)!.push(f);
    indeg.set(f.targetRef as ModdleElement, indeg.get(f.targetRef as ModdleElement)! + 1);
  }
  // Depth-first from the roots (start events first) marks the flows that close a loop.
  const back = new Set<ModdleElement>();
  const state = new Map<ModdleElement, 1 | 2>();
  const roots = [...nodes.filter((n) => isA(n, 'bpmn:StartEvent')), ...nodes.filter((n) => indeg.get(n) === 0 && !isA(n, 'bpmn:StartEvent')), ...nodes];
  for (const root of roots) {
    if (state.has(root)) continue;
    const stack: Array<{ node: ModdleElement; i: number }> = [{ node: root, i: 0 }];
    state.set(root, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const outs = out.get(top.node)!;
      if (top.i >= outs.length) {
        state.set(top.node, 2);
        stack.pop();
        continue;
      }
      const f = outs[top.i++];
      const t = f.targetRef as ModdleElement;
      const s = state.get(t);
      if (s === 1) back.add(f);
      else if (s === undefined) {
        state.set(t, 1);
        stack.push({ node: t, i: 0 });
      }
    }
  }
  const column = new Map<ModdleElement, number>(nodes.map((n) => [n, 0]));
  const remaining = new Map<ModdleElement, number>(nodes.map((n) => [n, 0]));
  for (const f of edges) if (!back.has(f)) remaining.set(f.targetRef as ModdleElement, remaining.get(f.targetRef as ModdleElement)! + 1);
  const queue = nodes.filter((n) => remaining.get(n) === 0);
  while (queue.length) {
    const n = queue.shift()!;
    for (const f of out.get(n)!) {
      if (back.has(f)) continue;
      const t = f.targetRef as ModdleElement;
      column.set(t, Math.max(column.get(t)!, column.get(n)! + 1));
      remaining.set(t, remaining.get(t)! - 1);
      if (remaining.get(t) === 0) queue.push(t);
    }
  }
  return { column, back };
}

export interface LaneLayoutResult {
  /** Flow nodes (and pools, lanes) that received a shape. */
  shapes: number;
  edges: number;
}

/** Waypoints of a sequence flow between two placed shapes; loops go back underneath the row so they never cross the forward flow. */
function flowPoints(s: Box | undefined, t: Box | undefined, isBack: boolean, bottom: number): Array<[number, number]> | undefined {
  if (!s || !t) return undefined;
  const sy = s.y + s.height / 2;
  const ty = t.y + t.height / 2;
  if (isBack || t.x <= s.x) {
    const under = Math.min(Math.max(s.y + s.height, t.y + t.height) + 20, bottom - 5);
    return [
      [s.x + s.width / 2, s.y + s.height],
      [s.x + s.width / 2, under],
      [t.x + t.width / 2, under],
      [t.x + t.width / 2, t.y + t.height],
    ];
  }
  if (Math.abs(sy - ty) < 1)
    return [
      [s.x + s.width, sy],
      [t.x, ty],
    ];
  return [
    [s.x + s.width / 2, sy > ty ? s.y : s.y + s.height],
    [s.x + s.width / 2, ty],
    [t.x, ty],
  ];
}

/** Boundary events sit on the lower edge of their host, right to left when there are several. */
function placeBoundaries(boundaries: ModdleElement[], boxes: Map<ModdleElement, Box>, addShape: (el: ModdleElement, b: Box) => void): void {
  const perHost = new Map<Box, number>();
  for (const b of boundaries) {
    const host = boxes.get(b.attachedToRef as ModdleElement);
    if (!host) continue;
    const k = perHost.get(host) ?? 0;
    perHost.set(host, k + 1);
    addShape(b, { x: host.x + host.width - 30 - k * 40, y: host.y + host.height - 18, width: 36, height: 36 });
  }
}

const subProcessesIn = (flowElements: ModdleElement[]): ModdleElement[] =>
  flowElements.filter((e) => isA(e, 'bpmn:SubProcess') && ((e.flowElements as ModdleElement[] | undefined) ?? []).some(isFlowNode));

/**
 * A collapsed sub-process's content on a plane of its own (how bpmn-js draws drill-down): the same
 * columns, one band, boundary events and every flow; nested sub-processes get their own planes in turn.
 */
function subProcessDiagrams(moddle: BpmnModdle, subProcess: ModdleElement, out: ModdleElement[]): void {
  const flowElements = (subProcess.flowElements as ModdleElement[] | undefined) ?? [];
  const nodes = flowElements.filter(isFlowNode);
  const flows = flowElements.filter((f) => isA(f, 'bpmn:SequenceFlow'));
  const { column, back } = columns(nodes, flows);
  const planeElements: ModdleElement[] = [];
  const boxes = new Map<ModdleElement, Box>();
  const diId = (el: ModdleElement) => `${el.id}_di`;
  const addShape = (el: ModdleElement, b: Box, extra: Record<string, unknown> = {}) => {
    boxes.set(el, b);
    const bounds = moddle.create('dc:Bounds', { x: Math.round(b.x), y: Math.round(b.y), width: b.width, height: b.height });
    planeElements.push(moddle.create('bpmndi:BPMNShape', { id: diId(el), bpmnElement: el, bounds, ...extra }));
  };
  const used = new Map<number, number>();
  for (const n of nodes) {
    const c = column.get(n)!;
    const row = used.get(c) ?? 0;
    used.set(c, row + 1);
    const [w, h] = sizeOf(n);
    const cx = ORIGIN.x + c * COL_W + 50;
    const cy = ORIGIN.y + row * ROW_H + ROW_H / 2;
    addShape(n, { x: cx - w / 2, y: cy - h / 2, width: w, height: h }, isA(n, 'bpmn:SubProcess') ? { isExpanded: false } : {});
  }
  placeBoundaries(
    flowElements.filter((f) => isA(f, 'bpmn:BoundaryEvent')),
    boxes,
    addShape,
  );
  const bottom = ORIGIN.y + Math.max(1, ...used.values()) * ROW_H;
  for (const f of flows) {
    const pts = flowPoints(boxes.get(f.sourceRef as ModdleElement), boxes.get(f.targetRef as ModdleElement), back.has(f), bottom);
    if (pts)
      planeElements.push(
        moddle.create('bpmndi:BPMNEdge', {
          id: diId(f),
          bpmnElement: f,
          waypoint: pts.map(([x, y]) => moddle.create('dc:Point', { x: Math.round(x), y: Math.round(y) })),
        }),
      );
  }
  const plane = moddle.create('bpmndi:BPMNPlane', { id: `${subProcess.id}_plane`, bpmnElement: subProcess, planeElement: planeElements });
  const diagram = moddle.create('bpmndi:BPMNDiagram', { id: `${subProcess.id}_diagram`, plane });
  plane.$parent = diagram;
  for (const el of planeElements) el.$parent = plane;
  out.push(diagram);
  for (const inner of subProcessesIn(flowElements)) subProcessDiagrams(moddle, inner, out);
}

/**
 * Replaces the diagrams of `definitions` with a generated one. Pools follow the collaboration's
 * participants; without a collaboration the first process is drawn with its lanes (if any) alone.
 */
export function layoutWithLanes(moddle: BpmnModdle, definitions: ModdleElement): LaneLayoutResult {
  const roots = (definitions.rootElements as ModdleElement[] | undefined) ?? [];
  const collaboration = roots.find((r) => isA(r, 'bpmn:Collaboration'));
  const pools: Array<{ participant?: ModdleElement; process?: ModdleElement }> = collaboration
    ? ((collaboration.participants as ModdleElement[] | undefined) ?? []).map((p) => ({ participant: p, process: p.processRef as ModdleElement | undefined }))
    : roots
        .filter((r) => isA(r, 'bpmn:Process'))
        .slice(0, 1)
        .map((p) => ({ process: p }));

  const planeElements: ModdleElement[] = [];
  const boxes = new Map<ModdleElement, Box>();
  const bounds = (b: Box) => moddle.create('dc:Bounds', { x: Math.round(b.x), y: Math.round(b.y), width: b.width, height: b.height });
  const diId = (el: ModdleElement) => `${el.id ?? 'el'}_di`;
  const addShape = (el: ModdleElement, b: Box, extra: Record<string, unknown> = {}) => {
    boxes.set(el, b);
    planeElements.push(moddle.create('bpmndi:BPMNShape', { id: diId(el), bpmnElement: el, bounds: bounds(b), ...extra }));
  };

  // First pass: lay out each pool's content to know the widest pool.
  const prepared = pools.map(({ participant, process }) => {
    const flowElements = (process?.flowElements as ModdleElement[] | undefined) ?? [];
    const nodes = flowElements.filter(isFlowNode);
    const flows = flowElements.filter((f) => isA(f, 'bpmn:SequenceFlow'));
    const boundaries = flowElements.filter((f) => isA(f, 'bpmn:BoundaryEvent'));
    const laneSet = ((process?.laneSets as ModdleElement[] | undefined) ?? [])[0];
    const lanes = leafLanes(laneSet);
    const bandOf = new Map<ModdleElement, Band>();
    const bands: Band[] = lanes.map((lane) => ({ lane, nodes: [], y: 0, height: 0 }));
    for (const band of bands)
      for (const ref of (band.lane!.flowNodeRef as ModdleElement[] | undefined) ?? []) if (nodes.includes(ref) && !bandOf.has(ref)) bandOf.set(ref, band);
    const loose = nodes.filter((n) => !bandOf.has(n));
    if (loose.length || bands.length === 0) {
      const band: Band = { nodes: [], y: 0, height: 0 };
      bands.push(band);
      for (const n of loose) bandOf.set(n, band);
    }
    for (const n of nodes) bandOf.get(n)!.nodes.push(n);
    const { column, back } = columns(nodes, flows);
    const slot = new Map<ModdleElement, number>();
    let maxCol = 0;
    for (const band of bands) {
      const used = new Map<number, number>();
      for (const n of band.nodes) {
        const c = column.get(n)!;
        maxCol = Math.max(maxCol, c);
        slot.set(n, used.get(c) ?? 0);
        used.set(c, (used.get(c) ?? 0) + 1);
      }
      band.height = Math.max(1, ...used.values()) * ROW_H;
    }
    return { participant, process, nodes, flows, boundaries, laneSet, bands, bandOf, column, slot, back, maxCol, empty: nodes.length === 0 };
  });
  const contentWidth = Math.max(4, ...prepared.map((p) => p.maxCol + 1)) * COL_W;
  const poolWidth = POOL_LABEL_W + LANE_LABEL_W + PAD_X * 2 + contentWidth - PAD_X;

  let y = ORIGIN.y;
  for (const p of prepared) {
    const hasLanes = p.bands.some((b) => b.lane);
    const poolX = ORIGIN.x;
    const innerX = poolX + (p.participant ? POOL_LABEL_W : 0);
    const blackBox = p.participant && (!p.process || p.empty);
    const poolHeight = blackBox ? EMPTY_POOL_H : p.bands.reduce((s, b) => s + b.height, 0);
    if (p.participant) addShape(p.participant, { x: poolX, y, width: poolWidth, height: poolHeight }, { isHorizontal: true });
    if (!blackBox) {
      let by = y;
      for (const band of p.bands) {
        band.y = by;
        by += band.height;
      }
      if (hasLanes) {
        const bandByLane = new Map(p.bands.filter((b) => b.lane).map((b) => [b.lane!, b]));
        // Parent lanes span their leaves; a loose band (nodes outside any lane) has no lane shape.
        const spanOf = (lane: ModdleElement): { top: number; bottom: number } | undefined => {
          const own = bandByLane.get(lane);
          if (own) return { top: own.y, bottom: own.y + own.height };
          const kids = ((lane.childLaneSet as ModdleElement | undefined)?.lanes as ModdleElement[] | undefined) ?? [];
          const spans = kids.map(spanOf).filter((s): s is { top: number; bottom: number } => !!s);
          return spans.length ? { top: Math.min(...spans.map((s) => s.top)), bottom: Math.max(...spans.map((s) => s.bottom)) } : undefined;
        };
        for (const lane of allLanesOf(p.laneSet)) {
          const span = spanOf(lane);
          if (span) addShape(lane, { x: innerX, y: span.top, width: poolWidth - (innerX - poolX), height: span.bottom - span.top }, { isHorizontal: true });
        }
      }
      const contentX = innerX + (hasLanes ? LANE_LABEL_W : 0) + PAD_X;
      for (const n of p.nodes) {
        const band = p.bandOf.get(n)!;
        const [w, h] = sizeOf(n);
        const cx = contentX + p.column.get(n)! * COL_W + 50;
        const cy = band.y + p.slot.get(n)! * ROW_H + ROW_H / 2;
        addShape(n, { x: cx - w / 2, y: cy - h / 2, width: w, height: h }, isA(n, 'bpmn:SubProcess') ? { isExpanded: false } : {});
      }
      placeBoundaries(p.boundaries, boxes, addShape);
    }
    y += poolHeight + POOL_GAP;
  }

  let edges = 0;
  const point = (x: number, yy: number) => moddle.create('dc:Point', { x: Math.round(x), y: Math.round(yy) });
  const addEdge = (flow: ModdleElement, pts: Array<[number, number]>) => {
    edges++;
    planeElements.push(moddle.create('bpmndi:BPMNEdge', { id: diId(flow), bpmnElement: flow, waypoint: pts.map(([x, yy]) => point(x, yy)) }));
  };
  const bottomOfAll = Math.max(...[...boxes.values()].map((b) => b.y + b.height), ORIGIN.y);
  for (const p of prepared) {
    const poolBottom = p.bands.length ? Math.max(...p.bands.map((b) => b.y + b.height)) : bottomOfAll;
    for (const f of p.flows) {
      const pts = flowPoints(boxes.get(f.sourceRef as ModdleElement), boxes.get(f.targetRef as ModdleElement), p.back.has(f), poolBottom);
      if (pts) addEdge(f, pts);
    }
  }
  for (const mf of (collaboration?.messageFlows as ModdleElement[] | undefined) ?? []) {
    const s = boxes.get(mf.sourceRef as ModdleElement);
    const t = boxes.get(mf.targetRef as ModdleElement);
    if (!s || !t) continue;
    const down = s.y < t.y;
    const sx = s.x + s.width / 2;
    const tx = isA(mf.targetRef as ModdleElement, 'bpmn:Participant') ? sx : t.x + t.width / 2;
    const startY = down ? s.y + s.height : s.y;
    const endY = down ? t.y : t.y + t.height;
    addEdge(
      mf,
      sx === tx
        ? [
            [sx, startY],
            [tx, endY],
          ]
        : [
            [sx, startY],
            [sx, (startY + endY) / 2],
            [tx, (startY + endY) / 2],
            [tx, endY],
          ],
    );
  }

  const planeOwner = collaboration ?? pools[0]?.process;
  const plane = moddle.create('bpmndi:BPMNPlane', { id: 'BPMNPlane_1', bpmnElement: planeOwner, planeElement: planeElements });
  const diagram = moddle.create('bpmndi:BPMNDiagram', { id: 'BPMNDiagram_1', plane });
  plane.$parent = diagram;
  for (const el of planeElements) el.$parent = plane;
  const diagrams = [diagram];
  for (const p of prepared)
    for (const sub of subProcessesIn((p.process?.flowElements as ModdleElement[] | undefined) ?? [])) subProcessDiagrams(moddle, sub, diagrams);
  for (const d of diagrams) d.$parent = definitions;
  definitions.diagrams = diagrams;
  return { shapes: boxes.size, edges };
}
