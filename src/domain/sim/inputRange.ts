import type { Distribution } from '../model/annotations';
import { distributionBounds } from './distributions';
import type { SimModel } from './model';

/**
 * 想定の幅 (input range): every step time in a workshop model is a three-point guess, so besides the
 * simulation's own noise (the 95 % interval) a headline figure has the range it spans when the guesses
 * are taken at their ends. The optimistic variant sets every step's staff time, resident time and lag to
 * the low end of its distribution, the pessimistic one to the high end; arrivals, branch probabilities,
 * timers and headcounts are rules or volumes, not step-time guesses, and stay as entered.
 *
 * The ends are the ones the tornado already uses (distributionBounds, one rule for both): the full
 * support of bounded distributions (triangular and uniform: min / max; fixed: its value) and the central
 * 95 % interval of unbounded ones (normal clipped at 0, lognormal, exponential: 2.5th / 97.5th
 * percentile). Taking every step at the same end at once is deliberately the widest plausible case
 * (a workshop's guesses tend to err together), not a probability interval.
 */

export type InputEnd = 'optimistic' | 'pessimistic';

/** Sampled runs of each variant: enough to settle queueing noise, few enough to keep a run cheap. */
export const INPUT_RANGE_MAX_REPLICATIONS = 5;

export function inputRangeReplications(replications: number): number {
  return Math.max(1, Math.min(Math.floor(replications), INPUT_RANGE_MAX_REPLICATIONS));
}

function atEnd(d: Distribution | undefined, end: InputEnd): Distribution | undefined {
  if (!d || d.type === 'fixed') return d;
  const { low, high } = distributionBounds(d);
  return { type: 'fixed', value: Math.max(0, end === 'optimistic' ? low : high) };
}

/** The model with every step's time fixed at one end of its estimate (a new model; the input is untouched). */
export function modelAtInputEnd(model: SimModel, end: InputEnd): SimModel {
  return {
    ...model,
    nodes: model.nodes.map((n) =>
      n.staffTime || n.residentTime || n.lag
        ? {
            ...n,
            staffTime: atEnd(n.staffTime, end),
            residentTime: atEnd(n.residentTime, end),
            lag: n.lag && { ...n.lag, distribution: atEnd(n.lag.distribution, end)! },
          }
        : n,
    ),
  };
}

/** The two ends' values as [low, high]; null when either is missing or not finite. */
export function rangeOf(a: number | null | undefined, b: number | null | undefined): [number, number] | null {
  if (a === null || a === undefined || b === null || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  return a <= b ? [a, b] : [b, a];
}
