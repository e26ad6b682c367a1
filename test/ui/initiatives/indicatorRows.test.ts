import { describe, expect, it } from 'vitest';
import type { ComparisonResult } from '../../../src/domain/analysis/compare';
import { parseInitiative, type Initiative } from '../../../src/domain/model/initiative';
import { comparisonKeyOf, figuresOf, refreshEstimates, type PairComparison } from '../../../src/ui/initiatives/comparisonFigures';
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
});
