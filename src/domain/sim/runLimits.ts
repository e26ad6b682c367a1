import { z } from 'zod';

/**
 * The allowed run settings, one table for the simulation tab's form, the workers' message schemas, the CLI
 * and runSimulation itself: a value outside is refused the same way everywhere, naming the setting.
 * - replications: 1–1,000 (a comparison needs at least 2 for its paired interval);
 * - seed: a 31-bit integer (what the generators take);
 * - years: 0.1–50 of arrivals; cases: 1–1,000,000 per replication (memory stays flat in cases, see bench/memory.ts).
 */
export const RUN_LIMITS = {
  replications: { min: 1, max: 1000, integer: true },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true },
  years: { min: 0.1, max: 50, integer: false },
  cases: { min: 1, max: 1_000_000, integer: true },
} as const;

export type RunLimitField = keyof typeof RUN_LIMITS;

/** A comparison's paired 95 % interval needs two replications at least. */
export const COMPARE_MIN_REPLICATIONS = 2;

/** What is wrong with one setting, as a message code with parameters (the UI and CLI word it). */
export interface RunLimitProblem {
  code: 'run-limit';
  field: RunLimitField;
  min: number;
  max: number;
  integer: boolean;
  /** The refused value; NaN when it was not a number. */
  value: number;
}

/** Null when `value` is allowed for `field` (with an optional stricter minimum), else the problem. */
export function runLimitProblem(field: RunLimitField, value: number, min: number = RUN_LIMITS[field].min): RunLimitProblem | null {
  const { max, integer } = RUN_LIMITS[field];
  if (Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value))) return null;
  return { code: 'run-limit', field, min, max, integer, value };
}

/** The same limits as zod schemas, for the workers' message protocols. */
export function runLimitSchema(field: RunLimitField, min: number = RUN_LIMITS[field].min): z.ZodNumber {
  const { max, integer } = RUN_LIMITS[field];
  const base = integer ? z.number().int() : z.number();
  return base.min(min).max(max);
}

/** Thrown by runSimulation for a setting outside its limits; `problem` carries the code for the caller to word. */
export class RunLimitError extends RangeError {
  constructor(readonly problem: RunLimitProblem) {
    super(`run-limit: ${problem.field}=${problem.value} (${problem.min}..${problem.max})`);
    this.name = 'RunLimitError';
  }
}

/**
 * The first of replications, years and cases outside its limits, or null. The seed is not checked here:
 * comparisons and the sensitivity analysis derive seeds of their own.
 */
export function firstRunLimitProblem(
  options: Partial<Record<RunLimitField, number>>,
  minReplications: number = RUN_LIMITS.replications.min,
): RunLimitProblem | null {
  for (const field of ['replications', 'years', 'cases'] as const) {
    const v = options[field];
    if (v === undefined) continue;
    const problem = runLimitProblem(field, v, field === 'replications' ? minReplications : undefined);
    if (problem) return problem;
  }
  return null;
}

export function assertRunLimits(options: Partial<Record<RunLimitField, number>>, minReplications?: number): void {
  const problem = firstRunLimitProblem(options, minReplications);
  if (problem) throw new RunLimitError(problem);
}
