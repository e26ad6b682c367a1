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

export const COMPARE_MIN_REPLICATIONS = 2;

const LABELS: Record<RunLimitField, string> = { replications: '反復回数', seed: 'シード', years: '年数', cases: '件数' };

/** Null when `value` is allowed for `field`, else a Japanese sentence naming the setting and its range. */
export function runLimitProblem(field: RunLimitField, value: number, min: number = RUN_LIMITS[field].min): string | null {
  const { max, integer } = RUN_LIMITS[field];
  if (Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value))) return null;
  return `${LABELS[field]}は ${min.toLocaleString('ja-JP')}〜${max.toLocaleString('ja-JP')} の${integer ? '整数' : '数'}で指定してください（指定: ${Number.isFinite(value) ? value : '数値以外'}）`;
}

/** The same limits as zod schemas, for the workers' message protocols. */
export function runLimitSchema(field: RunLimitField, min: number = RUN_LIMITS[field].min): z.ZodNumber {
  const { max, integer } = RUN_LIMITS[field];
  const base = integer ? z.number().int() : z.number();
  return base.min(min).max(max);
}

/**
 * Throws a RangeError (Japanese, naming the setting) for the first of replications, years and cases outside its
 * limits. The seed is not checked here: comparisons and the sensitivity analysis derive seeds of their own.
 */
export function assertRunLimits(options: Partial<Record<RunLimitField, number>>, minReplications: number = RUN_LIMITS.replications.min): void {
  for (const field of ['replications', 'years', 'cases'] as const) {
    const v = options[field];
    if (v === undefined) continue;
    const problem = runLimitProblem(field, v, field === 'replications' ? minReplications : undefined);
    if (problem) throw new RangeError(problem);
  }
}
