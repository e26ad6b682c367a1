import { defaultOfficeCalendar, DEFAULT_HOURS_PER_FTE, type Calendar, type Distribution, type InterArrivalType } from '../model/annotations';
import { makeNode, type SimArrivalStream, type SimIssue, type SimModel, type SimNode, type SimRole, type SplitMode } from './model';

/**
 * Builds a SimModel from element ids instead of indices: used by compileModel and by hand-written
 * models in tests and the bench, so both get the same wiring and split rules.
 */

export type NodeSpec = Partial<Omit<SimNode, 'index' | 'role' | 'scope' | 'attachedTo' | 'boundaries' | 'messageTargets' | 'innerStarts'>> & {
  id: string;
  kind: SimNode['kind'];
  roleName?: string;
  /** Id of the enclosing sub-process. */
  scopeId?: string;
  /** Boundary timers: id of the activity. */
  attachedToId?: string;
  messageTargetIds?: string[];
};

export interface FlowSpec {
  id?: string;
  name?: string;
  from: string;
  to: string;
  /** Probability in [0, 1]; undefined = not annotated. */
  probability?: number;
  isDefault?: boolean;
}

export interface RoleSpec {
  name: string;
  headcount?: number | null;
  hourlyCost?: number;
  calendar?: Calendar;
}

export interface ArrivalSpec {
  start: string;
  annualVolume: number;
  seasonality?: number[];
  calendar?: Calendar;
  interarrival?: Distribution;
  /** Default 'exponential' (Poisson); 'fixed' = evenly spaced in open minutes (BIMP FIXED). */
  interArrival?: InterArrivalType;
}

export interface SimModelSpec {
  nodes: NodeSpec[];
  flows: FlowSpec[];
  roles?: RoleSpec[];
  arrivals: ArrivalSpec[];
  processes?: { id: string; name?: string }[];
  defaultCalendar?: Calendar;
  hoursPerFte?: number;
  fixedCostPerYear?: number;
  issues?: SimIssue[];
  processInstances?: number;
}

const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

/** Split rule of a node given its kind and whether its outgoing flows carry probabilities. */
export function splitModeOf(kind: SimNode['kind'], outgoing: number, annotated: boolean): SplitMode {
  if (outgoing <= 1) return 'none';
  switch (kind) {
    case 'exclusive':
      return 'one';
    case 'inclusive':
      return 'some';
    case 'eventBased':
      return annotated ? 'one' : 'race';
    case 'parallel':
      return 'all';
    default:
      return annotated ? 'one' : 'all';
  }
}

export function buildSimModel(spec: SimModelSpec): SimModel {
  const index = new Map<string, number>();
  spec.nodes.forEach((n, i) => {
    if (index.has(n.id)) throw new Error(`要素ID ${n.id} が重複しています`);
    index.set(n.id, i);
  });
  const idx = (id: string, what: string) => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`${what} が参照する要素 ${id} がありません`);
    return i;
  };
  const defaultCalendar = spec.defaultCalendar ?? defaultOfficeCalendar();
  const roles: SimRole[] = (spec.roles ?? []).map((r, i) => ({
    index: i,
    name: r.name,
    headcount: r.headcount ?? null,
    servers: r.headcount == null ? Infinity : Math.max(1, Math.ceil(r.headcount)),
    hourlyCost: r.hourlyCost ?? 0,
    calendar: r.calendar ?? defaultCalendar,
  }));
  const roleIndex = new Map(roles.map((r) => [r.name, r.index]));
  const processes = spec.processes ?? [{ id: 'Process' }];

  const nodes: SimNode[] = spec.nodes.map((n, i) => {
    const { roleName, scopeId, attachedToId, messageTargetIds, ...rest } = n;
    void messageTargetIds;
    let role = -1;
    if (roleName !== undefined) {
      const r = roleIndex.get(roleName);
      if (r === undefined) throw new Error(`役割「${roleName}」が定義されていません`);
      role = r;
    }
    return makeNode({
      ...rest,
      index: i,
      role,
      scope: scopeId ? idx(scopeId, n.id) : -1,
      attachedTo: attachedToId ? idx(attachedToId, n.id) : -1,
      process: typeof rest.process === 'number' ? rest.process : 0,
      incoming: [],
      outgoing: [],
    });
  });
  spec.nodes.forEach((n, i) => {
    for (const t of n.messageTargetIds ?? []) {
      const ti = idx(t, n.id);
      nodes[i].messageTargets.push(ti);
      nodes[ti].internalMessageSource = true;
    }
    if (n.attachedToId) nodes[idx(n.attachedToId, n.id)].boundaries.push(i);
    if (n.scopeId && n.kind === 'start') nodes[idx(n.scopeId, n.id)].innerStarts.push(i);
  });

  const flows = spec.flows.map((f, i) => {
    const source = idx(f.from, f.id ?? `flow ${i}`);
    const target = idx(f.to, f.id ?? `flow ${i}`);
    nodes[source].outgoing.push(i);
    nodes[target].incoming.push(i);
    return { index: i, id: f.id ?? `Flow_${i}`, name: f.name, source, target, probability: f.probability ?? Number.NaN, isDefault: f.isDefault ?? false };
  });

  for (const n of nodes) {
    const annotated = n.outgoing.some((f) => !Number.isNaN(flows[f].probability));
    n.split = splitModeOf(n.kind, n.outgoing.length, annotated);
    if (n.split === 'one') {
      // Unannotated default flow takes what the others leave; the rest is normalised to sum 1.
      let sum = 0;
      for (const f of n.outgoing) if (!Number.isNaN(flows[f].probability)) sum += flows[f].probability;
      for (const f of n.outgoing) if (Number.isNaN(flows[f].probability)) flows[f].probability = flows[f].isDefault ? Math.max(0, 1 - sum) : 0;
      const total = n.outgoing.reduce((s, f) => s + flows[f].probability, 0);
      if (total > 0) for (const f of n.outgoing) flows[f].probability /= total;
    }
  }
  for (const f of flows) if (Number.isNaN(f.probability)) f.probability = f.isDefault ? 0 : 1;

  const arrivals: SimArrivalStream[] = spec.arrivals.map((a) => ({
    startNode: idx(a.start, 'arrivals'),
    annualVolume: a.annualVolume,
    seasonality: a.seasonality ?? FLAT,
    calendar: a.calendar ?? defaultCalendar,
    ...(a.interarrival ? { interarrival: a.interarrival } : {}),
    interArrival: a.interArrival ?? 'exponential',
  }));

  return {
    nodes,
    flows,
    roles,
    arrivals,
    processes,
    defaultCalendar,
    hoursPerFte: spec.hoursPerFte ?? DEFAULT_HOURS_PER_FTE,
    fixedCostPerYear: spec.fixedCostPerYear ?? 0,
    issues: spec.issues ?? [],
    processInstances: spec.processInstances,
  };
}
