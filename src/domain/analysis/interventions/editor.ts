import type { BpmnModdle } from 'bpmn-moddle';
import {
  ROBOT_CALENDAR_ID,
  calendarSchema,
  elementLabel,
  robotCalendar,
  type Distribution,
  type ProcessSettings,
  type StepAnnotation,
} from '../../model/annotations';
import { defaultRoleOf, readDiagramAnnotations, readStep, settingsOwners } from '../../bpmn/annotationsRead';
import { applyUpdate, settingsUpdate, stepUpdate } from '../../bpmn/annotationsWrite';
import { isA, type ModdleElement } from '../../bpmn/bprAccess';
import { parseDiagram, serializeDiagram } from '../../bpmn/parseDiagram';
import { allFlowElements, allLanes } from '../../bpmn/walk';

/**
 * Graph edits on a freshly parsed copy of a diagram, keeping the semantic model and its DI in step:
 * removing a step reconnects its incoming flows to its successor, inserting puts the new element on
 * the step's outgoing flow and draws it just below the step. Waypoints are re-routed with simple
 * orthogonal elbows; a later layout in the modeler can tidy them.
 */

export class InterventionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InterventionError';
  }
}

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

const SIZE: Record<string, { width: number; height: number }> = {
  task: { width: 100, height: 80 },
  gateway: { width: 50, height: 50 },
};

export interface NewNodeSpec {
  type: 'bpmn:Task' | 'bpmn:UserTask' | 'bpmn:ServiceTask' | 'bpmn:ExclusiveGateway';
  idBase: string;
  name?: string;
  /** Offset of the new shape's top-left from the top-left of `near` (default: the anchor). */
  dx: number;
  dy: number;
  /** The element the new one is drawn next to and shares lanes with. */
  near?: string;
}

export const labelOf = (el: ModdleElement | undefined, id: string): string => elementLabel(id, el?.name as string | undefined);

export class DiagramEditor {
  private readonly ids = new Set<string>();
  private readonly di = new Map<string, { el: ModdleElement; plane: ModdleElement }>();

  private constructor(
    readonly definitions: ModdleElement,
    readonly moddle: BpmnModdle,
    elementsById: Record<string, ModdleElement>,
  ) {
    for (const id of Object.keys(elementsById)) this.ids.add(id);
    for (const d of (definitions.diagrams as ModdleElement[] | undefined) ?? []) {
      const plane = d.plane as ModdleElement | undefined;
      for (const pe of (plane?.planeElement as ModdleElement[] | undefined) ?? []) {
        const target = pe.bpmnElement as ModdleElement | undefined;
        if (target?.id && plane) this.di.set(target.id, { el: pe, plane });
      }
    }
  }

  /** A new, independent copy of the diagram: the caller's XML and objects are never touched. */
  static async open(xml: string): Promise<DiagramEditor> {
    const parsed = await parseDiagram(xml);
    if (!parsed.ok) throw new InterventionError(parsed.error.message);
    return new DiagramEditor(parsed.definitions, parsed.moddle, parsed.elementsById);
  }

  serialize(): Promise<string> {
    return serializeDiagram(this.definitions);
  }

  // ------------------------------------------------------------------ lookup

  byId(id: string): ModdleElement | undefined {
    return allFlowElements(this.definitions).find((e) => e.id === id);
  }

  must(id: string): ModdleElement {
    const el = this.byId(id);
    if (!el) throw new InterventionError(`要素 ${elementLabel(id)} が図にありません`);
    return el;
  }

  flowNodes(): ModdleElement[] {
    return allFlowElements(this.definitions).filter((e) => !isA(e, 'bpmn:SequenceFlow') && isA(e, 'bpmn:FlowNode'));
  }

  tasks(): ModdleElement[] {
    return allFlowElements(this.definitions).filter((e) => isA(e, 'bpmn:Task'));
  }

  outgoing(node: ModdleElement): ModdleElement[] {
    return ((node.outgoing as ModdleElement[] | undefined) ?? []).filter(Boolean);
  }

  incoming(node: ModdleElement): ModdleElement[] {
    return ((node.incoming as ModdleElement[] | undefined) ?? []).filter(Boolean);
  }

  /** The step with its lane as role when none is written, like the simulation reads it. */
  step(id: string): StepAnnotation | undefined {
    const el = this.byId(id);
    const s = readStep(el);
    if (!s) return undefined;
    if (s.role === undefined) {
      const fallback = defaultRoleOf(this.definitions, id);
      if (fallback) return { ...s, role: fallback.role };
    }
    return s;
  }

  roleOf(id: string): string | undefined {
    return this.step(id)?.role ?? defaultRoleOf(this.definitions, id)?.role;
  }

  setStep(id: string, ann: StepAnnotation | undefined): void {
    applyUpdate(stepUpdate(this.moddle, this.must(id), ann));
  }

  settings(): ProcessSettings {
    return readDiagramAnnotations(this.definitions).annotations.settings;
  }

  writeSettings(settings: ProcessSettings): void {
    const owner = settingsOwners(this.definitions)[0];
    if (owner) applyUpdate(settingsUpdate(this.moddle, owner, settings));
  }

  /** A robot role on the 24-hour calendar (added with the calendar when absent); headcount = robots. */
  ensureRobotRole(name: string, robots = 1): void {
    const s = this.settings();
    let changed = false;
    if (!s.calendars.some((c) => c.id === ROBOT_CALENDAR_ID)) {
      s.calendars.push(calendarSchema.parse(robotCalendar()));
      changed = true;
    }
    if (!s.roles.some((r) => r.name === name)) {
      s.roles.push({ name, headcount: Math.max(1, robots), hourlyCost: 0, calendar: ROBOT_CALENDAR_ID });
      changed = true;
    }
    if (changed) this.writeSettings(s);
  }

  /** Adds a yearly cost (licence, service fee) to the process settings, so the To-Be carries it. */
  addFixedCostPerYear(yen: number): void {
    if (!(yen > 0)) return;
    const s = this.settings();
    this.writeSettings({ ...s, fixedCostPerYear: (s.fixedCostPerYear ?? 0) + yen });
  }

  /** A fresh id from a base, never clashing with anything in the file. */
  newId(base: string): string {
    const clean = base.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^([^A-Za-z_])/, '_$1');
    let id = clean;
    for (let i = 2; this.ids.has(id); i++) id = `${clean}_${i}`;
    this.ids.add(id);
    return id;
  }

  bounds(id: string): Bounds | undefined {
    const b = this.di.get(id)?.el.bounds as Bounds | undefined;
    return b ? { x: Number(b.x), y: Number(b.y), width: Number(b.width), height: Number(b.height) } : undefined;
  }

  hasDi(id: string): boolean {
    return this.di.has(id);
  }

  // ------------------------------------------------------------------ edits

  /**
   * Remove a step and reconnect: every incoming flow now ends at the step's only successor.
   * Refused (with the reason) when that would change what the process means.
   */
  removeNode(id: string): void {
    const node = this.must(id);
    const out = this.outgoing(node);
    if (out.length !== 1) throw new InterventionError(`${labelOf(node, id)} は出ていくフローが1本ではないため削除できません`);
    const next = out[0].targetRef as ModdleElement;
    const inc = this.incoming(node);
    if (inc.some((f) => f.sourceRef === next)) throw new InterventionError(`${labelOf(node, id)} を削除すると自己ループになるため削除できません`);
    const attached = this.flowNodes().filter((e) => e.attachedToRef === node);
    if (attached.length) throw new InterventionError(`${labelOf(node, id)} には境界イベントが付いているため削除できません`);

    this.detachFlow(out[0]);
    for (const f of inc) this.retarget(f, next);
    this.removeArtifactsOf(node);
    this.removeFromContainer(node);
  }

  /** Put a new node on the only outgoing flow of `anchorId` (anchor → new → old target). */
  insertAfter(anchorId: string, spec: NewNodeSpec): ModdleElement {
    const anchor = this.must(anchorId);
    const out = this.outgoing(anchor);
    if (out.length !== 1) throw new InterventionError(`${labelOf(anchor, anchorId)} の後ろには出ていくフローが1本でないため挿入できません`);
    const flow = out[0];
    const next = flow.targetRef as ModdleElement;
    const node = this.addNode(anchor, spec);
    this.retarget(flow, node);
    this.addFlow(node, next);
    return node;
  }

  /** Insert on a given flow (source → new → target), keeping the flow's probability on its first half. */
  insertOnFlow(flowId: string, anchorId: string, spec: NewNodeSpec): ModdleElement {
    const flow = this.must(flowId);
    const next = flow.targetRef as ModdleElement;
    const node = this.addNode(this.must(anchorId), spec);
    this.retarget(flow, node);
    this.addFlow(node, next);
    return node;
  }

  /** A node in the anchor's container and lanes, drawn relative to the anchor's shape. */
  addNode(anchorNode: ModdleElement, spec: NewNodeSpec): ModdleElement {
    const anchor = spec.near ? this.must(spec.near) : anchorNode;
    const id = this.newId(spec.idBase);
    const container = anchor.$parent as ModdleElement;
    const node = this.moddle.create(spec.type, spec.name !== undefined ? { id, name: spec.name } : { id }) as ModdleElement;
    node.$parent = container;
    (container.get as (k: string) => ModdleElement[])('flowElements').push(node);
    for (const lane of allLanes(this.definitions)) {
      const refs = (lane.flowNodeRef as ModdleElement[] | undefined) ?? [];
      if (refs.includes(anchor)) refs.push(node);
    }
    const a = this.di.get(anchor.id as string);
    const ab = this.bounds(anchor.id as string);
    if (a && ab) {
      const size = spec.type === 'bpmn:ExclusiveGateway' ? SIZE.gateway : SIZE.task;
      const bounds = this.moddle.create('dc:Bounds', { x: Math.round(ab.x + spec.dx), y: Math.round(ab.y + spec.dy), ...size });
      const shape = this.moddle.create('bpmndi:BPMNShape', {
        id: this.newId(`${id}_di`),
        bpmnElement: node,
        bounds,
        ...(spec.type === 'bpmn:ExclusiveGateway' ? { isMarkerVisible: true } : {}),
      }) as ModdleElement;
      shape.$parent = a.plane;
      (a.plane.get as (k: string) => ModdleElement[])('planeElement').push(shape);
      this.di.set(id, { el: shape, plane: a.plane });
    }
    return node;
  }

  addFlow(source: ModdleElement, target: ModdleElement, opts: { probability?: number; name?: string } = {}): ModdleElement {
    const id = this.newId(`Flow_${source.id}_${target.id}`);
    const container = source.$parent as ModdleElement;
    const flow = this.moddle.create('bpmn:SequenceFlow', {
      id,
      sourceRef: source,
      targetRef: target,
      ...(opts.name ? { name: opts.name } : {}),
    }) as ModdleElement;
    flow.$parent = container;
    (container.get as (k: string) => ModdleElement[])('flowElements').push(flow);
    (source.get as (k: string) => ModdleElement[])('outgoing').push(flow);
    (target.get as (k: string) => ModdleElement[])('incoming').push(flow);
    if (opts.probability !== undefined) this.setProbability(flow, opts.probability);
    const sd = this.di.get(source.id as string);
    if (sd) {
      const edge = this.moddle.create('bpmndi:BPMNEdge', { id: this.newId(`${id}_di`), bpmnElement: flow }) as ModdleElement;
      edge.$parent = sd.plane;
      (sd.plane.get as (k: string) => ModdleElement[])('planeElement').push(edge);
      this.di.set(id, { el: edge, plane: sd.plane });
      this.route(flow);
    }
    return flow;
  }

  /** Percent, written as bpr:probability. */
  setProbability(flow: ModdleElement, percent: number | undefined): void {
    (flow.set as (k: string, v: unknown) => void)('bpr:probability', percent);
  }

  retarget(flow: ModdleElement, target: ModdleElement): void {
    const old = flow.targetRef as ModdleElement | undefined;
    if (old) removeFrom(old.incoming as ModdleElement[] | undefined, flow);
    flow.targetRef = target;
    (target.get as (k: string) => ModdleElement[])('incoming').push(flow);
    this.route(flow);
  }

  /** Orthogonal waypoints from the source shape to the target shape. */
  private route(flow: ModdleElement): void {
    const edge = this.di.get(flow.id as string)?.el;
    if (!edge) return;
    const s = this.bounds((flow.sourceRef as ModdleElement).id as string);
    const t = this.bounds((flow.targetRef as ModdleElement).id as string);
    if (!s || !t) return;
    const pts = routePoints(s, t);
    edge.waypoint = pts.map(([x, y]) => {
      const p = this.moddle.create('dc:Point', { x: Math.round(x), y: Math.round(y) }) as ModdleElement;
      p.$parent = edge;
      return p;
    });
    // The old label position belonged to the old route.
    if (edge.label) edge.label = undefined;
  }

  private detachFlow(flow: ModdleElement): void {
    removeFrom((flow.sourceRef as ModdleElement | undefined)?.outgoing as ModdleElement[] | undefined, flow);
    removeFrom((flow.targetRef as ModdleElement | undefined)?.incoming as ModdleElement[] | undefined, flow);
    const src = flow.sourceRef as ModdleElement | undefined;
    if (src && src.default === flow) src.default = undefined;
    this.removeFromContainer(flow);
  }

  private removeFromContainer(el: ModdleElement): void {
    removeFrom((el.$parent as ModdleElement | undefined)?.flowElements as ModdleElement[] | undefined, el);
    for (const lane of allLanes(this.definitions)) removeFrom(lane.flowNodeRef as ModdleElement[] | undefined, el);
    this.removeDi(el.id as string);
  }

  private removeDi(id: string): void {
    const d = this.di.get(id);
    if (!d) return;
    removeFrom(d.plane.planeElement as ModdleElement[] | undefined, d.el);
    this.di.delete(id);
  }

  /** Associations and message flows touching a removed node would point at nothing. */
  private removeArtifactsOf(node: ModdleElement): void {
    const touches = (x: ModdleElement) => x.sourceRef === node || x.targetRef === node;
    const containers: ModdleElement[] = [node.$parent as ModdleElement];
    for (const r of (this.definitions.rootElements as ModdleElement[] | undefined) ?? []) if (isA(r, 'bpmn:Collaboration')) containers.push(r);
    for (const c of containers) {
      for (const key of ['artifacts', 'messageFlows'] as const) {
        const list = c[key] as ModdleElement[] | undefined;
        if (!list) continue;
        for (const x of [...list].filter(touches)) {
          removeFrom(list, x);
          this.removeDi(x.id as string);
        }
      }
    }
  }
}

function removeFrom(list: ModdleElement[] | undefined, el: ModdleElement): void {
  if (!list) return;
  const i = list.indexOf(el);
  if (i >= 0) list.splice(i, 1);
}

export function routePoints(s: Bounds, t: Bounds): Array<[number, number]> {
  const scy = s.y + s.height / 2;
  const tcy = t.y + t.height / 2;
  const scx = s.x + s.width / 2;
  const tcx = t.x + t.width / 2;
  if (t.x >= s.x + s.width) {
    const start: [number, number] = [s.x + s.width, scy];
    const end: [number, number] = [t.x, tcy];
    if (Math.abs(scy - tcy) < 1) return [start, end];
    const mx = (start[0] + end[0]) / 2;
    return [start, [mx, scy], [mx, tcy], end];
  }
  if (t.y >= s.y + s.height) {
    const start: [number, number] = [scx, s.y + s.height];
    const end: [number, number] = [tcx, t.y];
    if (Math.abs(scx - tcx) < 1) return [start, end];
    const my = (start[1] + end[1]) / 2;
    return [start, [scx, my], [tcx, my], end];
  }
  if (t.y + t.height <= s.y) {
    const start: [number, number] = [scx, s.y];
    const end: [number, number] = [tcx, t.y + t.height];
    if (Math.abs(scx - tcx) < 1) return [start, end];
    const my = (start[1] + end[1]) / 2;
    return [start, [scx, my], [tcx, my], end];
  }
  // Overlapping columns going back: loop under both shapes.
  const below = Math.max(s.y + s.height, t.y + t.height) + 30;
  return [
    [scx, s.y + s.height],
    [scx, below],
    [tcx, below],
    [tcx, t.y + t.height],
  ];
}

/** A distribution scaled by k (mean scales by k; shape kept so the sensitivity still sees a range). */
export function scaleDistribution(d: Distribution, k: number): Distribution {
  const r = (x: number) => Math.round(x * k * 1000) / 1000;
  switch (d.type) {
    case 'fixed':
      return { type: 'fixed', value: r(d.value) };
    case 'triangular':
      return { type: 'triangular', min: r(d.min), mode: r(d.mode), max: r(d.max) };
    case 'uniform':
      return { type: 'uniform', min: r(d.min), max: r(d.max) };
    case 'normal':
      return { type: 'normal', mean: r(d.mean), sd: r(d.sd) };
    case 'lognormal':
      return k > 0 ? { type: 'lognormal', mean: r(d.mean), sd: r(d.sd) } : { type: 'fixed', value: 0 };
    case 'exponential':
      return k > 0 ? { type: 'exponential', mean: r(d.mean) } : { type: 'fixed', value: 0 };
  }
}

export function describeDistribution(d: Distribution | undefined): string {
  if (!d) return '未入力';
  const n = (x: number) => `${Math.round(x * 100) / 100}`;
  switch (d.type) {
    case 'fixed':
      return `${n(d.value)}分`;
    case 'triangular':
      return `${n(d.min)}〜${n(d.max)}分（最頻 ${n(d.mode)}分）`;
    case 'uniform':
      return `${n(d.min)}〜${n(d.max)}分`;
    case 'normal':
      return `平均 ${n(d.mean)}分（標準偏差 ${n(d.sd)}分）`;
    case 'lognormal':
      return `平均 ${n(d.mean)}分（対数正規、標準偏差 ${n(d.sd)}分）`;
    case 'exponential':
      return `平均 ${n(d.mean)}分（指数分布）`;
  }
}
