import { probabilityOf as flowProbability, rawArrivals, rawSettings, rawStep, settingsOwners } from '../bpmn/annotationsRead';
import { chooseRole } from '../model/roleFallback';
import { type Bo, laneOf, nameOf, participantOfProcess, processOf } from './model';

/**
 * The few annotation facts the lint rules look at, through the shared bpr: readers. The raw
 * (unvalidated) forms are used on purpose: a half-entered value, e.g. a staff time whose numbers
 * are still wrong, counts as "entered" here — the schema reports what is wrong with it, and lint
 * should not add a second, misleading "未入力".
 */

/** 住民, 住民（申請者） … : a step done by the resident, timed with residentTime (one rule, in the model). */
export { RESIDENT_ROLE, isResidentRole } from '../model/annotations';

export interface StepFacts {
  role?: string;
  hasStaffTime: boolean;
  hasResidentTime: boolean;
}

export function stepFacts(bo: Bo): StepFacts {
  const step = rawStep(bo);
  const role = typeof step?.role === 'string' && step.role.trim() ? step.role.trim() : undefined;
  return { role, hasStaffTime: step?.staffTime !== undefined, hasResidentTime: step?.residentTime !== undefined };
}

export type RoleSource = { role: string; from: 'step' | 'lane' | 'pool'; holder: Bo };

/**
 * Who does the step: the step's own role, else its lane's name (the same default the annotation
 * reader applies), else — only for a resident pool without lanes — the pool's name.
 */
export function roleOf(bo: Bo): RoleSource | undefined {
  const lane = laneOf(bo);
  const process = processOf(bo);
  const pool = process?.$parent ? participantOfProcess(process.$parent, process) : undefined;
  const choice = chooseRole({ step: stepFacts(bo).role, lane: lane && nameOf(lane), pool: pool && nameOf(pool) });
  if (!choice) return undefined;
  return { role: choice.role, from: choice.from, holder: choice.from === 'step' ? bo : choice.from === 'lane' ? lane : pool };
}

/** bpr:probability of a sequence flow in %, undefined when not entered. */
export function probabilityOf(flow: Bo): number | undefined {
  const p = flowProbability(flow);
  return p !== undefined && Number.isFinite(p) ? p : undefined;
}

export function annualVolumeOf(start: Bo): number | undefined {
  const v = rawArrivals(start)?.annualVolume;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Roles from every bpr:settings in the diagram (collaboration first, then processes): name → headcount. */
export function rolesOf(definitions: Bo): Map<string, number | undefined> {
  const roles = new Map<string, number | undefined>();
  for (const owner of settingsOwners(definitions)) {
    for (const r of (rawSettings(owner)?.roles ?? []) as Array<Record<string, unknown>>) {
      const name = typeof r.name === 'string' ? r.name.trim() : '';
      if (!name || roles.has(name)) continue;
      const headcount = typeof r.headcount === 'number' && Number.isFinite(r.headcount) ? r.headcount : undefined;
      roles.set(name, headcount);
    }
  }
  return roles;
}
