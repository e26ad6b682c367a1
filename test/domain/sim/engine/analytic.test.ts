import { describe, expect, it } from 'vitest';
import { expectedStaffMinutes, expectedVisits } from '../../../../src/domain/sim/analytic';
import { runSimulation } from '../../../../src/domain/sim/runSimulation';
import { reworkModel } from './fixtures';

describe('staff minutes per case against the absorbing Markov chain', () => {
  it('given a branching model with rework loops and no queues, when simulated, then the exact expectation lies in the 95% CI', () => {
    const model = reworkModel();
    const exact = expectedStaffMinutes(model);
    // Receive is visited 1/(0.7·0.9) ≈ 1.587 times per case (rework 30 %, back from approval 10 %).
    expect(expectedVisits(model)[1]).toBeCloseTo(1 / (0.7 * 0.9), 9);
    const r = runSimulation(model, { seed: 20250401, replications: 20, years: 1 });
    const est = r.kpis.staffMinutesPerCase;
    expect(est.ci95[0]).toBeLessThanOrEqual(exact);
    expect(est.ci95[1]).toBeGreaterThanOrEqual(exact);
    // The interval is informative, not just wide: within 2 % of the mean.
    expect(est.ci95[1] - est.ci95[0]).toBeLessThan(0.02 * exact);
  });
});
