import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../../src/domain/analysis/compare';
import { comparisonToCsv, comparisonToXlsx, roleRows, summaryRows } from '../../../src/domain/analysis/comparisonExport';
import { parseCsv } from '../../../src/domain/exchange/csv';
import { readXlsx } from '../../../src/domain/exchange/xlsx';
import { loadSimModel } from '../../../src/domain/sim/loadDiagram';
import { linearBpmn } from './compareFixtures';

async function result() {
  const xml = (t: number) =>
    linearBpmn({
      annualVolume: 500,
      roles: [{ name: '窓口担当', hourlyCost: 3500, headcount: 2 }],
      steps: [{ id: 'Task_1', name: '本人確認', role: '窓口担当', staff: { type: 'fixed', value: t } }],
    });
  const a = await loadSimModel(xml(12));
  const b = await loadSimModel(xml(6));
  if (!a.ok || !b.ok) throw new Error('fixture');
  return compareScenarios(a.model, b.model, { seed: 5, replications: 3 });
}

describe('comparison export', () => {
  it('given a comparison, when written as CSV, then it starts with the UTF-8 BOM, uses CRLF and holds the Japanese summary with units and intervals', async () => {
    const r = await result();
    const csv = comparisonToCsv(r);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
    const rows = parseCsv(csv);
    const saved = rows.find((row) => row[0] === '削減した業務時間')!;
    expect(saved[1]).toBe('時間/年');
    expect(Number(saved[2])).toBeCloseTo(r.hoursSavedPerYear.mean, 1);
    expect(Number(saved[3])).toBeLessThanOrEqual(Number(saved[2]));
    expect(rows.some((row) => row[0] === '本人確認')).toBe(true);
    expect(rows.some((row) => row[0] === '窓口担当' && row[1] === '職員')).toBe(true);
  });

  it('given a comparison with 想定の幅, when written as CSV, then two more columns hold the range beside the 95% interval', async () => {
    const xml = (staff: { type: 'triangular'; min: number; mode: number; max: number } | { type: 'fixed'; value: number }) =>
      linearBpmn({
        annualVolume: 500,
        roles: [{ name: '窓口担当', hourlyCost: 3500, headcount: 2 }],
        steps: [{ id: 'Task_1', name: '本人確認', role: '窓口担当', staff }],
      });
    const a = await loadSimModel(xml({ type: 'triangular', min: 4, mode: 6, max: 11 }));
    const b = await loadSimModel(xml({ type: 'fixed', value: 6 }));
    if (!a.ok || !b.ok) throw new Error('fixture');
    const r = compareScenarios(a.model, b.model, { seed: 5, replications: 4, inputRange: true });
    const rows = parseCsv(comparisonToCsv(r));
    expect(rows.find((row) => row[0] === '項目')!.slice(5, 7)).toEqual(['想定の幅 下限', '想定の幅 上限']);
    const saved = rows.find((row) => row[0] === '削減した業務時間')!;
    // By hand: 500 cases/yr; at the ends the As-Is step takes 4 or 11 min against the To-Be's 6,
    // so the saving runs from (4−6)·500/60 = −16.7 h to (11−6)·500/60 = 41.7 h a year (±15 % for arrivals).
    expect(Number(saved[5])).toBeGreaterThan(-16.7 * 1.15);
    expect(Number(saved[5])).toBeLessThan(-16.7 * 0.85);
    expect(Number(saved[6])).toBeGreaterThan(41.7 * 0.85);
    expect(Number(saved[6])).toBeLessThan(41.7 * 1.15);
  });

  it('given a comparison, when written as .xlsx, then it reads back with three sheets and the same summary', async () => {
    const r = await result();
    const sheets = readXlsx(comparisonToXlsx(r));
    expect(sheets.map((s) => s.name)).toEqual(['概要', '作業別', '役割別']);
    const summary = sheets[0].rows.find((row) => row[0] === '削減した業務時間');
    expect(summary?.slice(0, 3)).toEqual(
      summaryRows(r)
        .find((row) => row[0] === '削減した業務時間')!
        .slice(0, 3),
    );
    expect(sheets[1].rows[1][0]).toBe('本人確認');
  });

  it('given a 住民 role whose steps carry only the resident time, when the role table is written, then 住民 is not listed as a staff role', async () => {
    const xml = (t: number) =>
      linearBpmn({
        annualVolume: 500,
        roles: [
          { name: '住民', hourlyCost: 0 },
          { name: '窓口担当', hourlyCost: 3500, headcount: 2 },
        ],
        steps: [
          { id: 'Task_W', name: '申請書を記入', role: '住民', staff: { type: 'fixed', value: 0 }, resident: { type: 'fixed', value: 10 } },
          { id: 'Task_1', name: '本人確認', role: '窓口担当', staff: { type: 'fixed', value: t } },
        ],
      });
    const a = await loadSimModel(xml(12));
    const b = await loadSimModel(xml(6));
    if (!a.ok || !b.ok) throw new Error('fixture');
    const r = compareScenarios(a.model, b.model, { seed: 5, replications: 3 });
    const names = roleRows(r)
      .slice(1)
      .map((row) => row[0]);
    expect(names).toEqual(['窓口担当']);
  });
});
