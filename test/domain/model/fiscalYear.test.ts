import { describe, expect, it } from 'vitest';
import { fiscalYearLabel, fiscalYearOf, parseFiscalYear, reiwaYearOf } from '../../../src/domain/model/fiscalYear';

describe('fiscal years labelled by 令和', () => {
  it('given FY2019, when labelled, then it is 令和元年度 with the Western year', () => {
    expect(fiscalYearLabel(2019)).toBe('令和元（2019）年度');
    expect(fiscalYearLabel(2025)).toBe('令和7（2025）年度');
    expect(fiscalYearLabel(2025, 'en')).toBe('FY2025');
    expect(reiwaYearOf(2026)).toBe(8);
  });

  it('given dates in January–March, when assigned to a fiscal year, then they belong to the previous year', () => {
    expect(fiscalYearOf(new Date(2026, 2, 31))).toBe(2025);
    expect(fiscalYearOf(new Date(2026, 3, 1))).toBe(2026);
  });

  it('given the ways plans write years, when parsed, then the Western fiscal year comes back', () => {
    expect(parseFiscalYear('令和6年度')).toBe(2024);
    expect(parseFiscalYear('令和元年度')).toBe(2019);
    expect(parseFiscalYear('R7')).toBe(2025);
    expect(parseFiscalYear('令和８（２０２６）年度')).toBe(2026);
    expect(parseFiscalYear('2025年度')).toBe(2025);
    expect(parseFiscalYear('来年')).toBeUndefined();
  });
});
