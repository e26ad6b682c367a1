import { buildCaseMachine, DEFAULT_CASE_LIMITS, type CaseMachine } from './caseMachine';
import { ActorCaseDriver, FastCaseDriver, type CaseDriver } from './caseDrivers';
import { SimCancelledError, SimValidationError, RunawayError } from './errors';
import { computeKpis, type ReplicationOutcome } from './kpis';
import type { SimModel } from './model';
import { replicationSeed } from './prng';
import type { SimulationResult } from './result';
import { prepareModel, runReplication, type StartDate } from './scheduler';

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
  /** 'YYYY-MM-DD'; default 2025-04-01, the start of a 年度. */
  startDate?: string;
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
}

export const DEFAULT_START_DATE = '2025-04-01';
export const DEFAULT_REPLICATIONS = 10;
export const DEFAULT_MAX_EVENTS_PER_CASE = 10_000;

function parseDate(s: string): StartDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new RangeError(`開始日は YYYY-MM-DD 形式で指定してください: ${s}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** Minutes from the start date to the same date `years` later (fractional years as 365-day parts). */
function minutesAfterYears(start: StartDate, years: number): number {
  const whole = Math.floor(years);
  const end = Date.UTC(start.y + whole, start.m - 1, start.d) + (years - whole) * 365 * 86_400_000;
  return (end - Date.UTC(start.y, start.m - 1, start.d)) / 60_000;
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
  const seed = options.seed ?? 1;
  const replications = Math.max(1, Math.floor(options.replications ?? DEFAULT_REPLICATIONS));
  const mode = options.mode ?? 'fast';
  const startText = options.startDate ?? DEFAULT_START_DATE;
  const start = parseDate(startText);
  const totalVolume = model.arrivals.reduce((s, a) => s + a.annualVolume, 0);
  const cases = options.cases ?? model.processInstances;
  const byCases = cases !== undefined;
  const years = byCases ? Math.max(cases / Math.max(totalVolume, 1e-9), 1 / 365) : options.years ?? 1;
  if (!(years > 0) || !Number.isFinite(years)) throw new RangeError(`シミュレーション期間（年）が不正です: ${options.years}`);
  const arrivalEnd = byCases ? Infinity : minutesAfterYears(start, years);
  const prepared = prepareModel(model, start, Math.ceil(years * 366) + 30);
  const machine = machineFor(model, options.maxTokensPerCase ?? DEFAULT_CASE_LIMITS.maxTokens);
  const driver: CaseDriver = mode === 'actor' ? new ActorCaseDriver(machine, model.nodes.length) : new FastCaseDriver(machine, model.nodes.length);
  const traceCases = options.trace === true ? 20 : typeof options.trace === 'number' ? options.trace : 0;

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
    options.onProgress?.((r + 1) / replications);
    yield (r + 1) / replications;
  }
  const warnings = model.issues.filter((i) => i.severity === 'warning').map((i) => i.message);
  const unfinished = mean(outcomes.map((o) => o.raw.casesStarted - o.raw.casesCompleted));
  if (unfinished > 0)
    warnings.push(`反復1回あたり平均 ${Math.round(unfinished * 10) / 10} 件の案件が終了しませんでした（並列合流で来ない流れを待っている等）。これらはリードタイムに含まれません`);
  return computeKpis(prepared, outcomes, {
    seed,
    mode,
    startDate: startText,
    simulatedYears: byCases ? mean(outcomes.map((o) => o.raw.horizonMinutes)) / 525_600 : years,
    warnings,
    keepReplications: options.keepReplications,
  });
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
}

export function runSimulation(model: SimModel, options: SimulationOptions = {}): SimulationResult {
  const it = simulate(model, options);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** Same result as runSimulation; gives the event loop a turn between replications (worker cancel). */
export async function runSimulationAsync(model: SimModel, options: SimulationOptions = {}): Promise<SimulationResult> {
  const it = simulate(model, options);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
