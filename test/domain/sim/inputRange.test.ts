import { describe, expect, it } from 'vitest';
import { modelAtInputEnd } from '../../../src/domain/sim/inputRange';
import { loadSimModel } from '../../../src/domain/sim/loadDiagram';
import type { SimModel } from '../../../src/domain/sim/model';
import { simulationResultSchema } from '../../../src/domain/sim/result';
import { runSimulation } from '../../../src/domain/sim/runSimulation';
import { linearBpmn } from '../analysis/compareFixtures';

async function model(xml: string): Promise<SimModel> {
  const r = await loadSimModel(xml);
  if (!r.ok) throw new Error(r.message);
  return r.model;
}

// One step, no headcount (no queue): every case costs exactly its step time, so the ends are hand arithmetic.
const oneStep = linearBpmn({
  annualVolume: 1000,
  roles: [{ name: '職員', hourlyCost: 3000 }],
  steps: [{ id: 'Task_1', name: '審査', role: '職員', staff: { type: 'triangular', min: 4, mode: 6, max: 11 }, resident: { type: 'uniform', min: 2, max: 5 } }],
});

describe('想定の幅 (input range)', () => {
  it('given triangular, uniform, normal, lognormal and exponential step times, when the ends are taken, then bounded ones go to min / max and unbounded ones to the 2.5th / 97.5th percentile, clipped at 0', async () => {
    const m = await model(oneStep);
    const task = (x: SimModel) => x.nodes.find((n) => n.id === 'Task_1')!;
    expect(task(modelAtInputEnd(m, 'optimistic')).staffTime).toEqual({ type: 'fixed', value: 4 });
    expect(task(modelAtInputEnd(m, 'pessimistic')).staffTime).toEqual({ type: 'fixed', value: 11 });
    expect(task(modelAtInputEnd(m, 'optimistic')).residentTime).toEqual({ type: 'fixed', value: 2 });
    const withDist = (d: NonNullable<SimModel['nodes'][number]['staffTime']>): SimModel => ({
      ...m,
      nodes: m.nodes.map((n) => (n.id === 'Task_1' ? { ...n, staffTime: d } : n)),
    });
    // normal(10, 2): 10 ∓ 1.95996 · 2; normal(1, 2) low end would be negative → 0.
    expect(task(modelAtInputEnd(withDist({ type: 'normal', mean: 10, sd: 2 }), 'optimistic')).staffTime).toEqual({
      type: 'fixed',
      value: expect.closeTo(10 - 1.959964 * 2, 5),
    });
    expect(task(modelAtInputEnd(withDist({ type: 'normal', mean: 1, sd: 2 }), 'optimistic')).staffTime).toEqual({ type: 'fixed', value: 0 });
    // exponential(mean 10): quantile −10 · ln(1 − p) at p = 0.975 → 10 · ln 40.
    expect(task(modelAtInputEnd(withDist({ type: 'exponential', mean: 10 }), 'pessimistic')).staffTime).toEqual({
      type: 'fixed',
      value: expect.closeTo(10 * Math.log(40), 9),
    });
    // the original model is untouched
    expect(task(m).staffTime).toEqual({ type: 'triangular', min: 4, mode: 6, max: 11 });
  });

  it('given a single triangular(4, 6, 11)-minute step at 1,000 cases a year and no queue, when simulated with inputRange, then staff hours range over exactly [1000·4/60, 1000·11/60] and the resident visit (own time, then the staff time) over [2 + 4, 5 + 11]', async () => {
    const result = runSimulation(await model(oneStep), { cases: 1000, replications: 8, seed: 3, startDate: '2027-04-01', inputRange: true });
    const k = result.kpis;
    expect(k.staffHoursPerYear.inputRange![0]).toBeCloseTo((1000 * 4) / 60, 9);
    expect(k.staffHoursPerYear.inputRange![1]).toBeCloseTo((1000 * 11) / 60, 9);
    expect(k.staffMinutesPerCase.inputRange![0]).toBeCloseTo(4, 9);
    expect(k.staffMinutesPerCase.inputRange![1]).toBeCloseTo(11, 9);
    // 3,000 円/時 × hours
    expect(k.costYenPerYear.inputRange![0]).toBeCloseTo((3000 * 1000 * 4) / 60, 6);
    expect(k.costYenPerYear.inputRange![1]).toBeCloseTo((3000 * 1000 * 11) / 60, 6);
    expect(k.fte.inputRange![1]).toBeCloseTo((1000 * 11) / 60 / 1860, 9);
    expect(k.residentMinutesPerVisit!.inputRange).toEqual([expect.closeTo(2 + 4, 9), expect.closeTo(5 + 11, 9)]);
    expect(k.leadTimeMinutes.inputRange![0]).toBeLessThanOrEqual(k.leadTimeMinutes.inputRange![1]);
    expect(k.leadTimeBusinessDays.inputRange).toHaveLength(2);
    // The 95 % interval (noise) stays what it was and lies inside the range.
    expect(k.staffHoursPerYear.ci95[0]).toBeGreaterThan(k.staffHoursPerYear.inputRange![0]);
    expect(k.staffHoursPerYear.ci95[1]).toBeLessThan(k.staffHoursPerYear.inputRange![1]);
    expect(simulationResultSchema.parse(result).kpis.staffHoursPerYear.inputRange).toEqual(k.staffHoursPerYear.inputRange);
  });

  it('given the option off, when simulated, then no estimate carries inputRange and the figures equal a run with it on', async () => {
    const m = await model(oneStep);
    const plain = runSimulation(m, { cases: 200, replications: 3, seed: 9, startDate: '2027-04-01' });
    const ranged = runSimulation(m, { cases: 200, replications: 3, seed: 9, startDate: '2027-04-01', inputRange: true });
    expect(plain.kpis.staffHoursPerYear.inputRange).toBeUndefined();
    expect(ranged.kpis.staffHoursPerYear.mean).toBe(plain.kpis.staffHoursPerYear.mean);
    expect(ranged.kpis.staffHoursPerYear.ci95).toEqual(plain.kpis.staffHoursPerYear.ci95);
  });

  it('given a model whose step times are all fixed, when simulated with inputRange, then the range collapses to the mean', async () => {
    const fixed = linearBpmn({
      annualVolume: 500,
      roles: [{ name: '職員' }],
      steps: [{ id: 'Task_1', name: '入力', role: '職員', staff: { type: 'fixed', value: 6 } }],
    });
    const k = runSimulation(await model(fixed), { cases: 500, replications: 2, startDate: '2027-04-01', inputRange: true }).kpis;
    expect(k.staffHoursPerYear.inputRange).toEqual([expect.closeTo(50, 9), expect.closeTo(50, 9)]);
  });
});
