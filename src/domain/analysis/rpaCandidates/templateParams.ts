import { licenceSharePerTask, type AutomationCostSettings } from '../roi';
import type { RpaCandidate } from './types';

/**
 * Parameters for the RPA improvement template (analysis/interventions, `applyTemplate(xml, 'rpa', …)`)
 * so that the To-Be it builds saves what the ranking promised: the template's expected staff time is
 * (1 − reduction) × original, and the ranking's saving is automationPotential × original.
 * automationPotential = min(0.9, s)(1 − e) keeps reduction + exception ≤ 100 %.
 * The licence is the step's share (licenceSharePerTask), the same figure the ranking's running cost
 * counts, on one robot.
 */
export function rpaTemplateParamsFor(
  c: Pick<RpaCandidate, 'automationPotential' | 'assessment'>,
  settings?: Pick<AutomationCostSettings, 'licenceYenPerRobotYear' | 'tasksPerRobot'>,
): {
  reductionPercent: number;
  exceptionPercent: number;
  licenceYenPerRobotYear?: number;
} {
  const base = { reductionPercent: c.automationPotential * 100, exceptionPercent: c.assessment.exceptionRatePct };
  return settings ? { ...base, licenceYenPerRobotYear: licenceSharePerTask(settings) } : base;
}
