import { isResidentRole } from './annotations';

/**
 * Who does a step, one rule for lint, validation, simulation, the step table and the templates:
 * the step's own bpr:role; else the name of the innermost lane holding it; else the pool's name, but only
 * when the pool is the resident (a pool named after a 課 is an organisation, not a role that has a
 * headcount and a calendar).
 */
export type RoleSourceKind = 'step' | 'lane' | 'pool';

export interface RoleChoice {
  role: string;
  from: RoleSourceKind;
}

const clean = (s: string | undefined | null): string | undefined => (typeof s === 'string' && s.trim() ? s.trim() : undefined);

export function chooseRole(names: { step?: string | null; lane?: string | null; pool?: string | null }): RoleChoice | undefined {
  const step = clean(names.step);
  if (step) return { role: step, from: 'step' };
  const lane = clean(names.lane);
  if (lane) return { role: lane, from: 'lane' };
  const pool = clean(names.pool);
  if (pool && isResidentRole(pool)) return { role: pool, from: 'pool' };
  return undefined;
}
