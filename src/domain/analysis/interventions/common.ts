import type { StepAnnotation } from '../../model/annotations';
import type { ModdleElement } from '../../bpmn/bprAccess';
import { SOURCES } from '../sources';
import { InterventionError, type DiagramEditor } from './editor';
import { checkParamValue, paramProblemMessage } from './params';
import type { ResolvedParameter, TemplateParamSpec } from './types';

export type ParamValues = Record<string, number | boolean | string>;

/**
 * Defaults filled in, each with its source. A given value of the wrong type or outside the bounds is
 * refused with a message naming the field: falling back to the default would hide the mistake.
 */
export function resolveParams(specs: TemplateParamSpec[], given: ParamValues): { values: ParamValues; resolved: ResolvedParameter[] } {
  const values: ParamValues = {};
  const resolved: ResolvedParameter[] = [];
  for (const s of specs) {
    const v = given[s.key];
    if (v !== undefined) {
      const problem = checkParamValue(s, v);
      if (problem) throw new InterventionError(paramProblemMessage(problem));
    }
    values[s.key] = v ?? s.default.value;
    resolved.push({ key: s.key, label: s.label, unit: s.unit, value: values[s.key], default: s.default, overridden: v !== undefined && v !== s.default.value });
  }
  return { values, resolved };
}

export const num = (v: number | boolean | string | undefined, fallback = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

export const fmt = (x: number, digits = 2): string => `${Math.round(x * 10 ** digits) / 10 ** digits}`;

/** How a figure from a default is shown: the value, 推計, and the source's short label. */
export function estimatedNote(source: keyof typeof SOURCES, overridden = false): string {
  if (overridden) return '（入力値による推計）';
  return source === 'assumption' ? '（推計・仮定値）' : `（推計・出典: ${SOURCES[source].label}）`;
}

export const nameOf = (editor: DiagramEditor, id: string): string => {
  const el = editor.byId(id);
  const n = el?.name as string | undefined;
  return n && n.trim() ? n.trim() : id;
};

export const RESIDENT_ROLE = /^(住民|申請者|来庁者|市民)$/;

export function isResidentStep(editor: DiagramEditor, id: string): boolean {
  const role = editor.roleOf(id);
  return role !== undefined && RESIDENT_ROLE.test(role);
}

/** A step the editor can see as work: a task with a step annotation. */
export function annotatedTask(editor: DiagramEditor, id: string): StepAnnotation | undefined {
  const el = editor.byId(id);
  if (!el || (!(el.$type as string).endsWith('Task') && el.$type !== 'bpmn:Task')) return undefined;
  return editor.step(id);
}

/** Flow nodes from the start in breadth-first order: the order the workshop reads the process in. */
export function flowOrder(editor: DiagramEditor): string[] {
  const nodes = editor.flowNodes();
  const starts = nodes.filter((n) => n.$type === 'bpmn:StartEvent' && editor.incoming(n).length === 0);
  const seen = new Set<string>();
  const queue = [...starts];
  const order: string[] = [];
  while (queue.length) {
    const n = queue.shift()!;
    if (seen.has(n.id as string)) continue;
    seen.add(n.id as string);
    order.push(n.id as string);
    for (const f of editor.outgoing(n)) queue.push(f.targetRef as ModdleElement);
  }
  for (const n of nodes) if (!seen.has(n.id as string)) order.push(n.id as string);
  return order;
}
