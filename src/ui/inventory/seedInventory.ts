import { SAMPLE_PROCESS_WORK, sampleInventory } from '../../domain/inventory/sample';
import type { BprDatabase } from '../../store/db';
import { InventoryRepository } from '../../store/inventoryRepository';
import type { WorkspaceStore } from '../../store/types';
import { sampleProcessIdsByFile, type SampleRef } from '../initiatives/seedInitiatives';

// Its own marker, like the 取組: a workspace seeded before the inventory existed still gets it, once.
import { inventorySeedMarkerKey } from '../../store/seed';
export { inventorySeedMarkerKey };

/**
 * The fictional さくら市's 業務量調査 (a few hundred 業務 over its 課) and the 業務 behind the sample
 * diagrams, linked to those As-Is processes and to the 取組 attached to them. Marker and rows go in one
 * transaction, so two tabs starting together cannot seed twice.
 */
export async function seedInventoryOnce(store: WorkspaceStore, workspaceId: string, samples: readonly SampleRef[]): Promise<boolean> {
  const db = (store as { db?: BprDatabase }).db;
  if (!db?.inventory) return false;
  const key = inventorySeedMarkerKey(workspaceId);
  const repo = new InventoryRepository(db);
  return db.transaction('rw', [db.meta, db.processes, db.inventory, db.initiatives], async () => {
    if (await db.meta.get(key)) return false;
    const processByFile = await sampleProcessIdsByFile(db, workspaceId, samples);
    await repo.importRows(workspaceId, [...SAMPLE_PROCESS_WORK.map((w) => w.fields), ...sampleInventory()]);
    const initiatives = await db.initiatives.where('workspaceId').equals(workspaceId).toArray();
    const rows = await repo.list(workspaceId);
    for (const work of SAMPLE_PROCESS_WORK) {
      const processId = processByFile.get(work.fileName);
      const row = rows.find((r) => r.code === work.fields.code);
      if (!processId || !row) continue;
      await repo.link(row.id, { processId });
      for (const init of initiatives) {
        const attachments = Array.isArray(init.attachments) ? (init.attachments as Array<{ asIsProcessId?: string }>) : [];
        if (attachments.some((a) => a.asIsProcessId === processId)) await repo.link(row.id, { initiativeId: init.id as string });
      }
    }
    await db.meta.put({ key, value: new Date().toISOString() });
    return true;
  });
}
