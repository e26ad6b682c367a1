import type { z } from 'zod';
import { compareScenariosAsync } from '../domain/analysis/compare';
import { sensitivityAnalysis } from '../domain/analysis/sensitivity';
import { loadSimModel } from '../domain/sim/loadDiagram';
import type { compareProtocol, CompareOutput } from './compareProtocol';
import { HandlerFailure, type HandlerContext } from './rpc';

/**
 * One As-Is/To-Be comparison. It yields after every replication, so a cancel stops it there and the
 * worker stays up for the next comparison.
 */
export async function compareHandler(request: z.output<typeof compareProtocol.request>, context: HandlerContext<number>): Promise<CompareOutput> {
  const { sensitivity, ...options } = request.options;
  const a = await loadSimModel(request.asIsXml);
  if (!a.ok) throw new HandlerFailure({ message: `現行（As-Is）の図: ${a.message}`, issues: [] });
  const b = await loadSimModel(request.toBeXml);
  if (!b.ok) throw new HandlerFailure({ message: `見直し後（To-Be）の図: ${b.message}`, issues: [] });
  const result = await compareScenariosAsync(a.model, b.model, {
    ...options,
    inputRange: options.inputRange ?? true,
    onProgress: context.progress,
    isCancelled: context.isCancelled,
  });
  const tornado = sensitivity ? sensitivityAnalysis(a.model, b.model, { maxBars: 12 }) : null;
  return { result, sensitivity: tornado };
}
