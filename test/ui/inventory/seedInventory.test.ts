import { describe, expect, it } from 'vitest';
import { annualHoursOf } from '../../../src/domain/inventory/record';
import { InitiativeRepository } from '../../../src/store/initiativeRepository';
import { InventoryRepository } from '../../../src/store/inventoryRepository';
import { seedWorkspace } from '../../../src/store/seed';
import { seedInitiativesOnce } from '../../../src/ui/initiatives/seedInitiatives';
import { inventorySeedMarkerKey, seedInventoryOnce } from '../../../src/ui/inventory/seedInventory';
import { repositoryWithWorkspace } from '../../store/storeTestKit';
import { tennyuSamplePair } from '../sampleProcesses';

const samples = tennyuSamplePair;

describe('seeding the sample city’s 業務の全体像', () => {
  it('given the seeded samples and 取組, when the inventory is seeded twice, then a few hundred 業務 come once, and the 転入届 業務 links its As-Is and its 取組', async () => {
    const { repo, db, workspaceId } = await repositoryWithWorkspace();
    const { processes } = await seedWorkspace(repo, workspaceId, samples);
    await seedInitiativesOnce(repo, workspaceId, samples);
    expect(await seedInventoryOnce(repo, workspaceId, samples)).toBe(true);
    expect(await seedInventoryOnce(repo, workspaceId, samples)).toBe(false);
    const rows = await new InventoryRepository(db).list(workspaceId);
    // 320 generated 業務 and the 4 behind the sample diagrams.
    expect(rows).toHaveLength(324);
    const tennyu = rows.find((r) => r.code === 'S-01')!;
    const asIsId = processes.find((p) => p.kind === 'as-is')!.id;
    expect(tennyu.processIds).toEqual([asIsId]);
    const attached = (await new InitiativeRepository({ db }).list(workspaceId)).filter((i) => i.attachments.some((a) => a.asIsProcessId === asIsId));
    expect(attached.length).toBeGreaterThan(0);
    expect([...tennyu.initiativeIds].sort()).toEqual(attached.map((i) => i.id).sort());
    // 2,300 件 × 45 分 / 60 = 1,725 h, the survey's figure.
    expect(annualHoursOf(tennyu).hours).toBe(1725);
    // Only the sample diagrams present are linked; the others stay unlinked.
    expect(rows.find((r) => r.code === 'S-04')!.processIds).toEqual([]);
    // Average hours per 業務 in the range of the published survey (東海村: 364,000 h / 4,339 業務 ≈ 84 h).
    const mean = rows.reduce((s, r) => s + annualHoursOf(r).hours, 0) / rows.length;
    expect(mean).toBeGreaterThan(20);
    expect(mean).toBeLessThan(400);
    expect(await db.meta.get(inventorySeedMarkerKey(workspaceId))).toBeDefined();
  });
});
