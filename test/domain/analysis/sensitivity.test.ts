import { describe, expect, it } from 'vitest';
import { sensitivityAnalysis, sensitivityResultSchema, withProbability } from '../../../src/domain/analysis/sensitivity';
import { expectedAnnualStaffMinutes, expectedVisits } from '../../../src/domain/analysis/sensitivityAnalytic';
import { expectedStaffMinutes } from '../../../src/domain/sim/analytic';
import { buildSimModel, type NodeSpec } from '../../../src/domain/sim/modelBuilder';
import type { Distribution } from '../../../src/domain/model/annotations';

const tri = (min: number, mode: number, max: number): Distribution => ({ type: 'triangular', min, mode, max });

/** start → A → B → gateway (rework p) → B again | C → end */
function model(opts: { a: Distribution; b: Distribution; c: Distribution; rework: number }) {
  const nodes: NodeSpec[] = [
    { id: 'S', kind: 'start' },
    { id: 'A', kind: 'task', name: '受付', roleName: '職員', staffTime: opts.a },
    { id: 'B', kind: 'task', name: '審査', roleName: '職員', staffTime: opts.b },
    { id: 'G', kind: 'exclusive', name: '不備あり?' },
    { id: 'C', kind: 'task', name: '通知', roleName: '職員', staffTime: opts.c },
    { id: 'E', kind: 'end' },
  ];
  return buildSimModel({
    nodes,
    flows: [
      { id: 'f1', from: 'S', to: 'A' },
      { id: 'f2', from: 'A', to: 'B' },
      { id: 'f3', from: 'B', to: 'G' },
      { id: 'fRework', from: 'G', to: 'B', probability: opts.rework },
      { id: 'fOk', from: 'G', to: 'C', probability: 1 - opts.rework },
      { id: 'f5', from: 'C', to: 'E' },
    ],
    roles: [{ name: '職員', headcount: 2 }],
    arrivals: [{ start: 'S', annualVolume: 600 }],
  });
}

describe('sensitivity (tornado)', () => {
  it('given a rework loop of 20 %, when visits are solved, then the reviewed step is visited 1 / (1 − 0.2) times per case', () => {
    const m = model({ a: tri(1, 2, 3), b: tri(5, 10, 15), c: tri(1, 2, 3), rework: 0.2 });
    const v = expectedVisits(m);
    expect(v[2] / 600).toBeCloseTo(1.25, 9);
    expect(expectedAnnualStaffMinutes(m)).toBeCloseTo(600 * (2 + 1.25 * 10 + 2), 6);
    // Same answer as the engine's exact single-token solver.
    expect(expectedAnnualStaffMinutes(m) / 600).toBeCloseTo(expectedStaffMinutes(m), 9);
  });

  it('given a To-Be where only the wide review estimate changes, when the tornado is computed, then that estimate is the first bar and unchanged steps swing 0', () => {
    const asIs = model({ a: tri(1, 2, 3), b: tri(5, 20, 120), c: tri(1, 2, 3), rework: 0.2 });
    const toBe = model({ a: tri(1, 2, 3), b: tri(2, 5, 10), c: tri(1, 2, 3), rework: 0.2 });
    const r = sensitivityAnalysis(asIs, toBe);
    expect(sensitivityResultSchema.parse(r)).toEqual(r);
    expect(r.bars[0]).toMatchObject({ elementId: 'B', scenario: 'as-is', parameter: 'staffTime', lowInput: 5, highInput: 120 });
    // (120 − 5) min × 1.25 visits × 600 cases / 60
    expect(r.bars[0].swing).toBeCloseTo((115 * 1.25 * 600) / 60, 6);
    for (let i = 1; i < r.bars.length; i++) expect(r.bars[i].swing).toBeLessThanOrEqual(r.bars[i - 1].swing);
    expect(r.bars.find((b) => b.elementId === 'A')).toMatchObject({ scenario: 'both', swing: 0 });
    // The shared rework probability moves both scenarios; the saving still depends on it through B.
    const rework = r.bars.find((b) => b.elementId === 'fRework')!;
    expect(rework).toMatchObject({ scenario: 'both', parameter: 'probability', lowInput: 10, highInput: 30 });
    expect(rework.swing).toBeGreaterThan(0);
    expect(r.baselineHoursSavedPerYear).toBeCloseTo(((145 / 3 - 17 / 3) * 1.25 * 600) / 60, 6);
  });

  it('given a one-of split, when a probability moves, then its siblings share the rest in proportion', () => {
    const m = model({ a: tri(1, 2, 3), b: tri(5, 10, 15), c: tri(1, 2, 3), rework: 0.2 });
    const moved = withProbability(m, 'fRework', 0.3);
    const byId = Object.fromEntries(moved.flows.map((f) => [f.id, f.probability]));
    expect(byId.fRework).toBeCloseTo(0.3, 12);
    expect(byId.fOk).toBeCloseTo(0.7, 12);
    expect(m.flows.find((f) => f.id === 'fRework')!.probability).toBeCloseTo(0.2, 12);
  });
});
