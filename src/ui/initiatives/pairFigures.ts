import type { ComparisonResult } from '../../domain/analysis/compare';
import type { Estimate } from '../../domain/analysis/compareStats';
import { translate, type Lang } from '../../i18n/core';
import { formatEstimate } from '../simulation/format';

export interface PairFigure {
  key: 'hoursSaved' | 'percentSaved' | 'resident' | 'leadTime';
  label: string;
  text: string;
  /** 想定の幅 with its unit, when the comparison carries it. */
  range?: string;
}

const tr = (lang: Lang, key: string) => translate(lang, `initiatives.${key}`);

/** The comparison figures shown beside an attached pair and on the sheet, each with unit and 95 % interval. */
export function pairFigures(r: ComparisonResult, lang: Lang): PairFigure[] {
  const est = (e: Estimate, unitKey: string) => formatEstimate(e, tr(lang, unitKey), lang).text;
  const range = (e: Estimate, unitKey: string) => formatEstimate(e, tr(lang, unitKey), lang).range;
  const change = (a: Estimate | null, b: Estimate | null, unitKey: string) => (a && b ? `${est(a, unitKey)} → ${est(b, unitKey)}` : null);
  // A change (As-Is → To-Be) shows the To-Be's range: the state the 取組 works towards.
  const fig = (key: PairFigure['key'], text: string, rangeText: string | undefined): PairFigure => ({
    key,
    label: tr(lang, `fig.${key}`),
    text,
    ...(rangeText ? { range: rangeText } : {}),
  });
  const out: PairFigure[] = [
    fig('hoursSaved', est(r.hoursSavedPerYear, 'unit.hoursPerYear'), range(r.hoursSavedPerYear, 'unit.hoursPerYear')),
    fig('percentSaved', est(r.percentSaved, 'unit.percent'), range(r.percentSaved, 'unit.percent')),
  ];
  const resident = change(r.residentMinutesPerVisit.asIs, r.residentMinutesPerVisit.toBe, 'unit.minutes');
  if (resident) out.push(fig('resident', resident, range(r.residentMinutesPerVisit.toBe!, 'unit.minutes')));
  const lead = change(r.leadTimeBusinessDays.asIs, r.leadTimeBusinessDays.toBe, 'unit.businessDays');
  if (lead) out.push(fig('leadTime', lead, range(r.leadTimeBusinessDays.toBe, 'unit.businessDays')));
  return out;
}
