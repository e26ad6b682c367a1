import { describe, expect, it } from 'vitest';
import { defaultRpaRankingSettings, rankParsedProcesses, type RpaCandidate } from '../../../src/domain/analysis/rpaCandidates';
import { parseCsv, toCsv } from '../../../src/domain/exchange/csv';
import {
  applyFilters,
  excludedByReason,
  exportTable,
  formatHours,
  formatPayback,
  formatYenPerYear,
  pageOf,
  rowOf,
  rpaToBeName,
  scatterPoints,
} from '../../../src/ui/rpa/viewModel';
import { est, fixtureProcess } from '../../domain/analysis/rpaFixtures';

async function sampleRanking() {
  const a = await fixtureProcess(
    {
      id: 'A',
      roles: [{ name: '入力担当', hourlyCost: 3000 }],
      tasks: [
        {
          id: 'T_entry',
          name: '手入力',
          attrs: 'role="入力担当" systems="1"',
          staff: 10,
          assessment: 'ruleBased="5" digitalInput="4" structuredInput="5" stability="4" documented="4" exceptionRate="5"',
        },
        { id: 'T_resident', name: '記入', attrs: 'role="住民"', resident: 10 },
      ],
    },
    { department: '税務課' },
  );
  const b = await fixtureProcess({ id: 'B', tasks: [{ id: 'T_receive', name: '受付・聞き取り', staff: 10, resident: 10 }] }, { department: '市民課' });
  const hours = { A: { T_entry: { staffHoursPerYear: est(1000, 950, 1050), countPerYear: est(6000) } }, B: { T_receive: est(200, 190, 210) } };
  return rankParsedProcesses([a, b], (id) => hours[id as 'A' | 'B'], defaultRpaRankingSettings());
}

describe('RPA view model', () => {
  it('given an estimate, when formatted, then the value has its unit and the 95% interval is shown separately', () => {
    expect(formatHours(est(745.4, 740, 750.8), 'ja')).toEqual({ value: '745 h/年', ci: '95%CI 740〜751' });
    expect(formatHours(est(12.34), 'ja').ci).toBe('反復1回のため区間なし');
    expect(formatYenPerYear(est(2236098, 2200000, 2270000), 'ja')).toEqual({ value: '¥2,236,098/年', ci: '95%CI ¥2,200,000〜¥2,270,000' });
    expect(formatPayback(null, 'ja')).toBe('回収不能');
    expect(formatPayback(3.14, 'ja')).toBe('3.1 か月');
    expect(formatHours(est(745.4, 740, 750.8), 'en').value).toBe('745 h/yr');
  });

  it('given a ranking, when rows are built, then the assessed step has no 未評価 label and the derived one carries its notes', async () => {
    const r = await sampleRanking();
    const rows = r.candidates.map((c) => rowOf(c, 'ja'));
    const entry = rows.find((x) => x.candidate.taskId === 'T_entry')!;
    const receive = rows.find((x) => x.candidate.taskId === 'T_receive')!;
    expect(entry.rank).toBe('1');
    expect(entry.assessmentLabel).toBe('');
    expect(entry.volume).toBe('6,000 件/年');
    expect(entry.staffHours?.value).toBe('1,000 h/年');
    expect(entry.cost).toBe('開発 ¥500,000 ・年間 ¥275,000/年');
    expect(receive.assessmentLabel).toBe('未評価（推定値）');
    expect(receive.notes).toMatch(/判断の定型性を2と推定/);
    expect(receive.notes).toMatch(/時間単価が未設定/);
    expect(excludedByReason(r.excluded)).toEqual([{ reason: 'resident', steps: [expect.objectContaining({ taskId: 'T_resident' })] }]);
  });

  it('given filters, when applied, then department and minimum score narrow the list and ranks stay workspace-wide', async () => {
    const r = await sampleRanking();
    const onlyCitizens = applyFilters(r.candidates, { departments: ['市民課'], minScore: 0 });
    expect(onlyCitizens.map((c) => [c.taskId, c.rank])).toEqual([['T_receive', 2]]);
    expect(applyFilters(r.candidates, { departments: [], minScore: 60 }).map((c) => c.taskId)).toEqual(['T_entry']);
    expect(applyFilters(r.candidates, { departments: [], minScore: 0 })).toHaveLength(2);
  });

  it('given more than 500 rows, when paged, then pages of 100 are returned and the page index is clamped', () => {
    const items = Array.from({ length: 501 }, (_, i) => i);
    const first = pageOf(items, 0);
    expect([first.items.length, first.pageCount, first.from, first.to]).toEqual([100, 6, 1, 100]);
    const last = pageOf(items, 99);
    expect([last.page, last.items, last.from, last.to]).toEqual([5, [500], 501, 501]);
    expect(pageOf(items.slice(0, 500), 3)).toMatchObject({ pageCount: 1, from: 1, to: 500 });
    expect(pageOf([], 0)).toMatchObject({ items: [], from: 0, to: 0 });
  });

  it('given candidates, when exported, then the CSV starts with a BOM and has one header plus a row per candidate with plain numbers', async () => {
    const r = await sampleRanking();
    const table = exportTable(r.candidates);
    const csv = toCsv(table);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = parseCsv(csv);
    expect(parsed).toHaveLength(3);
    const header = parsed[0];
    const entry = parsed[1];
    expect(header.slice(0, 4)).toEqual(['順位', 'プロセス', '担当課', '工程']);
    const col = (name: string) => entry[header.indexOf(name)];
    expect(col('工程ID')).toBe('T_entry');
    expect(Number(col('年間職員時間 (h/年)'))).toBe(1000);
    expect(Number(col('削減時間 95%CI 下限'))).toBeLessThan(Number(col('削減見込み時間 (h/年)')));
    expect(col('評価')).toBe('評価済み');
    expect(parsed[2][header.indexOf('時間単価の出所')]).toBe('既定値（仮定値）');
    // The unscreened counter step lists the questions still open and is marked face-to-face.
    expect(col('未回答の質問')).toBe('');
    expect(parsed[2][header.indexOf('未回答の質問')]).toBe('判断の定型性・入力の電子化・入力データの構造化・例外率');
    expect(parsed[2][header.indexOf('対面・判断')]).toBe('対面');
  });

  it('given candidates, when turned into chart points, then x is ease, y the hours saved with CI and the label names the step', async () => {
    const r = await sampleRanking();
    const pts = scatterPoints(r.candidates, 'ja', 1);
    expect(pts).toHaveLength(1);
    const c: RpaCandidate = r.candidates[0];
    expect(pts[0]).toMatchObject({ x: c.ease, y: c.hoursSavedPerYear.mean, yLow: c.hoursSavedPerYear.ci95[0], rank: 1, estimated: false });
    expect(pts[0].label).toMatch(/^1位 手入力（業務A）: 削減 [\d,]+ h\/年（95%CI/);
  });

  it('given names already taken, when a To-Be name is made, then it is unique', () => {
    expect(rpaToBeName('転入届', '入力', [])).toBe('転入届（To-Be: RPA・入力）');
    expect(rpaToBeName('転入届', '入力', ['転入届（To-Be: RPA・入力）'])).toBe('転入届（To-Be: RPA・入力） 2');
  });
});
