import { scenarioLabelOf } from '../../domain/model/scenario';
import type { ProcessRecord } from '../../store/types';

/** One As-Is and one of its To-Be scenarios: what a comparison (and its cached result) is about. */
export interface ComparePair {
  asIsId: string;
  toBeId: string;
}

/** The label a scenario is shown by: its own name, else one taken from its process name. */
export const scenarioLabel = (toBe: Pick<ProcessRecord, 'name' | 'scenarioName'>): string => scenarioLabelOf(toBe);

/** Scenarios oldest first, so a new scenario lands at the end of the table. */
const byCreation = (a: ProcessRecord, b: ProcessRecord) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** The To-Be scenarios of an As-Is, oldest first. */
export function scenariosOf(processes: readonly ProcessRecord[], asIsId: string): ProcessRecord[] {
  return processes.filter((p) => p.kind === 'to-be' && p.linkedProcessId === asIsId).sort(byCreation);
}

/** Every As-Is's scenarios at once (As-Is id → its To-Bes, oldest first), for lists of thousands of processes. */
export function scenariosByAsIs(processes: readonly ProcessRecord[]): Map<string, ProcessRecord[]> {
  const map = new Map<string, ProcessRecord[]>();
  for (const p of processes) if (p.kind === 'to-be' && p.linkedProcessId) map.set(p.linkedProcessId, [...(map.get(p.linkedProcessId) ?? []), p]);
  for (const list of map.values()) list.sort(byCreation);
  return map;
}

/** The As-Is a To-Be is a scenario of, when it still exists. */
export function asIsOf(processes: readonly ProcessRecord[], toBe: ProcessRecord): ProcessRecord | undefined {
  if (toBe.kind !== 'to-be' || !toBe.linkedProcessId) return undefined;
  const asIs = processes.find((p) => p.id === toBe.linkedProcessId);
  return asIs?.kind === 'as-is' ? asIs : undefined;
}

/** As-Is processes with at least one scenario, in name order, each with its scenarios. */
export function asIsWithScenarios(processes: readonly ProcessRecord[]): Array<{ asIs: ProcessRecord; scenarios: ProcessRecord[] }> {
  return processes
    .filter((p) => p.kind === 'as-is')
    .map((asIs) => ({ asIs, scenarios: scenariosOf(processes, asIs.id) }))
    .filter((x) => x.scenarios.length > 0)
    .sort((a, b) => a.asIs.name.localeCompare(b.asIs.name, 'ja'));
}

/** Every As-Is/scenario pair, As-Is in name order, scenarios oldest first. */
export function linkedPairs(processes: readonly ProcessRecord[]): Array<{ asIs: ProcessRecord; toBe: ProcessRecord }> {
  return asIsWithScenarios(processes).flatMap(({ asIs, scenarios }) => scenarios.map((toBe) => ({ asIs, toBe })));
}

/**
 * The pair to show first: the one asked for (compare.open) while both processes exist with those
 * kinds (a 取組 may have attached a To-Be that is not a scenario of that As-Is), else the process open
 * in the editor (a To-Be: its own pair; an As-Is: its first scenario), else the first pair.
 */
export function defaultPair(processes: readonly ProcessRecord[], requested: ComparePair | null, openProcessId: string | null): ComparePair | null {
  const byId = new Map(processes.map((p) => [p.id, p]));
  if (requested && byId.get(requested.asIsId)?.kind === 'as-is' && byId.get(requested.toBeId)?.kind === 'to-be') return requested;
  const open = openProcessId ? byId.get(openProcessId) : undefined;
  if (open?.kind === 'to-be') {
    const asIs = asIsOf(processes, open);
    if (asIs) return { asIsId: asIs.id, toBeId: open.id };
  }
  if (open?.kind === 'as-is') {
    const first = scenariosOf(processes, open.id)[0];
    if (first) return { asIsId: open.id, toBeId: first.id };
  }
  const first = linkedPairs(processes)[0];
  return first ? { asIsId: first.asIs.id, toBeId: first.toBe.id } : null;
}
