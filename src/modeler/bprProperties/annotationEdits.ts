import type { BpmnModdle } from 'bpmn-moddle';
import {
  defaultOfficeCalendar,
  describeIssues,
  processSettingsSchema,
  robotCalendar,
  stepAnnotationSchema,
  type Calendar,
  type ProcessSettings,
  type StepAnnotation,
} from '../../domain/model/annotations';
import { rawSettings, rawStep } from '../../domain/bpmn/annotationsRead';
import { AnnotationValidationError, stepUpdate, type ModdleUpdate } from '../../domain/bpmn/annotationsWrite';
import type { ModdleElement } from '../../domain/bpmn/bprAccess';

/**
 * The one way the panel and the table change bpr: data on a diagram element: validate the whole
 * annotation with the shared schema, then hand the change to `modeling.updateModdleProperties`
 * so it lands on the command stack (undo/redo) and nothing invalid is ever written.
 */
export interface Modeling {
  updateModdleProperties(element: unknown, target: unknown, properties: Record<string, unknown>): void;
}

export interface DiagramShape {
  id: string;
  type: string;
  businessObject: ModdleElement;
}

/** The stored step as entered, even when part of it is invalid, so an edit never drops siblings. */
export function currentStep(bo: ModdleElement): StepAnnotation {
  return (rawStep(bo) ?? {}) as StepAnnotation;
}

export type EditResult = { ok: true; update?: ModdleUpdate } | { ok: false; message: string; fullMessage: string };

const isEmpty = (a: StepAnnotation) => Object.values(a).every((v) => v === undefined);

/** Validates `next` for `bo` and returns the update to apply (none when nothing changes). */
export function planStepEdit(moddle: BpmnModdle, bo: ModdleElement, next: StepAnnotation): EditResult {
  const r = stepAnnotationSchema.safeParse(next);
  if (!r.success) {
    const issues = describeIssues(bo.id ?? '', bo.name as string | undefined, r.error);
    return { ok: false, message: r.error.issues[0]?.message ?? issues[0].message, fullMessage: issues.map((i) => i.message).join('\n') };
  }
  if (JSON.stringify(r.data) === JSON.stringify(rawStep(bo) ?? {})) return { ok: true };
  try {
    const update = stepUpdate(moddle, bo, isEmpty(r.data) ? undefined : r.data);
    return { ok: true, update: Object.keys(update.properties).length ? update : undefined };
  } catch (e) {
    if (e instanceof AnnotationValidationError) return { ok: false, message: e.issues[0]?.message ?? e.message, fullMessage: e.message };
    throw e;
  }
}

/** Plans and applies; returns the short message to show next to the field, or null on success. */
export function editStep(modeling: Modeling, moddle: BpmnModdle, element: DiagramShape, change: (current: StepAnnotation) => StepAnnotation): string | null {
  const bo = element.businessObject;
  const plan = planStepEdit(moddle, bo, change(currentStep(bo)));
  if (!plan.ok) return plan.message;
  if (plan.update) modeling.updateModdleProperties(element, plan.update.target, plan.update.properties);
  return null;
}

/** Settings as stored (defaults applied where a field is absent), or the defaults. */
export function currentSettings(bo: ModdleElement): ProcessSettings {
  const raw = rawSettings(bo) ?? {};
  const r = processSettingsSchema.safeParse(raw);
  if (r.success) return r.data;
  // Keep what was there so one bad field does not hide the others; the edit will be validated.
  return { hoursPerFte: 1860, roles: [], calendars: [], ...(raw as Partial<ProcessSettings>) } as ProcessSettings;
}

/** Calendars a role or a start event can refer to: the process's own, plus the two built-in ones. */
export function availableCalendars(settings: ProcessSettings): Calendar[] {
  const list = [...settings.calendars];
  for (const c of [defaultOfficeCalendar(), robotCalendar()]) if (!list.some((x) => x.id === c.id)) list.push(c);
  return list;
}
