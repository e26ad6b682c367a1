import { storedEstimateYear, type Initiative } from '../../domain/model/initiative';
import type { InitiativePatch } from '../../store/initiativeRepository';

/** The fields the editor writes with 保存; attachments are written by attach/detach at once. */
export function editablePatch(d: Initiative): InitiativePatch {
  return {
    title: d.title,
    categoryPath: d.categoryPath.map((s) => s.trim()).filter(Boolean),
    departments: d.departments,
    currentIssues: d.currentIssues,
    summary: d.summary,
    bprFindings: d.bprFindings.filter((f) => f.issue.trim() || f.solution.trim()),
    schedule: d.schedule.filter((s) => s.stages.length > 0 || s.note.trim()).sort((a, b) => a.fiscalYear - b.fiscalYear),
    indicators: d.indicators,
    evaluations: [...d.evaluations].sort((a, b) => a.fiscalYear - b.fiscalYear),
    nextStep: d.nextStep,
    nextPolicy: d.nextPolicy,
    costs: d.costs,
  };
}

/** Unsaved changes: what 保存 would write differs from the stored record. */
export function isDirty(draft: Initiative, saved: Initiative): boolean {
  return JSON.stringify(editablePatch(draft)) !== JSON.stringify(editablePatch(saved));
}

/** Years the editor shows: every year the 取組 names, the given current year, and two more by default. */
export function editorYears(d: Initiative, currentFiscalYear: number, extra: { before: number; after: number }): number[] {
  const named = [
    ...d.schedule.map((s) => s.fiscalYear),
    ...d.evaluations.map((e) => e.fiscalYear),
    ...d.indicators.flatMap((i) => i.years.map((y) => y.fiscalYear)),
  ];
  const from = Math.min(currentFiscalYear, ...named) - extra.before;
  const to = Math.max(currentFiscalYear + 2, ...named) + extra.after;
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/** Where simulated estimates go by default: the first year planned in operation, else the current year. */
export function defaultEstimateYear(d: Initiative, currentFiscalYear: number): number {
  const running = d.schedule.filter((s) => s.stages.includes('運用') || s.stages.includes('継続実施')).map((s) => s.fiscalYear);
  return running.length ? Math.min(...running) : currentFiscalYear;
}

/** The year 「推計値を入れる年度」 opens on: where the record already holds its estimates, else the default. */
export function initialEstimateYear(d: Initiative, currentFiscalYear: number): number {
  return storedEstimateYear(d) ?? defaultEstimateYear(d, currentFiscalYear);
}
