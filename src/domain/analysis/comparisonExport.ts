import { toCsv, type CsvCell } from '../exchange/csv';
import { writeXlsx, type WriteSheet } from '../exchange/xlsx';
import { isResidentRole } from '../model/annotations';
import type { ComparisonResult } from './compare';
import type { Estimate } from './compareStats';

/**
 * The comparison as tables for Excel: a summary with units and 95 % intervals, then per-task and
 * per-role deltas. CSV puts the three tables one after another (blank line between); .xlsx gives each
 * its own sheet. Every figure is an estimate (推計) and the header says so.
 */

type Row = CsvCell[];

const round = (x: number, digits: number) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);

const estCells = (e: Estimate | null | undefined, digits: number): Row =>
  e ? [round(e.mean, digits), round(e.ci95[0], digits), round(e.ci95[1], digits)] : [null, null, null];

/** 想定の幅 (three-point estimates at their ends), blank when the run did not compute it. */
const rangeCells = (e: Estimate | null | undefined, digits: number): Row =>
  e?.inputRange ? [round(e.inputRange[0], digits), round(e.inputRange[1], digits)] : [null, null];

export function summaryRows(r: ComparisonResult): Row[] {
  // The 95 % interval is simulation noise; 想定の幅 is the workshop's estimates at their ends: two columns each.
  const rows: Row[] = [['項目', '単位', '平均（推計）', '95%信頼区間 下限', '95%信頼区間 上限', '想定の幅 下限', '想定の幅 上限']];
  const add = (label: string, unit: string, e: Estimate | null, digits = 1) => rows.push([label, unit, ...estCells(e, digits), ...rangeCells(e, digits)]);
  add('削減した業務時間', '時間/年', r.hoursSavedPerYear);
  add('削減率', '%', r.percentSaved);
  add('削減人工（FTE）', `人（${r.hoursPerFte}時間/人・年）`, r.fte, 2);
  add('削減額', '円/年', r.yenSavedPerYear, 0);
  add('職員の業務時間（現行）', '時間/年', r.staffHoursPerYear.asIs);
  add('職員の業務時間（見直し後）', '時間/年', r.staffHoursPerYear.toBe);
  add('1件あたり職員時間（現行）', '分/件', r.staffMinutesPerCase.asIs);
  add('1件あたり職員時間（見直し後）', '分/件', r.staffMinutesPerCase.toBe);
  add('1件あたり職員時間の削減', '分/件', r.staffMinutesSavedPerCase);
  add('住民の来庁1回あたり所要時間（現行）', '分/回', r.residentMinutesPerVisit.asIs);
  add('住民の来庁1回あたり所要時間（見直し後）', '分/回', r.residentMinutesPerVisit.toBe);
  add('処理日数（現行）', '営業日', r.leadTimeBusinessDays.asIs, 2);
  add('処理日数（見直し後）', '営業日', r.leadTimeBusinessDays.toBe, 2);
  add('ロボット稼働時間（見直し後）', '時間/年', r.robotHoursPerYear.toBe);
  add('年間費用（現行）', '円/年', r.costYenPerYear.asIs, 0);
  add('年間費用（見直し後）', '円/年', r.costYenPerYear.toBe, 0);
  return rows;
}

const STATUS = { matched: '対応あり', removed: '廃止', added: '新設' } as const;

export function taskRows(r: ComparisonResult): Row[] {
  const rows: Row[] = [
    [
      '作業',
      '現行ID',
      '見直し後ID',
      '対応',
      '担当（現行）',
      '担当（見直し後）',
      '現行 時間/年',
      '見直し後 時間/年',
      '削減 時間/年',
      '削減 95%下限',
      '削減 95%上限',
    ],
  ];
  for (const t of r.tasks) {
    rows.push([
      t.name,
      t.asIsId,
      t.toBeId,
      t.robot ? `${STATUS[t.status]}（ロボット）` : STATUS[t.status],
      t.asIsRole,
      t.toBeRole,
      round(t.asIsHoursPerYear?.mean ?? Number.NaN, 1),
      round(t.toBeHoursPerYear?.mean ?? Number.NaN, 1),
      ...estCells(t.hoursSavedPerYear, 1),
    ]);
  }
  return rows;
}

export function roleRows(r: ComparisonResult): Row[] {
  const rows: Row[] = [
    ['役割', '種別', '現行 時間/年', '見直し後 時間/年', '削減 時間/年', '削減 95%下限', '削減 95%上限', '削減額 円/年', '削減額 95%下限', '削減額 95%上限'],
  ];
  // 住民 is a role of the diagram (whose steps are the resident's) but not staff: its time is the
  // resident's, never staff hours, so it has no place in the per-role staff table (unless staff time
  // was booked on it, which lint reports; then it shows, marked 住民).
  for (const x of r.roles) {
    const resident = isResidentRole(x.name);
    if (resident && !x.asIsHoursPerYear?.mean && !x.toBeHoursPerYear?.mean) continue;
    rows.push([
      x.name,
      x.robot ? 'ロボット' : resident ? '住民' : '職員',
      round(x.asIsHoursPerYear?.mean ?? Number.NaN, 1),
      round(x.toBeHoursPerYear?.mean ?? Number.NaN, 1),
      ...estCells(x.hoursSavedPerYear, 1),
      ...estCells(x.yenSavedPerYear, 0),
    ]);
  }
  return rows;
}

const note = (r: ComparisonResult): Row[] => [
  [`現行と見直し後の比較（推計）: 共通乱数による ${r.replications} 回の対のシミュレーション、乱数シード ${r.seed}。区間は対ごとの差の95%信頼区間です。`],
];

/** UTF-8 with BOM and CRLF (Excel opens it without mojibake). */
export function comparisonToCsv(r: ComparisonResult): string {
  return toCsv([...note(r), [], ['■ 概要'], ...summaryRows(r), [], ['■ 作業別'], ...taskRows(r), [], ['■ 役割別'], ...roleRows(r)]);
}

export function comparisonToXlsx(r: ComparisonResult): Uint8Array {
  const cells = (rows: Row[]) => rows.map((row) => row.map((c) => (c === undefined ? null : c)));
  const sheets: WriteSheet[] = [
    { name: '概要', rows: cells([...note(r), [], ...summaryRows(r)]) },
    { name: '作業別', rows: cells(taskRows(r)) },
    { name: '役割別', rows: cells(roleRows(r)) },
  ];
  return writeXlsx(sheets);
}
