import { INVENTORY_SCHEMA_VERSION, inventoryRecordSchema, planMerge, type InventoryFields, type InventoryRecord } from '../domain/inventory/record';
import { readVersioned } from '../domain/model/recordMigrations';
import type { BprDatabase, StoredRow } from './db';
import { newRecordId } from './ids';
import { isQuotaExceeded } from './quota';
import { readRows } from './readRows';
import { StorageFullError } from './types';

/**
 * 業務の全体像 records in Dexie. Rows are migrated up and validated by the shared reader
 * (domain/model/recordMigrations.ts); a newer one is refused and left untouched. An import is one transaction: either
 * every row of the sheet is added or updated, or nothing changes.
 */
export class UnreadableInventoryError extends Error {
  constructor(
    readonly inventoryId: string | undefined,
    detail: string,
  ) {
    super(`保存されている業務${inventoryId ? ` (id: ${inventoryId})` : ''}を読み込めません: ${detail}。このデータは削除も上書きもしていません。`);
    this.name = 'UnreadableInventoryError';
  }
}

export function readInventoryRow(row: unknown): InventoryRecord {
  const id = typeof (row as { id?: unknown })?.id === 'string' ? (row as { id: string }).id : undefined;
  const read = readVersioned('inventory', row, inventoryRecordSchema);
  if (!read.ok) throw new UnreadableInventoryError(id, read.problems.join('、'));
  return read.value;
}

export interface InventoryImportResult {
  added: number;
  updated: number;
  unchanged: number;
}

export class InventoryRepository {
  constructor(
    private readonly db: BprDatabase,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = newRecordId,
  ) {}

  async load(workspaceId: string): Promise<{ records: InventoryRecord[]; unreadable: UnreadableInventoryError[] }> {
    const rows = await this.db.inventory.where('workspaceId').equals(workspaceId).toArray();
    return readRows(rows, readInventoryRow, UnreadableInventoryError);
  }

  async list(workspaceId: string): Promise<InventoryRecord[]> {
    return (await this.load(workspaceId)).records;
  }

  /** Adds new 業務 and updates those matched by 整理番号 (or 課 + 業務名); links to processes and 取組 are kept. */
  async importRows(workspaceId: string, rows: readonly InventoryFields[]): Promise<InventoryImportResult> {
    return this.write(async () => {
      const { records } = await this.load(workspaceId);
      const plan = planMerge(records, rows);
      const stamp = this.now().toISOString();
      const puts: InventoryRecord[] = [
        ...plan.added.map((f) =>
          inventoryRecordSchema.parse({
            ...f,
            schemaVersion: INVENTORY_SCHEMA_VERSION,
            id: this.newId(),
            workspaceId,
            processIds: [],
            initiativeIds: [],
            createdAt: stamp,
            updatedAt: stamp,
          }),
        ),
        ...plan.updated.map(({ existing, fields }) => inventoryRecordSchema.parse({ ...existing, ...clearMissing(fields), updatedAt: stamp })),
      ];
      await this.db.inventory.bulkPut(puts as unknown as StoredRow[]);
      return { added: plan.added.length, updated: plan.updated.length, unchanged: plan.unchanged };
    });
  }

  /** Links a modeled process (e.g. the As-Is made from this row) or a 取組 to the 業務. */
  async link(id: string, link: { processId?: string; initiativeId?: string }): Promise<InventoryRecord> {
    return this.write(async () => {
      const row = await this.db.inventory.get(id);
      if (!row) throw new Error(`業務 (id: ${id}) が見つかりません。別のタブで削除された可能性があります。`);
      const r = readInventoryRow(row);
      const next = inventoryRecordSchema.parse({
        ...r,
        processIds: link.processId && !r.processIds.includes(link.processId) ? [...r.processIds, link.processId] : r.processIds,
        initiativeIds: link.initiativeId && !r.initiativeIds.includes(link.initiativeId) ? [...r.initiativeIds, link.initiativeId] : r.initiativeIds,
        updatedAt: this.now().toISOString(),
      });
      await this.db.inventory.put(next as unknown as StoredRow);
      return next;
    });
  }

  async unlinkProcess(processId: string): Promise<void> {
    await this.write(async () => {
      const rows = (await this.db.inventory.toArray()).filter((r) => Array.isArray(r.processIds) && (r.processIds as string[]).includes(processId));
      for (const r of rows) await this.db.inventory.put({ ...r, processIds: (r.processIds as string[]).filter((p) => p !== processId) });
    });
  }

  async clear(workspaceId: string): Promise<void> {
    await this.write(() => this.db.inventory.where('workspaceId').equals(workspaceId).delete());
  }

  private async write<T>(scope: () => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction('rw', [this.db.inventory], scope);
    } catch (err) {
      if (isQuotaExceeded(err)) throw new StorageFullError();
      throw err;
    }
  }
}

/** A re-imported row that leaves an optional figure blank clears it: the sheet is the source of truth. */
function clearMissing(fields: InventoryFields): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields };
  for (const k of ['routine', 'core', 'annualCount', 'minutesPerCase', 'enteredHours', 'staffCount', 'enteredFte'] as const)
    if (fields[k] === undefined) out[k] = undefined;
  return out;
}
