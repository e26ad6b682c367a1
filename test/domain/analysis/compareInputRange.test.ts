import { describe, expect, it } from 'vitest';
import { comparisonResultSchema } from '../../../src/domain/analysis/compare';
import { compareDiagrams } from '../../../src/domain/analysis/compareDiagrams';
import { linearBpmn } from './compareFixtures';

const roles = [{ name: '職員', hourlyCost: 3000 }];
const asIs = linearBpmn({
  annualVolume: 900,
  roles,
  steps: [{ id: 'Task_1', name: '審査', role: '職員', staff: { type: 'triangular', min: 10, mode: 12, max: 20 } }],
});
const toBe = linearBpmn({ annualVolume: 900, roles, steps: [{ id: 'Task_1', name: '審査', role: '職員', staff: { type: 'fixed', value: 8 } }] });

describe('compareScenarios with 想定の幅', () => {
  it('given As-Is triangular(10, 12, 20) min vs To-Be fixed 8 min at 900 cases, when compared with inputRange, then hours saved range over [900·(10−8)/60, 900·(20−8)/60] = [30, 180] and the other headline figures follow the same ends', async () => {
    const out = await compareDiagrams(asIs, toBe, { cases: 900, replications: 6, seed: 2, startDate: '2027-04-01', inputRange: true });
    if (!out.ok) throw new Error(out.message);
    const r = comparisonResultSchema.parse(out.result);
    expect(r.hoursSavedPerYear.inputRange).toEqual([expect.closeTo((900 * 2) / 60, 9), expect.closeTo((900 * 12) / 60, 9)]);
    // % of the As-Is hours: (10 − 8)/10 = 20 %, (20 − 8)/20 = 60 %
    expect(r.percentSaved.inputRange).toEqual([expect.closeTo(20, 9), expect.closeTo(60, 9)]);
    expect(r.fte.inputRange).toEqual([expect.closeTo(30 / 1860, 9), expect.closeTo(180 / 1860, 9)]);
    // 3,000 円/時 × hours saved
    expect(r.yenSavedPerYear.inputRange).toEqual([expect.closeTo(3000 * 30, 6), expect.closeTo(3000 * 180, 6)]);
    expect(r.staffMinutesPerCase.asIs.inputRange).toEqual([expect.closeTo(10, 9), expect.closeTo(20, 9)]);
    expect(r.staffMinutesPerCase.toBe.inputRange).toEqual([expect.closeTo(8, 9), expect.closeTo(8, 9)]);
    expect(r.staffMinutesSavedPerCase.inputRange).toEqual([expect.closeTo(2, 9), expect.closeTo(12, 9)]);
    expect(r.leadTimeBusinessDaysSaved.inputRange).toHaveLength(2);
    // No resident-facing step: no resident figure, so no range either.
    expect(r.residentMinutesSavedPerVisit).toBeNull();
    // The 95 % interval is the paired simulation noise and lies inside the input range.
    expect(r.hoursSavedPerYear.ci95[0]).toBeGreaterThan(30);
    expect(r.hoursSavedPerYear.ci95[1]).toBeLessThan(180);
  });

  it('given the option off, when compared, then no figure carries inputRange', async () => {
    const out = await compareDiagrams(asIs, toBe, { cases: 100, replications: 2, startDate: '2027-04-01' });
    if (!out.ok) throw new Error(out.message);
    expect(out.result.hoursSavedPerYear.inputRange).toBeUndefined();
    expect(out.result.staffHoursPerYear.asIs.inputRange).toBeUndefined();
  });
});
