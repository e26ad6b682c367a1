import type { EstimateValue, Indicator, Initiative } from '../model/initiative';
import { fiscalYearLabel } from '../model/fiscalYear';
import { toCsv, type CsvCell } from './csv';
import { writeXlsx } from './xlsx';

/**
 * The 取組一覧 as the plans print their 進捗管理票 tables: 取組名, 基本方針/施策, 担当課, これまでの課題,
 * 取組の概要, BPRで把握した課題と解決方策, one スケジュール column per fiscal year, then 評価指標, 基準値,
 * 目標値, 実績値 (and the simulation's 推計値 beside them, marked as such), 達成度・評価理由, 次期方針.
 * One row per 評価指標 with the 取組's own columns repeated, so filtering in Excel keeps whole rows.
 */
export interface InitiativeExportOptions {
  /** Process names by id for the 対象プロセス column; unknown ids are written as ids. */
  processNames?: Readonly<Record<string, string>>;
  /** Schedule columns; default every fiscal year that appears in a schedule or an indicator. */
  fiscalYears?: readonly number[];
}

export const INITIATIVE_EXPORT_LEADING_COLUMNS = ['取組名', '基本方針/施策', '担当課', 'これまでの課題', '取組の概要', 'BPRで把握した課題と解決方策'] as const;

export const INITIATIVE_EXPORT_TRAILING_COLUMNS = [
  '評価指標',
  '基準値',
  '目標値',
  '実績値',
  '推計値（シミュレーション・95%信頼区間）',
  '達成度・評価理由',
  '次期方針',
  '初期費用（円）',
  '年間費用（円）',
  '対象プロセス（As-Is → To-Be）',
] as const;

/** Numbers as entered (no rounding of what the 担当課 typed); grouping for readability. */
function plain(value: number): string {
  return value.toLocaleString('ja-JP', { maximumFractionDigits: 6 });
}

function rounded(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('ja-JP', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function withUnit(value: string, unit: string): string {
  return unit ? `${value} ${unit}` : value;
}

export function estimateText(e: EstimateValue, unit: string): string {
  return `${withUnit(rounded(e.mean), unit)}（95%信頼区間 ${rounded(e.ci95[0])}〜${rounded(e.ci95[1])}）推計`;
}

/** Every fiscal year named by a schedule entry or an indicator year, ascending. */
export function exportFiscalYears(initiatives: readonly Initiative[]): number[] {
  const years = new Set<number>();
  for (const i of initiatives) {
    for (const s of i.schedule) years.add(s.fiscalYear);
    for (const ind of i.indicators) for (const y of ind.years) years.add(y.fiscalYear);
  }
  return [...years].sort((a, b) => a - b);
}

export function initiativeExportHeader(fiscalYears: readonly number[]): string[] {
  return [...INITIATIVE_EXPORT_LEADING_COLUMNS, ...fiscalYears.map((fy) => `スケジュール ${fiscalYearLabel(fy)}`), ...INITIATIVE_EXPORT_TRAILING_COLUMNS];
}

function yearLines(ind: Indicator, pick: (y: Indicator['years'][number]) => string | undefined): string {
  return ind.years
    .map((y) => {
      const v = pick(y);
      return v === undefined ? undefined : `${fiscalYearLabel(y.fiscalYear)}: ${v}`;
    })
    .filter((s): s is string => s !== undefined)
    .join('\n');
}

function indicatorCells(ind: Indicator | undefined): CsvCell[] {
  if (!ind) return ['', '', '', '', ''];
  return [
    ind.unit ? `${ind.name}（${ind.unit}）` : ind.name,
    ind.baseline ? `${withUnit(plain(ind.baseline.value), ind.unit)}（${ind.baseline.date}）` : '',
    yearLines(ind, (y) => (y.target === undefined ? undefined : withUnit(plain(y.target), ind.unit))),
    yearLines(ind, (y) => (y.measured === undefined ? undefined : withUnit(plain(y.measured), ind.unit))),
    yearLines(ind, (y) => (y.estimated === undefined ? undefined : estimateText(y.estimated, ind.unit))),
  ];
}

function attachmentText(i: Initiative, names: Readonly<Record<string, string>>): string {
  const name = (id: string) => names[id] ?? id;
  return i.attachments.map((a) => (a.toBeProcessId ? `${name(a.asIsProcessId)} → ${name(a.toBeProcessId)}` : name(a.asIsProcessId))).join('\n');
}

/** Header row, then one row per 評価指標 of each 取組 (one row when it has none). */
export function initiativeExportRows(initiatives: readonly Initiative[], options: InitiativeExportOptions = {}): CsvCell[][] {
  const years = options.fiscalYears ?? exportFiscalYears(initiatives);
  const names = options.processNames ?? {};
  const rows: CsvCell[][] = [initiativeExportHeader(years)];
  for (const i of initiatives) {
    const leading: CsvCell[] = [
      i.title,
      i.categoryPath.join(' > '),
      i.departments.join('、'),
      i.currentIssues,
      i.summary,
      i.bprFindings.map((f, n) => `${n + 1}. 課題: ${f.issue}\n   解決方策: ${f.solution}`).join('\n'),
      ...years.map((fy) => {
        const entry = i.schedule.find((s) => s.fiscalYear === fy);
        if (!entry) return '';
        return [entry.stages.join('・'), entry.note].filter(Boolean).join('／');
      }),
    ];
    const trailing: CsvCell[] = [
      i.evaluations.map((e) => `${fiscalYearLabel(e.fiscalYear)}: ${e.achievement}${e.reason ? ` ${e.reason}` : ''}`).join('\n'),
      [i.nextStep ?? '', i.nextPolicy].filter(Boolean).join('：'),
      i.costs.initialYen ?? null,
      i.costs.annualYen ?? null,
      attachmentText(i, names),
    ];
    const indicators: (Indicator | undefined)[] = i.indicators.length ? i.indicators : [undefined];
    for (const ind of indicators) rows.push([...leading, ...indicatorCells(ind), ...trailing]);
  }
  return rows;
}

/** UTF-8 with BOM and CRLF, as Excel opens it without mojibake. */
export function initiativesToCsv(initiatives: readonly Initiative[], options: InitiativeExportOptions = {}): string {
  return toCsv(initiativeExportRows(initiatives, options));
}

export function initiativesToXlsx(initiatives: readonly Initiative[], options: InitiativeExportOptions = {}): Uint8Array {
  const rows = initiativeExportRows(initiatives, options).map((r) => r.map((c) => (c === undefined || c === '' ? null : c)));
  return writeXlsx([{ name: '取組一覧', rows }]);
}
