import type { Initiative, Stage } from '../../domain/model/initiative';

export interface InitiativeFilter {
  department?: string;
  /** 基本方針 / 基本目標: the first element of the category path. */
  policy?: string;
  stage?: Stage;
  fiscalYear?: number;
  text?: string;
}

/**
 * Stage and fiscal year together mean "in that stage in that year"; alone, a stage in any year, or
 * any activity (schedule or indicator figures) in that year.
 */
export function matchesFilter(i: Initiative, f: InitiativeFilter): boolean {
  if (f.department && !i.departments.includes(f.department)) return false;
  if (f.policy && i.categoryPath[0] !== f.policy) return false;
  if (f.stage || f.fiscalYear !== undefined) {
    const entries = i.schedule.filter((s) => f.fiscalYear === undefined || s.fiscalYear === f.fiscalYear);
    if (f.stage) {
      if (!entries.some((s) => s.stages.includes(f.stage as Stage))) return false;
    } else if (entries.length === 0 && !i.indicators.some((ind) => ind.years.some((y) => y.fiscalYear === f.fiscalYear))) return false;
  }
  if (f.text) {
    const needle = f.text.normalize('NFKC').toLowerCase();
    const hay = [i.title, i.summary, i.currentIssues, ...i.departments, ...i.categoryPath].join('\n').normalize('NFKC').toLowerCase();
    if (!hay.includes(needle)) return false;
  }
  return true;
}

export function filterInitiatives<T extends Initiative>(list: readonly T[], f: InitiativeFilter): T[] {
  return list.filter((i) => matchesFilter(i, f));
}

const sortedJa = (xs: Iterable<string>) => [...new Set(xs)].sort((a, b) => a.localeCompare(b, 'ja'));

/** Choices for the filter selects, from what the 取組 hold. */
export function filterChoices(list: readonly Initiative[]): { departments: string[]; policies: string[]; fiscalYears: number[] } {
  return {
    departments: sortedJa(list.flatMap((i) => i.departments)),
    policies: sortedJa(list.flatMap((i) => (i.categoryPath[0] ? [i.categoryPath[0]] : []))),
    fiscalYears: [
      ...new Set(list.flatMap((i) => [...i.schedule.map((s) => s.fiscalYear), ...i.indicators.flatMap((ind) => ind.years.map((y) => y.fiscalYear))])),
    ].sort((a, b) => a - b),
  };
}

/** Columns of the schedule view: from the earliest to the latest year any 取組 plans for (at least `fallback`). */
export function scheduleYears(list: readonly Initiative[], fallback: readonly number[]): number[] {
  const ys = list.flatMap((i) => i.schedule.map((s) => s.fiscalYear));
  if (ys.length === 0) return [...fallback];
  const from = Math.min(...ys, ...fallback);
  const to = Math.max(...ys, ...fallback);
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}
