import { expectedAnnualStaffMinutes, expectedAnnualVisits } from '../sim/analytic';
import type { SimModel } from '../sim/model';

/**
 * The analytic expectation used by the sensitivity analysis and the intervention templates. The
 * formulas live in the engine (sim/analytic.ts: visits from flow probabilities × mean sampled staff time,
 * robot roles excluded), so the tornado, the templates and the engine's own tests share one implementation.
 */
export { expectedAnnualStaffMinutes, expectedStaffMinutesPerCase, sampledMean } from '../sim/analytic';

/** Expected visits per node per year (arrival volumes at the start nodes). */
export const expectedVisits = expectedAnnualVisits;

/** 削減した業務時間 (h/yr) by the analytic expectation. */
export function expectedHoursSavedPerYear(asIs: SimModel, toBe: SimModel): number {
  return (expectedAnnualStaffMinutes(asIs) - expectedAnnualStaffMinutes(toBe)) / 60;
}
