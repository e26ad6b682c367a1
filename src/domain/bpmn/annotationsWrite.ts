import type { BpmnModdle } from 'bpmn-moddle';
import type { z } from 'zod';
import {
  arrivalsSchema,
  describeIssues,
  elementLabel,
  flowAnnotationSchema,
  processSettingsSchema,
  stepAnnotationSchema,
  type AnnotationIssue,
  type Arrivals,
  type DiagramAnnotations,
  type Distribution,
  type FlowAnnotation,
  type ProcessSettings,
  type StepAnnotation,
} from '../model/annotations';
import { BPR_ARRIVALS, BPR_SETTINGS, BPR_STEP, isA, type ModdleElement } from './bprAccess';
import { settingsOwners } from './annotationsRead';
import { validateGatewayProbabilities } from './gatewayProbabilities';
import { allFlowElements } from './walk';

/**
 * The zod types → bpr: moddle elements. Everything validates first and throws before touching the
 * model, so an invalid entry can never be half-written. The `…Update` helpers return what
 * `modeling.updateModdleProperties(element, target, properties)` needs, keeping edits undoable.
 */

export class AnnotationValidationError extends Error {
  readonly issues: AnnotationIssue[];
  constructor(issues: AnnotationIssue[]) {
    super(issues.map((i) => i.message).join('\n'));
    this.name = 'AnnotationValidationError';
    this.issues = issues;
  }
}

/** Who the messages name: a business object or just its id/name. */
export type Owner = { id?: string; name?: string } | ModdleElement | undefined;

export interface ModdleUpdate {
  target: ModdleElement;
  properties: Record<string, unknown>;
}

function validate<T>(schema: z.ZodType<T>, value: unknown, owner: Owner): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new AnnotationValidationError(describeIssues(owner?.id ?? '', (owner?.name as string | undefined) ?? undefined, r.error));
}

const attrsOf = (d: Distribution): Record<string, unknown> => ({ ...d });

export function createDistributionElement(
  moddle: BpmnModdle,
  type: 'bpr:StaffTime' | 'bpr:ResidentTime' | 'bpr:Lag',
  d: Distribution,
  extra: Record<string, unknown> = {},
): ModdleElement {
  return moddle.create(type, { ...attrsOf(d), ...stripUndefined(extra) });
}

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

export function createStepElement(moddle: BpmnModdle, ann: StepAnnotation, owner?: Owner): ModdleElement {
  const a = validate(stepAnnotationSchema, ann, owner);
  const step = moddle.create(
    BPR_STEP,
    stripUndefined({ role: a.role, paperSheets: a.paperSheets, systems: a.systems, automation: a.automation, costPerCase: a.costPerCase }),
  );
  const children: Array<[string, ModdleElement | undefined]> = [
    ['staffTime', a.staffTime && createDistributionElement(moddle, 'bpr:StaffTime', a.staffTime)],
    ['residentTime', a.residentTime && createDistributionElement(moddle, 'bpr:ResidentTime', a.residentTime)],
    ['lag', a.lag && createDistributionElement(moddle, 'bpr:Lag', a.lag.distribution, { unit: a.lag.unit, reason: a.lag.reason })],
    ['assessment', a.assessment && moddle.create('bpr:Assessment', stripUndefined({ ...a.assessment }))],
  ];
  for (const [name, child] of children) {
    if (!child) continue;
    child.$parent = step;
    step.set(name, child);
  }
  return step;
}

export function createArrivalsElement(moddle: BpmnModdle, ann: Arrivals, owner?: Owner): ModdleElement {
  const a = validate(arrivalsSchema, ann, owner);
  return moddle.create(
    BPR_ARRIVALS,
    stripUndefined({ annualVolume: a.annualVolume, seasonality: a.seasonality?.join(','), calendar: a.calendar, interArrival: a.interArrival }),
  );
}

export function createSettingsElement(moddle: BpmnModdle, settings: ProcessSettings, owner?: Owner): ModdleElement {
  const s = validate(processSettingsSchema, settings, owner);
  const el = moddle.create(BPR_SETTINGS, stripUndefined({ hoursPerFte: s.hoursPerFte, fixedCostPerYear: s.fixedCostPerYear }));
  for (const r of s.roles) {
    const role = moddle.create('bpr:Role', stripUndefined({ ...r }));
    role.$parent = el;
    el.get('roles').push(role);
  }
  for (const c of s.calendars) {
    const cal = moddle.create('bpr:Calendar', stripUndefined({ ...c, weekdays: c.weekdays.join(','), closedDates: c.closedDates?.join(',') }));
    cal.$parent = el;
    el.get('calendars').push(cal);
  }
  return el;
}

/**
 * Replace (or remove, when `replacement` is undefined) the extension of `type` on `bo`, creating
 * extensionElements when absent and dropping it when it would be left empty.
 */
export function extensionUpdate(moddle: BpmnModdle, bo: ModdleElement, type: string, replacement: ModdleElement | undefined): ModdleUpdate {
  const ext = bo.extensionElements;
  if (!ext) {
    if (!replacement) return { target: bo, properties: {} };
    const created = moddle.create('bpmn:ExtensionElements', { values: [replacement] });
    created.$parent = bo;
    replacement.$parent = created;
    return { target: bo, properties: { extensionElements: created } };
  }
  const values = [...(ext.values ?? [])];
  const at = values.findIndex((v) => v.$type === type);
  if (replacement) {
    replacement.$parent = ext;
    if (at >= 0) values.splice(at, 1, replacement);
    else values.push(replacement);
  } else if (at >= 0) {
    values.splice(at, 1);
  }
  if (values.length === 0 && !hasOtherContent(ext)) return { target: bo, properties: { extensionElements: undefined } };
  return { target: ext, properties: { values } };
}

// Unknown vendor children that moddle keeps outside `values` would vanish if we dropped the container.
const hasOtherContent = (ext: ModdleElement) => Array.isArray(ext.$children) && ext.$children.length > 0;

const isEmptyStep = (a: StepAnnotation | undefined) => !a;

export function stepUpdate(moddle: BpmnModdle, bo: ModdleElement, ann: StepAnnotation | undefined): ModdleUpdate {
  return extensionUpdate(moddle, bo, BPR_STEP, isEmptyStep(ann) ? undefined : createStepElement(moddle, ann as StepAnnotation, bo));
}

export function arrivalsUpdate(moddle: BpmnModdle, bo: ModdleElement, ann: Arrivals | undefined): ModdleUpdate {
  return extensionUpdate(moddle, bo, BPR_ARRIVALS, ann ? createArrivalsElement(moddle, ann, bo) : undefined);
}

export function settingsUpdate(moddle: BpmnModdle, bo: ModdleElement, settings: ProcessSettings | undefined): ModdleUpdate {
  return extensionUpdate(moddle, bo, BPR_SETTINGS, settings ? createSettingsElement(moddle, settings, bo) : undefined);
}

/** One flow's probability (range checked); the gateway's total is checked by gatewayProbabilitiesUpdate. */
export function flowUpdate(bo: ModdleElement, ann: FlowAnnotation | undefined): ModdleUpdate {
  const a = ann ? validate(flowAnnotationSchema, ann, bo) : undefined;
  return { target: bo, properties: { 'bpr:probability': a?.probability } };
}

/** All branches of one gateway at once, refused unless they add up to 100%. */
export function gatewayProbabilitiesUpdate(gateway: ModdleElement, probabilities: Record<string, number | undefined>): ModdleUpdate[] {
  const outgoing = ((gateway.outgoing as ModdleElement[] | undefined) ?? []).filter(Boolean);
  const issues: AnnotationIssue[] = [];
  const flows: Record<string, FlowAnnotation> = {};
  for (const f of outgoing) {
    if (!(f.id && f.id in probabilities)) continue;
    const r = flowAnnotationSchema.safeParse({ probability: probabilities[f.id] });
    if (r.success) flows[f.id] = r.data;
    else issues.push(...describeIssues(f.id, f.name as string | undefined, r.error));
  }
  if (!issues.length) issues.push(...validateGatewayProbabilities(gateway, flows));
  if (issues.length) throw new AnnotationValidationError(issues);
  return outgoing.filter((f) => f.id && f.id in flows).map((f) => ({ target: f, properties: { 'bpr:probability': flows[f.id as string].probability } }));
}

/** Apply an update outside the modeler (node, worker, tests). */
export function applyUpdate(u: ModdleUpdate): void {
  for (const [k, v] of Object.entries(u.properties)) {
    if (u.target.set) (u.target.set as (k: string, v: unknown) => void)(k, v);
    else u.target[k] = v;
  }
}

/** Every problem of a full annotation set against this diagram, without changing anything. */
export function validateDiagramAnnotations(definitions: ModdleElement, annotations: DiagramAnnotations): AnnotationIssue[] {
  const issues: AnnotationIssue[] = [];
  const byId = new Map<string, ModdleElement>();
  for (const el of allFlowElements(definitions)) if (el.id) byId.set(el.id, el);
  const missing = (id: string, what: string) => issues.push({ elementId: id, path: '', message: `${elementLabel(id)}: ${what}` });
  const run = <T>(id: string, schema: z.ZodType<T>, value: unknown, type: string, typeLabel: string) => {
    const el = byId.get(id);
    if (!el) return missing(id, '図に存在しない要素です');
    if (!isA(el, type)) return missing(id, `${typeLabel}ではないため設定できません`);
    const r = schema.safeParse(value);
    if (!r.success) issues.push(...describeIssues(id, el.name as string | undefined, r.error));
  };
  for (const [id, a] of Object.entries(annotations.steps)) run(id, stepAnnotationSchema, a, 'bpmn:Activity', 'タスク（作業）');
  for (const [id, a] of Object.entries(annotations.flows)) run(id, flowAnnotationSchema, a, 'bpmn:SequenceFlow', 'シーケンスフロー');
  for (const [id, a] of Object.entries(annotations.starts)) run(id, arrivalsSchema, a, 'bpmn:StartEvent', '開始イベント');
  const owner = settingsOwners(definitions)[0];
  const s = processSettingsSchema.safeParse(annotations.settings);
  if (!s.success) issues.push(...describeIssues(owner?.id ?? '', owner?.name as string | undefined, s.error));

  // The flows map is the whole truth after writing: a flow not in it loses its probability.
  const flows: Record<string, FlowAnnotation | undefined> = {};
  for (const [id, el] of byId) if (isA(el, 'bpmn:SequenceFlow')) flows[id] = annotations.flows[id];
  issues.push(...validateGatewayProbabilities(definitions, flows));
  return issues;
}

/**
 * Make the diagram hold exactly `annotations` (elements not listed lose their bpr: data). Settings
 * go on the collaboration, or on the first process when there is none.
 */
export function writeDiagramAnnotations(moddle: BpmnModdle, definitions: ModdleElement, annotations: DiagramAnnotations): void {
  const issues = validateDiagramAnnotations(definitions, annotations);
  if (issues.length) throw new AnnotationValidationError(issues);

  const updates: ModdleUpdate[] = [];
  for (const el of allFlowElements(definitions)) {
    const id = el.id as string;
    if (isA(el, 'bpmn:Activity')) updates.push(stepUpdate(moddle, el, annotations.steps[id]));
    if (isA(el, 'bpmn:StartEvent')) updates.push(arrivalsUpdate(moddle, el, annotations.starts[id]));
    if (isA(el, 'bpmn:SequenceFlow')) updates.push(flowUpdate(el, annotations.flows[id]));
  }
  settingsOwners(definitions).forEach((owner, i) => updates.push(settingsUpdate(moddle, owner, i === 0 ? annotations.settings : undefined)));
  // Each update touches a different business object, so computing them all first is safe.
  for (const u of updates) applyUpdate(u);
}

/** Every bpr: annotation taken off the diagram (steps, arrivals, probabilities, settings); the rest stays. */
export function removeDiagramAnnotations(moddle: BpmnModdle, definitions: ModdleElement): void {
  const updates: ModdleUpdate[] = [];
  for (const el of allFlowElements(definitions)) {
    if (isA(el, 'bpmn:Activity')) updates.push(stepUpdate(moddle, el, undefined));
    if (isA(el, 'bpmn:StartEvent')) updates.push(arrivalsUpdate(moddle, el, undefined));
    if (isA(el, 'bpmn:SequenceFlow')) updates.push(flowUpdate(el, undefined));
  }
  for (const owner of settingsOwners(definitions)) updates.push(settingsUpdate(moddle, owner, undefined));
  for (const u of updates) applyUpdate(u);
}
