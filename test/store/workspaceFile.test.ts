import { describe, expect, it } from 'vitest';
import { WorkspaceFileError } from '../../src/domain/exchange/workspaceFile';
import type { BprDatabase } from '../../src/store/db';
import { DexieWorkspaceRepository } from '../../src/store/dexieWorkspaceRepository';
import { InitiativeRepository } from '../../src/store/initiativeRepository';
import { StorageFullError } from '../../src/store/types';
import { exportWorkspace, exportWorkspaceJson, ImportModeRequiredError, importWorkspaceFile } from '../../src/store/workspaceFile';
import { FakeClock, bpmnXml, freshIndexedDb, repositoryWithWorkspace, simulateQuota } from './storeTestKit';

/** A workspace with an As-Is/To-Be pair (several versions each), a 取組 attached to both and a setting. */
async function populated(beforeOpen?: (db: BprDatabase) => void) {
  const kit = await repositoryWithWorkspace(new FakeClock(), beforeOpen);
  const { repo, workspaceId, clock, db } = kit;
  const asIs = await repo.createProcess(workspaceId, { name: '転入届', department: '市民課', kind: 'as-is', xml: bpmnXml('受付') });
  const toBe = await repo.createProcess(workspaceId, {
    name: '転入届（書かない窓口）',
    department: '市民課',
    kind: 'to-be',
    xml: bpmnXml('聞き取り'),
    linkedProcessId: asIs.id,
  });
  clock.advance(120);
  await repo.saveProcess(asIs.id, { xml: bpmnXml('受付と本人確認') });
  const initiatives = new InitiativeRepository({ db, now: clock.now });
  const initiative = await initiatives.create(workspaceId, {
    title: '書かない窓口の導入',
    departments: ['市民課'],
    attachments: [{ asIsProcessId: asIs.id, toBeProcessId: toBe.id }],
    indicators: [{ id: 'k1', name: '削減時間', unit: '時間/年', kind: 'hoursSaved', years: [{ fiscalYear: 2025, target: 500 }] }],
  });
  await db.meta.put({ key: 'ui.language', value: 'ja' });
  return { ...kit, initiatives, asIs, toBe, initiative };
}

async function snapshot(db: BprDatabase) {
  return {
    workspaces: await db.workspaces.toArray(),
    processes: await db.processes.toArray(),
    versions: await db.versions.toArray(),
    initiatives: await db.initiatives.toArray(),
    meta: await db.meta.toArray(),
  };
}

async function everything(repo: DexieWorkspaceRepository, initiatives: InitiativeRepository, workspaceId: string) {
  const processes = await repo.listProcesses(workspaceId);
  return {
    processes,
    versions: await Promise.all(processes.map((p) => repo.listVersions(p.id))),
    initiatives: await initiatives.list(workspaceId),
  };
}

describe('workspace file export → import', () => {
  it('given a populated workspace, when exported and imported with replace into a fresh database, then ids, xml, versions, links and 取組 are equal', async () => {
    const src = await populated();
    const { json, unreadable } = await exportWorkspaceJson(src.db, src.workspaceId, src.clock.now);
    expect(unreadable).toEqual([]);

    const idb = freshIndexedDb('other');
    const db = idb.open();
    const clock = new FakeClock(Date.parse('2026-01-01T00:00:00Z'));
    const repo = new DexieWorkspaceRepository({ db, now: clock.now });
    const { workspace: fresh } = await repo.getOrCreateWorkspace();
    const result = await importWorkspaceFile(db, fresh.id, json, { mode: 'replace', now: clock.now });
    expect(result).toMatchObject({ mode: 'replace', processesCreated: 2, initiativesCreated: 1, renamedIds: {} });

    const original = (await src.repo.getOrCreateWorkspace()).workspace;
    expect(result.workspace).toEqual(original);
    expect((await repo.getOrCreateWorkspace()).workspace).toEqual(original);
    expect(await db.workspaces.get(fresh.id)).toBeUndefined();
    const initiatives = new InitiativeRepository({ db, now: clock.now });
    expect(await everything(repo, initiatives, original.id)).toEqual(await everything(src.repo, src.initiatives, src.workspaceId));
    expect((await repo.getProcess(src.toBe.id))?.linkedProcessId).toBe(src.asIs.id);
    expect(await db.meta.get('ui.language')).toEqual({ key: 'ui.language', value: 'ja' });
    // Versions keep their order numbers, so the next save continues the sequence.
    expect((await db.versions.where('processId').equals(src.asIs.id).toArray()).map((v) => v.seq).sort()).toEqual([1, 2]);
  });

  it('given a workspace whose processes share ids with the file but differ, when merged, then both are kept and the imported pair and 取組 point to the new ids', async () => {
    const src = await populated();
    const { file } = await exportWorkspace(src.db, src.workspaceId, src.clock.now);
    // The target is the same workspace edited since the export: same ids, other content.
    await src.repo.saveProcess(src.asIs.id, { xml: bpmnXml('別の手順') });
    await src.repo.saveProcess(src.toBe.id, { name: '転入届（改）' });
    const before = await src.initiatives.list(src.workspaceId);

    const result = await importWorkspaceFile(src.db, src.workspaceId, file, {
      mode: 'merge',
      newId: (() => {
        let n = 0;
        return () => `new-${++n}`;
      })(),
    });
    expect(result).toMatchObject({ mode: 'merge', processesCreated: 2, processesIdentical: 0, initiativesCreated: 1 });
    const newAsIs = result.renamedIds[src.asIs.id];
    const newToBe = result.renamedIds[src.toBe.id];
    expect(newAsIs).toMatch(/^new-/);
    expect(newToBe).toMatch(/^new-/);

    const processes = await src.repo.listProcesses(src.workspaceId);
    expect(processes).toHaveLength(4);
    const byId = new Map(processes.map((p) => [p.id, p]));
    expect(byId.get(newAsIs)).toMatchObject({ xml: bpmnXml('受付と本人確認') });
    expect(byId.get(newToBe)).toMatchObject({ linkedProcessId: newAsIs, name: '転入届（書かない窓口）' });
    expect(byId.get(src.asIs.id)).toMatchObject({ xml: bpmnXml('別の手順') });
    expect(byId.get(src.toBe.id)?.linkedProcessId).toBe(src.asIs.id);
    expect(await src.repo.listVersions(newAsIs)).toHaveLength(2);

    const initiatives = await src.initiatives.list(src.workspaceId);
    expect(initiatives).toHaveLength(2);
    expect(initiatives.find((i) => i.id === src.initiative.id)).toEqual(before[0]);
    const imported = initiatives.find((i) => i.id !== src.initiative.id)!;
    expect(imported.attachments).toEqual([{ asIsProcessId: newAsIs, toBeProcessId: newToBe }]);
    expect(result.notes.join()).toContain('両方残っています');
  });

  it('given the same file merged into the workspace it came from, when imported, then identical processes and 取組 are not duplicated', async () => {
    const src = await populated();
    const { json } = await exportWorkspaceJson(src.db, src.workspaceId);
    const before = await snapshot(src.db);
    const result = await importWorkspaceFile(src.db, src.workspaceId, json, { mode: 'merge' });
    expect(result).toMatchObject({ processesCreated: 0, processesIdentical: 2, initiativesCreated: 0, initiativesIdentical: 1 });
    expect(await snapshot(src.db)).toEqual(before);
  });

  it('given a non-empty target and no mode, when imported, then it asks for merge or replace and changes nothing', async () => {
    const src = await populated();
    const { json } = await exportWorkspaceJson(src.db, src.workspaceId);
    const before = await snapshot(src.db);
    const attempt = importWorkspaceFile(src.db, src.workspaceId, json);
    await expect(attempt).rejects.toBeInstanceOf(ImportModeRequiredError);
    await expect(importWorkspaceFile(src.db, src.workspaceId, json)).rejects.toThrow(/プロセス 2 件と取組 1 件.*統合.*置き換え/);
    expect(await snapshot(src.db)).toEqual(before);
  });

  it('given corrupted files (bad JSON, wrong format, an invalid process), when imported, then a Japanese error names the problem and the database is unchanged', async () => {
    const src = await populated();
    const { file } = await exportWorkspace(src.db, src.workspaceId);
    const before = await snapshot(src.db);
    const badProcess = { ...file, processes: [{ ...file.processes[0], kind: 'foo' }, file.processes[1]] };
    const cases: Array<[string, RegExp]> = [
      ['{"format": "bpr-studio-workspace", ', /JSON として読み取れません/],
      [JSON.stringify({ ...file, format: 'something-else' }), /ワークスペースファイルではありません.*something-else/],
      [JSON.stringify(badProcess), /プロセス1件目「転入届[^」]*」の種別: 種別は as-is か to-be のどちらかです/],
    ];
    for (const [text, message] of cases) {
      for (const mode of ['replace', 'merge'] as const) {
        const attempt = importWorkspaceFile(src.db, src.workspaceId, text, { mode });
        await expect(attempt).rejects.toBeInstanceOf(WorkspaceFileError);
        await expect(importWorkspaceFile(src.db, src.workspaceId, text, { mode })).rejects.toThrow(message);
      }
    }
    expect(await snapshot(src.db)).toEqual(before);
  });

  it('given a replace that fails on its last write (storage full), when imported, then the deletions are rolled back too', async () => {
    let full = false;
    // Middleware must be registered before the database opens; it starts failing once `full` is set.
    const src = await populated((db) => simulateQuota(db, (table, req) => full && table === 'initiatives' && req.type === 'put'));
    const { json } = await exportWorkspaceJson(src.db, src.workspaceId);
    const before = await snapshot(src.db);
    full = true;
    await expect(importWorkspaceFile(src.db, src.workspaceId, json, { mode: 'replace' })).rejects.toBeInstanceOf(StorageFullError);
    expect(await snapshot(src.db)).toEqual(before);
  });
});
