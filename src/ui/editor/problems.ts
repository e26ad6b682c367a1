import { elementLabel } from '../../domain/model/annotations';
import { kindOf } from '../../domain/lint/messages';
import type { Bo } from '../../domain/lint/model';

/**
 * The 問題 panel's rows from bpmn-js-bpmnlint's `linting.completed` issues, without React or bpmn-js,
 * so the wording is tested in node. Each row names its element by name (or kind, when unnamed),
 * never by its id, and knows which canvas element a click selects.
 */

/** One report as bpmn-js-bpmnlint hands it over (grouped under the element it is drawn on). */
export interface LintReport {
  id: string;
  message: string;
  category: string;
  rule?: string;
  /** Set when the reported element is not on the canvas (e.g. a process): `id` is then where it is shown. */
  actualElementId?: string;
}

export interface ProblemRow {
  key: string;
  severity: 'error' | 'warning';
  /** 「本人確認」, or the kind for an unnamed element: 名前のないゲートウェイ. */
  element: string;
  message: string;
  /** The canvas element a click selects and scrolls to. */
  targetId: string;
}

export type LookupElement = (id: string) => Bo | undefined;

const nameOf = (bo: Bo | undefined): string | undefined => {
  const n = bo?.name;
  return typeof n === 'string' && n.trim() ? n.trim() : undefined;
};

/** How the panel names an element: its name in 「」, else 名前のない<kind>. */
export function elementTitle(bo: Bo | undefined): string {
  const name = nameOf(bo);
  return name ? `「${name}」` : `名前のない${kindOf(bo)}`;
}

/**
 * The message with the element label the rules put in (「本人確認」(Task_1)) replaced by the name alone,
 * so no id reaches the reader; the id stays in the diagram, where a click leads.
 */
export function messageWithoutId(message: string, id: string, bo: Bo | undefined): string {
  const label = elementLabel(id, nameOf(bo));
  // Messages about unnamed elements say 「ゲートウェイ(Gateway_1) …」: the kind goes with the id.
  const unnamed = `${kindOf(bo)}${label}`;
  return message.split(unnamed).join(elementTitle(bo)).split(label).join(elementTitle(bo));
}

/** An entered value that fails its schema (e.g. 最小値 above 最大値): the same check that blocks a run. */
export interface ValueIssue {
  elementId: string;
  message: string;
}

/**
 * Lint findings and invalid entered values in one list; a value issue the lint also reports (same
 * element, same sentence) is listed once.
 */
export function problemRows(issues: Record<string, LintReport[] | undefined>, lookup: LookupElement, values: ValueIssue[] = []): ProblemRow[] {
  const rows: ProblemRow[] = [];
  const seen = new Set<string>();
  for (const list of Object.values(issues)) for (const r of list ?? []) seen.add(`${r.actualElementId ?? r.id}\u0000${r.message}`);
  values.forEach((v, i) => {
    if (seen.has(`${v.elementId}\u0000${v.message}`)) return;
    const bo = lookup(v.elementId);
    rows.push({
      key: `value:${v.elementId}:${i}`,
      severity: 'error',
      element: elementTitle(bo),
      message: messageWithoutId(v.message, v.elementId, bo),
      targetId: v.elementId,
    });
  });
  for (const [shownOn, reports] of Object.entries(issues)) {
    for (const [i, r] of (reports ?? []).entries()) {
      const id = r.actualElementId ?? r.id ?? shownOn;
      const bo = lookup(id);
      rows.push({
        key: `${shownOn}:${r.rule ?? ''}:${i}`,
        severity: r.category === 'error' ? 'error' : 'warning',
        element: elementTitle(bo),
        message: messageWithoutId(r.message, id, bo),
        targetId: shownOn,
      });
    }
  }
  // Errors first, then by element name, so the list reads the same after every edit.
  return rows.sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.element.localeCompare(b.element, 'ja') || a.key.localeCompare(b.key),
  );
}
