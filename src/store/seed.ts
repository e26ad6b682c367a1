import type { ProcessKind, ProcessRecord, WorkspaceStore } from './types';

/** One sample diagram as listed in diagrams/manifest.json, with its XML already loaded. */
export interface SampleProcess {
  fileName: string;
  name: string;
  department: string;
  kind: ProcessKind;
  xml: string;
  /** fileName of the As-Is/To-Be partner among the samples. */
  linkedTo?: string;
}

/** The marker lives in `meta`, so neither a reload nor deleting every process seeds again. */
export const seedMarkerKey = (workspaceId: string): string => `seeded:${workspaceId}`;
/** The 取組 and the 業務の全体像 samples have markers of their own (added after the processes). */
export const initiativeSeedMarkerKey = (workspaceId: string): string => `seeded-initiatives:${workspaceId}`;
export const inventorySeedMarkerKey = (workspaceId: string): string => `seeded-inventory:${workspaceId}`;

/**
 * Puts the sample processes into a workspace once. All processes, their links and the marker are
 * written in one transaction, so two tabs starting together or a reload halfway cannot seed twice
 * or leave half a set.
 */
export async function seedWorkspace(
  repo: Pick<WorkspaceStore, 'importProcesses'>,
  workspaceId: string,
  samples: readonly SampleProcess[],
): Promise<{ seeded: boolean; processes: ProcessRecord[] }> {
  const created = await repo.importProcesses(
    workspaceId,
    samples.map((s) => ({
      ref: s.fileName,
      name: s.name,
      department: s.department,
      kind: s.kind,
      xml: s.xml,
      ...(s.linkedTo !== undefined ? { linkedToRef: s.linkedTo } : {}),
    })),
    { onceKey: seedMarkerKey(workspaceId) },
  );
  return created === null ? { seeded: false, processes: [] } : { seeded: true, processes: created };
}
