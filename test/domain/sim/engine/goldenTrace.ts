import { loadSimModel } from '../../../../src/domain/sim/loadDiagram';
import { runSimulation } from '../../../../src/domain/sim/runSimulation';

/** What a golden file holds: the first cases' traces for seed 1, plus a few headline KPIs. */
export const GOLDEN_CASES = 8;

export async function goldenTrace(xml: string) {
  const loaded = await loadSimModel(xml);
  if (!loaded.ok) throw new Error(loaded.message);
  const r = runSimulation(loaded.model, { seed: 1, replications: 1, cases: 200, trace: GOLDEN_CASES, mode: 'fast' });
  return { seed: 1, cases: 200, staffMinutesPerCase: r.kpis.staffMinutesPerCase.mean, traces: r.traces ?? [] };
}
