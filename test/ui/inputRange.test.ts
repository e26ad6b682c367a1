import { describe, expect, it } from 'vitest';
import { comparisonResultSchema } from '../../src/domain/analysis/compare';
import { applyComparisonEstimates, parseInitiative } from '../../src/domain/model/initiative';
import { simulationResultSchema } from '../../src/domain/sim/result';
import { COMPARISON_RECORD_VERSION, comparisonRecordSchema } from '../../src/store/comparisonRepository';
import { keyFigures, beforeAfterRows } from '../../src/ui/compare/viewModel';
import { figuresOf, type PairComparison } from '../../src/ui/initiatives/comparisonFigures';
import { pairFigures } from '../../src/ui/initiatives/pairFigures';
import { formatEstimate } from '../../src/ui/simulation/format';
import { translate } from '../../src/i18n/core';
import { sampleResult } from './compare/fixtures';

const ranged = () => {
  const r = sampleResult();
  return comparisonResultSchema.parse({
    ...r,
    hoursSavedPerYear: { ...r.hoursSavedPerYear, inputRange: [120, 410] },
    percentSaved: { ...r.percentSaved, inputRange: [7.5, 21.25] },
    residentMinutesPerVisit: { asIs: r.residentMinutesPerVisit.asIs, toBe: { ...r.residentMinutesPerVisit.toBe!, inputRange: [48, 79] } },
    residentMinutesSavedPerVisit: { ...r.residentMinutesSavedPerVisit!, inputRange: [6, 20] },
  });
};

describe('想定の幅 in the views', () => {
  it('given an estimate with inputRange, when formatted, then 想定の幅 shows with its unit in the decimals of the mean and the 95% text is unchanged', () => {
    const f = formatEstimate({ mean: 1234.4, ci95: [1200, 1268], inputRange: [1050.2, 1580.7] }, '時間/年', 'ja');
    expect(f.text).toBe('1,234 時間/年（95%信頼区間 1,200〜1,268）');
    expect(f.range).toBe('想定の幅 1,050〜1,581 時間/年');
    expect(formatEstimate({ mean: 13.5, ci95: [13.5, 13.5], inputRange: [7.5, 21.25] }, '%', 'ja').range).toBe('想定の幅 7.5〜21.3%');
    expect(formatEstimate({ mean: 10, ci95: [9, 11] }, '分', 'ja').range).toBeUndefined();
    expect(formatEstimate({ mean: 10, ci95: [9, 11], inputRange: [4, 16] }, 'min', 'en').range).toBe('input range 4.0–16.0 min');
  });

  it('given a comparison with ranges, when the 比較 cards and rows are built, then 削減した業務時間 and the resident saving carry 想定の幅 and figures without one carry none', () => {
    const cards = keyFigures(ranged(), 'ja');
    expect(cards.find((c) => c.key === 'hoursSaved')!.figure.range).toBe('想定の幅 120〜410 時間/年');
    expect(cards.find((c) => c.key === 'yenSaved')!.figure.range).toBeUndefined();
    expect(beforeAfterRows(ranged(), 'ja').find((r) => r.key === 'resident')!.saved!.range).toMatch(/^想定の幅 6\.0〜20\.0 分/);
  });

  it('given a To-Be that takes more time (saving −50 h/yr, range −120…10), when the 比較 card is built, then it reads as an increase of 50 and the range turns round to −10〜120', () => {
    const r = comparisonResultSchema.parse({ ...sampleResult(), hoursSavedPerYear: { mean: -50, ci95: [-60, -40], inputRange: [-120, 10] } });
    const card = keyFigures(r, 'ja').find((c) => c.key === 'hoursSaved')!;
    expect(card.direction).toBe('increase');
    expect(card.figure.value).toBe('50.0');
    expect(card.figure.range).toBe('想定の幅 -10.0〜120.0 時間/年');
  });

  it('given a comparison with ranges, when the 取組 pair figures are built, then hours saved and the To-Be resident minutes carry 想定の幅', () => {
    const figs = pairFigures(ranged(), 'ja');
    expect(figs.find((f) => f.key === 'hoursSaved')!.range).toBe('想定の幅 120〜410 時間/年');
    expect(figs.find((f) => f.key === 'resident')!.range).toBe('想定の幅 48.0〜79.0 分');
    expect(pairFigures(sampleResult(), 'ja').every((f) => f.range === undefined)).toBe(true);
  });

  it('given two compared pairs with ranges [120, 410] and [30, 90] h/yr, when the 取組 figures are summed, then the range adds end by end to [150, 500] and the indicator keeps it', () => {
    const a = ranged();
    const b = comparisonResultSchema.parse({ ...sampleResult(), hoursSavedPerYear: { mean: 50, ci95: [45, 55], inputRange: [30, 90] } });
    const pair = (result: typeof a, id: string): PairComparison => ({
      asIsId: `a${id}`,
      toBeId: `b${id}`,
      inputHash: id,
      computedAt: '2026-12-07T00:00:00Z',
      result,
    });
    const figures = figuresOf([pair(a, '1'), pair(b, '2')])!;
    expect(figures.hoursSavedPerYear!.inputRange).toEqual([150, 500]);
    const initiative = parseInitiative({
      schemaVersion: 1,
      id: 'i1',
      workspaceId: 'w1',
      title: '書かない窓口',
      departments: ['市民課'],
      indicators: [{ id: 'k1', name: '削減した業務時間', unit: '時間/年', kind: 'hoursSaved', years: [] }],
      createdAt: '2026-04-01T00:00:00Z',
      updatedAt: '2026-04-01T00:00:00Z',
    });
    const next = parseInitiative(applyComparisonEstimates(initiative, 2027, figures));
    expect(next.indicators[0].years[0].estimated!.inputRange).toEqual([150, 500]);
  });

  it('given records saved before 想定の幅 existed, when parsed, then they still load without a range; a new record keeps it', () => {
    const record = (result: unknown) => ({
      schemaVersion: COMPARISON_RECORD_VERSION,
      id: 'c1',
      asIsId: 'a',
      toBeId: 'b',
      inputHash: 'h',
      computedAt: '2026-01-01T00:00:00Z',
      result,
    });
    expect(comparisonRecordSchema.parse(record(JSON.parse(JSON.stringify(sampleResult())))).result.hoursSavedPerYear.inputRange).toBeUndefined();
    expect(comparisonRecordSchema.parse(record(JSON.parse(JSON.stringify(ranged())))).result.hoursSavedPerYear.inputRange).toEqual([120, 410]);
    expect(comparisonResultSchema.parse(JSON.parse(JSON.stringify(ranged()))).hoursSavedPerYear.inputRange).toEqual([120, 410]);
    expect(simulationResultSchema.shape.kpis.shape.staffHoursPerYear.parse({ mean: 1, ci95: [0, 2] })).toEqual({ mean: 1, ci95: [0, 2] });
  });

  it('given the explaining sentence, when read in ja and en, then it names both the 95% interval and 想定の幅', () => {
    expect(translate('ja', 'inputRange.explain')).toMatch(/95%信頼区間.*乱数.*想定の幅.*楽観.*悲観/);
    expect(translate('en', 'inputRange.explain')).toMatch(/95% CI.*noise.*input range.*optimistic.*pessimistic/);
  });
});
