import { describe, expect, it } from 'vitest';
import { robotCalendar } from '../../../../src/domain/model/annotations';
import { clampedNormalMean } from '../../../../src/domain/sim/distributions';
import { buildSimModel } from '../../../../src/domain/sim/modelBuilder';
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

describe('expected staff minutes', () => {
  it('given a normal staff time with a large sd and a robot step, when the expectation is computed, then the normal is clamped at 0 like the sampler and the robot is left out', () => {
    const model = buildSimModel({
      nodes: [
        { id: 'S', kind: 'start' },
        { id: 'A', kind: 'task', roleName: '職員', staffTime: { type: 'normal', mean: 2, sd: 4 } },
        { id: 'B', kind: 'task', roleName: 'RPA', staffTime: { type: 'fixed', value: 30 } },
        { id: 'E', kind: 'end' },
      ],
      flows: [
        { from: 'S', to: 'A' },
        { from: 'A', to: 'B' },
        { from: 'B', to: 'E' },
      ],
      roles: [{ name: '職員' }, { name: 'RPA', calendar: robotCalendar() }],
      arrivals: [{ start: 'S', annualVolume: 5000 }],
    });
    const exact = clampedNormalMean(2, 4);
    expect(exact).toBeGreaterThan(2.5);
    expect(expectedStaffMinutes(model)).toBeCloseTo(exact, 9);
    const r = runSimulation(model, { seed: 2, replications: 10 });
    expect(r.kpis.staffMinutesPerCase.ci95[0]).toBeLessThanOrEqual(exact);
    expect(r.kpis.staffMinutesPerCase.ci95[1]).toBeGreaterThanOrEqual(exact);
  });
});
