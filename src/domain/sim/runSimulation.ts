import { nextFiscalYearStart } from '../model/fiscalYear';
import { hoursPerFteOf } from '../model/fte';
import { minutesAfterYears } from './calendar';
import { buildCaseMachine, DEFAULT_CASE_LIMITS, type CaseMachine } from './caseMachine';
import { ActorCaseDriver, FastCaseDriver, type CaseDriver } from './caseDrivers';
import { SimCancelledError, SimValidationError, RunawayError } from './errors';
import { computeKpis, type ReplicationOutcome } from './kpis';
import type { SimModel } from './model';
import { replicationSeed } from './prng';
import type { SimulationResult } from './result';
import { HOLIDAY_YEAR_MAX } from './jpHolidays';
import { assertRunLimits } from './runLimits';
import { inputRangeReplications, modelAtInputEnd, rangeOf } from './inputRange';
import type { Estimate } from './stats';
import { prepareModel, runReplication, type PreparedModel, type StartDate } from './scheduler';

export interface SimulationOptions {
  seed?: number;
  /** Independent replications (seeds from replicationSeed); default 10. */
  replications?: number;
  /** Cases per replication; when set, arrivals stop after this many instead of after `years`. */
  cases?: number;
  /** Simulated years of arrivals per replication; default 1. */
  years?: number;
  /** First cases of each replication left out of per-case figures (empty-system start). */
  warmupCases?: number;
  mode?: 'fast' | 'actor';
  /** 'YYYY-MM-DD'; default: the file's own start date (BIMP startDateTime), else the next 1 April after `today`. */
  startDate?: string;
  /** The day the default start date is counted from (the clock's today when absent). */
  today?: Date;
  /** The workspace's hours per person-year for 人工; the diagram's setting when absent (model/fte.ts). */
  hoursPerFte?: number;
  /** Runaway guard: machine events for one case. Default 10,000. */
  maxEventsPerCase?: number;
  /** Runaway guard: tokens alive in one case. Default 1,000. */
  maxTokensPerCase?: number;
  onProgress?: (fraction: number) => void;
  isCancelled?: () => boolean;
  /** Record per-case traces of the first replication: true = 20 cases, or a number of cases. */
  trace?: boolean | number;
  /**
   * Also return each replication's own KPI values (result.replicationValues), e.g. for paired differences
   * between scenarios run on the same seed.
   */
  keepReplications?: boolean;
  /**
   * Also run the model with every step time at the optimistic and at the pessimistic end of its estimate
   * (sim/inputRange, same seed, min(replications, 5) replications each) and attach 想定の幅 `inputRange`
   * to the headline estimates.
   */
  inputRange?: boolean;
}

export const DEFAULT_REPLICATIONS = 10;
export const DEFAULT_MAX_EVENTS_PER_CASE = 10_000;

function parseDate(s: string): StartDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new RangeError(`開始日は YYYY-MM-DD 形式で指定してください: ${s}`);
  const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  const back = new Date(Date.UTC(date.y, date.m - 1, date.d));
  if (back.getUTCFullYear() !== date.y || back.getUTCMonth() !== date.m - 1 || back.getUTCDate() !== date.d)
    throw new RangeError(`開始日 ${s} は存在しない日付です`);
  return date;
}

const machines = new WeakMap<SimModel, Map<number, CaseMachine>>();
function machineFor(model: SimModel, maxTokens: number): CaseMachine {
  let byLimit = machines.get(model);
  if (!byLimit) machines.set(model, (byLimit = new Map()));
  let machine = byLimit.get(maxTokens);
  if (!machine) byLimit.set(maxTokens, (machine = buildCaseMachine(model, { ...DEFAULT_CASE_LIMITS, maxTokens })));
  return machine;
}

/** Throws SimValidationError (or RunawayError for a loop found statically) when the model cannot run. */
export function assertRunnable(model: SimModel): void {
  const errors = model.issues.filter((i) => i.severity === 'error');
  const loop = errors.find((i) => i.code === 'runaway-loop');
  if (loop) throw new RunawayError(loop.message, loop.elementId);
  if (errors.length) throw new SimValidationError(errors);
}

/**
 * The run as a generator: one replication per step, so callers choose between running it straight
 * through (runSimulation) and yielding to an event loop between replications (runSimulationAsync).
 */
function* simulate(model: SimModel, options: SimulationOptions): Generator<number, SimulationResult> {
  assertRunnable(model);
  const cases = options.cases ?? model.processInstances;
  assertRunLimits({ replications: options.replications, years: options.years, cases });
  const seed = options.seed ?? 1;
  const replications = options.replications ?? DEFAULT_REPLICATIONS;
  const mode = options.mode ?? 'fast';
  const startText = options.startDate ?? model.startDate ?? nextFiscalYearStart(options.today ?? new Date());
  const start = parseDate(startText);
  const totalVolume = model.arrivals.reduce((s, a) => s + a.annualVolume, 0);
  const byCases = cases !== undefined;
  const years = byCases ? Math.max(cases / Math.max(totalVolume, 1e-9), 1 / 365) : (options.years ?? 1);
  if (!(years > 0) || !Number.isFinite(years)) throw new RangeError(`シミュレーション期間（年）が不正です: ${options.years}`);
  const arrivalEnd = byCases ? Infinity : minutesAfterYears(start, years);
  assertHolidaysCover(model, start, years);
  const prepared = prepareModel(model, start, Math.ceil(years * 366) + 30);
  const machine = machineFor(model, options.maxTokensPerCase ?? DEFAULT_CASE_LIMITS.maxTokens);
  const driver: CaseDriver = mode === 'actor' ? new ActorCaseDriver(machine, model.nodes.length) : new FastCaseDriver(machine, model.nodes.length);
  const traceCases = options.trace === true ? 20 : typeof options.trace === 'number' ? options.trace : 0;
  const rangeReps = options.inputRange ? inputRangeReplications(replications) : 0;
  // Progress share of the main run when the two end variants follow it.
  const share = replications / (replications + 2 * rangeReps);

  const outcomes: ReplicationOutcome[] = [];
  for (let r = 0; r < replications; r++) {
    if (options.isCancelled?.()) throw new SimCancelledError();
    const raw = runReplication({
      prepared,
      driver,
      seed: replicationSeed(seed, r),
      startDate: start,
      maxCases: byCases ? cases : Infinity,
      arrivalEnd,
      warmupCases: options.warmupCases ?? 0,
      maxEventsPerCase: options.maxEventsPerCase ?? DEFAULT_MAX_EVENTS_PER_CASE,
      traceCases: r === 0 ? traceCases : 0,
      isCancelled: options.isCancelled,
    });
    const annualFactor = byCases ? (raw.casesStarted > 0 ? totalVolume / raw.casesStarted : 0) : 1 / years;
    outcomes.push({ raw, annualFactor });
    options.onProgress?.((share * (r + 1)) / replications);
    yield (share * (r + 1)) / replications;
  }
  const warnings = model.issues.filter((i) => i.severity === 'warning').map((i) => i.message);
  warnings.push(...overloadWarnings(prepared, outcomes));
  const unfinished = mean(outcomes.map((o) => o.raw.casesStarted - o.raw.casesCompleted));
  if (unfinished > 0)
    warnings.push(
      `反復1回あたり平均 ${Math.round(unfinished * 10) / 10} 件の案件が終了しませんでした（並列合流で来ない流れを待っている等）。これらはリードタイムに含まれません`,
    );
  const result = computeKpis(prepared, outcomes, {
    seed,
    mode,
    startDate: startText,
    simulatedYears: byCases ? mean(outcomes.map((o) => o.raw.horizonMinutes)) / 525_600 : years,
    warnings,
    keepReplications: options.keepReplications,
    hoursPerFte: hoursPerFteOf({ workspace: options.hoursPerFte, diagram: model.hoursPerFte }),
  });
  if (!rangeReps) return result;
  const ends: SimulationResult[] = [];
  for (const [i, end] of (['optimistic', 'pessimistic'] as const).entries()) {
    const variant = yield* simulate(modelAtInputEnd(model, end), {
      ...options,
      startDate: startText,
      replications: rangeReps,
      inputRange: false,
      trace: false,
      keepReplications: false,
      onProgress: options.onProgress && ((f) => options.onProgress!(share + ((1 - share) * (i + f)) / 2)),
    });
    ends.push(variant);
  }
  attachInputRange(result, ends[0], ends[1]);
  return result;
}

/** The headline KPIs that carry 想定の幅. */
export const INPUT_RANGE_KPIS = [
  'staffHoursPerYear',
  'staffMinutesPerCase',
  'fte',
  'costYenPerYear',
  'residentMinutesPerVisit',
  'leadTimeMinutes',
  'leadTimeBusinessDays',
] as const;

function attachInputRange(result: SimulationResult, optimistic: SimulationResult, pessimistic: SimulationResult): void {
  for (const key of INPUT_RANGE_KPIS) {
    const e: Estimate | null = result.kpis[key];
    const range = rangeOf(optimistic.kpis[key]?.mean, pessimistic.kpis[key]?.mean);
    if (e && range) e.inputRange = range;
  }
}

/** Lags of business days may reach beyond the arrival period: the calendar table keeps this margin. */
const LAG_MARGIN_YEARS = 1.2;

/**
 * Public holidays are known up to HOLIDAY_YEAR_MAX; a run that would need a later year is refused before
 * it starts (naming the years), rather than failing part-way or guessing future holidays.
 */
function assertHolidaysCover(model: SimModel, start: StartDate, years: number): void {
  const calendars = [model.defaultCalendar, ...model.roles.map((r) => r.calendar), ...model.arrivals.map((a) => a.calendar)];
  if (!calendars.some((c) => c.publicHolidays)) return;
  const lastYear = start.y + Math.ceil(years + LAG_MARGIN_YEARS);
  if (lastYear > HOLIDAY_YEAR_MAX)
    throw new RangeError(
      `シミュレーション期間が祝日を計算できる ${HOLIDAY_YEAR_MAX} 年を超えます（開始 ${start.y} 年、到着期間 約 ${Math.round(years * 10) / 10} 年と処理の余裕 約 1 年）。件数か年数を減らすか、開始日を早めてください`,
    );
}

/**
 * Roles whose demanded work exceeds the hours their calendar offers: utilisation stops at 100 % there and
 * the queue grows, so the figures describe a backlog, not a steady state.
 */
function overloadWarnings(prepared: PreparedModel, outcomes: ReplicationOutcome[]): string[] {
  const out: string[] = [];
  const roles = prepared.model.roles;
  for (let r = 0; r < roles.length; r++) {
    if (!Number.isFinite(prepared.servers[r]) || prepared.robot[r]) continue;
    const load = mean(outcomes.map((o) => (o.raw.roleAvailableMinutes[r] > 0 ? o.raw.roleStaffMinutes[r] / o.raw.roleAvailableMinutes[r] : 0)));
    if (!(load > 1)) continue;
    const queue = mean(outcomes.map((o) => o.raw.roleQueueAtHorizon[r]));
    out.push(
      `役割「${roles[r].name}」の作業量が勤務可能時間を超えています（負荷 ${Math.round(load * 100)}%、到着期間の終わりに平均 ${Math.round(queue * 10) / 10} 件が順番待ち）。待ち行列が伸び続けるため、人数・勤務時間・作業時間を見直してください`,
    );
  }
  return out;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

/** A run (or a run of runs) as a generator yielding after each replication; see `simulate`. */
export type ReplicationSteps<T> = Generator<number, T>;

/** Runs the steps straight through. */
export function runSteps<T>(steps: ReplicationSteps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the steps, giving the event loop a turn after each replication (so a worker sees a cancel message). */
export async function runStepsAsync<T>(steps: ReplicationSteps<T>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** The replications of one run as steps, for callers that chain several runs (the comparison). */
export const simulationSteps = (model: SimModel, options: SimulationOptions = {}): ReplicationSteps<SimulationResult> => simulate(model, options);

export function runSimulation(model: SimModel, options: SimulationOptions = {}): SimulationResult {
  return runSteps(simulate(model, options));
}

/** Same result as runSimulation; gives the event loop a turn between replications (worker cancel). */
export async function runSimulationAsync(model: SimModel, options: SimulationOptions = {}): Promise<SimulationResult> {
  return runStepsAsync(simulate(model, options));
}
