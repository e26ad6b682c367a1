import { parseDiagram } from '../bpmn/parseDiagram';
import { readDiagramAnnotations } from '../bpmn/annotationsRead';
import { convertQbp, readQbp } from '../bpmn/qbpImport';
import { compileModel } from './compile';
import type { SimIssue, SimModel } from './model';
import type { ModdleElement } from '../bpmn/bprAccess';
import type { DiagramAnnotations } from '../model/annotations';

/**
 * A .bpmn text → a runnable SimModel, shared by the CLI and the worker. `bpr:` annotations win; a file
 * without them but with BIMP `qbp:` parameters is converted (its processInstances sets the case count).
 * Annotation values that fail their schema are errors (they would otherwise be silently ignored).
 */
export type LoadResult = { ok: true; model: SimModel; source: 'bpr' | 'qbp'; issues: SimIssue[] } | { ok: false; message: string };

/**
 * Where a diagram's simulation parameters come from: its `bpr:` annotations, or, in a file without
 * any, its BIMP `qbp:` block converted to the same annotation shape. The one rule for the simulation
 * (loadSimModel), the step table and the CLI; `xml` is the text, which keeps what bpmn-moddle drops.
 */
export interface SimulationInputs {
  source: 'bpr' | 'qbp';
  annotations: DiagramAnnotations;
  /** Annotation values that fail their schema (always errors). */
  issues: SimIssue[];
  /** From BIMP only: its case count, start day and what could not be carried over. */
  qbp?: { processInstances?: number; startDate?: string; warnings: string[] };
}

export function simulationInputsOf(definitions: ModdleElement, xml: string): SimulationInputs {
  const { annotations, issues } = readDiagramAnnotations(definitions);
  const errors: SimIssue[] = issues.map((i) => ({ severity: 'error', code: 'annotation', elementId: i.elementId, message: i.message }));
  const hasBpr = Object.keys(annotations.steps).length > 0 || Object.keys(annotations.starts).length > 0;
  const qbp = hasBpr ? undefined : readQbp(xml);
  if (!qbp) return { source: 'bpr', annotations, issues: errors };
  const conv = convertQbp(qbp, definitions);
  // BIMP's startDateTime is an instant (e.g. 2026-01-05T09:00:00.000Z); runs start on its calendar day.
  const startDate = /^(\d{4}-\d{2}-\d{2})/.exec(conv.startDateTime ?? '')?.[1];
  return {
    source: 'qbp',
    annotations: conv.annotations,
    issues: errors,
    qbp: { ...(conv.processInstances ? { processInstances: conv.processInstances } : {}), ...(startDate ? { startDate } : {}), warnings: conv.warnings },
  };
}

/** Bytes (from a file) or text (from the store); both go through parseDiagram's one decoder and limits. */
export async function loadSimModel(xml: string | Uint8Array): Promise<LoadResult> {
  const parsed = await parseDiagram(xml);
  if (!parsed.ok) return { ok: false, message: parsed.error.message };
  const inputs = simulationInputsOf(parsed.definitions, parsed.xml);
  const extra: SimIssue[] = [...inputs.issues];
  const model = compileModel(parsed.definitions, inputs.annotations);
  if (inputs.qbp) {
    for (const w of inputs.qbp.warnings) extra.push({ severity: 'warning', code: 'qbp', message: w });
    if (inputs.qbp.processInstances) model.processInstances = inputs.qbp.processInstances;
    model.inclusiveDrawsDefault = true;
    if (inputs.qbp.startDate) model.startDate = inputs.qbp.startDate;
  }
  model.issues.unshift(...extra);
  return { ok: true, model, source: inputs.source, issues: model.issues };
}
