import { distributionMean, type StepAnnotation } from '../../../domain/model/annotations';

export interface StepRow {
  id: string;
  name: string;
  /** Lane name, the role a step falls back to when none is entered. */
  /** The fallback role when the step names none (lane, or a resident pool), shown greyed. */
  laneName?: string;
  annotation?: StepAnnotation;
}

export interface RoleTotal {
  role: string;
  /** Mean staff minutes per case, every step counted once (no branch probabilities). */
  staffMinutes: number;
  steps: number;
  /** Steps of this role without a staff time; their minutes are missing from the total. */
  missing: number;
}

export const UNASSIGNED_ROLE = '(役割未設定)';

export function roleOf(row: StepRow): string {
  return row.annotation?.role ?? row.laneName ?? UNASSIGNED_ROLE;
}

/** Per-role sums in the order roles first appear in the table, then the overall line. */
export function roleTotals(rows: StepRow[]): { roles: RoleTotal[]; all: RoleTotal } {
  const byRole = new Map<string, RoleTotal>();
  const all: RoleTotal = { role: '', staffMinutes: 0, steps: 0, missing: 0 };
  for (const row of rows) {
    const role = roleOf(row);
    const t = byRole.get(role) ?? { role, staffMinutes: 0, steps: 0, missing: 0 };
    byRole.set(role, t);
    for (const acc of [t, all]) {
      acc.steps += 1;
      const staff = row.annotation?.staffTime;
      if (staff) acc.staffMinutes += distributionMean(staff);
      else acc.missing += 1;
    }
  }
  return { roles: [...byRole.values()], all };
}
