import type { Estimate } from '../../sim/stats';
import { licenceSharePerTask, type AutomationCostSettings } from '../roi';
import type { RpaCandidate } from './types';

/**
 * Why the ranking's 削減額 and the 「RPA化を試す」 comparison's ¥ differ, line by line.
 *
 * The ranking's 削減額 is gross: hours saved × the role's hourly cost (or the fallback). The trial
 * compares the As-Is with a To-Be that carries the licence share as a yearly fixed cost, so its ¥ is
 * net of that share; and the simulation prices a role without an hourly cost at ¥0, where the ranking
 * uses the fallback. Development and upkeep are in neither ¥ (the ranking's 費用 column has them).
 * What is left after those two is simulation noise: the ranking and the trial run separate simulations.
 */
export interface TrialYenReconciliation {
  /** The ranking's 削減額 (mean), ¥/年. */
  rankingYen: number;
  /** Written into the To-Be as a fixed cost per year, so the trial's ¥ is net of it. */
  licenceShareYen: number;
  /** False when the step's role has no hourly cost: the simulation then prices its hours at ¥0. */
  staffPricedInTrial: boolean;
  /** The ranking's ¥ after the two adjustments: what the trial should show on average. */
  expectedTrialYen: number;
  trialYen: Estimate;
  /** expectedTrialYen lies inside the trial's 95 % interval (allowing ¥1 for rounding). */
  withinInterval: boolean;
  /** trialYen.mean − rankingYen. */
  differenceYen: number;
}

export function reconcileTrialYen(
  c: Pick<RpaCandidate, 'yenSavedPerYear' | 'hourlyCostSource'>,
  settings: Pick<AutomationCostSettings, 'licenceYenPerRobotYear' | 'tasksPerRobot'>,
  trialYen: Estimate,
): TrialYenReconciliation {
  const rankingYen = c.yenSavedPerYear.mean;
  const licenceShareYen = licenceSharePerTask(settings);
  const staffPricedInTrial = c.hourlyCostSource === 'role';
  const expectedTrialYen = (staffPricedInTrial ? rankingYen : 0) - licenceShareYen;
  const withinInterval = expectedTrialYen >= trialYen.ci95[0] - 1 && expectedTrialYen <= trialYen.ci95[1] + 1;
  return { rankingYen, licenceShareYen, staffPricedInTrial, expectedTrialYen, trialYen, withinInterval, differenceYen: trialYen.mean - rankingYen };
}
