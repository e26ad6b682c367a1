import type { SimulationResult } from '../../domain/sim/result';
import type { Estimate } from '../../domain/sim/stats';
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
  const card = (key: string, est: Estimate | null, unitKey: string, note?: string): KpiCard => {
    const unit = tr(lang, `unit.${unitKey}`);
    return { key, label: tr(lang, `kpi.${key}`), unit, figure: est ? formatEstimate(est, unit, lang) : null, ...(note ? { note } : {}) };
  };
  const years = formatPlain(result.simulatedYears, lang);
  const robots = hasRobots(result);
  const staff = card('staffHours', k.staffHoursPerYear, 'hoursPerYear');
  return [
    // With robots on the 24h calendar the staff figure leaves their run time out; the label has to say so.
    robots ? { ...staff, label: tr(lang, 'kpi.staffHoursExclRobots') } : staff,
    ...(robots && k.robotHoursPerYear ? [card('robotHours', k.robotHoursPerYear, 'hoursPerYear', tr(lang, 'kpi.robotHoursNote'))] : []),
    card('staffMinutesPerCase', k.staffMinutesPerCase, 'minutesPerCase'),
    card('residentMinutes', k.residentMinutesPerVisit, 'minutes', k.residentMinutesPerVisit ? undefined : tr(lang, 'kpi.residentMinutesNone')),
    card('leadTime', k.leadTimeBusinessDays, 'businessDays', tr(lang, 'kpi.leadTimeMinutes', {
      value: formatEstimate(k.leadTimeMinutes, tr(lang, 'unit.minutes'), lang).text,
    })),
    card('waiting', k.waitingMinutesPerCase, 'minutesPerCase'),
    card('cost', k.costYenPerYear, 'yenPerYear'),
    card('paper', k.paperSheetsPerYear, 'sheetsPerYear'),
    card('fte', k.fte, 'fte'),
    card('completed', k.casesCompleted, 'cases', tr(lang, 'kpi.completedNote', { years })),
  ];
}

/** Roles on the 24-hour robot calendar (RPA): their hours are run time, not staff time. */
export function hasRobots(result: SimulationResult): boolean {
  return result.roles.some((r) => r.robot === true);
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
      valueText: formatEstimate(t.staffHoursPerYear, unit, lang).text,
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
      valueText: formatEstimate(r.utilisation, '%', lang, 100).text,
    }));
}
