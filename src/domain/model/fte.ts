import { DEFAULT_HOURS_PER_FTE } from './annotations';

/**
 * 人工 (FTE): hours of work ÷ hours one person works in a year. Which hours per person count is one
 * rule for every figure (simulation tab, 比較, 取組, CLI): the workspace's setting when the app has one,
 * else the diagram's bpr:settings hoursPerFte, else 1,860 h (DEFAULT_HOURS_PER_FTE).
 */
export function hoursPerFteOf(source: { workspace?: number | null; diagram?: number | null }): number {
  if (source.workspace !== undefined && source.workspace !== null && source.workspace > 0) return source.workspace;
  if (source.diagram !== undefined && source.diagram !== null && source.diagram > 0) return source.diagram;
  return DEFAULT_HOURS_PER_FTE;
}

export function fteOf(hoursPerYear: number, hoursPerFte: number): number {
  return hoursPerYear / hoursPerFte;
}
