import type { RpaCandidate } from './types';

/**
 * Parameters for the RPA improvement template (analysis/interventions, `applyTemplate(xml, 'rpa', …)`)
 * so that the To-Be it builds saves what the ranking promised: the template's expected staff time is
 * (1 − reduction) × original, and the ranking's saving is automationPotential × original.
 * automationPotential = min(0.9, s)(1 − e) keeps reduction + exception ≤ 100 %.
 */
export function rpaTemplateParamsFor(c: Pick<RpaCandidate, 'automationPotential' | 'assessment'>): {
  reductionPercent: number;
  exceptionPercent: number;
} {
  return { reductionPercent: c.automationPotential * 100, exceptionPercent: c.assessment.exceptionRatePct };
}
