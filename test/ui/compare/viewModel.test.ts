import { describe, expect, it } from 'vitest';
import { SOURCES } from '../../../src/domain/analysis/sources';
import {
  beforeAfterRows,
  changeDirection,
  diagramMarks,
  formatSaving,
  keyFigures,
  roleHourBars,
  scenarioFigureHeadings,
  scenarioFigures,
  sourcesFor,
  taskDeltaItems,
} from '../../../src/ui/compare/viewModel';
import { sampleResult } from './fixtures';

describe('compare view model', () => {
  it('given a comparison, when the key figures are formatted in Japanese, then each has its unit and 95% interval', () => {
    const figures = keyFigures(sampleResult(), 'ja');
    expect(figures.map((f) => f.label)).toEqual(['削減した業務時間', '削減率', '削減人工（FTE）', '削減額']);
    const hours = figures[0];
    expect(hours.unit).toBe('時間/年');
    expect(hours.figure.text).toBe('225 時間/年（95%信頼区間 217〜234）');
    expect(figures[1].figure.text).toBe('12.8%（95%信頼区間 12.5〜13.2）');
    expect(figures[2].note).toBe('1人 1,860 時間/年で換算');
    expect(figures[3].figure.value).toBe('1,028,620');
  });

  it('given a comparison, when before/after rows are made, then resident time says it includes waiting and lead time is in 営業日', () => {
    const rows = beforeAfterRows(sampleResult(), 'ja');
    const resident = rows.find((r) => r.key === 'resident')!;
    expect(resident.note).toBe('待ち時間を含む');
    expect(resident.asIs?.text).toBe('74.3 分/回（95%信頼区間 74.0〜74.7）');
    expect(resident.toBe?.value).toBe('61.3');
    const lead = rows.find((r) => r.key === 'leadTime')!;
    expect(lead.unit).toBe('営業日');
    // 20 pairs that all gave 0.23: no width, but not for want of replications.
    expect(lead.asIs?.ci).toBe('（全反復で同じ値のため区間の幅なし）');
    expect(lead.saved?.text).toBe('削減 0.08 営業日（全反復で同じ値のため区間の幅なし）');
  });

  it('given a To-Be whose resident time is 0.66 minutes longer, when rows are made, then the change reads 増加 0.66 with the interval turned round, never 削減 -0.66', () => {
    const r = sampleResult();
    r.residentMinutesSavedPerVisit = { mean: -0.66, ci95: [-0.8, -0.52] };
    const resident = beforeAfterRows(r, 'ja').find((x) => x.key === 'resident')!;
    expect(resident.saved?.direction).toBe('increase');
    expect(resident.saved?.text).toBe('増加 0.66 分/回（95%信頼区間 0.52〜0.80）');
    expect(resident.saved?.text).not.toMatch(/削減|-/);
  });

  it('given savings of each sign and one that rounds to zero, when worded, then they read 削減, 増加 and 変化なし', () => {
    expect(changeDirection({ mean: 13, ci95: [12.8, 13.2] })).toBe('saving');
    expect(changeDirection({ mean: -0.66, ci95: [-0.8, -0.5] })).toBe('increase');
    expect(changeDirection({ mean: 0.001, ci95: [-0.01, 0.012] })).toBe('same');
    expect(formatSaving({ mean: 0, ci95: [0, 0] }, '分/件', 'ja').text).toBe('変化なし（全反復で同じ値のため区間の幅なし）');
    expect(formatSaving({ mean: -2.5, ci95: [-3, -2] }, 'min/case', 'en').text).toBe('more 2.50 min/case (95% CI 2.00–3.00)');
  });

  it('given a To-Be that takes more staff hours, when the key figures are made, then they are labelled 増加 with positive figures', () => {
    const r = sampleResult();
    r.hoursSavedPerYear = { mean: -40, ci95: [-45, -35] };
    const hours = keyFigures(r, 'ja')[0];
    expect(hours.label).toBe('増加した業務時間');
    expect(hours.direction).toBe('increase');
    expect(hours.figure.text).toBe('40.0 時間/年（95%信頼区間 35.0〜45.0）');
  });

  it('given a comparison without resident-facing steps, when rows are made, then the resident row has no figures instead of NaN', () => {
    const r = sampleResult();
    r.residentMinutesPerVisit = { asIs: null, toBe: null };
    r.residentMinutesSavedPerVisit = null;
    const resident = beforeAfterRows(r, 'ja').find((x) => x.key === 'resident')!;
    expect([resident.asIs, resident.toBe, resident.saved]).toEqual([null, null, null]);
  });

  it('given task deltas, when chart items are made, then unchanged steps are left out, savings come first and status is in the label', () => {
    const items = taskDeltaItems(sampleResult(), 'ja');
    expect(items.map((i) => i.key)).toEqual(['Task_check', 'Task_input', 'Task_new']);
    expect(items[0].label).toBe('転出証明書と記載内容を照合（廃止）');
    expect(items[1].label).toBe('住基システムへ転入処理を入力（ロボット）');
    expect(items[2].value).toBeLessThan(0);
    expect(items[2].ci).toEqual([-224, -218]);
  });

  it('given roles with a robot, when role bars are made, then only staff roles appear, As-Is then To-Be', () => {
    const bars = roleHourBars(sampleResult(), 'ja');
    expect(bars.map((b) => b.label)).toEqual(['窓口担当（現行）', '窓口担当（見直し後）']);
    expect(bars[0].ci).toEqual([890, 910]);
  });

  it('given the To-Be automation, when diagram marks are made, then removed and automated As-Is steps are marked and To-Be steps carry a signed change', () => {
    const marks = diagramMarks(sampleResult(), { Task_same: 'none' }, 'ja');
    expect(marks.asIs).toEqual({ Task_check: 'removed', Task_input: 'automated' });
    expect(marks.toBe.Task_input).toMatchObject({ text: '-175 時間/年', tone: 'saving' });
    expect(marks.toBe.Task_new).toMatchObject({ text: '+221 時間/年', tone: 'increase' });
    expect(marks.toBe.Task_same.tone).toBe('same');
    const kakanai = diagramMarks(sampleResult(), { Task_same: 'kakanai' }, 'ja');
    expect(kakanai.asIs.Task_same).toBe('automated');
  });

  it("given automation kinds of the To-Be, when sources are listed, then the templates' published sources come first and 仮定値 last", () => {
    const sources = sourcesFor(['kakanai', 'other', 'none']);
    expect(sources.map((s) => s.id)).toEqual(['hamamatsuKakanai', 'assumption']);
    expect(sources[0]).toBe(SOURCES.hamamatsuKakanai);
    expect(sourcesFor([])).toEqual([]);
  });

  it('given a comparison, when its scenario overview row is made, then it has the six figures with units and intervals under headings naming the unit', () => {
    const row = scenarioFigures(sampleResult(), 'ja');
    expect(row.hoursSaved?.text).toBe('225 時間/年（95%信頼区間 217〜234）');
    expect(row.percentSaved?.text).toBe('12.8%（95%信頼区間 12.5〜13.2）');
    expect(row.fte?.text).toBe('0.12 人（95%信頼区間 0.12〜0.13）');
    expect(row.yenSaved?.text).toBe('1,028,620 円/年（95%信頼区間 994,272〜1,062,968）');
    expect(row.resident?.text).toBe('削減 13.0 分/回（95%信頼区間 12.8〜13.2）');
    expect(row.leadTime?.value).toBe('削減 0.08');
    expect(scenarioFigureHeadings('ja').map((h) => h.heading)).toEqual([
      '削減した業務時間（時間/年）',
      '削減率（%）',
      '削減人工（FTE）（人）',
      '削減額（運用費差引後）（円/年）',
      '住民の来庁1回あたり短縮（分/回）',
      '処理日数の短縮（営業日）',
    ]);
    const noResident = { ...sampleResult(), residentMinutesSavedPerVisit: null };
    expect(scenarioFigures(noResident, 'ja').resident).toBeNull();
  });
});

describe('compare view model: direction in the overlay titles', () => {
  it('given a new To-Be step that adds 220.9 hours, when its overlay title is made, then it says 増加, not 削減 -221', () => {
    const marks = diagramMarks(sampleResult(), {}, 'ja');
    expect(marks.toBe.Task_new.title).toBe('「聞き取り・本人確認」の職員の業務時間: 増加 221 時間/年（95%信頼区間 218〜224）');
    expect(marks.toBe.Task_input.title).toMatch(/^「住基システムへ転入処理を入力」の職員の業務時間: 削減 175 時間\/年/);
  });
});
