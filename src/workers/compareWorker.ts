/// <reference lib="webworker" />
import { compareScenarios } from '../domain/analysis/compare';
import { sensitivityAnalysis } from '../domain/analysis/sensitivity';
import { RunawayError, SimCancelledError, SimValidationError } from '../domain/sim/errors';
import { loadSimModel } from '../domain/sim/loadDiagram';
import { compareRequestSchema, compareResponseSchema, type CompareRequest, type CompareResponse } from './compareProtocol';

/**
 * Module worker comparing an As-Is and a To-Be diagram. In: compare.run {id, asIsXml, toBeXml, options},
 * compare.cancel {id}. Out: compare.progress, compare.result (zod-validated, with the tornado when asked),
 * compare.error (Japanese message), compare.cancelled. The comparison runs its replications without
 * yielding, so the client also terminates the worker on cancel; the flag here covers an engine that yields.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;
const cancelled = new Set<string>();
const post = (msg: CompareResponse) => scope.postMessage(compareResponseSchema.parse(msg));

async function handle(req: Extract<CompareRequest, { type: 'compare.run' }>): Promise<void> {
  const { id } = req;
  const { sensitivity, ...options } = req.options;
  try {
    const a = await loadSimModel(req.asIsXml);
    if (!a.ok) return post({ type: 'compare.error', id, message: `現行（As-Is）の図: ${a.message}` });
    const b = await loadSimModel(req.toBeXml);
    if (!b.ok) return post({ type: 'compare.error', id, message: `見直し後（To-Be）の図: ${b.message}` });
    const result = compareScenarios(a.model, b.model, {
      ...options,
      inputRange: options.inputRange ?? true,
      onProgress: (fraction) => post({ type: 'compare.progress', id, fraction }),
      isCancelled: () => cancelled.has(id),
    });
    const tornado = sensitivity ? sensitivityAnalysis(a.model, b.model, { maxBars: 12 }) : null;
    post({ type: 'compare.result', id, result, sensitivity: tornado });
  } catch (e) {
    if (e instanceof SimCancelledError) post({ type: 'compare.cancelled', id });
    else if (e instanceof SimValidationError || e instanceof RunawayError) post({ type: 'compare.error', id, message: e.message });
    else post({ type: 'compare.error', id, message: e instanceof Error ? e.message : String(e) });
  } finally {
    cancelled.delete(id);
  }
}

scope.onmessage = (ev: MessageEvent) => {
  const parsed = compareRequestSchema.safeParse(ev.data);
  if (!parsed.success) {
    const id = String((ev.data as { id?: unknown })?.id ?? '');
    post({ type: 'compare.error', id, message: `不正な比較要求です: ${parsed.error.issues.map((i) => i.message).join('、')}` });
    return;
  }
  if (parsed.data.type === 'compare.cancel') cancelled.add(parsed.data.id);
  else void handle(parsed.data);
};
