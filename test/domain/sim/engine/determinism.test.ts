import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../../../src/domain/sim/runSimulation';
import { simulationResultSchema } from '../../../../src/domain/sim/result';
import { joinsModel, reworkModel, timersModel } from './fixtures';

describe('seeds and modes', () => {
  it('given the same seed, when run twice, then the results are identical; another seed differs', () => {
    const a = runSimulation(reworkModel(), { seed: 11, replications: 3 });
    const b = runSimulation(reworkModel(), { seed: 11, replications: 3 });
    const c = runSimulation(reworkModel(), { seed: 12, replications: 3 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.kpis.staffMinutesPerCase.mean).not.toBe(a.kpis.staffMinutesPerCase.mean);
    expect(simulationResultSchema.safeParse(a).success).toBe(true);
  });

  it.each([
    ['rework', reworkModel],
    ['joins', joinsModel],
    ['timers', timersModel],
  ])('given the %s model, when run in fast and actor mode, then per-case traces and KPIs are identical', (_name, make) => {
    const model = make();
    const opts = { seed: 5, replications: 2, cases: 300, trace: 300 };
    const fast = runSimulation(model, { ...opts, mode: 'fast' });
    const actor = runSimulation(model, { ...opts, mode: 'actor' });
    expect(fast.traces!.length).toBe(300);
    expect(actor.traces).toEqual(fast.traces);
    expect(actor.kpis).toEqual(fast.kpis);
  });
});
