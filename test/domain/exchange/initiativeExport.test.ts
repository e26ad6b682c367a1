import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/domain/exchange/csv';
import { initiativeExportHeader, initiativeExportRows, initiativesToCsv, initiativesToXlsx } from '../../../src/domain/exchange/initiativeExport';
import { readXlsx } from '../../../src/domain/exchange/xlsx';
import { parseInitiative, type Initiative } from '../../../src/domain/model/initiative';

function initiative(over: Partial<Record<string, unknown>> = {}): Initiative {
  return parseInitiative({
    schemaVersion: 1,
    id: 'i1',
    workspaceId: 'ws',
    title: '書かない窓口の導入',
    categoryPath: ['基本目標1 市民目線・利用者目線の人に優しいDX', '施策② 窓口改革'],
    departments: ['市民課', '税務課'],
    currentIssues: '手書きの負担が大きい',
    summary: '申請書作成支援システムを導入する',
    bprFindings: [{ issue: '何度も記入', solution: 'ワンストップ化' }],
    schedule: [
      { fiscalYear: 2024, stages: ['検討'], note: '導入の検討' },
      { fiscalYear: 2025, stages: ['導入'], note: '' },
    ],
    indicators: [
      {
        id: 'a',
        name: '削減した業務時間',
        unit: '時間/年',
        kind: 'hoursSaved',
        baseline: { value: 0, date: '2024-04-01' },
        years: [{ fiscalYear: 2025, target: 200, measured: 150, estimated: { mean: 225.2, ci95: [216.6, 233.8], comparisonKey: 'k', computedAt: 't' } }],
      },
      { id: 'b', name: 'AI・RPAの導入数', unit: '件', kind: 'count', years: [{ fiscalYear: 2025, target: 2 }] },
    ],
    evaluations: [{ fiscalYear: 2024, achievement: '○', reason: '検討は完了' }],
    nextStep: '継続',
    nextPolicy: '対象業務を広げる',
    costs: { initialYen: 1000000 },
    attachments: [{ asIsProcessId: 'p1', toBeProcessId: 'p2' }],
    createdAt: '2025-04-01T00:00:00Z',
    updatedAt: '2025-04-01T00:00:00Z',
    ...over,
  });
}

describe('取組一覧 export', () => {
  it('given fiscal years, when the header is built, then columns follow the plans order with one schedule column per year', () => {
    const header = initiativeExportHeader([2024, 2025]);
    const order = [
      '取組名',
      '基本方針/施策',
      '担当課',
      'これまでの課題',
      '取組の概要',
      'BPRで把握した課題と解決方策',
      'スケジュール 令和6（2024）年度',
      'スケジュール 令和7（2025）年度',
      '評価指標',
      '基準値',
      '目標値',
      '実績値',
      '達成度・評価理由',
      '次期方針',
    ];
    const positions = order.map((c) => header.indexOf(c));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(header.indexOf('推計値（シミュレーション・95%信頼区間）')).toBe(header.indexOf('実績値') + 1);
  });

  it('given a 取組 with two indicators, when exported to CSV, then it has a BOM, CRLF and one row per indicator with the 取組 columns repeated', () => {
    const csv = initiativesToCsv([initiative()], { processNames: { p1: '転入届（現行）', p2: '転入届（書かない窓口）' } });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const rows = parseCsv(csv);
    const header = rows[0];
    expect(rows).toHaveLength(3);
    const col = (r: string[], name: string) => r[header.indexOf(name)];
    expect(col(rows[1], '取組名')).toBe('書かない窓口の導入');
    expect(col(rows[2], '取組名')).toBe('書かない窓口の導入');
    expect(col(rows[1], '担当課')).toBe('市民課、税務課');
    expect(col(rows[1], '基本方針/施策')).toBe('基本目標1 市民目線・利用者目線の人に優しいDX > 施策② 窓口改革');
    expect(col(rows[1], 'スケジュール 令和6（2024）年度')).toBe('検討／導入の検討');
    expect(col(rows[1], '評価指標')).toBe('削減した業務時間（時間/年）');
    expect(col(rows[1], '基準値')).toBe('0 時間/年（2024-04-01）');
    expect(col(rows[1], '目標値')).toBe('令和7（2025）年度: 200 時間/年');
    expect(col(rows[1], '実績値')).toBe('令和7（2025）年度: 150 時間/年');
    expect(col(rows[1], '推計値（シミュレーション・95%信頼区間）')).toBe('令和7（2025）年度: 225 時間/年（95%信頼区間 217〜234）推計');
    expect(col(rows[2], '評価指標')).toBe('AI・RPAの導入数（件）');
    expect(col(rows[2], '実績値')).toBe('');
    expect(col(rows[1], '達成度・評価理由')).toBe('令和6（2024）年度: ○ 検討は完了');
    expect(col(rows[1], '次期方針')).toBe('継続：対象業務を広げる');
    expect(col(rows[1], '初期費用（円）')).toBe('1000000');
    expect(col(rows[1], '対象プロセス（As-Is → To-Be）')).toBe('転入届（現行） → 転入届（書かない窓口）');
  });

  it('given a 取組 without indicators, when exported, then it still has one row', () => {
    const rows = initiativeExportRows([initiative({ indicators: [] })]);
    expect(rows).toHaveLength(2);
    expect(rows[1][0]).toBe('書かない窓口の導入');
  });

  it('given the list, when exported to .xlsx, then the sheet reads back with the same header and cells', () => {
    const bytes = initiativesToXlsx([initiative()]);
    const [sheet] = readXlsx(bytes);
    expect(sheet.name).toBe('取組一覧');
    expect(sheet.rows[0]).toEqual(initiativeExportRows([initiative()])[0]);
    expect(sheet.rows[1][0]).toBe('書かない窓口の導入');
    expect(sheet.rows).toHaveLength(3);
  });
});
