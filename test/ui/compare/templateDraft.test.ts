import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../../src/domain/analysis/interventions';
import { initialDrafts, parseDrafts, tidyDraft, toBeProcessName } from '../../../src/ui/templates/templateDraft';

describe('template parameter drafts', () => {
  const rpa = TEMPLATES.rpa.params;
  const spec = (key: string) => rpa.find((p) => p.key === key)!;

  it('given the RPA template, when drafts start, then numbers show their default, ¥ with separators, and 自動 starts empty', () => {
    const d = initialDrafts(rpa);
    expect(d.reductionPercent).toBe('84.9');
    expect(d.licenceYenPerRobotYear).toBe('600,000');
    expect(d.checkMinutes).toBe('');
    expect(parseDrafts(rpa, d)).toEqual({ values: {}, problems: [], outOfRange: [] });
  });

  it('given edited numbers, when parsed, then changed values are passed on, full-width digits and units are read, and text that is not a number is refused naming the field', () => {
    const d = { ...initialDrafts(rpa), reductionPercent: '９５', exceptionPercent: 'abc', checkMinutes: '1.5分', licenceYenPerRobotYear: '¥480,000' };
    const parsed = parseDrafts(rpa, d);
    expect(parsed.values).toEqual({ reductionPercent: 95, checkMinutes: 1.5, licenceYenPerRobotYear: 480000 });
    expect(parsed.problems.map((p) => [p.key, p.label, p.code, p.input])).toEqual([['exceptionPercent', '例外で手作業に戻る割合', 'notPercent', 'abc']]);
    expect(parsed.outOfRange).toEqual(['reductionPercent']);
  });

  it('given 自動 typed into an automatic field, when parsed, then the template works it out (nothing is passed)', () => {
    expect(parseDrafts(rpa, { ...initialDrafts(rpa), checkMinutes: '自動' }).values).toEqual({});
  });

  it('given the 書かない窓口 template, when 証明書 is chosen and the ワンストップ box is ticked, then the choice value and the boolean are passed on', () => {
    const params = TEMPLATES.kakanai.params;
    const d = { ...initialDrafts(params), counterKind: 'certificate', oneStop: true };
    expect(initialDrafts(params).counterKind).toBe('notification');
    expect(parseDrafts(params, d).values).toEqual({ counterKind: 'certificate', oneStop: true });
  });

  it('given a ¥ typed without separators, when the field is left, then it is regrouped; text that is not a number stays as typed', () => {
    expect(tidyDraft(spec('licenceYenPerRobotYear'), '1200000')).toBe('1,200,000');
    expect(tidyDraft(spec('licenceYenPerRobotYear'), 'abc')).toBe('abc');
    expect(tidyDraft(spec('reductionPercent'), '80')).toBe('80');
  });

  it('given an As-Is name, when the To-Be is named, then the template label is added', () => {
    expect(toBeProcessName('転入届（現行）', '書かない窓口')).toBe('転入届（現行）（To-Be: 書かない窓口）');
  });
});
