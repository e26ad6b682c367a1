import { describe, expect, it } from 'vitest';
import { DexieWorkspaceRepository } from '../../src/store/dexieWorkspaceRepository';
import { seedWorkspace, type SampleProcess } from '../../src/store/seed';
import { InvalidProcessInputError } from '../../src/store/types';
import { FakeClock, bpmnXml, freshIndexedDb, repositoryWithWorkspace } from './storeTestKit';

const samples: SampleProcess[] = [
  { fileName: 'juminhyo-asis.bpmn', name: '住民票の写し交付', department: '市民課', kind: 'as-is', xml: bpmnXml('窓口受付'), linkedTo: 'juminhyo-tobe.bpmn' },
  { fileName: 'juminhyo-tobe.bpmn', name: '住民票の写し交付（オンライン）', department: '市民課', kind: 'to-be', xml: bpmnXml('オンライン申請') },
  { fileName: 'jidoteate-asis.bpmn', name: '児童手当認定請求', department: 'こども家庭課', kind: 'as-is', xml: bpmnXml('書類審査') },
];

describe('seedWorkspace', () => {
  it('given a new workspace, when seeded, then every sample is a process with an import version and the declared To-Be is a scenario of its As-Is', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    const result = await seedWorkspace(repo, workspaceId, samples);
    expect(result.seeded).toBe(true);
    const list = await repo.listProcesses(workspaceId);
    expect(list.map((p) => p.name).sort()).toEqual(samples.map((s) => s.name).sort());
    const byName = new Map(list.map((p) => [p.name, p]));
    const asIs = byName.get('住民票の写し交付')!;
    const toBe = byName.get('住民票の写し交付（オンライン）')!;
    expect(asIs.linkedProcessId).toBeUndefined();
    expect(toBe).toMatchObject({ linkedProcessId: asIs.id, scenarioName: 'オンライン' });
    expect(byName.get('児童手当認定請求')?.linkedProcessId).toBeUndefined();
    expect((await repo.listVersions(asIs.id)).map((v) => v.reason)).toEqual(['import']);
  });

  it('given a seeded workspace, when seeding runs again after a reload, then nothing is added', async () => {
    const clock = new FakeClock();
    const idb = freshIndexedDb();
    const first = new DexieWorkspaceRepository({ db: idb.open(), now: clock.now });
    const { workspace } = await first.getOrCreateWorkspace();
    await seedWorkspace(first, workspace.id, samples);
    first.close();
    const reloaded = new DexieWorkspaceRepository({ db: idb.open(), now: clock.now });
    expect(await seedWorkspace(reloaded, workspace.id, samples)).toEqual({ seeded: false, processes: [] });
    expect(await reloaded.listProcesses(workspace.id)).toHaveLength(3);
  });

  it('given the user deleted every seeded process, when seeding runs again, then the samples do not come back', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    const { processes } = await seedWorkspace(repo, workspaceId, samples);
    for (const p of processes) await repo.deleteProcess(p.id);
    expect((await seedWorkspace(repo, workspaceId, samples)).seeded).toBe(false);
    expect(await repo.listProcesses(workspaceId)).toEqual([]);
  });

  it('given two tabs seeding at the same moment, then the samples exist once', async () => {
    const clock = new FakeClock();
    const idb = freshIndexedDb();
    const tabA = new DexieWorkspaceRepository({ db: idb.open(), now: clock.now });
    const tabB = new DexieWorkspaceRepository({ db: idb.open(), now: clock.now });
    const { workspace } = await tabA.getOrCreateWorkspace();
    const results = await Promise.all([seedWorkspace(tabA, workspace.id, samples), seedWorkspace(tabB, workspace.id, samples)]);
    expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
    expect(await tabA.listProcesses(workspace.id)).toHaveLength(3);
  });

  it('given a sample linked to a file that is not in the list, then a Japanese error names both and nothing is written, so a fixed list can seed later', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    const broken = [{ ...samples[0], linkedTo: 'missing.bpmn' }, samples[2]];
    await expect(seedWorkspace(repo, workspaceId, broken)).rejects.toThrow(InvalidProcessInputError);
    await expect(seedWorkspace(repo, workspaceId, broken)).rejects.toThrow(/「juminhyo-asis\.bpmn」の対応先「missing\.bpmn」/);
    expect(await repo.listProcesses(workspaceId)).toEqual([]);
    expect((await seedWorkspace(repo, workspaceId, samples)).seeded).toBe(true);
  });

  it('given two As-Is samples linked to each other, then seeding is refused', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    const bad = [samples[0], { ...samples[1], kind: 'as-is' as const }];
    await expect(seedWorkspace(repo, workspaceId, bad)).rejects.toThrow(/どちらも As-Is/);
  });
});
