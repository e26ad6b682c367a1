import { z } from 'zod';
import { estimateSchema } from '../sim/result';
import { estimate, type Estimate } from '../sim/stats';

/**
 * Per-replication figures of two scenarios run on the same seeds. The interval of a difference is the
 * t-interval of the per-replication differences (paired), which common random numbers make narrow;
 * the interval of each side alone is the ordinary one.
 */

export { estimateSchema };
export type { Estimate };

/** Finite values only; a side without any value has no estimate (e.g. no resident-facing step). */
export function estimateOf(xs: readonly number[]): Estimate | null {
  const finite = xs.filter((x) => Number.isFinite(x));
  return finite.length ? estimate(finite) : null;
}

export function estimateOrZero(xs: readonly number[]): Estimate {
  return estimateOf(xs) ?? { mean: 0, ci95: [0, 0] };
}

/** a[r] − b[r] for the replications where both are finite. */
export function pairedDifference(a: readonly number[], b: readonly number[]): Estimate | null {
  const d: number[] = [];
  for (let r = 0; r < Math.min(a.length, b.length); r++) if (Number.isFinite(a[r]) && Number.isFinite(b[r])) d.push(a[r] - b[r]);
  return estimateOf(d);
}

export function scale(e: Estimate, k: number): Estimate {
  const lo = e.ci95[0] * k;
  const hi = e.ci95[1] * k;
  return { mean: e.mean * k, ci95: [Math.min(lo, hi), Math.max(lo, hi)] };
}

export const pairSchema = z.object({ asIs: estimateSchema, toBe: estimateSchema });
export const nullablePairSchema = z.object({ asIs: estimateSchema.nullable(), toBe: estimateSchema.nullable() });
