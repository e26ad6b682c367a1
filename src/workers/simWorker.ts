/// <reference lib="webworker" />
import { loadSimModel } from '../domain/sim/loadDiagram';
import { RunawayError, SimCancelledError, SimValidationError } from '../domain/sim/errors';
import { runSimulationAsync } from '../domain/sim/runSimulation';
import { simOptionsSchema, simRequestSchema, simResponseSchema, type SimRequest, type SimResponse } from './simProtocol';

/**
 * Module worker running one simulation at a time. Messages in: {type:'sim.run', id, xml, options} and
 * {type:'sim.cancel', id}. Messages out: sim.progress, sim.result (zod-validated), sim.error (Japanese
 * message + issue list), sim.cancelled. The engine yields between replications, so a cancel message is
 * seen before the next replication starts.
 */

export { simOptionsSchema, simRequestSchema, simResponseSchema, type SimRequest, type SimResponse };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const cancelled = new Set<string>();
const post = (msg: SimResponse) => scope.postMessage(simResponseSchema.parse(msg));

async function handle(req: Extract<SimRequest, { type: 'sim.run' }>): Promise<void> {
  const { id } = req;
  try {
    const loaded = await loadSimModel(req.xml);
    if (!loaded.ok) { post({ type: 'sim.error', id, message: loaded.message, issues: [] }); return; }
    const result = await runSimulationAsync(loaded.model, {
      ...req.options,
      inputRange: req.options.inputRange ?? true,
      onProgress: (fraction) => post({ type: 'sim.progress', id, fraction }),
      isCancelled: () => cancelled.has(id),
    });
    post({ type: 'sim.result', id, result });
  } catch (e) {
    if (e instanceof SimCancelledError) post({ type: 'sim.cancelled', id });
    else if (e instanceof SimValidationError) post({ type: 'sim.error', id, message: e.message, issues: e.issues.map((i) => i.message) });
    else if (e instanceof RunawayError) post({ type: 'sim.error', id, message: e.message, issues: [e.message], elementId: e.elementId });
    else post({ type: 'sim.error', id, message: e instanceof Error ? e.message : String(e), issues: [] });
  } finally {
    cancelled.delete(id);
  }
}

scope.onmessage = (ev: MessageEvent) => {
  const parsed = simRequestSchema.safeParse(ev.data);
  if (!parsed.success) {
    post({ type: 'sim.error', id: String((ev.data as { id?: unknown })?.id ?? ''), message: '不正なシミュレーション要求です', issues: parsed.error.issues.map((i) => i.message) });
    return;
  }
  if (parsed.data.type === 'sim.cancel') cancelled.add(parsed.data.id);
  else void handle(parsed.data);
};
