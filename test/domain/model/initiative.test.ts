import { describe, expect, it } from 'vitest';
import { applyComparisonEstimates, parseInitiative, RecordError, type Initiative } from '../../../src/domain/model/initiative';

const base = (): Initiative =>
  parseInitiative({
    schemaVersion: 1,
    id: 'i1',
    workspaceId: 'w1',
    title: '書かない窓口の導入',
    departments: ['市民課'],
    indicators: [
      { id: 'k1', name: '削減した業務時間', unit: '時間/年', kind: 'hoursSaved', years: [{ fiscalYear: 2025, target: 500, measured: 410 }] },
      { id: 'k2', name: '書かない窓口の対象手続数', unit: '手続', kind: 'count', years: [] },
    ],
    createdAt: '2025-04-01T00:00:00Z',
    updatedAt: '2025-04-01T00:00:00Z',
  });

describe('取組 records', () => {
  it('given a v0 record with one department and year maps, when loaded, then it is migrated to v1', () => {
    const rec = parseInitiative({
      id: 'old',
      workspaceId: 'w1',
      title: 'AI・RPAの利用推進',
      department: '情報政策課',
      indicators: [{ id: 'a', name: 'RPA導入数', targets: { 2024: 2, 2025: 5 }, actuals: { 2024: 1 } }],
      createdAt: 'x',
      updatedAt: 'x',
    });
    expect(rec.schemaVersion).toBe(1);
    expect(rec.departments).toEqual(['情報政策課']);
    expect(rec.indicators[0].years).toEqual([
      { fiscalYear: 2024, target: 2, measured: 1 },
      { fiscalYear: 2025, target: 5, measured: undefined },
    ]);
  });

  it('given a record without 担当課, when loaded, then a Japanese error names the record and the field', () => {
    expect(() =>
      parseInitiative({ schemaVersion: 1, id: 'x', workspaceId: 'w', title: '電子決裁', departments: [], createdAt: '', updatedAt: '' }),
    ).toThrowError(/取組「電子決裁」.*departments.*担当課を1つ以上/);
  });

  it('given a record from a newer app, when loaded, then it is refused rather than misread', () => {
    expect(() => parseInitiative({ schemaVersion: 9, id: 'x', title: 'T' })).toThrow(RecordError);
  });

  it('given a measured value, when a comparison estimate is applied and re-applied, then the estimate follows and the measurement stays', () => {
    const first = applyComparisonEstimates(base(), 2025, {
      comparisonKey: 'c1',
      computedAt: 't1',
      hoursSavedPerYear: { mean: 420, ci95: [400, 440] },
    });
    const again = applyComparisonEstimates(first, 2025, {
      comparisonKey: 'c2',
      computedAt: 't2',
      hoursSavedPerYear: { mean: 455, ci95: [430, 480] },
    });
    const y = again.indicators[0].years[0];
    expect(y.measured).toBe(410);
    expect(y.target).toBe(500);
    expect(y.estimated).toEqual({ mean: 455, ci95: [430, 480], comparisonKey: 'c2', computedAt: 't2' });
    expect(again.indicators[1]).toEqual(base().indicators[1]);
  });

  it('given no row for the year, when an estimate is applied, then a row is added in year order', () => {
    const r = applyComparisonEstimates(base(), 2024, { comparisonKey: 'c', computedAt: 't', hoursSavedPerYear: { mean: 1, ci95: [0, 2] } });
    expect(r.indicators[0].years.map((y) => y.fiscalYear)).toEqual([2024, 2025]);
  });
});
