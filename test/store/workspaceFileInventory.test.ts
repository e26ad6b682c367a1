import { describe, expect, it } from 'vitest';
import { parseInventoryTable } from '../../src/domain/inventory/parse';
import { InventoryRepository } from '../../src/store/inventoryRepository';
import { inventorySeedMarkerKey } from '../../src/store/seed';
import { exportWorkspace, importWorkspaceFile } from '../../src/store/workspaceFile';
import { bpmnXml, FakeClock, repositoryWithWorkspace } from './storeTestKit';

const sheet = parseInventoryTable([
  ['整理番号', '課', '業務名', '年間処理件数', '1件当たり処理時間'],
  ['001', '市民課', '住民票の写しの交付', '12000', '6'],
  ['002', '税務課', '課税資料の整理', '300', '20'],
]).rows;

/** A workspace with two 業務, the first linked to an As-Is. */
async function withInventory() {
  const kit = await repositoryWithWorkspace(new FakeClock());
  const process = await kit.repo.createProcess(kit.workspaceId, { name: '住民票', department: '市民課', kind: 'as-is', xml: bpmnXml('交付') });
  const inventory = new InventoryRepository(kit.db);
  await inventory.importRows(kit.workspaceId, sheet);
  const first = (await inventory.list(kit.workspaceId)).find((r) => r.code === '001')!;
  await inventory.link(first.id, { processId: process.id });
  return { ...kit, process };
}

describe('the 業務の全体像 inventory travels in the workspace file', () => {
  it('given a workspace with 業務 linked to a process, when exported and imported elsewhere with 置き換え, then the 業務 come with their link and the samples are not seeded over them', async () => {
    const source = await withInventory();
    const { file } = await exportWorkspace(source.db, source.workspaceId);
    expect(file.inventory.map((r) => r.code).sort()).toEqual(['001', '002']);
    expect(file.inventory[0]).not.toHaveProperty('workspaceId');

    const target = await repositoryWithWorkspace(new FakeClock());
    const result = await importWorkspaceFile(target.db, target.workspaceId, JSON.stringify(file), { mode: 'replace' });
    const rows = await new InventoryRepository(target.db).list(result.workspace.id);
    expect(rows.map((r) => [r.code, r.annualCount, r.minutesPerCase]).sort()).toEqual([
      ['001', 12000, 6],
      ['002', 300, 20],
    ]);
    const [imported] = await target.repo.listProcesses(result.workspace.id);
    expect(rows.find((r) => r.code === '001')!.processIds).toEqual([imported.id]);
    expect(await target.db.meta.get(inventorySeedMarkerKey(result.workspace.id))).toBeDefined();
  });

  it('given the same file merged into a workspace that already has 整理番号 001, then that 業務 is kept as it is and only 002 is added', async () => {
    const source = await withInventory();
    const { file } = await exportWorkspace(source.db, source.workspaceId);
    const target = await repositoryWithWorkspace(new FakeClock());
    const inventory = new InventoryRepository(target.db);
    await inventory.importRows(target.workspaceId, [{ ...sheet[0], minutesPerCase: 8 }]);
    await importWorkspaceFile(target.db, target.workspaceId, JSON.stringify(file), { mode: 'merge' });
    const rows = await inventory.list(target.workspaceId);
    expect(rows.map((r) => [r.code, r.minutesPerCase]).sort()).toEqual([
      ['001', 8],
      ['002', 20],
    ]);
  });

  it('given a file whose 業務 breaks the schema, when imported, then the file is refused naming the 業務 and nothing changes', async () => {
    const source = await withInventory();
    const { file } = await exportWorkspace(source.db, source.workspaceId);
    const broken = { ...file, inventory: [{ ...file.inventory.find((r) => r.code === '001')!, annualCount: -5 }] };
    const target = await repositoryWithWorkspace(new FakeClock());
    await expect(importWorkspaceFile(target.db, target.workspaceId, JSON.stringify(broken), { mode: 'replace' })).rejects.toThrow(
      /業務1件目「住民票の写しの交付」/,
    );
    expect(await new InventoryRepository(target.db).list(target.workspaceId)).toEqual([]);
  });
});
