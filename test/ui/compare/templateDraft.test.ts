import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../../src/domain/analysis/interventions';
import { initialDrafts, parseDrafts, toBeProcessName } from '../../../src/ui/templates/templateDraft';

describe('template parameter drafts', () => {
  const rpa = TEMPLATES.rpa.params;

  it('given the RPA template, when drafts start, then numbers show their default and auto defaults start empty', () => {
    const d = initialDrafts(rpa);
    expect(d.reductionPercent).toBe('84.9');
    expect(d.checkMinutes).toBe('');
    expect(parseDrafts(rpa, d)).toEqual({ values: {}, invalid: [], outOfRange: [] });
  });

  it('given edited numbers, when parsed, then changed values are passed on, full-width digits are read, and text that is not a number is flagged', () => {
    const d = { ...initialDrafts(rpa), reductionPercent: '９５', exceptionPercent: 'abc', checkMinutes: '1,5' };
    const parsed = parseDrafts(rpa, d);
    expect(parsed.values).toMatchObject({ reductionPercent: 95, checkMinutes: 15 });
    expect(parsed.invalid).toEqual(['exceptionPercent']);
    expect(parsed.outOfRange).toEqual(['reductionPercent']);
  });

  it('given the 書かない窓口 template, when the ワンストップ box is ticked, then the boolean is passed on', () => {
    const params = TEMPLATES.kakanai.params;
    const d = { ...initialDrafts(params), oneStop: true };
    expect(parseDrafts(params, d).values).toEqual({ oneStop: true });
  });

  it('given an As-Is name, when the To-Be is named, then the template label is added', () => {
    expect(toBeProcessName('転入届（現行）', '書かない窓口')).toBe('転入届（現行）（To-Be: 書かない窓口）');
  });
});
