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
/**
 * The seeded sample processes of the workspace by their file name (found by the name and kind they
 * were seeded with; a renamed, deleted or unreadable one is simply absent). Used inside a seeding
 * transaction by the 取組 and the 業務の全体像 seeds.
 */
export async function sampleProcessIdsByFile(db: BprDatabase, workspaceId: string, samples: readonly SampleRef[]): Promise<Map<string, string>> {
  const fileOf = new Map(samples.map((s) => [`${s.kind}|${s.name}`, s.fileName]));
  const idsByFile = new Map<string, string>();
  for (const row of await db.processes.where('workspaceId').equals(workspaceId).toArray()) {
    try {
      const p = readProcessRecord(row);
      const file = fileOf.get(`${p.kind}|${p.name}`);
      if (file && !idsByFile.has(file)) idsByFile.set(file, p.id);
    } catch {
      // An unreadable process is simply not attached; the workspace view reports it.
    }
  }
  return idsByFile;
}

export async function seedInitiativesOnce(store: WorkspaceStore, workspaceId: string, samples: readonly SampleRef[]): Promise<boolean> {
  const db = (store as { db?: BprDatabase }).db;
  if (!db?.initiatives) return false;
  const repo = new InitiativeRepository({ db });
  const key = initiativeSeedMarkerKey(workspaceId);
  return db.transaction('rw', [db.meta, db.workspaces, db.processes, db.initiatives], async () => {
    if (await db.meta.get(key)) return false;
    const idsByFile = Object.fromEntries(await sampleProcessIdsByFile(db, workspaceId, samples));
    for (const seed of seedInitiatives(idsByFile)) await repo.create(workspaceId, seed);
    await db.meta.put({ key, value: new Date().toISOString() });
    return true;
  });
}
