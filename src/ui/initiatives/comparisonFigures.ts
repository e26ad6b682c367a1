import type { ComparisonResult } from '../../domain/analysis/compare';
import type { Estimate } from '../../domain/analysis/compareStats';
import { applyComparisonEstimates, type ComparisonFigures, type Initiative } from '../../domain/model/initiative';

/** The latest comparison of one attached As-Is/To-Be pair, as ComparisonRepository keeps it. */
export interface PairComparison {
  asIsId: string;
  toBeId: string;
  inputHash: string;
  computedAt: string;
  result: ComparisonResult;
}

/** Identifies exactly these results: a re-run (new hash or new time) gives a new key, so the estimate is seen as replaced. */
export function comparisonKeyOf(comparisons: readonly PairComparison[]): string {
  return comparisons
    .map((c) => `${c.asIsId}|${c.toBeId}|${c.inputHash}|${c.computedAt}`)
    .sort()
    .join(';');
}

/**
 * Separate pairs are separate simulations (independent noise), so a sum's interval half-widths add
 * in quadrature on each side of the summed mean.
 */
function sumEstimates(list: readonly Estimate[]): Estimate {
  const mean = list.reduce((s, e) => s + e.mean, 0);
  const below = Math.sqrt(list.reduce((s, e) => s + (e.mean - e.ci95[0]) ** 2, 0));
  const above = Math.sqrt(list.reduce((s, e) => s + (e.ci95[1] - e.mean) ** 2, 0));
  // 想定の幅 ends are every step at the same end in every pair at once, so they add end by end.
  const ranges = list.map((e) => e.inputRange);
  const inputRange = ranges.every((r) => r) ? ([ranges.reduce((s, r) => s + r![0], 0), ranges.reduce((s, r) => s + r![1], 0)] as [number, number]) : undefined;
  return { mean, ci95: [mean - below, mean + above], ...(inputRange ? { inputRange } : {}) };
}

/**
 * Per-visit minutes and lead days of several procedures are averaged by their yearly cases; the
 * bounds are averaged the same way, which can only widen the interval (it assumes the worst case
 * that the pairs' errors go together), so the stated 95 % is not overstated.
 */
function weightedEstimates(list: readonly { estimate: Estimate; weight: number }[]): Estimate {
  const total = list.reduce((s, x) => s + x.weight, 0);
  const w = (x: { weight: number }) => (total > 0 ? x.weight / total : 1 / list.length);
  const ranged = list.every((x) => x.estimate.inputRange);
  return {
    mean: list.reduce((s, x) => s + w(x) * x.estimate.mean, 0),
    ci95: [list.reduce((s, x) => s + w(x) * x.estimate.ci95[0], 0), list.reduce((s, x) => s + w(x) * x.estimate.ci95[1], 0)],
    // 想定の幅: each end averaged with the same weights.
    ...(ranged
      ? {
          inputRange: [list.reduce((s, x) => s + w(x) * x.estimate.inputRange![0], 0), list.reduce((s, x) => s + w(x) * x.estimate.inputRange![1], 0)] as [
            number,
            number,
          ],
        }
      : {}),
  };
}

/**
 * What the attached maps say for the linked indicators: hours saved per year (summed over pairs),
 * and, for the To-Be state the 取組 works towards, resident minutes per visit and lead time in
 * business days. Null when no pair has been compared.
 */
export function figuresOf(comparisons: readonly PairComparison[]): ComparisonFigures | null {
  if (comparisons.length === 0) return null;
  const weight = (c: PairComparison) => c.result.casesPerYear.toBe.mean;
  const resident = comparisons.flatMap((c) =>
    c.result.residentMinutesPerVisit.toBe ? [{ estimate: c.result.residentMinutesPerVisit.toBe, weight: weight(c) }] : [],
  );
  const lead = comparisons.map((c) => ({ estimate: c.result.leadTimeBusinessDays.toBe, weight: weight(c) }));
  return {
    comparisonKey: comparisonKeyOf(comparisons),
    computedAt:
      comparisons
        .map((c) => c.computedAt)
        .sort()
        .at(-1) ?? '',
    hoursSavedPerYear: sumEstimates(comparisons.map((c) => c.result.hoursSavedPerYear)),
    ...(resident.length ? { residentMinutesPerVisit: weightedEstimates(resident) } : {}),
    leadTimeBusinessDays: weightedEstimates(lead),
  };
}

/**
 * The 取組 with its linked indicators' estimates for `fiscalYear` taken from the comparisons; targets
 * and measured values are never touched. `changed` tells whether anything needs saving.
 */
export function refreshEstimates(
  initiative: Initiative,
  fiscalYear: number,
  comparisons: readonly PairComparison[],
): { initiative: Initiative; changed: boolean } {
  const figures = figuresOf(comparisons);
  if (!figures) return { initiative, changed: false };
  const next = applyComparisonEstimates(initiative, fiscalYear, figures);
  return { initiative: next, changed: JSON.stringify(next.indicators) !== JSON.stringify(initiative.indicators) };
}

/** Pairs of the 取組 that can be compared (both maps attached). */
export function comparablePairs(initiative: Pick<Initiative, 'attachments'>): { asIsId: string; toBeId: string }[] {
  return initiative.attachments.flatMap((a) => (a.toBeProcessId ? [{ asIsId: a.asIsProcessId, toBeId: a.toBeProcessId }] : []));
}

/** Where the latest comparison of one As-Is / To-Be pair is looked up (undefined: not computed yet). */
export type ComparisonLookup = (asIsProcessId: string, toBeProcessId: string) => PairComparison | undefined;

/**
 * The linked indicators' estimates for `fiscalYear` from the given pairs, each looked up by its
 * (As-Is id, To-Be id). Which pairs count is the caller's (today every attached As-Is with its
 * To-Be, see comparablePairs); with several To-Be scenarios per As-Is the chosen one is passed.
 */
export function estimatesFromPairs(
  initiative: Initiative,
  fiscalYear: number,
  pairs: readonly { asIsId: string; toBeId: string }[],
  comparisonOf: ComparisonLookup,
): { initiative: Initiative; changed: boolean; comparisonKey?: string } {
  const comparisons = pairs.flatMap((p) => comparisonOf(p.asIsId, p.toBeId) ?? []);
  const out = refreshEstimates(initiative, fiscalYear, comparisons);
  return comparisons.length ? { ...out, comparisonKey: comparisonKeyOf(comparisons) } : out;
}
