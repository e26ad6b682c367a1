import { ASSESSMENT_FIELD_LABELS, filterByDepartment, filterByMinScore, type RpaCandidate, type RpaExcludedStep } from '../../domain/analysis/rpaCandidates';
import type { Estimate } from '../../domain/sim/stats';
import { translate, type Lang } from '../../i18n/core';
import { decimalsFor, formatNumber } from '../simulation/format';

/**
 * What the RPA候補 table, chart and exports show, computed from the ranking without React so it can
 * be tested in node. Every figure carries its unit; estimates carry their 95 % interval.
 */

export interface RankingFilters {
  /** Empty = all. */
  departments: string[];
  minScore: number;
}

export function applyFilters(candidates: readonly RpaCandidate[], f: RankingFilters): RpaCandidate[] {
  return filterByMinScore(filterByDepartment(candidates, f.departments), f.minScore);
}

const yenText = (v: number, lang: Lang) => formatNumber(Math.round(v), lang, 0);

export function formatHours(e: Estimate, lang: Lang): { value: string; ci: string } {
  const d = decimalsFor(e.mean);
  const value = translate(lang, 'rpa.unit.hours', { value: formatNumber(e.mean, lang, d) });
  const noInterval = e.ci95[0] === e.ci95[1] && e.ci95[0] === e.mean;
  const ci = noInterval
    ? translate(lang, 'rpa.noCi')
    : translate(lang, 'rpa.ci', { low: formatNumber(e.ci95[0], lang, d), high: formatNumber(e.ci95[1], lang, d) });
  return { value, ci };
}

export function formatYenPerYear(e: Estimate, lang: Lang): { value: string; ci: string } {
  const value = translate(lang, 'rpa.unit.yenPerYear', { value: yenText(e.mean, lang) });
  const noInterval = e.ci95[0] === e.ci95[1] && e.ci95[0] === e.mean;
  const ci = noInterval
    ? translate(lang, 'rpa.noCi')
    : translate(lang, 'rpa.ci', { low: `¥${yenText(e.ci95[0], lang)}`, high: `¥${yenText(e.ci95[1], lang)}` });
  return { value, ci };
}

export function formatPayback(months: number | null, lang: Lang): string {
  if (months === null) return translate(lang, 'rpa.neverPaysBack');
  return translate(lang, 'rpa.unit.months', { value: formatNumber(months, lang, months >= 100 ? 0 : 1) });
}

export function formatPercent(ratio: number, lang: Lang): string {
  return translate(lang, 'rpa.unit.percent', { value: formatNumber(ratio * 100, lang, Math.abs(ratio) >= 1 ? 0 : 1) });
}

export function formatPoints(v: number, lang: Lang): string {
  return translate(lang, 'rpa.unit.points', { value: formatNumber(v, lang, 1) });
}

export interface RankingRow {
  key: string;
  candidate: RpaCandidate;
  rank: string;
  process: string;
  department: string;
  task: string;
  score: string;
  volume: string;
  staffHours: { value: string; ci: string } | null;
  hoursSaved: { value: string; ci: string };
  yenSaved: { value: string; ci: string };
  cost: string;
  payback: string;
  paysBack: boolean;
  roi: string;
  /** '' when fully assessed, else 未評価（推定値） / 一部未評価（推定値）. */
  assessmentLabel: string;
  /** Tooltip: why each estimated answer is what it is, plus caveats. */
  notes: string;
}

export function rowOf(c: RpaCandidate, lang: Lang): RankingRow {
  return {
    key: `${c.processId}:${c.taskId}`,
    candidate: c,
    rank: String(c.rank),
    process: c.processName,
    department: c.department || translate(lang, 'rpa.noDepartment'),
    task: c.taskName,
    score: formatPoints(c.score, lang),
    volume: c.annualVolume === null ? translate(lang, 'rpa.notSimulated') : translate(lang, 'rpa.unit.count', { value: formatNumber(c.annualVolume, lang, 0) }),
    staffHours: c.staffHoursPerYear ? formatHours(c.staffHoursPerYear, lang) : null,
    hoursSaved: formatHours(c.hoursSavedPerYear, lang),
    yenSaved: formatYenPerYear(c.yenSavedPerYear, lang),
    cost: translate(lang, 'rpa.costCell', {
      dev: translate(lang, 'rpa.unit.yen', { value: yenText(c.developmentYen, lang) }),
      annual: translate(lang, 'rpa.unit.yenPerYear', { value: yenText(c.annualCostYen, lang) }),
    }),
    payback: formatPayback(c.paybackMonths, lang),
    paysBack: c.paybackMonths !== null,
    roi: formatPercent(c.roi3y, lang),
    assessmentLabel: c.assessmentLabel,
    notes: [...c.derivationNotes, ...c.notes].join('\n'),
  };
}

/** Rows beyond this are shown a page at a time so the table stays quick. */
export const PAGINATE_ABOVE = 500;
export const PAGE_SIZE = 100;

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  from: number;
  to: number;
}

export function pageOf<T>(items: readonly T[], page: number, pageSize = PAGE_SIZE, paginateAbove = PAGINATE_ABOVE): Page<T> {
  if (items.length <= paginateAbove) return { items: [...items], page: 0, pageCount: 1, from: items.length ? 1 : 0, to: items.length };
  const pageCount = Math.ceil(items.length / pageSize);
  const p = Math.min(Math.max(0, page), pageCount - 1);
  const start = p * pageSize;
  const slice = items.slice(start, start + pageSize);
  return { items: slice, page: p, pageCount, from: start + 1, to: start + slice.length };
}

/** Excluded steps grouped by reason, in a stable order, for the 対象外 list. */
export function excludedByReason(excluded: readonly RpaExcludedStep[]): Array<{ reason: RpaExcludedStep['reason']; steps: RpaExcludedStep[] }> {
  const order: RpaExcludedStep['reason'][] = ['automated', 'resident', 'no-staff-time'];
  return order.map((reason) => ({ reason, steps: excluded.filter((e) => e.reason === reason) })).filter((g) => g.steps.length > 0);
}

const r1 = (v: number) => Math.round(v * 10) / 10;
const r0 = (v: number) => Math.round(v);

/** Header and rows for CSV / Excel: plain numbers (no units in the cells, units in the headers). */
export function exportTable(candidates: readonly RpaCandidate[]): Array<Array<string | number | null>> {
  const header = [
    '順位',
    'プロセス',
    '担当課',
    '工程',
    '工程ID',
    '役割',
    '適合度 (点)',
    '自動化可能率 (%)',
    '実装容易度 (点)',
    '年間件数 (件/年)',
    '年間職員時間 (h/年)',
    '年間職員時間 95%CI 下限',
    '年間職員時間 95%CI 上限',
    '削減見込み時間 (h/年)',
    '削減時間 95%CI 下限',
    '削減時間 95%CI 上限',
    '時間単価 (円/時間)',
    '時間単価の出所',
    '削減額 (円/年)',
    '削減額 95%CI 下限',
    '削減額 95%CI 上限',
    '開発費 (円)',
    '年間費用 (円/年)',
    '純削減額 (円/年)',
    '回収期間 (か月)',
    '3年ROI (%)',
    '評価',
    '未回答の質問',
    '対面・判断',
    '推定の根拠・注意',
  ];
  const rows = candidates.map((c) => [
    c.rank,
    c.processName,
    c.department,
    c.taskName,
    c.taskId,
    c.role ?? '',
    r1(c.score),
    r1(c.automationPotential * 100),
    r1(c.ease),
    c.annualVolume === null ? null : r0(c.annualVolume),
    c.staffHoursPerYear ? r1(c.staffHoursPerYear.mean) : null,
    c.staffHoursPerYear ? r1(c.staffHoursPerYear.ci95[0]) : null,
    c.staffHoursPerYear ? r1(c.staffHoursPerYear.ci95[1]) : null,
    r1(c.hoursSavedPerYear.mean),
    r1(c.hoursSavedPerYear.ci95[0]),
    r1(c.hoursSavedPerYear.ci95[1]),
    r0(c.hourlyCostYen),
    c.hourlyCostSource === 'role' ? '役割の単価' : '既定値（仮定値）',
    r0(c.yenSavedPerYear.mean),
    r0(c.yenSavedPerYear.ci95[0]),
    r0(c.yenSavedPerYear.ci95[1]),
    r0(c.developmentYen),
    r0(c.annualCostYen),
    r0(c.netAnnualYen),
    c.paybackMonths === null ? '回収不能' : r1(c.paybackMonths),
    r1(c.roi3y * 100),
    c.assessmentLabel || '評価済み',
    c.needsAnswers.map((f) => ASSESSMENT_FIELD_LABELS[f]).join('・'),
    c.caution === 'face-to-face' ? '対面' : c.caution === 'judgement' ? '判断' : '',
    [...c.derivationNotes, ...c.notes].join(' ／ '),
  ]);
  return [header, ...rows];
}

export interface ScatterPoint {
  key: string;
  x: number;
  y: number;
  yLow: number;
  yHigh: number;
  label: string;
  rank: number;
  estimated: boolean;
}

/** The chart's points: the best `limit` candidates (the chart stays legible with hundreds of steps). */
export function scatterPoints(candidates: readonly RpaCandidate[], lang: Lang, limit = 200): ScatterPoint[] {
  return candidates.slice(0, limit).map((c) => {
    const hours = formatHours(c.hoursSavedPerYear, lang);
    return {
      key: `${c.processId}:${c.taskId}`,
      x: c.ease,
      y: c.hoursSavedPerYear.mean,
      yLow: c.hoursSavedPerYear.ci95[0],
      yHigh: c.hoursSavedPerYear.ci95[1],
      rank: c.rank,
      estimated: !c.assessed,
      label: translate(lang, 'rpa.chartPoint', {
        rank: c.rank,
        task: c.taskName,
        process: c.processName,
        hours: `${hours.value}（${hours.ci}）`,
        ease: formatPoints(c.ease, lang),
      }),
    };
  });
}

/** 「転入届（現行）（To-Be: RPA・住基入力）」 unique among the names present. */
export function rpaToBeName(asIsName: string, taskName: string, taken: Iterable<string>): string {
  const base = `${asIsName}（To-Be: RPA・${taskName}）`;
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base} ${i}`;
    if (!names.has(candidate)) return candidate;
  }
}
