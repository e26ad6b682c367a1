import type { RpaCandidate } from './types';

/**
 * Narrowing a ranking for the view. The list order and each candidate's `rank` (its place across the
 * whole workspace) are kept, so a filtered view still says where a step stands overall.
 */

/** Candidates of the given 担当課 (one or several); an empty selection keeps everything. */
export function filterByDepartment(candidates: readonly RpaCandidate[], departments: string | readonly string[]): RpaCandidate[] {
  const wanted = new Set(typeof departments === 'string' ? [departments] : departments);
  if (wanted.size === 0) return [...candidates];
  return candidates.filter((c) => wanted.has(c.department));
}

/** Candidates whose suitability score is at least `minScore` (0–100). */
export function filterByMinScore(candidates: readonly RpaCandidate[], minScore: number): RpaCandidate[] {
  return candidates.filter((c) => c.score >= minScore);
}

/** The 担当課 present, in Japanese collation order, for a filter's choices. */
export function departmentsOf(candidates: readonly RpaCandidate[]): string[] {
  return [...new Set(candidates.map((c) => c.department))].sort((a, b) => a.localeCompare(b, 'ja'));
}
