import type { ComparisonResult } from '../../domain/analysis/compare';
import type { Estimate } from '../../domain/analysis/compareStats';
import { translate, type Lang } from '../../i18n/core';
import { formatEstimate } from '../simulation/format';

export interface PairFigure {
  key: 'hoursSaved' | 'percentSaved' | 'resident' | 'leadTime';
  label: string;
  text: string;
}

const tr = (lang: Lang, key: string) => translate(lang, `initiatives.${key}`);

/** The comparison figures shown beside an attached pair and on the sheet, each with unit and 95 % interval. */
export function pairFigures(r: ComparisonResult, lang: Lang): PairFigure[] {
  const est = (e: Estimate, unitKey: string) => formatEstimate(e, tr(lang, unitKey), lang).text;
  const change = (a: Estimate | null, b: Estimate | null, unitKey: string) => (a && b ? `${est(a, unitKey)} → ${est(b, unitKey)}` : null);
  const out: PairFigure[] = [
    { key: 'hoursSaved', label: tr(lang, 'fig.hoursSaved'), text: est(r.hoursSavedPerYear, 'unit.hoursPerYear') },
    { key: 'percentSaved', label: tr(lang, 'fig.percentSaved'), text: est(r.percentSaved, 'unit.percent') },
  ];
  const resident = change(r.residentMinutesPerVisit.asIs, r.residentMinutesPerVisit.toBe, 'unit.minutes');
  if (resident) out.push({ key: 'resident', label: tr(lang, 'fig.resident'), text: resident });
  const lead = change(r.leadTimeBusinessDays.asIs, r.leadTimeBusinessDays.toBe, 'unit.businessDays');
  if (lead) out.push({ key: 'leadTime', label: tr(lang, 'fig.leadTime'), text: lead });
  return out;
}
