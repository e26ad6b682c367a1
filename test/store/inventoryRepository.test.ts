import { describe, expect, it } from 'vitest';
import { parseInventoryTable } from '../../src/domain/inventory/parse';
import { InventoryRepository, UnreadableInventoryError } from '../../src/store/inventoryRepository';
import { FakeClock, freshIndexedDb } from './storeTestKit';

const sheet = (hoursA: string) =>
  parseInventoryTable([
    ['整理番号', '課', '業務名', '年間業務時間'],
    ['001', '市民課', '住民票の写し交付', hoursA],
    ['', '税務課', '給与支払報告書の入力', '900'],
  ]).rows;

describe('InventoryRepository', () => {
  it('given an imported sheet, when the same sheet is imported again with one figure changed, then the 業務 are updated, not duplicated, and links stay', async () => {
    const clock = new FakeClock();
    const idb = freshIndexedDb();
    const repo = new InventoryRepository(idb.open(), clock.now);
    expect(await repo.importRows('w1', sheet('1200'))).toEqual({ added: 2, updated: 0, unchanged: 0 });
    const [a] = (await repo.list('w1')).filter((r) => r.code === '001');
    await repo.link(a.id, { processId: 'p-1', initiativeId: 'i-1' });
    clock.advance(60);
    // A reload: a new connection to the same database.
    const again = new InventoryRepository(idb.open(), clock.now);
    expect(await again.importRows('w1', sheet('1,300'))).toEqual({ added: 0, updated: 1, unchanged: 1 });
    const rows = await again.list('w1');
    expect(rows).toHaveLength(2);
    const updated = rows.find((r) => r.code === '001')!;
    expect(updated.enteredHours).toBe(1300);
    expect(updated.processIds).toEqual(['p-1']);
    expect(updated.initiativeIds).toEqual(['i-1']);
    expect(await again.list('w2')).toEqual([]);
  });

  it('given a stored row of a newer format, when loaded, then it is reported unreadable and the others are read', async () => {
    const idb = freshIndexedDb();
    const db = idb.open();
    const repo = new InventoryRepository(db);
    await repo.importRows('w1', sheet('10'));
    await db.inventory.put({ id: 'future', workspaceId: 'w1', schemaVersion: 99 });
    const { records, unreadable } = await repo.load('w1');
    expect(records).toHaveLength(2);
    expect(unreadable[0]).toBeInstanceOf(UnreadableInventoryError);
    expect(await db.inventory.get('future')).toBeDefined();
  });
});
