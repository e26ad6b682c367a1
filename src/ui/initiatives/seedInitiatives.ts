import { seedInitiatives } from '../../domain/model/initiativeSeed';
import type { BprDatabase } from '../../store/db';
import { InitiativeRepository } from '../../store/initiativeRepository';
import { readProcessRecord } from '../../store/records';
import type { ProcessKind, WorkspaceStore } from '../../store/types';

// Its own marker: a workspace seeded with processes before 取組 existed still gets them, once.
import { initiativeSeedMarkerKey } from '../../store/seed';
export { initiativeSeedMarkerKey };

export interface SampleRef {
  fileName: string;
  name: string;
  kind: ProcessKind;
}

/**
 * Adds the seeded 取組 to the workspace once, attached to the sample processes (found by the name and
 * kind they were seeded with; a renamed or deleted one is left unattached). Marker and records go in
 * one transaction, so two tabs starting together cannot seed twice.
 */
export async function seedInitiativesOnce(store: WorkspaceStore, workspaceId: string, samples: readonly SampleRef[]): Promise<boolean> {
  const db = (store as { db?: BprDatabase }).db;
  if (!db?.initiatives) return false;
  const repo = new InitiativeRepository({ db });
  const key = initiativeSeedMarkerKey(workspaceId);
  return db.transaction('rw', [db.meta, db.workspaces, db.processes, db.initiatives], async () => {
    if (await db.meta.get(key)) return false;
    const fileOf = new Map(samples.map((s) => [`${s.kind}|${s.name}`, s.fileName]));
    const idsByFile: Record<string, string> = {};
    for (const row of await db.processes.where('workspaceId').equals(workspaceId).toArray()) {
      try {
        const p = readProcessRecord(row);
        const file = fileOf.get(`${p.kind}|${p.name}`);
        if (file && !idsByFile[file]) idsByFile[file] = p.id;
      } catch {
        // An unreadable process is simply not attached; the workspace view reports it.
      }
    }
    for (const seed of seedInitiatives(idsByFile)) await repo.create(workspaceId, seed);
    await db.meta.put({ key, value: new Date().toISOString() });
    return true;
  });
}
