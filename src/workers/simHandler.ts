import { loadSimModel } from '../domain/sim/loadDiagram';
import { runSimulationAsync } from '../domain/sim/runSimulation';
import type { SimulationResult } from '../domain/sim/result';
import { HandlerFailure, type HandlerContext } from './rpc';
import type { simProtocol } from './simProtocol';
import type { z } from 'zod';

/** One simulation: the engine yields after each replication, so a cancel is seen before the next one. */
export async function simHandler(request: z.output<typeof simProtocol.request>, context: HandlerContext<number>): Promise<SimulationResult> {
  const loaded = await loadSimModel(request.xml);
  if (!loaded.ok) throw new HandlerFailure({ message: loaded.message, issues: [] });
  return runSimulationAsync(loaded.model, {
    ...request.options,
    inputRange: request.options.inputRange ?? true,
    onProgress: context.progress,
    isCancelled: context.isCancelled,
  });
}
