import type { ProcessRecord } from '../../store/types';

export interface ComparePair {
  asIsId: string;
  toBeId: string;
}

/** As-Is processes that have a linked To-Be, in name order: the pairs the 比較 view can run. */
export function linkedPairs(processes: readonly ProcessRecord[]): Array<{ asIs: ProcessRecord; toBe: ProcessRecord }> {
  const byId = new Map(processes.map((p) => [p.id, p]));
  const out: Array<{ asIs: ProcessRecord; toBe: ProcessRecord }> = [];
  for (const p of processes) {
    if (p.kind !== 'as-is' || !p.linkedProcessId) continue;
    const toBe = byId.get(p.linkedProcessId);
    if (toBe?.kind === 'to-be') out.push({ asIs: p, toBe });
  }
  return out.sort((a, b) => a.asIs.name.localeCompare(b.asIs.name, 'ja'));
}

/**
 * The pair to show first: the one asked for (compare.open) when both processes still exist, else the
 * pair of the process open in the editor (from either side), else the first linked pair.
 */
export function defaultPair(processes: readonly ProcessRecord[], requested: ComparePair | null, openProcessId: string | null): ComparePair | null {
  const byId = new Map(processes.map((p) => [p.id, p]));
  if (requested && byId.get(requested.asIsId)?.kind === 'as-is' && byId.get(requested.toBeId)?.kind === 'to-be') return requested;
  const open = openProcessId ? byId.get(openProcessId) : undefined;
  if (open?.linkedProcessId) {
    const partner = byId.get(open.linkedProcessId);
    if (partner && partner.kind !== open.kind) return open.kind === 'as-is' ? { asIsId: open.id, toBeId: partner.id } : { asIsId: partner.id, toBeId: open.id };
  }
  const first = linkedPairs(processes)[0];
  return first ? { asIsId: first.asIs.id, toBeId: first.toBe.id } : null;
}
