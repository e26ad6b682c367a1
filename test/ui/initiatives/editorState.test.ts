import { describe, expect, it } from 'vitest';
import { parseInitiative } from '../../../src/domain/model/initiative';
import { defaultEstimateYear, editablePatch, editorYears, isDirty } from '../../../src/ui/initiatives/editorState';
import { validateInitiative } from '../../../src/ui/initiatives/validation';
import { parseNumberInput } from '../../../src/ui/initiatives/NumberField';

const base = parseInitiative({
  schemaVersion: 1,
  id: 'i',
  workspaceId: 'w',
  title: '電子決裁の導入',
  departments: ['総務課'],
  schedule: [
    { fiscalYear: 2024, stages: ['導入'], note: '' },
    { fiscalYear: 2025, stages: ['運用'], note: '' },
  ],
  createdAt: '2025-04-01T00:00:00Z',
  updatedAt: '2025-04-01T00:00:00Z',
});

describe('取組 editor state', () => {
  it('given empty rows in the form, when the patch is built, then empty schedule years and findings are left out', () => {
    const draft = { ...base, schedule: [...base.schedule, { fiscalYear: 2026, stages: [], note: ' ' }], bprFindings: [{ issue: '', solution: '' }] };
    const patch = editablePatch(draft);
    expect(patch.schedule?.map((s) => s.fiscalYear)).toEqual([2024, 2025]);
    expect(patch.bprFindings).toEqual([]);
    expect(isDirty(draft, base)).toBe(false);
    expect(isDirty({ ...base, summary: '紙の回議を廃止' }, base)).toBe(true);
  });

  it('given a schedule, when years and the estimate year are derived, then they cover the plan and default to the first year in operation', () => {
    expect(editorYears(base, 2025, { before: 0, after: 0 })).toEqual([2024, 2025, 2026, 2027]);
    expect(editorYears(base, 2025, { before: 1, after: 1 })).toEqual([2023, 2024, 2025, 2026, 2027, 2028]);
    expect(defaultEstimateYear(base, 2030)).toBe(2025);
    expect(defaultEstimateYear({ ...base, schedule: [] }, 2030)).toBe(2030);
  });

  it('given an empty 取組名 and no 担当課, when validated, then the problems are named in Japanese', () => {
    const issues = validateInitiative({ ...base, title: '', departments: [] });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: ['title'], message: '取組名が空です' },
        { path: ['departments'], message: '担当課を1つ以上入力してください' },
      ]),
    );
    expect(validateInitiative({ ...base, costs: { initialYen: -1 } })).toEqual([{ path: ['costs', 'initialYen'], message: '費用に負の値は入力できません' }]);
    const withYear = (fiscalYear: unknown) => ({ ...base, indicators: [{ id: 'x', name: '件数', unit: '件', kind: 'count', years: [{ fiscalYear }] }] });
    expect(validateInitiative(withYear(1990))[0].message).toBe('年度が正しくありません');
    // zod's own English message for a wrong type is replaced by a Japanese one.
    expect(validateInitiative(withYear('R7'))[0]).toEqual({ path: ['indicators', 0, 'years', 0, 'fiscalYear'], message: '値の形式が正しくありません' });
    expect(validateInitiative(base)).toEqual([]);
  });

  it('given typed numbers, when parsed, then full-width digits and separators are read and junk is NaN', () => {
    expect(parseNumberInput('１，２３４')).toBe(1234);
    expect(parseNumberInput(' 12.5 ')).toBe(12.5);
    expect(parseNumberInput('')).toBeUndefined();
    expect(parseNumberInput('abc')).toBeNaN();
  });
});
