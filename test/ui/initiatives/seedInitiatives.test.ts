import { describe, expect, it } from 'vitest';
import { InitiativeRepository } from '../../../src/store/initiativeRepository';
import { seedWorkspace } from '../../../src/store/seed';
import { initiativeSeedMarkerKey, seedInitiativesOnce } from '../../../src/ui/initiatives/seedInitiatives';
import { repositoryWithWorkspace } from '../../store/storeTestKit';
import { tennyuSamplePair } from '../sampleProcesses';

const samples = tennyuSamplePair;

describe('seeding 取組 on first start', () => {
  it('given seeded processes, when 取組 are seeded twice, then they are created once and attached to the seeded pair', async () => {
    const { repo, db, workspaceId } = await repositoryWithWorkspace();
    const { processes } = await seedWorkspace(repo, workspaceId, samples);
    expect(await seedInitiativesOnce(repo, workspaceId, samples)).toBe(true);
    expect(await seedInitiativesOnce(repo, workspaceId, samples)).toBe(false);
    const list = await new InitiativeRepository({ db }).list(workspaceId);
    expect(list).toHaveLength(5);
    const asIs = processes.find((p) => p.kind === 'as-is');
    const toBe = processes.find((p) => p.kind === 'to-be');
    expect(list.find((i) => i.title === '書かない窓口の導入')?.attachments).toEqual([{ asIsProcessId: asIs?.id, toBeProcessId: toBe?.id }]);
    expect(list.find((i) => i.title === '電子決裁・文書管理システムの導入')?.attachments).toEqual([]);
    expect(await db.meta.get(initiativeSeedMarkerKey(workspaceId))).toBeDefined();
  });

  it('given every seeded 取組 deleted, when the app starts again, then the marker keeps them from coming back', async () => {
    const { repo, db, workspaceId } = await repositoryWithWorkspace();
    await seedInitiativesOnce(repo, workspaceId, samples);
    const initiatives = new InitiativeRepository({ db });
    for (const i of await initiatives.list(workspaceId)) await initiatives.delete(i.id);
    expect(await seedInitiativesOnce(repo, workspaceId, samples)).toBe(false);
    expect(await initiatives.list(workspaceId)).toEqual([]);
  });
});
