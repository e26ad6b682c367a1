import type { SimulationResult } from '../../domain/sim/result';
import type { Estimate } from '../../domain/sim/stats';
import { isResidentRole } from '../../domain/model/annotations';
import { translate, type Lang } from '../../i18n/core';
import type { HeatEntry } from '../../modeler/heatOverlay/HeatOverlay';
import type { BarItem } from '../charts/BarChart';
import type { UtilisationItem } from '../charts/UtilisationBars';
import { formatEstimate, formatNumber, formatPlain, type FormattedEstimate } from './format';

/**
 * What the results page shows, computed from a SimulationResult without React, so the figures and
 * their wording can be tested in node. Every estimate is shown with its 95 % interval and unit.
 */

export interface KpiCard {
  key: string;
  label: string;
  unit: string;
  /** null when the figure does not apply (e.g. no resident-facing task). */
  figure: FormattedEstimate | null;
  note?: string;
}

const tr = (lang: Lang, key: string, params?: Record<string, string | number>) => translate(lang, `simulation.${key}`, params);

export function kpiCards(result: SimulationResult, lang: Lang): KpiCard[] {
  const k = result.kpis;
  const n = result.replications;
  const card = (key: string, est: Estimate | null, unitKey: string, note?: string): KpiCard => {
    const unit = tr(lang, `unit.${unitKey}`);
    return { key, label: tr(lang, `kpi.${key}`), unit, figure: est ? formatEstimate(est, unit, lang, 1, n) : null, ...(note ? { note } : {}) };
  };
  const years = formatPlain(result.simulatedYears, lang);
  const robots = hasRobots(result);
  const staff = card('staffHours', k.staffHoursPerYear, 'hoursPerYear');
  return [
    // With robots on the 24h calendar the staff figure leaves their run time out; the label has to say so.
    robots ? { ...staff, label: tr(lang, 'kpi.staffHoursExclRobots') } : staff,
    ...(robots && k.robotHoursPerYear ? [card('robotHours', k.robotHoursPerYear, 'hoursPerYear', tr(lang, 'kpi.robotHoursNote'))] : []),
    card('staffMinutesPerCase', k.staffMinutesPerCase, 'minutesPerCase'),
    card(
      'residentMinutes',
      k.residentMinutesPerVisit,
      'minutes',
      tr(lang, k.residentMinutesPerVisit ? 'kpi.residentMinutesIncludes' : 'kpi.residentMinutesNone'),
    ),
    card('leadTime', k.leadTimeBusinessDays, 'businessDays', leadTimeNote(result, lang)),
    card('waiting', k.waitingMinutesPerCase, 'minutesPerCase'),
    card('cost', k.costYenPerYear, 'yenPerYear'),
    card('paper', k.paperSheetsPerYear, 'sheetsPerYear'),
    card('fte', k.fte, 'fte'),
    card('completed', k.casesCompleted, 'cases', tr(lang, 'kpi.completedNote', { years })),
  ];
}

/**
 * The lead-time card's note: its clock time, and for a lead time under one business day also the open
 * minutes it stands for, since 「0.06 営業日」 alone tells a counter team little.
 */
function leadTimeNote(result: SimulationResult, lang: Lang): string {
  const minutes = tr(lang, 'unit.minutes');
  const n = result.replications;
  const clock = formatEstimate(result.kpis.leadTimeMinutes, minutes, lang, 1, n).text;
  const perDay = result.leadTimeHistogram.minutesPerBusinessDay;
  const days = result.kpis.leadTimeBusinessDays;
  if (perDay && days.mean < 1) {
    return tr(lang, 'kpi.leadTimeUnderDay', { work: formatEstimate(days, minutes, lang, perDay, n).text, clock });
  }
  return tr(lang, 'kpi.leadTimeMinutes', { value: clock });
}

export interface LeadTimeHistogramView {
  /** Says whether the chart is one replication or pools all of them. */
  description: string;
  unit: 'businessDays' | 'minutes';
  /** Bin edges in `unit`. */
  edges: number[];
  counts: number[];
  xLabel: string;
  /** Decimals that tell neighbouring edges apart on the axis. */
  decimals: number;
  /** Tooltip of one bin, with both units when the axis is in minutes. */
  describeBin(index: number): string;
}

/**
 * The lead-time histogram as shown: the engine pools the completed cases of every replication, and the
 * caption says so. When every case finishes within one business day the axis is in open minutes
 * (days × minutes per business day), so the ticks do not all read 0.0x.
 */
export function leadTimeHistogramView(result: SimulationResult, lang: Lang): LeadTimeHistogramView {
  const h = result.leadTimeHistogram;
  const n = result.replications;
  const description = n === 1 ? tr(lang, 'chart.leadTimeDescOne') : tr(lang, 'chart.leadTimeDescPooled', { replications: formatNumber(n, lang, 0) });
  const perDay = h.minutesPerBusinessDay;
  const top = h.edges.length ? h.edges[h.edges.length - 1] : 0;
  const inMinutes = perDay !== undefined && top > 0 && top < 1;
  const edges = inMinutes ? h.edges.map((e) => e * perDay) : h.edges;
  const step = edges.length > 1 ? Math.abs(edges[1] - edges[0]) : 1;
  const decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
  const dayDecimals = Math.max(2, decimals);
  const cases = tr(lang, 'unit.cases');
  const range = (a: number, b: number, d: number) => tr(lang, 'range', { low: formatNumber(a, lang, d), high: formatNumber(b, lang, d) });
  return {
    description,
    unit: inMinutes ? 'minutes' : 'businessDays',
    edges,
    counts: h.counts,
    xLabel: tr(lang, inMinutes ? 'chart.leadTimeAxisMinutes' : 'chart.leadTimeAxis'),
    decimals,
    describeBin(i) {
      const count = `${formatNumber(h.counts[i] ?? 0, lang, 0)} ${cases}`;
      const days = `${range(h.edges[i], h.edges[i + 1], inMinutes ? dayDecimals : decimals)} ${tr(lang, 'unit.businessDays')}`;
      if (!inMinutes) return `${days}: ${count}`;
      return `${range(edges[i], edges[i + 1], decimals)} ${tr(lang, 'unit.minutes')}（${days}）: ${count}`;
    },
  };
}

/** Roles on the 24-hour robot calendar (RPA): their hours are run time, not staff time. */
export function hasRobots(result: SimulationResult): boolean {
  return result.roles.some((r) => r.robot === true);
}

/**
 * Rows of the 役割別 table: the staff and robot roles. 住民 is a role of the diagram but not staff —
 * its steps carry the resident's time — so it is left out unless staff time was (wrongly) booked on it.
 */
export function staffRoleRows(result: SimulationResult): SimulationResult['roles'] {
  return result.roles.filter((r) => !isResidentRole(r.name) || r.staffHoursPerYear.mean > 0);
}

/** Names of robot roles, to mark them wherever a role name is shown. */
export function robotRoleNames(result: SimulationResult): Set<string> {
  return new Set(result.roles.filter((r) => r.robot === true).map((r) => r.name));
}

export function runSummary(result: SimulationResult, lang: Lang): string {
  return tr(lang, 'runSummary', {
    replications: formatNumber(result.replications, lang, 0),
    cases: formatNumber(result.cases, lang, 0),
    years: formatPlain(result.simulatedYears, lang),
    seed: String(result.seed),
    start: result.startDate,
    mode: tr(lang, `modeName.${result.mode}`),
  });
}

/** Staff hours per task for the heat overlay: every simulated task, so tasks without staff time show muted. */
export function heatEntries(result: SimulationResult, lang: Lang): Record<string, HeatEntry> {
  const out: Record<string, HeatEntry> = {};
  for (const task of result.tasks) {
    const hours = task.staffHoursPerYear.mean;
    out[task.id] = { hours, label: tr(lang, 'heatLabel', { value: formatNumber(hours, lang) }) };
  }
  return out;
}

export function maxTaskHours(result: SimulationResult): number {
  return Math.max(0, ...result.tasks.map((t) => t.staffHoursPerYear.mean).filter(Number.isFinite));
}

/** Tasks with staff time, most hours first, for the bar chart. */
export function taskHourBars(result: SimulationResult, lang: Lang): BarItem[] {
  const unit = tr(lang, 'unit.hoursPerYear');
  return result.tasks
    .filter((t) => t.staffHoursPerYear.mean > 0)
    .sort((a, b) => b.staffHoursPerYear.mean - a.staffHoursPerYear.mean)
    .map((t) => ({
      key: t.id,
      label: t.name || t.id,
      value: t.staffHoursPerYear.mean,
      ci: t.staffHoursPerYear.ci95,
      valueText: formatEstimate(t.staffHoursPerYear, unit, lang, 1, result.replications).text,
    }));
}

/** Roles with a headcount (only they have a utilisation), in the result's order. */
export function utilisationItems(result: SimulationResult, lang: Lang): UtilisationItem[] {
  return result.roles
    .filter((r): r is typeof r & { utilisation: Estimate } => r.utilisation !== null)
    .map((r) => ({
      key: r.name,
      label: r.name,
      utilisation: r.utilisation.mean,
      ci: r.utilisation.ci95,
      valueText: formatEstimate(r.utilisation, '%', lang, 100, result.replications).text,
    }));
}
