import { readDiagramAnnotations } from '../../bpmn/annotationsRead';
import type { ModdleElement } from '../../bpmn/bprAccess';
import { compileModel } from '../../sim/compile';
import type { SimulationResult } from '../../sim/result';
import { runSimulation, runSimulationAsync } from '../../sim/runSimulation';
import type { TaskHoursTable } from './types';

/**
 * Staff hours per task from the discrete-event simulation (queues, rework loops, branch
 * probabilities), the figure the ranking multiplies by the automation potential. Throws the
 * engine's SimValidationError / RunawayError when the diagram cannot be simulated.
 */
export interface SimulateTaskHoursOptions {
  seed?: number;
  replications?: number;
}

export const DEFAULT_RPA_REPLICATIONS = 5;

function tableOf(result: SimulationResult): TaskHoursTable {
  const table: TaskHoursTable = {};
  for (const t of result.tasks) table[t.id] = { staffHoursPerYear: t.staffHoursPerYear, countPerYear: t.countPerYear };
  return table;
}

function modelOf(definitions: ModdleElement) {
  const { annotations } = readDiagramAnnotations(definitions);
  return compileModel(definitions, annotations);
}

export function simulateTaskHours(definitions: ModdleElement, opts: SimulateTaskHoursOptions = {}): TaskHoursTable {
  return tableOf(runSimulation(modelOf(definitions), { seed: opts.seed ?? 1, replications: opts.replications ?? DEFAULT_RPA_REPLICATIONS }));
}

/** Same figures; yields to the event loop between replications (worker, cancel button). */
export async function simulateTaskHoursAsync(definitions: ModdleElement, opts: SimulateTaskHoursOptions = {}): Promise<TaskHoursTable> {
  return tableOf(await runSimulationAsync(modelOf(definitions), { seed: opts.seed ?? 1, replications: opts.replications ?? DEFAULT_RPA_REPLICATIONS }));
}
