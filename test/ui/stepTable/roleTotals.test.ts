import { describe, expect, it } from 'vitest';
import { roleTotals, UNASSIGNED_ROLE } from '../../../src/ui/process/stepTable/roleTotals';

describe('roleTotals', () => {
  it('given steps with explicit roles, lane fallbacks and gaps, when totalled, then minutes are mean per role and gaps are counted', () => {
    const { roles, all } = roleTotals([
      { id: 'a', name: 'A', laneName: '窓口', annotation: { staffTime: { type: 'triangular', min: 3, mode: 6, max: 9 } } },
      { id: 'b', name: 'B', laneName: '窓口', annotation: { role: '審査担当', staffTime: { type: 'fixed', value: 10 } } },
      { id: 'c', name: 'C', laneName: '窓口' },
      { id: 'd', name: 'D', annotation: { staffTime: { type: 'uniform', min: 2, max: 4 } } },
    ]);
    expect(roles).toEqual([
      { role: '窓口', staffMinutes: 6, steps: 2, missing: 1 },
      { role: '審査担当', staffMinutes: 10, steps: 1, missing: 0 },
      { role: UNASSIGNED_ROLE, staffMinutes: 3, steps: 1, missing: 0 },
    ]);
    expect(all).toEqual({ role: '', staffMinutes: 19, steps: 4, missing: 1 });
  });
});
