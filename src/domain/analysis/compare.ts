import { fteOf, hoursPerFteOf } from '../model/fte';
import { z } from 'zod';
import { isRobotRole, type SimModel } from '../sim/model';
import type { SimulationResult } from '../sim/result';
import { runSteps, runStepsAsync, simulationSteps, type ReplicationSteps, type SimulationOptions } from '../sim/runSimulation';
import { assertRunLimits, COMPARE_MIN_REPLICATIONS } from '../sim/runLimits';
import { inputRangeReplications, modelAtInputEnd, rangeOf, type InputEnd } from '../sim/inputRange';
import { nonNegative } from '../sim/stats';
import { estimateOf, estimateOrZero, estimateSchema, nullablePairSchema, pairedDifference, pairSchema, scale, type Estimate } from './compareStats';

/**
 * As-Is vs To-Be: 削減した業務時間 with 95 % intervals. Both scenarios run replication r on the same seed
 * (common random numbers), and every saving is the t-interval of the per-replication differences, so
 * the noise both scenarios share cancels. Robot roles (24-hour calendar) do work that is not staff
 * time: their hours are reported apart and never counted as staff hours.
 */

/**
 * Costs added on top of what the model itself carries (bpr:settings fixedCostPerYear and bpr:step
 * costPerCase, already in the engine's costYenPerYear): licences per year, and a price per execution of
 * a step. To-Bes made by the intervention templates carry theirs, so they need none here.
 */
export interface ScenarioCosts {
  fixedYenPerYear?: number;
  perExecution?: { elementId: string; yen: number }[];
}

export interface CompareOptions {
  seed?: number;
  /** Paired replications; default 10. */
  replications?: number;
  years?: number;
  cases?: number;
  startDate?: string;
  mode?: SimulationOptions['mode'];
  /** Workspace setting; default the As-Is bpr:settings hoursPerFte (1,860 when absent). */
  hoursPerFte?: number;
  asIsCosts?: ScenarioCosts;
  toBeCosts?: ScenarioCosts;
  onProgress?: (fraction: number) => void;
  isCancelled?: () => boolean;
  /**
   * Also compare both scenarios with every step time at the optimistic end, and again at the pessimistic
   * end (sim/inputRange; same seed, min(replications, 5) each): 想定の幅 `inputRange` on the headline figures.
   */
  inputRange?: boolean;
}

export const DEFAULT_COMPARE_REPLICATIONS = 10;

const NO_ROLE = '(担当未設定)';
const ZERO: Estimate = { mean: 0, ci95: [0, 0] };

const taskDeltaSchema = z.object({
  /** Stable key for lists: the As-Is id, else the To-Be id. */
  key: z.string(),
  asIsId: z.string().nullable(),
  toBeId: z.string().nullable(),
  name: z.string(),
  matchedBy: z.enum(['id', 'name']).nullable(),
  status: z.enum(['matched', 'removed', 'added']),
  asIsRole: z.string().nullable(),
  toBeRole: z.string().nullable(),
  /** The To-Be step is done by a robot role: its time is not staff time. */
  robot: z.boolean(),
  asIsHoursPerYear: estimateSchema.nullable(),
  toBeHoursPerYear: estimateSchema.nullable(),
  hoursSavedPerYear: estimateSchema,
});

const roleDeltaSchema = z.object({
  name: z.string(),
  robot: z.boolean(),
  asIsHoursPerYear: estimateSchema.nullable(),
  toBeHoursPerYear: estimateSchema.nullable(),
  /** Staff roles only; robot hours are run time, shown apart. */
  hoursSavedPerYear: estimateSchema,
  yenSavedPerYear: estimateSchema,
});

export const comparisonResultSchema = z.object({
  seed: z.number(),
  replications: z.number().int(),
  hoursPerFte: z.number(),
  /** Every figure is an estimate (推計) from simulation of the entered assumptions. */
  estimated: z.literal(true),
  hoursSavedPerYear: estimateSchema,
  /** Percent of the As-Is staff hours (0–100). */
  percentSaved: estimateSchema,
  fte: estimateSchema,
  yenSavedPerYear: estimateSchema,
  staffHoursPerYear: pairSchema,
  robotHoursPerYear: pairSchema,
  costYenPerYear: pairSchema,
  casesPerYear: pairSchema,
  staffMinutesPerCase: pairSchema,
  staffMinutesSavedPerCase: estimateSchema,
  residentMinutesPerVisit: nullablePairSchema,
  residentMinutesSavedPerVisit: estimateSchema.nullable(),
  leadTimeBusinessDays: pairSchema,
  leadTimeBusinessDaysSaved: estimateSchema,
  tasks: z.array(taskDeltaSchema),
  roles: z.array(roleDeltaSchema),
  warnings: z.array(z.string()),
});

export type ComparisonResult = z.infer<typeof comparisonResultSchema>;
export type TaskDelta = z.infer<typeof taskDeltaSchema>;
export type RoleDelta = z.infer<typeof roleDeltaSchema>;

/** A role whose work is a robot's: it runs on the 24-hour calendar (the engine's rule, re-exported). */
export { isRobotRole };

interface RepFigures {
  staffHours: number;
  robotHours: number;
  costYen: number;
  casesPerYear: number;
  staffMinutesPerCase: number;
  residentMinutesPerVisit: number;
  leadTimeBusinessDays: number;
  tasks: Map<string, number>;
  roles: Map<string, { hours: number; cost: number }>;
}

function robotRoleNames(model: SimModel): Set<string> {
  return new Set(model.roles.filter(isRobotRole).map((r) => r.name));
}

const num = (x: number | null | undefined) => (x === null || x === undefined ? Number.NaN : x);

/** Replication r's figures, from the engine's per-replication values (staff and robot time already apart). */
function figuresOf(result: SimulationResult, r: number, robots: Set<string>, costs: ScenarioCosts | undefined): RepFigures {
  const v = result.replicationValues!;
  let costYen = num(v.costYenPerYear[r]) + (costs?.fixedYenPerYear ?? 0);
  for (const p of costs?.perExecution ?? []) {
    const t = v.tasks[p.elementId];
    if (t) costYen += num(t.countPerYear[r]) * p.yen;
  }
  const roles = new Map<string, { hours: number; cost: number }>();
  for (const [name, x] of Object.entries(v.roles)) roles.set(name, { hours: num(x.hoursPerYear[r]), cost: num(x.costYenPerYear[r]) });
  const tasks = new Map<string, number>();
  // A robot's task frees its staff hours entirely: its run time is not staff time.
  for (const t of result.tasks) tasks.set(t.id, t.role !== null && robots.has(t.role) ? 0 : num(v.tasks[t.id]?.hoursPerYear[r]));
  return {
    staffHours: num(v.staffHoursPerYear[r]),
    robotHours: num(v.robotHoursPerYear[r]),
    costYen,
    casesPerYear: num(v.casesPerYear[r]),
    staffMinutesPerCase: num(v.staffMinutesPerCase[r]),
    residentMinutesPerVisit: num(v.residentMinutesPerVisit[r]),
    leadTimeBusinessDays: num(v.leadTimeBusinessDays[r]),
    tasks,
    roles,
  };
}

interface TaskInfo {
  id: string;
  name: string;
  role: string | null;
}

/** As-Is tasks matched to To-Be tasks by id, then by name among the rest. */
export function matchTasks(asIs: TaskInfo[], toBe: TaskInfo[]): Array<{ a: TaskInfo | null; b: TaskInfo | null; by: 'id' | 'name' | null }> {
  const out: Array<{ a: TaskInfo | null; b: TaskInfo | null; by: 'id' | 'name' | null }> = [];
  const remaining = new Map(toBe.map((t) => [t.id, t]));
  const unmatched: TaskInfo[] = [];
  for (const a of asIs) {
    const b = remaining.get(a.id);
    if (b) {
      remaining.delete(a.id);
      out.push({ a, b, by: 'id' });
    } else unmatched.push(a);
  }
  const norm = (s: string) => s.replace(/\s+/g, '');
  for (const a of unmatched) {
    const b = [...remaining.values()].find((t) => norm(t.name) === norm(a.name));
    if (b) {
      remaining.delete(b.id);
      out.push({ a, b, by: 'name' });
    } else out.push({ a, b: null, by: null });
  }
  for (const b of remaining.values()) out.push({ a: null, b, by: null });
  return out;
}

/** All replications of `model`, keeping each one's values; replication r runs on replicationSeed(seed, r). */
function runAll(model: SimModel, seed: number, replications: number, o: CompareOptions, onProgress?: (f: number) => void): ReplicationSteps<SimulationResult> {
  return simulationSteps(model, {
    seed,
    replications,
    years: o.years,
    cases: o.cases,
    startDate: o.startDate,
    mode: o.mode,
    isCancelled: o.isCancelled,
    keepReplications: true,
    onProgress,
  });
}

export function compareScenarios(asIs: SimModel, toBe: SimModel, options: CompareOptions = {}): ComparisonResult {
  return runSteps(comparisonSteps(asIs, toBe, options));
}

/** The same comparison, yielding to the event loop after every replication so a worker can cancel it. */
export function compareScenariosAsync(asIs: SimModel, toBe: SimModel, options: CompareOptions = {}): Promise<ComparisonResult> {
  return runStepsAsync(comparisonSteps(asIs, toBe, options));
}

function* comparisonSteps(asIs: SimModel, toBe: SimModel, options: CompareOptions): ReplicationSteps<ComparisonResult> {
  const seed = options.seed ?? 1;
  assertRunLimits(options, COMPARE_MIN_REPLICATIONS);
  const R = options.replications ?? DEFAULT_COMPARE_REPLICATIONS;
  const hoursPerFte = hoursPerFteOf({ workspace: options.hoursPerFte, diagram: asIs.hoursPerFte });
  const robotsA = robotRoleNames(asIs);
  const robotsB = robotRoleNames(toBe);
  // Replication r of both scenarios runs on the same seed, and the engine keys every draw by element and
  // case: the heart of common random numbers.
  const progress = options.onProgress;
  const rangeR = options.inputRange ? inputRangeReplications(R) : 0;
  // Progress: the main pair, then the two end pairs (each run weighs its replications).
  const total = 2 * R + 4 * rangeR;
  const step = (done: number, reps: number) => progress && ((f: number) => progress((done + f * reps) / total));
  const firstA = yield* runAll(asIs, seed, R, options, step(0, R));
  const firstB = yield* runAll(toBe, seed, R, options, step(R, R));
  const pairFigures = (a: SimulationResult, b: SimulationResult, reps: number) => {
    const repsA: RepFigures[] = [];
    const repsB: RepFigures[] = [];
    for (let r = 0; r < reps; r++) {
      repsA.push(figuresOf(a, r, robotsA, options.asIsCosts));
      repsB.push(figuresOf(b, r, robotsB, options.toBeCosts));
    }
    return { repsA, repsB };
  };
  const { repsA, repsB } = pairFigures(firstA, firstB, R);
  const col = (reps: RepFigures[], f: (x: RepFigures) => number) => reps.map(f);
  // One scenario's own figures (hours, yen, cases, minutes) cannot be negative: intervals cut at 0.
  // Savings are differences and keep their full interval.
  const level = (xs: number[]) => {
    const e = estimateOf(xs);
    return e && nonNegative(e);
  };
  const pair = (f: (x: RepFigures) => number) => ({ asIs: level(col(repsA, f)) ?? ZERO, toBe: level(col(repsB, f)) ?? ZERO });
  const diff = (f: (x: RepFigures) => number) => pairedDifference(col(repsA, f), col(repsB, f)) ?? { mean: 0, ci95: [0, 0] as [number, number] };

  const hoursSaved = diff((x) => x.staffHours);
  const percent = estimateOrZero(repsA.map((a, r) => (a.staffHours > 0 ? (100 * (a.staffHours - repsB[r].staffHours)) / a.staffHours : Number.NaN)));

  const info = (res: SimulationResult): TaskInfo[] => res.tasks.map((t) => ({ id: t.id, name: t.name, role: t.role }));
  const tasks: TaskDelta[] = matchTasks(info(firstA), info(firstB)).map(({ a, b, by }) => {
    const xa = a ? repsA.map((x) => x.tasks.get(a.id) ?? 0) : repsA.map(() => 0);
    const xb = b ? repsB.map((x) => x.tasks.get(b.id) ?? 0) : repsB.map(() => 0);
    return {
      key: (a ?? b)!.id,
      asIsId: a?.id ?? null,
      toBeId: b?.id ?? null,
      name: (b ?? a)!.name,
      matchedBy: by,
      status: a && b ? 'matched' : a ? 'removed' : 'added',
      asIsRole: a?.role ?? null,
      toBeRole: b?.role ?? null,
      robot: b?.role != null && robotsB.has(b.role),
      asIsHoursPerYear: a ? level(xa) : null,
      toBeHoursPerYear: b ? level(xb) : null,
      hoursSavedPerYear: pairedDifference(xa, xb) ?? { mean: 0, ci95: [0, 0] },
    };
  });

  const roleNames = [...new Set([...firstA.roles.map((r) => r.name), ...firstB.roles.map((r) => r.name)])];
  const roles: RoleDelta[] = roleNames.map((name) => {
    const inA = firstA.roles.some((r) => r.name === name);
    const inB = firstB.roles.some((r) => r.name === name);
    const robot = robotsA.has(name) || robotsB.has(name);
    const ha = repsA.map((x) => x.roles.get(name)?.hours ?? 0);
    const hb = repsB.map((x) => x.roles.get(name)?.hours ?? 0);
    const ca = repsA.map((x) => x.roles.get(name)?.cost ?? 0);
    const cb = repsB.map((x) => x.roles.get(name)?.cost ?? 0);
    return {
      name: name || NO_ROLE,
      robot,
      asIsHoursPerYear: inA ? level(ha) : null,
      toBeHoursPerYear: inB ? level(hb) : null,
      hoursSavedPerYear: robot ? { mean: 0, ci95: [0, 0] } : (pairedDifference(ha, hb) ?? { mean: 0, ci95: [0, 0] }),
      yenSavedPerYear: pairedDifference(ca, cb) ?? { mean: 0, ci95: [0, 0] },
    };
  });

  const residentA = level(col(repsA, (x) => x.residentMinutesPerVisit));
  const residentB = level(col(repsB, (x) => x.residentMinutesPerVisit));
  const warnings = [...new Set([...firstA.warnings, ...firstB.warnings])];
  const volA = asIs.arrivals.reduce((s, a) => s + a.annualVolume, 0);
  const volB = toBe.arrivals.reduce((s, a) => s + a.annualVolume, 0);
  if (Math.abs(volA - volB) > 1e-9)
    warnings.push(
      `現行（年間 ${volA.toLocaleString('ja-JP')} 件）と見直し後（年間 ${volB.toLocaleString('ja-JP')} 件）で年間件数が異なります。削減時間には件数の差も含まれます。`,
    );

  const result: ComparisonResult = {
    seed,
    replications: R,
    hoursPerFte,
    estimated: true,
    hoursSavedPerYear: hoursSaved,
    percentSaved: percent,
    fte: scale(hoursSaved, fteOf(1, hoursPerFte)),
    yenSavedPerYear: diff((x) => x.costYen),
    staffHoursPerYear: pair((x) => x.staffHours),
    robotHoursPerYear: pair((x) => x.robotHours),
    costYenPerYear: pair((x) => x.costYen),
    casesPerYear: pair((x) => x.casesPerYear),
    staffMinutesPerCase: pair((x) => x.staffMinutesPerCase),
    staffMinutesSavedPerCase: diff((x) => x.staffMinutesPerCase),
    residentMinutesPerVisit: { asIs: residentA, toBe: residentB },
    residentMinutesSavedPerVisit:
      residentA && residentB
        ? pairedDifference(
            col(repsA, (x) => x.residentMinutesPerVisit),
            col(repsB, (x) => x.residentMinutesPerVisit),
          )
        : null,
    leadTimeBusinessDays: pair((x) => x.leadTimeBusinessDays),
    leadTimeBusinessDaysSaved: diff((x) => x.leadTimeBusinessDays),
    tasks,
    roles,
    warnings,
  };
  if (!rangeR) return result;
  // Each end compares As-Is and To-Be at the same end: optimistic with optimistic, pessimistic with pessimistic.
  const ends: Headline[] = [];
  for (const [i, end] of (['optimistic', 'pessimistic'] as InputEnd[]).entries()) {
    const a = yield* runAll(modelAtInputEnd(asIs, end), seed, rangeR, options, step(2 * R + 2 * i * rangeR, rangeR));
    const b = yield* runAll(modelAtInputEnd(toBe, end), seed, rangeR, options, step(2 * R + (2 * i + 1) * rangeR, rangeR));
    const { repsA: ea, repsB: eb } = pairFigures(a, b, rangeR);
    ends.push(headlineMeans(ea, eb, hoursPerFte));
  }
  attachInputRange(result, ends[0], ends[1]);
  return result;
}

type Headline = ReturnType<typeof headlineMeans>;

/** The headline figures' means from paired replications: the same formulas as the estimates above. */
function headlineMeans(repsA: RepFigures[], repsB: RepFigures[], hoursPerFte: number) {
  const col = (reps: RepFigures[], f: (x: RepFigures) => number) => reps.map(f);
  const side = (reps: RepFigures[], f: (x: RepFigures) => number) => estimateOf(col(reps, f))?.mean ?? null;
  const diff = (f: (x: RepFigures) => number) => pairedDifference(col(repsA, f), col(repsB, f))?.mean ?? null;
  const hoursSaved = diff((x) => x.staffHours);
  return {
    hoursSavedPerYear: hoursSaved,
    percentSaved: estimateOf(repsA.map((a, r) => (a.staffHours > 0 ? (100 * (a.staffHours - repsB[r].staffHours)) / a.staffHours : Number.NaN)))?.mean ?? null,
    fte: hoursSaved === null ? null : hoursSaved / hoursPerFte,
    yenSavedPerYear: diff((x) => x.costYen),
    staffMinutesSavedPerCase: diff((x) => x.staffMinutesPerCase),
    residentMinutesSavedPerVisit: diff((x) => x.residentMinutesPerVisit),
    leadTimeBusinessDaysSaved: diff((x) => x.leadTimeBusinessDays),
    pairs: {
      staffHoursPerYear: { asIs: side(repsA, (x) => x.staffHours), toBe: side(repsB, (x) => x.staffHours) },
      costYenPerYear: { asIs: side(repsA, (x) => x.costYen), toBe: side(repsB, (x) => x.costYen) },
      staffMinutesPerCase: { asIs: side(repsA, (x) => x.staffMinutesPerCase), toBe: side(repsB, (x) => x.staffMinutesPerCase) },
      residentMinutesPerVisit: { asIs: side(repsA, (x) => x.residentMinutesPerVisit), toBe: side(repsB, (x) => x.residentMinutesPerVisit) },
      leadTimeBusinessDays: { asIs: side(repsA, (x) => x.leadTimeBusinessDays), toBe: side(repsB, (x) => x.leadTimeBusinessDays) },
    },
  };
}

const SAVING_KEYS = [
  'hoursSavedPerYear',
  'percentSaved',
  'fte',
  'yenSavedPerYear',
  'staffMinutesSavedPerCase',
  'residentMinutesSavedPerVisit',
  'leadTimeBusinessDaysSaved',
] as const;
const PAIR_KEYS = ['staffHoursPerYear', 'costYenPerYear', 'staffMinutesPerCase', 'residentMinutesPerVisit', 'leadTimeBusinessDays'] as const;

function attachInputRange(result: ComparisonResult, optimistic: Headline, pessimistic: Headline): void {
  // A copy, not a mutation: a side without values may share a constant zero estimate.
  const put = <E extends Estimate | null>(e: E, a: number | null, b: number | null): E => {
    const range = rangeOf(a, b);
    return e && range ? { ...e, inputRange: range } : e;
  };
  for (const k of SAVING_KEYS) (result[k] as Estimate | null) = put(result[k], optimistic[k], pessimistic[k]);
  for (const k of PAIR_KEYS)
    (result[k] as { asIs: Estimate | null; toBe: Estimate | null }) = {
      asIs: put(result[k].asIs, optimistic.pairs[k].asIs, pessimistic.pairs[k].asIs),
      toBe: put(result[k].toBe, optimistic.pairs[k].toBe, pessimistic.pairs[k].toBe),
    };
}

export type { Estimate };
