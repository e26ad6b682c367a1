import { parseDiagram } from '../bpmn/parseDiagram';
import { readDiagramAnnotations } from '../bpmn/annotationsRead';
import { convertQbp, readQbp } from '../bpmn/qbpImport';
import { compileModel } from './compile';
import type { SimIssue, SimModel } from './model';

/**
 * A .bpmn text → a runnable SimModel, shared by the CLI and the worker. `bpr:` annotations win; a file
 * without them but with BIMP `qbp:` parameters is converted (its processInstances sets the case count).
 * Annotation values that fail their schema are errors (they would otherwise be silently ignored).
 */
export type LoadResult =
  | { ok: true; model: SimModel; source: 'bpr' | 'qbp'; issues: SimIssue[] }
  | { ok: false; message: string };

/** Bytes (from a file) or text (from the store); both go through parseDiagram's one decoder and limits. */
export async function loadSimModel(xml: string | Uint8Array): Promise<LoadResult> {
  const parsed = await parseDiagram(xml);
  if (!parsed.ok) return { ok: false, message: parsed.error.message };
  const { annotations, issues } = readDiagramAnnotations(parsed.definitions);
  const hasBpr = Object.keys(annotations.steps).length > 0 || Object.keys(annotations.starts).length > 0;
  const qbp = hasBpr ? undefined : readQbp(parsed.xml);
  const extra: SimIssue[] = issues.map((i) => ({ severity: 'error', code: 'annotation', elementId: i.elementId, message: i.message }));
  let model: SimModel;
  if (qbp) {
    const conv = convertQbp(qbp, parsed.definitions);
    for (const w of conv.warnings) extra.push({ severity: 'warning', code: 'qbp', message: w });
    model = compileModel(parsed.definitions, conv.annotations);
    if (conv.processInstances) model.processInstances = conv.processInstances;
    model.inclusiveDrawsDefault = true;
    // BIMP's startDateTime is an instant (e.g. 2026-01-05T09:00:00.000Z); runs start on its calendar day.
    const day = /^(\d{4}-\d{2}-\d{2})/.exec(conv.startDateTime ?? '')?.[1];
    if (day) model.startDate = day;
  } else model = compileModel(parsed.definitions, annotations);
  model.issues.unshift(...extra);
  return { ok: true, model, source: qbp ? 'qbp' : 'bpr', issues: model.issues };
}
