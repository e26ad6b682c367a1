import type { z } from 'zod';
import {
  arrivalsSchema,
  calendarSchema,
  DEFAULT_CALENDAR_ID,
  defaultOfficeCalendar,
  describeIssues,
  flowAnnotationSchema,
  processSettingsSchema,
  stepAnnotationSchema,
  type AnnotationIssue,
  type Arrivals,
  type Calendar,
  type DiagramAnnotations,
  type FlowAnnotation,
  type ProcessSettings,
  type Role,
  type StepAnnotation,
} from '../model/annotations';
import { BPR_ARRIVALS, BPR_SETTINGS, BPR_STEP, findExtension, isA, type ModdleElement } from './bprAccess';
import { validateGatewayProbabilities } from './gatewayProbabilities';
import { allFlowElements, participantsProcesses } from './walk';
import { chooseRole, type RoleChoice } from '../model/roleFallback';

/**
 * bpr: XML → the zod types. Each reader returns the unvalidated shape (`raw…`) so that one
 * validation pass can name the element in its messages, and a validated convenience form.
 */

const num = (v: unknown): number | undefined => (v === undefined || v === null || v === '' ? undefined : Number(v));
const list = (v: unknown): number[] | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.split(',').map((s) => (s.trim() === '' ? NaN : Number(s))) : undefined;
const strings = (v: unknown): string[] | undefined =>
  typeof v === 'string' && v.trim() !== ''
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

function dropUndefined<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** The attributes that matter per distribution type; others are ignored like the panel does. */
export function rawDistribution(el: ModdleElement | undefined): unknown {
  if (!el) return undefined;
  const type = el.type as string | undefined;
  switch (type) {
    case 'fixed':
      return { type, value: num(el.value) };
    case 'triangular':
      return { type, min: num(el.min), mode: num(el.mode), max: num(el.max) };
    case 'normal':
    case 'lognormal':
      return { type, mean: num(el.mean), sd: num(el.sd) };
    case 'exponential':
      return { type, mean: num(el.mean) };
    case 'uniform':
      return { type, min: num(el.min), max: num(el.max) };
    default:
      return { type };
  }
}

/** The RPA screening answers present on a step; undefined when the step has no bpr:assessment. */
export function rawAssessment(el: ModdleElement | undefined): Record<string, unknown> | undefined {
  if (!el) return undefined;
  return dropUndefined({
    ruleBased: num(el.ruleBased),
    digitalInput: num(el.digitalInput),
    structuredInput: num(el.structuredInput),
    stability: num(el.stability),
    documented: num(el.documented),
    exceptionRate: num(el.exceptionRate),
  });
}

export function rawStep(bo: ModdleElement | undefined): Record<string, unknown> | undefined {
  const step = findExtension(bo, BPR_STEP);
  if (!step) return undefined;
  const lag = step.lag as ModdleElement | undefined;
  return dropUndefined({
    staffTime: rawDistribution(step.staffTime as ModdleElement | undefined),
    residentTime: rawDistribution(step.residentTime as ModdleElement | undefined),
    lag: lag ? dropUndefined({ distribution: rawDistribution(lag), unit: lag.unit, reason: lag.reason }) : undefined,
    role: step.role,
    paperSheets: num(step.paperSheets),
    systems: num(step.systems),
    automation: step.automation,
    assessment: rawAssessment(step.assessment as ModdleElement | undefined),
    costPerCase: num(step.costPerCase),
  });
}

export function rawFlow(bo: ModdleElement | undefined): Record<string, unknown> | undefined {
  const p = bo ? probabilityOf(bo) : undefined;
  return p === undefined ? undefined : { probability: p };
}

export function probabilityOf(bo: ModdleElement): number | undefined {
  const v = typeof bo.get === 'function' ? bo.get('bpr:probability') : bo.probability;
  return num(v);
}

export function rawArrivals(bo: ModdleElement | undefined): Record<string, unknown> | undefined {
  const a = findExtension(bo, BPR_ARRIVALS);
  if (!a) return undefined;
  return dropUndefined({ annualVolume: num(a.annualVolume), seasonality: list(a.seasonality), calendar: a.calendar, interArrival: a.interArrival });
}

function rawCalendar(c: ModdleElement): Record<string, unknown> {
  return dropUndefined({
    id: c.id,
    name: c.name,
    open: c.open,
    close: c.close,
    lunchStart: c.lunchStart,
    lunchEnd: c.lunchEnd,
    weekdays: list(c.weekdays) ?? [],
    publicHolidays: c.publicHolidays ?? false,
    yearEndClosure: c.yearEndClosure ?? false,
    closedDates: strings(c.closedDates),
  });
}

export function rawSettings(bo: ModdleElement | undefined): Record<string, unknown> | undefined {
  const s = findExtension(bo, BPR_SETTINGS);
  if (!s) return undefined;
  const roles = ((s.roles as ModdleElement[] | undefined) ?? []).map((r) =>
    dropUndefined({ name: r.name, headcount: num(r.headcount), hourlyCost: num(r.hourlyCost), calendar: r.calendar }),
  );
  const calendars = ((s.calendars as ModdleElement[] | undefined) ?? []).map(rawCalendar);
  return dropUndefined({ hoursPerFte: num(s.hoursPerFte), roles, calendars, fixedCostPerYear: num(s.fixedCostPerYear) });
}

function parsed<T>(schema: z.ZodType<T>, raw: unknown): T | undefined {
  if (raw === undefined) return undefined;
  const r = schema.safeParse(raw);
  return r.success ? r.data : undefined;
}

/** The step as entered, or undefined when absent or invalid (see readDiagramAnnotations for why). */
export const readStep = (bo: ModdleElement | undefined): StepAnnotation | undefined => parsed(stepAnnotationSchema, rawStep(bo));
export const readFlow = (bo: ModdleElement | undefined): FlowAnnotation | undefined => parsed(flowAnnotationSchema, rawFlow(bo));
export const readArrivals = (bo: ModdleElement | undefined): Arrivals | undefined => parsed(arrivalsSchema, rawArrivals(bo));
/** Settings of one process or collaboration, defaults applied; undefined when it has none. */
export const readSettings = (bo: ModdleElement | undefined): ProcessSettings | undefined => parsed(processSettingsSchema, rawSettings(bo));

/** The name of the innermost lane holding the node, the natural default for its role. */
export function laneNameOf(definitions: ModdleElement, flowNodeId: string): string | undefined {
  let found: string | undefined;
  const visitLaneSet = (laneSet: ModdleElement | undefined) => {
    for (const lane of (laneSet?.lanes as ModdleElement[] | undefined) ?? []) {
      const refs = (lane.flowNodeRef as ModdleElement[] | undefined) ?? [];
      if (refs.some((n) => n?.id === flowNodeId)) {
        const name = typeof lane.name === 'string' && lane.name.trim() ? lane.name.trim() : undefined;
        if (name) found = name;
        visitLaneSet(lane.childLaneSet as ModdleElement | undefined);
      }
    }
  };
  const visitContainer = (c: ModdleElement) => {
    for (const ls of (c.laneSets as ModdleElement[] | undefined) ?? []) visitLaneSet(ls);
    for (const fe of (c.flowElements as ModdleElement[] | undefined) ?? []) if (isA(fe, 'bpmn:SubProcess')) visitContainer(fe);
  };
  for (const p of participantsProcesses(definitions)) visitContainer(p);
  return found;
}

/** The name of the pool (participant) whose process holds the node, searching nested sub-processes too. */
export function poolNameOf(definitions: ModdleElement, flowNodeId: string): string | undefined {
  const holds = (c: ModdleElement): boolean =>
    ((c.flowElements as ModdleElement[] | undefined) ?? []).some((fe) => fe?.id === flowNodeId || (isA(fe, 'bpmn:SubProcess') && holds(fe)));
  for (const root of (definitions.rootElements as ModdleElement[] | undefined) ?? []) {
    if (!isA(root, 'bpmn:Collaboration')) continue;
    for (const p of (root.participants as ModdleElement[] | undefined) ?? []) {
      const process = p.processRef as ModdleElement | undefined;
      if (process && holds(process)) return typeof p.name === 'string' ? p.name : undefined;
    }
  }
  return undefined;
}

/** The role a step without its own bpr:role falls back to (lane, then a resident pool): model/roleFallback. */
export function defaultRoleOf(definitions: ModdleElement, flowNodeId: string): RoleChoice | undefined {
  return chooseRole({ lane: laneNameOf(definitions, flowNodeId), pool: poolNameOf(definitions, flowNodeId) });
}

/** Collaboration first, then processes in document order; the first definition of a role/calendar wins. */
export function settingsOwners(definitions: ModdleElement): ModdleElement[] {
  const roots = (definitions.rootElements as ModdleElement[] | undefined) ?? [];
  return [...roots.filter((r) => isA(r, 'bpmn:Collaboration')), ...roots.filter((r) => isA(r, 'bpmn:Process'))];
}

export interface ReadOptions {
  /** Fill a step's missing role with its lane's name (default true). */
  roleFromLane?: boolean;
}

export function readDiagramAnnotations(definitions: ModdleElement, opts: ReadOptions = {}): { annotations: DiagramAnnotations; issues: AnnotationIssue[] } {
  const issues: AnnotationIssue[] = [];
  const annotations: DiagramAnnotations = {
    steps: {},
    flows: {},
    starts: {},
    settings: { hoursPerFte: 0, roles: [], calendars: [] },
  };
  const check = <T>(bo: ModdleElement, schema: z.ZodType<T>, raw: unknown): T | undefined => {
    if (raw === undefined) return undefined;
    const r = schema.safeParse(raw);
    if (r.success) return r.data;
    issues.push(...describeIssues(bo.id ?? '', bo.name as string | undefined, r.error));
    return undefined;
  };

  for (const el of allFlowElements(definitions)) {
    if (!el.id) continue;
    const step = check(el, stepAnnotationSchema, rawStep(el));
    if (step) {
      if (step.role === undefined && opts.roleFromLane !== false) {
        const fallback = defaultRoleOf(definitions, el.id);
        if (fallback) step.role = fallback.role;
      }
      annotations.steps[el.id] = step;
    }
    const flow = check(el, flowAnnotationSchema, rawFlow(el));
    if (flow) annotations.flows[el.id] = flow;
    const arrivals = check(el, arrivalsSchema, rawArrivals(el));
    if (arrivals) annotations.starts[el.id] = arrivals;
  }

  let hoursPerFte: number | undefined;
  // Like hoursPerFte, the first owner stating it wins: tools write merged settings to the first owner.
  let fixedCostPerYear: number | undefined;
  const roles: Role[] = [];
  const calendars: Calendar[] = [];
  for (const owner of settingsOwners(definitions)) {
    const raw = rawSettings(owner);
    if (!raw) continue;
    const s = check(owner, processSettingsSchema, raw);
    if (!s) continue;
    if (hoursPerFte === undefined && raw.hoursPerFte !== undefined) hoursPerFte = s.hoursPerFte;
    if (fixedCostPerYear === undefined) fixedCostPerYear = s.fixedCostPerYear;
    for (const r of s.roles) if (!roles.some((x) => x.name === r.name)) roles.push(r);
    for (const c of s.calendars) if (!calendars.some((x) => x.id === c.id)) calendars.push(c);
  }
  if (!calendars.some((c) => c.id === DEFAULT_CALENDAR_ID)) calendars.unshift(calendarSchema.parse(defaultOfficeCalendar()));
  annotations.settings = processSettingsSchema.parse({ hoursPerFte, roles, calendars, fixedCostPerYear });

  issues.push(...validateGatewayProbabilities(definitions));
  return { annotations, issues };
}
