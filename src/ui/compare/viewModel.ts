import type { ComparisonResult, TaskDelta } from '../../domain/analysis/compare';
import type { Estimate } from '../../domain/analysis/compareStats';
import { TEMPLATES, type TemplateId } from '../../domain/analysis/interventions';
import { SOURCES, type PublishedSource, type SourceId } from '../../domain/analysis/sources';
import { isResidentRole } from '../../domain/model/annotations';
import { translate, type Lang } from '../../i18n/core';
import type { BarItem } from '../charts/BarChart';
import { formatEstimate, formatNumber, decimalsFor, type FormattedEstimate } from '../simulation/format';

/**
 * What the 比較 view shows, computed from a ComparisonResult without React so wording and numbers can
 * be tested in node. Every figure is an estimate (推計) and carries its unit and 95 % interval.
 */

const tr = (lang: Lang, key: string, params?: Record<string, string | number>) => translate(lang, `compare.${key}`, params);

export type ChangeDirection = 'saving' | 'increase' | 'same';

/** A saving worded by its direction: 「削減 13.0 分/回（…）」, 「増加 0.66 分/回（…）」 or 「変化なし（…）」. */
export interface SavingFigure extends FormattedEstimate {
  direction: ChangeDirection;
}

/**
 * Which way a saving goes. The comparison's savings are As-Is minus To-Be, so a slower To-Be has a
 * negative one; a figure that rounds to 0 at the decimals it is shown with is no change.
 */
export function changeDirection(saving: Estimate): ChangeDirection {
  const d = decimalsFor(saving.mean);
  if (Math.abs(saving.mean) < 0.5 * 10 ** -d) return 'same';
  return saving.mean > 0 ? 'saving' : 'increase';
}

/** An increase is shown as a positive amount with its interval turned round, never as 「削減 -0.66」. */
const flipped = (e: Estimate): Estimate => ({
  mean: -e.mean,
  ci95: [-e.ci95[1], -e.ci95[0]],
  ...(e.inputRange ? { inputRange: [-e.inputRange[1], -e.inputRange[0]] as [number, number] } : {}),
});

export function formatSaving(saving: Estimate, unit: string, lang: Lang): SavingFigure {
  const direction = changeDirection(saving);
  const word = tr(lang, `change.${direction}`);
  if (direction === 'same') {
    const f = formatEstimate(saving, unit, lang);
    return { direction, value: word, ci: f.ci, text: `${word}${f.ci}`, ...(f.range ? { range: f.range } : {}) };
  }
  const f = formatEstimate(direction === 'increase' ? flipped(saving) : saving, unit, lang);
  return { direction, value: `${word} ${f.value}`, ci: f.ci, text: `${word} ${f.text}`, ...(f.range ? { range: f.range } : {}) };
}

export interface KeyFigure {
  key: 'hoursSaved' | 'percentSaved' | 'fte' | 'yenSaved';
  label: string;
  unit: string;
  figure: FormattedEstimate;
  /** 'increase' when the To-Be takes more: the label then says 増加 and the figure is positive. */
  direction: ChangeDirection;
  note?: string;
}

export function keyFigures(r: ComparisonResult, lang: Lang): KeyFigure[] {
  const fig = (key: KeyFigure['key'], est: Estimate, unitKey: string, note?: string): KeyFigure => {
    const unit = tr(lang, `unit.${unitKey}`);
    const direction = changeDirection(est);
    const increase = direction === 'increase';
    return {
      key,
      label: tr(lang, increase ? `kpi.${key}Increase` : `kpi.${key}`),
      unit,
      figure: formatEstimate(increase ? flipped(est) : est, unit, lang),
      direction,
      ...(note ? { note } : {}),
    };
  };
  return [
    fig('hoursSaved', r.hoursSavedPerYear, 'hoursPerYear'),
    fig('percentSaved', r.percentSaved, 'percent', tr(lang, 'kpi.percentNote')),
    fig('fte', r.fte, 'fte', tr(lang, 'kpi.fteNote', { hours: formatNumber(r.hoursPerFte, lang, 0) })),
    fig('yenSaved', r.yenSavedPerYear, 'yenPerYear'),
  ];
}

export interface BeforeAfterRow {
  key: 'resident' | 'leadTime' | 'staffMinutes';
  label: string;
  note?: string;
  unit: string;
  asIs: FormattedEstimate | null;
  toBe: FormattedEstimate | null;
  /** The change worded by its direction (削減 / 増加 / 変化なし). */
  saved: SavingFigure | null;
}

export function beforeAfterRows(r: ComparisonResult, lang: Lang): BeforeAfterRow[] {
  const row = (key: BeforeAfterRow['key'], unitKey: string, a: Estimate | null, b: Estimate | null, d: Estimate | null, note?: string): BeforeAfterRow => {
    const unit = tr(lang, `unit.${unitKey}`);
    const f = (e: Estimate | null) => (e ? formatEstimate(e, unit, lang) : null);
    return { key, label: tr(lang, `row.${key}`), unit, asIs: f(a), toBe: f(b), saved: d ? formatSaving(d, unit, lang) : null, ...(note ? { note } : {}) };
  };
  return [
    row(
      'resident',
      'minutesPerVisit',
      r.residentMinutesPerVisit.asIs,
      r.residentMinutesPerVisit.toBe,
      r.residentMinutesSavedPerVisit,
      tr(lang, 'row.residentNote'),
    ),
    row('leadTime', 'businessDays', r.leadTimeBusinessDays.asIs, r.leadTimeBusinessDays.toBe, r.leadTimeBusinessDaysSaved),
    row('staffMinutes', 'minutesPerCase', r.staffMinutesPerCase.asIs, r.staffMinutesPerCase.toBe, r.staffMinutesSavedPerCase),
  ];
}

export interface TaskDeltaItem {
  key: string;
  label: string;
  value: number;
  ci: [number, number];
  status: TaskDelta['status'];
  robot: boolean;
  valueText: string;
}

/** Tasks whose staff time changed, largest saving first, increases (negative savings) last. */
export function taskDeltaItems(r: ComparisonResult, lang: Lang, minAbsHours = 0.05): TaskDeltaItem[] {
  const unit = tr(lang, 'unit.hoursPerYear');
  return r.tasks
    .filter((t) => Math.abs(t.hoursSavedPerYear.mean) >= minAbsHours)
    .map((t) => ({
      key: t.key,
      label: `${t.name}${t.status === 'matched' ? '' : tr(lang, `status.suffix.${t.status}`)}${t.robot ? tr(lang, 'status.suffix.robot') : ''}`,
      value: t.hoursSavedPerYear.mean,
      ci: t.hoursSavedPerYear.ci95,
      status: t.status,
      robot: t.robot,
      valueText: formatEstimate(t.hoursSavedPerYear, unit, lang).text,
    }))
    .sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
}

/** Staff hours per role before and after, for the BarChart (robot roles are run time, not staff time). */
export function roleHourBars(r: ComparisonResult, lang: Lang): BarItem[] {
  const unit = tr(lang, 'unit.hoursPerYear');
  const out: BarItem[] = [];
  for (const role of r.roles) {
    // Robots run, they are not staff; 住民 carries the resident's time, which is never staff hours.
    if (role.robot || (isResidentRole(role.name) && !role.asIsHoursPerYear?.mean && !role.toBeHoursPerYear?.mean)) continue;
    for (const side of ['asIs', 'toBe'] as const) {
      const est = side === 'asIs' ? role.asIsHoursPerYear : role.toBeHoursPerYear;
      if (!est) continue;
      out.push({
        key: `${role.name}:${side}`,
        label: `${role.name}（${tr(lang, `side.${side}`)}）`,
        value: est.mean,
        ci: est.ci95,
        valueText: formatEstimate(est, unit, lang).text,
        tone: side === 'asIs' ? 'normal' : 'warn',
      });
    }
  }
  return out;
}

export type AsIsMark = 'removed' | 'automated';

export interface DiagramMarks {
  /** As-Is steps that the To-Be removes or hands to a robot / automation. */
  asIs: Record<string, AsIsMark>;
  /** Change of staff hours per To-Be step, as a short label with its sign. */
  toBe: Record<string, { text: string; tone: 'saving' | 'increase' | 'same'; title: string }>;
}

/**
 * Overlays for the two diagrams. `toBeAutomation` is the To-Be's bpr:automation per element (e.g.
 * kakanai, rpa), read from its diagram; a matched step with one, or run by a robot, counts as automated.
 */
export function diagramMarks(r: ComparisonResult, toBeAutomation: Record<string, string>, lang: Lang): DiagramMarks {
  const asIs: DiagramMarks['asIs'] = {};
  const toBe: DiagramMarks['toBe'] = {};
  const unit = tr(lang, 'unit.hoursPerYear');
  for (const t of r.tasks) {
    if (t.asIsId && t.status === 'removed') asIs[t.asIsId] = 'removed';
    else if (t.asIsId && t.toBeId && (t.robot || (toBeAutomation[t.toBeId] ?? 'none') !== 'none')) asIs[t.asIsId] = 'automated';
    if (t.toBeId) {
      const change = -t.hoursSavedPerYear.mean;
      const d = decimalsFor(change);
      const tone = Math.abs(change) < 0.05 ? 'same' : change < 0 ? 'saving' : 'increase';
      const sign = change > 0 && tone !== 'same' ? '+' : '';
      toBe[t.toBeId] = {
        text: `${sign}${formatNumber(change, lang, d)} ${unit}`,
        tone,
        title: tr(lang, 'overlay.title', { name: t.name, value: formatSaving(t.hoursSavedPerYear, unit, lang).text }),
      };
    }
  }
  return { asIs, toBe };
}

const isTemplateId = (k: string): k is TemplateId => Object.prototype.hasOwnProperty.call(TEMPLATES, k);

/** Published sources behind the templates whose automation appears in the To-Be (the print summary lists them). */
export function sourcesFor(automationKinds: Iterable<string>): PublishedSource[] {
  const ids = new Set<SourceId>();
  for (const kind of automationKinds) {
    if (!isTemplateId(kind)) continue;
    for (const p of TEMPLATES[kind].params) ids.add(p.default.source);
  }
  const ordered = [...ids].sort((a, b) => (a === 'assumption' ? 1 : b === 'assumption' ? -1 : a.localeCompare(b)));
  return ordered.map((id) => SOURCES[id]);
}

export type ScenarioFigureKey = KeyFigure['key'] | 'resident' | 'leadTime';

/** Column headings of the scenario overview, each with its unit; the same with or without results. */
export function scenarioFigureHeadings(lang: Lang): Array<{ key: ScenarioFigureKey; heading: string }> {
  const unit = (k: string) => tr(lang, `unit.${k}`);
  return [
    { key: 'hoursSaved', heading: `${tr(lang, 'kpi.hoursSaved')}（${unit('hoursPerYear')}）` },
    { key: 'percentSaved', heading: `${tr(lang, 'kpi.percentSaved')}（${unit('percent')}）` },
    { key: 'fte', heading: `${tr(lang, 'kpi.fte')}（${unit('fte')}）` },
    { key: 'yenSaved', heading: `${tr(lang, 'scn.yenNet')}（${unit('yenPerYear')}）` },
    { key: 'resident', heading: `${tr(lang, 'scn.saved.resident')}（${unit('minutesPerVisit')}）` },
    { key: 'leadTime', heading: `${tr(lang, 'scn.saved.leadTime')}（${unit('businessDays')}）` },
  ];
}

/**
 * One row of the scenario overview: the key figures of the detailed view (hours, %, 人工, ¥ net of
 * the To-Be's running costs) and what the resident and the lead time gain, taken from the detailed
 * view's own builders so the overview and the detail can never disagree. Null: does not apply.
 */
export function scenarioFigures(r: ComparisonResult, lang: Lang): Record<ScenarioFigureKey, FormattedEstimate | null> {
  const kpi = Object.fromEntries(keyFigures(r, lang).map((f) => [f.key, f.figure])) as Record<KeyFigure['key'], FormattedEstimate>;
  const rows = beforeAfterRows(r, lang);
  const saved = (key: 'resident' | 'leadTime') => rows.find((row) => row.key === key)?.saved ?? null;
  return { ...kpi, resident: saved('resident'), leadTime: saved('leadTime') };
}
