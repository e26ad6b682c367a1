import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { DexieWorkspaceRepository } from '../../src/store/dexieWorkspaceRepository';
import { ConflictError, InvalidProcessInputError, InvalidRecordError, ProcessNotFoundError, StorageFullError, type NewProcess } from '../../src/store/types';
import { FakeClock, bpmnXml, freshIndexedDb, repositoryWithWorkspace, simulateQuota } from './storeTestKit';

const asIs = (name = '住民票の写し交付'): NewProcess => ({ name, department: '市民課', kind: 'as-is', xml: bpmnXml('本人確認') });
const toBe = (name = '住民票の写し交付（オンライン）'): NewProcess => ({ name, department: '市民課', kind: 'to-be', xml: bpmnXml('オンライン申請') });

describe('DexieWorkspaceRepository — workspace', () => {
  it('given an empty database, when the workspace is requested twice, then it is created once with the default hours per FTE', async () => {
    const idb = freshIndexedDb();
    const repo = new DexieWorkspaceRepository({ db: idb.open(), now: new FakeClock().now });
    const first = await repo.getOrCreateWorkspace();
    const second = await repo.getOrCreateWorkspace();
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.workspace.id).toBe(first.workspace.id);
    expect(first.workspace.hoursPerFte).toBe(1860);
  });

  it('given a workspace, when its hours per FTE are updated, then the new value is read back and a zero value is refused in Japanese', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    await repo.updateWorkspace(workspaceId, { hoursPerFte: 1720, name: '市民課BPR' });
    const { workspace } = await repo.getOrCreateWorkspace();
    expect(workspace).toMatchObject({ hoursPerFte: 1720, name: '市民課BPR' });
    await expect(repo.updateWorkspace(workspaceId, { hoursPerFte: 0 })).rejects.toThrow(/1人あたり年間勤務時間/);
  });
});

describe('DexieWorkspaceRepository — processes', () => {
  it('given a workspace, when a process is created, then it is listed and readable with revision 1 and one create version', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    const created = await repo.createProcess(workspaceId, asIs());
    expect(created.revision).toBe(1);
    expect(await repo.getProcess(created.id)).toEqual(created);
    expect((await repo.listProcesses(workspaceId)).map((p) => p.id)).toEqual([created.id]);
    const versions = await repo.listVersions(created.id);
    expect(versions.map((v) => [v.reason, v.revision, v.xml])).toEqual([['create', 1, created.xml]]);
  });

  it('given processes in two departments, when listed, then they come grouped by department and name', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    await repo.createProcess(workspaceId, { ...asIs('転入届'), department: '市民課' });
    await repo.createProcess(workspaceId, { ...asIs('児童手当'), department: 'こども家庭課' });
    await repo.createProcess(workspaceId, { ...asIs('印鑑登録'), department: '市民課' });
    const names = (await repo.listProcesses(workspaceId)).map((p) => `${p.department}/${p.name}`);
    expect(names).toEqual(['こども家庭課/児童手当', '市民課/印鑑登録', '市民課/転入届']);
  });

  it('given an empty name, when creating a process, then a Japanese input error names the field and nothing is stored', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    await expect(repo.createProcess(workspaceId, { ...asIs(), name: '   ' })).rejects.toThrow(InvalidProcessInputError);
    await expect(repo.createProcess(workspaceId, { ...asIs(), name: '' })).rejects.toThrow(/プロセス名が空です/);
    expect(await repo.listProcesses(workspaceId)).toEqual([]);
  });

  it('given a saved process, when it is saved explicitly twice, then each save adds a save version, newest first, with the XML of that save', async () => {
    const { repo, workspaceId, clock } = await repositoryWithWorkspace();
    const p = await repo.createProcess(workspaceId, asIs());
    clock.advance(10);
    const r2 = await repo.saveProcess(p.id, { xml: bpmnXml('書類確認') }, { expectedRevision: 1 });
    clock.advance(10);
    const r3 = await repo.saveProcess(p.id, { xml: bpmnXml('交付'), name: '住民票交付' }, { expectedRevision: r2.revision });
    expect(r3).toMatchObject({ revision: 3, name: '住民票交付', xml: bpmnXml('交付') });
    const versions = await repo.listVersions(p.id);
    expect(versions.map((v) => [v.reason, v.revision])).toEqual([
      ['save', 3],
      ['save', 2],
      ['create', 1],
    ]);
    expect(versions[0].xml).toContain('交付');
    expect(versions[1].xml).toContain('書類確認');
    expect(versions[0].name).toBe('住民票交付');
  });

  it('given versions written at the same instant, when listed, then the later write still comes first', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    const p = await repo.createProcess(workspaceId, asIs());
    await repo.saveProcess(p.id, { xml: bpmnXml('A') });
    await repo.saveProcess(p.id, { xml: bpmnXml('B') });
    expect((await repo.listVersions(p.id)).map((v) => v.revision)).toEqual([3, 2, 1]);
  });

  it('given a process id that does not exist, when saving, then ProcessNotFoundError explains it in Japanese', async () => {
    const { repo } = await repositoryWithWorkspace();
    await expect(repo.saveProcess('missing', { xml: 'x' })).rejects.toThrow(ProcessNotFoundError);
    await expect(repo.saveProcess('missing', { xml: 'x' })).rejects.toThrow(/見つかりません/);
  });
});

describe('DexieWorkspaceRepository — autosave', () => {
  it('given two autosaves within 60 s, then one autosave version; given a third 61 s after the first, then two', async () => {
    const { repo, workspaceId, clock } = await repositoryWithWorkspace();
    const p = await repo.createProcess(workspaceId, asIs());
    const autosaves = async () => (await repo.listVersions(p.id)).filter((v) => v.reason === 'autosave');

    const a = await repo.autosaveProcess(p.id, bpmnXml('A'), { expectedRevision: p.revision });
    clock.advance(30);
    const b = await repo.autosaveProcess(p.id, bpmnXml('B'), { expectedRevision: a.revision });
    expect(b.xml).toBe(bpmnXml('B'));
    expect((await autosaves()).map((v) => v.xml)).toEqual([bpmnXml('A')]);

    clock.advance(31);
    await repo.autosaveProcess(p.id, bpmnXml('C'), { expectedRevision: b.revision });
    expect((await autosaves()).map((v) => v.xml)).toEqual([bpmnXml('C'), bpmnXml('A')]);
    expect((await repo.getProcess(p.id))?.revision).toBe(4);
  });

  it('given an autosave with unchanged XML, then nothing is written and the revision stays', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    const p = await repo.createProcess(workspaceId, asIs());
    const same = await repo.autosaveProcess(p.id, p.xml, { expectedRevision: 1 });
    expect(same.revision).toBe(1);
    expect(await repo.listVersions(p.id)).toHaveLength(1);
  });

  it('given 55 autosaves a minute apart and 2 explicit saves, then the newest 50 autosaves and both saves are kept', async () => {
    const { repo, workspaceId, clock } = await repositoryWithWorkspace();
    const p = await repo.createProcess(workspaceId, asIs());
    await repo.saveProcess(p.id, { xml: bpmnXml('最初の保存') });
    for (let i = 1; i <= 55; i++) {
      clock.advance(61);
      await repo.autosaveProcess(p.id, bpmnXml(`自動${i}`));
    }
    await repo.saveProcess(p.id, { xml: bpmnXml('最後の保存') });
    const versions = await repo.listVersions(p.id);
    const autos = versions.filter((v) => v.reason === 'autosave');
    expect(autos).toHaveLength(50);
    expect(autos[0].xml).toContain('自動55');
    expect(autos[49].xml).toContain('自動6');
    expect(versions.filter((v) => v.reason === 'save')).toHaveLength(2);
    expect(versions.filter((v) => v.reason === 'create')).toHaveLength(1);
  });
});

describe('DexieWorkspaceRepository — restore, duplicate, delete', () => {
  it('given three saved states, when the first is restored, then it becomes current and the replaced XML is kept as a restore version', async () => {
    const { repo, workspaceId, clock } = await repositoryWithWorkspace();
    const p = await repo.createProcess(workspaceId, { ...asIs(), xml: bpmnXml('A') });
    clock.advance(5);
    await repo.saveProcess(p.id, { xml: bpmnXml('B') });
    clock.advance(5);
    await repo.saveProcess(p.id, { xml: bpmnXml('C') });
    const first = (await repo.listVersions(p.id)).find((v) => v.reason === 'create')!;
    clock.advance(5);
    const restored = await repo.restoreVersion(first.id, { expectedRevision: 3 });
    expect(restored).toMatchObject({ xml: bpmnXml('A'), revision: 4 });
    const [newest] = await repo.listVersions(p.id);
    expect(newest).toMatchObject({ reason: 'restore', xml: bpmnXml('C'), revision: 3 });
    expect(await repo.listVersions(p.id)).toHaveLength(4);
  });

  it('given a stale revision, when restoring, then ConflictError and nothing changes', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    const p = await repo.createProcess(workspaceId, asIs());
    await repo.saveProcess(p.id, { xml: bpmnXml('B') });
    const [, create] = await repo.listVersions(p.id);
    await expect(repo.restoreVersion(create.id, { expectedRevision: 1 })).rejects.toThrow(ConflictError);
    expect((await repo.getProcess(p.id))?.xml).toBe(bpmnXml('B'));
    expect(await repo.listVersions(p.id)).toHaveLength(2);
  });

  it('given an As-Is with a scenario and history, when duplicated, then the copy is 「…のコピー」 with the current XML and no scenarios, with one create version', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    const a = await repo.createProcess(workspaceId, asIs());
    const b = await repo.createProcess(workspaceId, { ...toBe(), linkedProcessId: a.id });
    await repo.saveProcess(a.id, { xml: bpmnXml('現在') });
    const copy = await repo.duplicateProcess(a.id);
    expect(copy.id).not.toBe(a.id);
    expect(copy).toMatchObject({ name: '住民票の写し交付のコピー', department: '市民課', kind: 'as-is', xml: bpmnXml('現在'), revision: 1 });
    expect(copy.linkedProcessId).toBeUndefined();
    expect((await repo.listVersions(copy.id)).map((v) => v.reason)).toEqual(['create']);
    expect((await repo.getProcess(b.id))?.linkedProcessId).toBe(a.id);
    expect((await repo.duplicateProcess(a.id, '別名')).name).toBe('別名');
  });

  it('given a scenario To-Be, when duplicated, then the copy is one more scenario of the same As-Is with its own scenario name', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    const a = await repo.createProcess(workspaceId, asIs());
    const b = await repo.createProcess(workspaceId, { ...toBe(), linkedProcessId: a.id, scenarioName: 'RPA' });
    const copy = await repo.duplicateProcess(b.id);
    expect(copy).toMatchObject({ kind: 'to-be', linkedProcessId: a.id, scenarioName: 'RPA（コピー）' });
    expect((await repo.getProcess(b.id))?.scenarioName).toBe('RPA');
  });

  it('given a linked process with versions, when deleted, then it and its versions are gone and the partner is unlinked', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    const a = await repo.createProcess(workspaceId, asIs());
    const b = await repo.createProcess(workspaceId, toBe());
    await repo.linkProcesses(a.id, b.id);
    await repo.saveProcess(b.id, { xml: bpmnXml('B2') });
    await repo.deleteProcess(b.id);
    expect(await repo.getProcess(b.id)).toBeUndefined();
    expect(await repo.listVersions(b.id)).toEqual([]);
    expect((await repo.getProcess(a.id))?.linkedProcessId).toBeUndefined();
    expect(await repo.listVersions(a.id)).toHaveLength(1);
    await expect(repo.deleteProcess(b.id)).resolves.toBeUndefined();
  });
});

describe('DexieWorkspaceRepository — As-Is⇄To-Be links', () => {
  it('given an As-Is and two To-Bes, when both are linked, then both are scenarios of the As-Is, named from their process names, and the As-Is records neither', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    const a = await repo.createProcess(workspaceId, asIs());
    const b1 = await repo.createProcess(workspaceId, toBe('住民票（To-Be: 書かない窓口）'));
    const b2 = await repo.createProcess(workspaceId, toBe('案2'));
    await repo.linkProcesses(a.id, b1.id);
    await repo.linkProcesses(a.id, b2.id);
    expect(await repo.getProcess(b1.id)).toMatchObject({ linkedProcessId: a.id, scenarioName: '書かない窓口', revision: 1 });
    expect(await repo.getProcess(b2.id)).toMatchObject({ linkedProcessId: a.id, scenarioName: '案2' });
    const stored = await repo.getProcess(a.id);
    expect(stored?.linkedProcessId).toBeUndefined();
    expect(stored?.revision).toBe(1);
  });

  it('given a scenario, when its To-Be is saved with linkedProcessId null, then it has no As-Is and the As-Is revision is untouched', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    const a = await repo.createProcess(workspaceId, asIs());
    const b = await repo.createProcess(workspaceId, { ...toBe(), linkedProcessId: a.id, scenarioName: 'RPA' });
    expect(await repo.getProcess(b.id)).toMatchObject({ linkedProcessId: a.id, scenarioName: 'RPA' });
    await repo.saveProcess(b.id, { linkedProcessId: null });
    expect((await repo.getProcess(b.id))?.linkedProcessId).toBeUndefined();
    expect((await repo.getProcess(a.id))?.revision).toBe(1);
  });

  it('given an As-Is with a scenario, when a new As-Is is created naming that To-Be, then the To-Be moves to the new As-Is', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    const a = await repo.createProcess(workspaceId, asIs('転入届'));
    const b = await repo.createProcess(workspaceId, { ...toBe(), linkedProcessId: a.id });
    const c = await repo.createProcess(workspaceId, { ...asIs('転出届'), linkedProcessId: b.id });
    expect(c.linkedProcessId).toBeUndefined();
    expect((await repo.getProcess(b.id))?.linkedProcessId).toBe(c.id);
  });

  it("given two scenarios, when one is renamed, then its name changes without a new revision, and a sibling's name or an empty one is refused in Japanese", async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    const a = await repo.createProcess(workspaceId, asIs());
    const b1 = await repo.createProcess(workspaceId, { ...toBe('案1'), linkedProcessId: a.id, scenarioName: '書かない窓口' });
    await repo.createProcess(workspaceId, { ...toBe('案2'), linkedProcessId: a.id, scenarioName: 'RPA' });
    const renamed = await repo.renameScenario(b1.id, ' 書かない窓口＋電子決裁 ');
    expect(renamed).toMatchObject({ scenarioName: '書かない窓口＋電子決裁', revision: 1, name: '案1' });
    await expect(repo.renameScenario(b1.id, 'RPA')).rejects.toThrow(/シナリオ名「RPA」は同じ As-Is の別のシナリオ「案2」/);
    await expect(repo.renameScenario(b1.id, '  ')).rejects.toThrow(/シナリオ名 \(scenarioName\): シナリオ名が空です/);
    await expect(repo.renameScenario(a.id, 'x')).rejects.toThrow(InvalidProcessInputError);
    expect((await repo.getProcess(b1.id))?.scenarioName).toBe('書かない窓口＋電子決裁');
  });

  it('given an As-Is with two scenarios, when the As-Is is deleted, then both To-Bes stay without an As-Is', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    const a = await repo.createProcess(workspaceId, asIs());
    const b1 = await repo.createProcess(workspaceId, { ...toBe('案1'), linkedProcessId: a.id });
    const b2 = await repo.createProcess(workspaceId, { ...toBe('案2'), linkedProcessId: a.id });
    await repo.deleteProcess(a.id);
    expect((await repo.getProcess(b1.id))?.linkedProcessId).toBeUndefined();
    expect((await repo.getProcess(b2.id))?.linkedProcessId).toBeUndefined();
    expect((await repo.getProcess(b1.id))?.name).toBe('案1');
  });

  it('given two As-Is processes, when linked, then a Japanese error names both and nothing changes', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    const a = await repo.createProcess(workspaceId, asIs('転入届'));
    const c = await repo.createProcess(workspaceId, asIs('転出届'));
    await expect(repo.linkProcesses(a.id, c.id)).rejects.toThrow(/「転入届」.*「転出届」.*どちらも As-Is/);
    expect((await repo.getProcess(a.id))?.linkedProcessId).toBeUndefined();
  });

  it('given a linked To-Be, when its kind is changed to As-Is, then the save is refused', async () => {
    const { repo, workspaceId } = await repositoryWithWorkspace();
    const a = await repo.createProcess(workspaceId, asIs());
    const b = await repo.createProcess(workspaceId, { ...toBe(), linkedProcessId: a.id });
    await expect(repo.saveProcess(b.id, { kind: 'as-is' })).rejects.toThrow(InvalidProcessInputError);
    expect((await repo.getProcess(b.id))?.kind).toBe('to-be');
  });
});

describe('DexieWorkspaceRepository — two tabs', () => {
  it('given two tabs on the same database, when both save from revision 1, then the second gets ConflictError and the first save stays', async () => {
    const clock = new FakeClock();
    const idb = freshIndexedDb();
    const tabA = new DexieWorkspaceRepository({ db: idb.open(), now: clock.now });
    const tabB = new DexieWorkspaceRepository({ db: idb.open(), now: clock.now });
    const { workspace } = await tabA.getOrCreateWorkspace();
    expect((await tabB.getOrCreateWorkspace()).workspace.id).toBe(workspace.id);
    const p = await tabA.createProcess(workspace.id, asIs());
    const openedInA = await tabA.getProcess(p.id);
    const openedInB = await tabB.getProcess(p.id);

    await tabB.saveProcess(p.id, { xml: bpmnXml('Bの編集') }, { expectedRevision: openedInB!.revision });
    const attempt = tabA.saveProcess(p.id, { xml: bpmnXml('Aの編集') }, { expectedRevision: openedInA!.revision });
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(tabA.autosaveProcess(p.id, bpmnXml('Aの編集'), { expectedRevision: 1 })).rejects.toMatchObject({ expected: 1, actual: 2 });
    await expect(attempt).rejects.toThrow(/別のタブ/);
    expect((await tabA.getProcess(p.id))?.xml).toBe(bpmnXml('Bの編集'));
    expect(await tabA.listVersions(p.id)).toHaveLength(2);
  });
});

describe('DexieWorkspaceRepository — storage full', () => {
  it('given a saved process, when the disk is full during the next save, then StorageFullError and the previous record and versions are intact', async () => {
    let full = false;
    const { repo, workspaceId } = await repositoryWithWorkspace(new FakeClock(), (db) => simulateQuota(db, (table) => full && table === 'versions'));
    const p = await repo.createProcess(workspaceId, asIs());
    const saved = await repo.saveProcess(p.id, { xml: bpmnXml('保存済み') });
    const versionsBefore = await repo.listVersions(p.id);

    full = true;
    const attempt = repo.saveProcess(p.id, { xml: bpmnXml('未保存'), name: '変更後' }, { expectedRevision: saved.revision });
    await expect(attempt).rejects.toThrow(StorageFullError);
    await expect(attempt).rejects.toThrow(/保存領域がいっぱい/);
    await expect(repo.autosaveProcess(p.id, bpmnXml('未保存'))).rejects.toThrow(StorageFullError);
    full = false;

    expect(await repo.getProcess(p.id)).toEqual(saved);
    expect(await repo.listVersions(p.id)).toEqual(versionsBefore);
  });

  it('given the process table itself is full, when creating, then StorageFullError and no orphan version is left', async () => {
    let full = false;
    const { repo, db, workspaceId } = await repositoryWithWorkspace(new FakeClock(), (d) => simulateQuota(d, (table) => full && table === 'processes'));
    full = true;
    await expect(repo.createProcess(workspaceId, asIs())).rejects.toThrow(StorageFullError);
    full = false;
    expect(await db.versions.count()).toBe(0);
    expect(await repo.listProcesses(workspaceId)).toEqual([]);
  });
});

describe('DexieWorkspaceRepository — reload', () => {
  it('given saved work, when the database is closed and opened again, then the workspace, processes, links and versions are all there', async () => {
    const clock = new FakeClock();
    const idb = freshIndexedDb();
    const before = new DexieWorkspaceRepository({ db: idb.open(), now: clock.now });
    const { workspace } = await before.getOrCreateWorkspace();
    const a = await before.createProcess(workspace.id, asIs());
    const b = await before.createProcess(workspace.id, { ...toBe(), linkedProcessId: a.id });
    clock.advance(120);
    await before.autosaveProcess(a.id, bpmnXml('自動保存'));
    before.close();

    const after = new DexieWorkspaceRepository({ db: idb.open(), now: clock.now });
    const reopened = await after.getOrCreateWorkspace();
    expect(reopened).toEqual({ workspace, created: false });
    expect((await after.listProcesses(workspace.id)).map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    expect(await after.getProcess(a.id)).toMatchObject({ xml: bpmnXml('自動保存'), revision: 2 });
    expect((await after.getProcess(b.id))?.linkedProcessId).toBe(a.id);
    expect((await after.listVersions(a.id)).map((v) => v.reason)).toEqual(['autosave', 'create']);
  });
});

describe('DexieWorkspaceRepository — stored records from older versions', () => {
  const v0Process = {
    id: 'legacy-1',
    workspaceId: '',
    name: '転入届（旧データ）',
    asIs: true,
    xml: bpmnXml('旧'),
    createdAt: Date.parse('2024-10-01T01:00:00Z'),
    updatedAt: Date.parse('2024-10-02T01:00:00Z'),
  };

  it('given v0 records written directly into Dexie, when read through the repository, then they are migrated and valid while the stored rows stay as they were', async () => {
    const { repo, db, workspaceId } = await repositoryWithWorkspace();
    await db.processes.put({ ...v0Process, workspaceId });
    await db.versions.bulkPut([
      { id: 'legacy-v1', processId: 'legacy-1', xml: bpmnXml('旧1'), createdAt: Date.parse('2024-10-01T01:00:00Z') },
      { id: 'legacy-v2', processId: 'legacy-1', xml: bpmnXml('旧2'), createdAt: Date.parse('2024-10-02T01:00:00Z'), auto: true },
    ]);

    const [p] = await repo.listProcesses(workspaceId);
    expect(p).toEqual({
      id: 'legacy-1',
      workspaceId,
      name: '転入届（旧データ）',
      department: '未分類',
      kind: 'as-is',
      xml: bpmnXml('旧'),
      createdAt: '2024-10-01T01:00:00.000Z',
      updatedAt: '2024-10-02T01:00:00.000Z',
      revision: 1,
    });
    expect((await repo.listVersions('legacy-1')).map((v) => [v.id, v.reason])).toEqual([
      ['legacy-v2', 'autosave'],
      ['legacy-v1', 'save'],
    ]);
    expect(await db.processes.get('legacy-1')).toMatchObject({ asIs: true });

    const saved = await repo.saveProcess('legacy-1', { department: '市民課' }, { expectedRevision: 1 });
    expect(saved).toMatchObject({ revision: 2, department: '市民課', kind: 'as-is' });
    expect(await db.processes.get('legacy-1')).toMatchObject({ schemaVersion: 2, kind: 'as-is' });
    expect(await db.processes.get('legacy-1')).not.toHaveProperty('asIs');
  });

  it('given a v0 process whose asIs flag is not a boolean, when read, then a Japanese error names the record and the field, and the row is neither dropped nor overwritten', async () => {
    const { repo, db, workspaceId } = await repositoryWithWorkspace();
    const good = await repo.createProcess(workspaceId, toBe());
    const broken = { ...v0Process, workspaceId, asIs: 'はい' };
    await db.processes.put(broken);

    await expect(repo.listProcesses(workspaceId)).rejects.toThrow(InvalidRecordError);
    await expect(repo.listProcesses(workspaceId)).rejects.toThrow(/プロセス「転入届（旧データ）」\(id: legacy-1\).*種別 \(kind\)/);
    await expect(repo.getProcess('legacy-1')).rejects.toThrow(/削除も上書きもしていません/);
    const { processes, unreadable } = await repo.loadProcesses(workspaceId);
    expect(processes.map((p) => p.id)).toEqual([good.id]);
    expect(unreadable.map((e) => [e.recordType, e.recordId])).toEqual([['process', 'legacy-1']]);

    await expect(repo.saveProcess('legacy-1', { xml: 'x' })).rejects.toThrow(InvalidRecordError);
    await expect(repo.autosaveProcess('legacy-1', 'x')).rejects.toThrow(InvalidRecordError);
    expect(await db.processes.get('legacy-1')).toEqual(broken);
  });

  it('given a record saved by a newer app version, when read, then the error says so', async () => {
    const { repo, db, workspaceId } = await repositoryWithWorkspace();
    await db.processes.put({ ...v0Process, workspaceId, schemaVersion: 7 });
    await expect(repo.getProcess('legacy-1')).rejects.toThrow(/新しい版のBPR Studio.*v7/);
  });

  it('given an unreadable partner, when its linked process is deleted, then the partner row is left untouched', async () => {
    const { repo, db, workspaceId } = await repositoryWithWorkspace();
    const b = await repo.createProcess(workspaceId, toBe());
    const brokenPartner = { ...v0Process, workspaceId, asIs: undefined, linkedProcessId: b.id };
    await db.processes.put(brokenPartner);
    await db.processes.update(b.id, { linkedProcessId: 'legacy-1' });
    await repo.deleteProcess(b.id);
    expect(await db.processes.get(b.id)).toBeUndefined();
    expect(await db.processes.get('legacy-1')).toEqual(brokenPartner);
  });
});

describe('Dexie error shapes', () => {
  it('given Dexie’s own QuotaExceededError class, when thrown inside a write, then it also becomes StorageFullError', async () => {
    let full = false;
    const { repo, workspaceId } = await repositoryWithWorkspace(new FakeClock(), (db) =>
      db.use({
        stack: 'dbcore',
        name: 'dexie-quota',
        create: (down) => ({
          ...down,
          table: (name) => {
            const t = down.table(name);
            return { ...t, mutate: (req) => (full ? Promise.reject(new Dexie.AbortError('aborted', new Dexie.QuotaExceededError('full'))) : t.mutate(req)) };
          },
        }),
      }),
    );
    const p = await repo.createProcess(workspaceId, asIs());
    full = true;
    await expect(repo.duplicateProcess(p.id)).rejects.toThrow(StorageFullError);
  });
});
