/** Number of shades in the heat overlay; level 0 means "no staff time" and gets no colour. */
export const HEAT_LEVELS = 5;

/**
 * Shade for a task's hours relative to the busiest task: 1 … HEAT_LEVELS in equal steps of the maximum,
 * so the busiest task is always the darkest and a task with any staff time is never left blank.
 */
export function heatLevel(hours: number, maxHours: number): number {
  if (!(hours > 0) || !(maxHours > 0) || !Number.isFinite(hours)) return 0;
  const share = Math.min(1, hours / maxHours);
  return Math.max(1, Math.ceil(share * HEAT_LEVELS - 1e-9));
}
