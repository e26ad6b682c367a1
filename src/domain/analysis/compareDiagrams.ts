import { loadSimModel } from '../sim/loadDiagram';
import { SimValidationError } from '../sim/errors';
import { compareScenarios, type CompareOptions, type ComparisonResult } from './compare';

/** Two .bpmn texts → the comparison; the entry point for the worker and the CLI. */
export type CompareDiagramsResult = { ok: true; result: ComparisonResult } | { ok: false; message: string };

export async function compareDiagrams(
  asIsXml: string | Uint8Array,
  toBeXml: string | Uint8Array,
  options: CompareOptions = {},
): Promise<CompareDiagramsResult> {
  const a = await loadSimModel(asIsXml);
  if (!a.ok) return { ok: false, message: `現行（As-Is）の図: ${a.message}` };
  const b = await loadSimModel(toBeXml);
  if (!b.ok) return { ok: false, message: `見直し後（To-Be）の図: ${b.message}` };
  try {
    return { ok: true, result: compareScenarios(a.model, b.model, options) };
  } catch (err) {
    if (err instanceof SimValidationError) return { ok: false, message: err.message };
    throw err;
  }
}
