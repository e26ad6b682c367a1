import { describe, expect, it } from 'vitest';
import type { ComparisonResult } from '../../../src/domain/analysis/compare';
import { parseInitiative, type Initiative } from '../../../src/domain/model/initiative';
import { comparisonKeyOf, estimatesFromPairs, figuresOf, refreshEstimates, type PairComparison } from '../../../src/ui/initiatives/comparisonFigures';
import { initialEstimateYear } from '../../../src/ui/initiatives/editorState';
import { indicatorYearRows, setIndicatorValue } from '../../../src/ui/initiatives/indicatorRows';

const est = (mean: number, half: number) => ({ mean, ci95: [mean - half, mean + half] as [number, number] });

function result(hoursSaved: number, residentToBe: number | null, leadToBe: number, cases = 1000): ComparisonResult {
  const zero = est(0, 0);
  return {
    seed: 1,
    replications: 10,
    hoursPerFte: 1860,
    estimated: true,
    hoursSavedPerYear: est(hoursSaved, 10),
    percentSaved: est(12.8, 0.4),
    fte: est(0.12, 0.01),
    yenSavedPerYear: est(1_000_000, 30_000),
    staffHoursPerYear: { asIs: est(1700, 20), toBe: est(1500, 20) },
    robotHoursPerYear: { asIs: zero, toBe: zero },
    costYenPerYear: { asIs: zero, toBe: zero },
    casesPerYear: { asIs: est(cases, 5), toBe: est(cases, 5) },
    staffMinutesPerCase: { asIs: est(45, 1), toBe: est(40, 1) },
    staffMinutesSavedPerCase: est(5, 0.5),
    residentMinutesPerVisit: { asIs: residentToBe === null ? null : est(74, 1), toBe: residentToBe === null ? null : est(residentToBe, 1) },
    residentMinutesSavedPerVisit: residentToBe === null ? null : est(74 - residentToBe, 1),
    leadTimeBusinessDays: { asIs: est(7, 0.1), toBe: est(leadToBe, 0.1) },
    leadTimeBusinessDaysSaved: est(7 - leadToBe, 0.1),
    tasks: [],
    roles: [],
    warnings: [],
  };
}

const pair = (asIsId: string, toBeId: string, r: ComparisonResult, computedAt = '2025-05-01T00:00:00.000Z'): PairComparison => ({
  asIsId,
  toBeId,
  inputHash: `sha256:${asIsId}${toBeId}`,
  computedAt,
  result: r,
});

function initiative(): Initiative {
  return parseInitiative({
    schemaVersion: 1,
    id: 'i',
    workspaceId: 'w',
    title: '書かない窓口の導入',
    departments: ['市民課'],
    indicators: [
      { id: 'h', name: '削減した業務時間', unit: '時間/年', kind: 'hoursSaved', years: [{ fiscalYear: 2025, target: 200, measured: 150 }] },
      { id: 'r', name: '来庁者1人あたりにかかる時間', unit: '分', kind: 'residentMinutes', years: [{ fiscalYear: 2026, target: 60 }] },
      { id: 'c', name: 'AI・RPAの導入数', unit: '件', kind: 'count', years: [{ fiscalYear: 2025, target: 2 }] },
    ],
    createdAt: '2025-04-01T00:00:00Z',
    updatedAt: '2025-04-01T00:00:00Z',
  });
}

describe('indicator rows of the 取組 editor and sheet', () => {
  it('given targets, measured values and a comparison, when rows are built, then target, estimate and measured sit side by side per year', () => {
    const comparisons = [pair('a', 'b', result(225, 61, 0.2))];
    const { initiative: next, changed } = refreshEstimates(initiative(), 2025, comparisons);
    expect(changed).toBe(true);
    const rows = indicatorYearRows(next.indicators[0], [2024, 2025, 2026], comparisonKeyOf(comparisons));
    expect(rows.map((r) => r.fiscalYear)).toEqual([2024, 2025, 2026]);
    expect(rows[1]).toMatchObject({ fiscalYear: 2025, target: 200, measured: 150, estimate: { mean: 225, ci95: [215, 235], stale: false } });
    expect(rows[0]).toEqual({ fiscalYear: 2024 });
    const resident = indicatorYearRows(next.indicators[1], [2025], comparisonKeyOf(comparisons));
    expect(resident.find((r) => r.fiscalYear === 2025)?.estimate?.mean).toBe(61);
    expect(resident.find((r) => r.fiscalYear === 2026)).toEqual({ fiscalYear: 2026, target: 60 });
    expect(next.indicators[2]).toEqual(initiative().indicators[2]);
  });

  it('given an applied estimate, when the comparison is re-run with new figures, then the estimate follows and the measured value and target stay', () => {
    const first = [pair('a', 'b', result(225, 61, 0.2), '2025-05-01T00:00:00.000Z')];
    const once = refreshEstimates(initiative(), 2025, first).initiative;
    const withMeasured = setIndicatorValue(once, 'h', 2025, 'measured', 180);
    const second = [pair('a', 'b', result(300, 55, 0.1), '2025-06-01T00:00:00.000Z')];
    const staleRows = indicatorYearRows(withMeasured.indicators[0], [2025], comparisonKeyOf(second));
    expect(staleRows[0].estimate?.stale).toBe(true);
    const { initiative: after, changed } = refreshEstimates(withMeasured, 2025, second);
    expect(changed).toBe(true);
    const row = indicatorYearRows(after.indicators[0], [2025], comparisonKeyOf(second))[0];
    expect(row).toMatchObject({ target: 200, measured: 180, estimate: { mean: 300, stale: false } });
    expect(refreshEstimates(after, 2025, second).changed).toBe(false);
  });

  it('given several pairs, when figures are combined, then hours saved add up with a quadrature interval and per-visit minutes are case-weighted', () => {
    const figures = figuresOf([pair('a', 'b', result(200, 60, 1, 3000)), pair('c', 'd', result(100, null, 5, 1000))]);
    expect(figures?.hoursSavedPerYear?.mean).toBe(300);
    expect(figures?.hoursSavedPerYear?.ci95[1]).toBeCloseTo(300 + Math.sqrt(200), 9);
    expect(figures?.residentMinutesPerVisit?.mean).toBe(60);
    expect(figures?.leadTimeBusinessDays?.mean).toBeCloseTo((3 * 1 + 1 * 5) / 4, 9);
    expect(figuresOf([])).toBeNull();
  });

  it('given no comparison, when estimates are refreshed, then nothing changes', () => {
    const base = initiative();
    expect(refreshEstimates(base, 2025, [])).toEqual({ initiative: base, changed: false });
  });

  it('given a year with only a target, when the target is cleared, then the empty year is dropped and others stay', () => {
    const cleared = setIndicatorValue(initiative(), 'c', 2025, 'target', undefined);
    expect(cleared.indicators[2].years).toEqual([]);
    const added = setIndicatorValue(initiative(), 'h', 2026, 'target', 300);
    expect(added.indicators[0].years.map((y) => y.fiscalYear)).toEqual([2025, 2026]);
    expect(added.indicators[0].years[0]).toEqual({ fiscalYear: 2025, target: 200, measured: 150 });
  });

  it('given a pair looked up by its As-Is and To-Be ids, when a 決裁日数 indicator is added after the comparison exists, then it gets the To-Be lead time at once in the chosen year and other kinds are left alone', () => {
    const r = result(225, 61, 0.2);
    const lookups: string[] = [];
    const comparisonOf = (asIsId: string, toBeId: string) => {
      lookups.push(`${asIsId}→${toBeId}`);
      return asIsId === 'asis' && toBeId === 'tobe' ? pair('asis', 'tobe', r) : undefined;
    };
    const withDays = {
      ...initiative(),
      indicators: [...initiative().indicators, { id: 'd', name: '決裁までの日数', unit: '営業日', kind: 'approvalDays' as const, years: [] }],
    };
    const out = estimatesFromPairs(withDays, 2026, [{ asIsId: 'asis', toBeId: 'tobe' }], comparisonOf);
    expect(lookups).toEqual(['asis→tobe']);
    expect(out.changed).toBe(true);
    // The To-Be's own figures (hand-set above): 225 h/yr saved, 61 min per visit, 0.2 business days.
    expect(out.initiative.indicators.find((i) => i.id === 'd')?.years).toEqual([
      { fiscalYear: 2026, estimated: { mean: 0.2, ci95: [0.2 - 0.1, 0.2 + 0.1], comparisonKey: out.comparisonKey, computedAt: '2025-05-01T00:00:00.000Z' } },
    ]);
    expect(out.initiative.indicators.find((i) => i.id === 'h')?.years.find((y) => y.fiscalYear === 2026)?.estimated?.mean).toBe(225);
    expect(out.initiative.indicators.find((i) => i.id === 'r')?.years.find((y) => y.fiscalYear === 2026)).toMatchObject({
      target: 60,
      estimated: { mean: 61 },
    });
    expect(out.initiative.indicators.find((i) => i.id === 'c')).toEqual(initiative().indicators[2]);
    // No comparison for the pair yet: nothing changes.
    expect(estimatesFromPairs(withDays, 2026, [{ asIsId: 'asis', toBeId: 'other' }], comparisonOf)).toEqual({ initiative: withDays, changed: false });
  });

  it('given an estimate in one year and a measured value there, when the estimate year is changed, then the estimate moves, the measured value and target stay, and the stored year is what the selector opens on', () => {
    const comparisons = [pair('a', 'b', result(225, 61, 0.2))];
    const in2025 = refreshEstimates(initiative(), 2025, comparisons).initiative;
    expect(initialEstimateYear(in2025, 2030)).toBe(2025);
    const moved = refreshEstimates(in2025, 2027, comparisons).initiative;
    const hours = moved.indicators.find((i) => i.id === 'h')!;
    expect(hours.years).toEqual([
      { fiscalYear: 2025, target: 200, measured: 150 },
      { fiscalYear: 2027, estimated: expect.objectContaining({ mean: 225 }) },
    ]);
    // The 2026 row of 来庁者 keeps its target; its 2025 row, which held only the estimate, is gone.
    expect(moved.indicators.find((i) => i.id === 'r')!.years).toEqual([
      { fiscalYear: 2026, target: 60 },
      { fiscalYear: 2027, estimated: expect.objectContaining({ mean: 61 }) },
    ]);
    expect(initialEstimateYear(moved, 2030)).toBe(2027);
    // Nothing stored yet: the first year in operation, else the current year.
    expect(initialEstimateYear(initiative(), 2030)).toBe(2030);
  });

  it('given an estimate from an earlier comparison in another year, when a new comparison is applied, then the old one stays there as history', () => {
    const old = refreshEstimates(initiative(), 2025, [pair('a', 'b', result(200, 61, 0.2), '2025-05-01T00:00:00.000Z')]).initiative;
    const next = refreshEstimates(old, 2026, [pair('a', 'b', result(300, 55, 0.1), '2025-06-01T00:00:00.000Z')]).initiative;
    const years = next.indicators.find((i) => i.id === 'h')!.years;
    expect(years.find((y) => y.fiscalYear === 2025)?.estimated?.mean).toBe(200);
    expect(years.find((y) => y.fiscalYear === 2026)?.estimated?.mean).toBe(300);
    expect(initialEstimateYear(next, 2030)).toBe(2026);
  });
});
