import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { BprDatabase } from '../../src/store/db';
import { DexieWorkspaceRepository } from '../../src/store/dexieWorkspaceRepository';
import {
  InitiativeConflictError,
  InitiativeNotFoundError,
  InitiativeRepository,
  InvalidInitiativeInputError,
  UnreadableInitiativeError,
} from '../../src/store/initiativeRepository';
import { ConflictError } from '../../src/store/types';
import { FakeClock, bpmnXml, repositoryWithWorkspace } from './storeTestKit';

async function setup() {
  const kit = await repositoryWithWorkspace();
  const initiatives = new InitiativeRepository({ db: kit.db, now: kit.clock.now });
  const asIs = await kit.repo.createProcess(kit.workspaceId, { name: '転入届', department: '市民課', kind: 'as-is', xml: bpmnXml('受付') });
  const toBe = await kit.repo.createProcess(kit.workspaceId, { name: '転入届（書かない窓口）', department: '市民課', kind: 'to-be', xml: bpmnXml('聞き取り') });
  return { ...kit, initiatives, asIs, toBe };
}

describe('InitiativeRepository', () => {
  it('given a workspace, when a 取組 is created, then it is listed, readable, at revision 1 and stored as schema v1', async () => {
    const { initiatives, workspaceId, db } = await setup();
    const created = await initiatives.create(workspaceId, { title: '書かない窓口の導入', departments: ['市民課'] });
    expect(created).toMatchObject({ schemaVersion: 1, workspaceId, title: '書かない窓口の導入', revision: 1, attachments: [], indicators: [] });
    expect(await initiatives.list(workspaceId)).toEqual([created]);
    expect(await initiatives.get(created.id)).toEqual(created);
    expect((await db.initiatives.get(created.id))?.schemaVersion).toBe(1);
  });

  it('given a 取組, when updated with the current revision and then with a stale one, then the first succeeds and the second is a conflict that changes nothing', async () => {
    const { initiatives, workspaceId, clock } = await setup();
    const created = await initiatives.create(workspaceId, { title: '電子決裁', departments: ['総務課'] });
    clock.advance(60);
    const updated = await initiatives.update(created.id, { summary: '決裁を電子化する', id: 'hijack' } as never, { expectedRevision: 1 });
    expect(updated).toMatchObject({ id: created.id, revision: 2, summary: '決裁を電子化する', createdAt: created.createdAt });
    expect(updated.updatedAt).not.toBe(created.updatedAt);
    const stale = initiatives.update(created.id, { title: '上書き' }, { expectedRevision: 1 });
    await expect(stale).rejects.toBeInstanceOf(InitiativeConflictError);
    await expect(initiatives.update(created.id, { title: '上書き' }, { expectedRevision: 1 })).rejects.toBeInstanceOf(ConflictError);
    await expect(initiatives.update(created.id, { title: '上書き' }, { expectedRevision: 1 })).rejects.toThrow(/この取組は別のタブ/);
    expect((await initiatives.get(created.id))?.title).toBe('電子決裁');
  });

  it('given invalid input, when created or updated, then a Japanese error names the field and nothing is stored', async () => {
    const { initiatives, workspaceId } = await setup();
    await expect(initiatives.create(workspaceId, { title: '', departments: ['市民課'] })).rejects.toThrow(/取組名 \(title\): 取組名が空です/);
    await expect(initiatives.create(workspaceId, { title: 'x', departments: [] })).rejects.toBeInstanceOf(InvalidInitiativeInputError);
    expect(await initiatives.list(workspaceId)).toEqual([]);
    await expect(initiatives.update('nope', { title: 'x' })).rejects.toBeInstanceOf(InitiativeNotFoundError);
  });

  it('given As-Is and To-Be processes, when attached, replaced, half-detached and detached, then the pairs follow and wrong kinds are refused', async () => {
    const { initiatives, workspaceId, asIs, toBe } = await setup();
    const created = await initiatives.create(workspaceId, { title: '書かない窓口', departments: ['市民課'] });
    const a1 = await initiatives.attach(created.id, { asIsProcessId: asIs.id });
    expect(a1.attachments).toEqual([{ asIsProcessId: asIs.id }]);
    const a2 = await initiatives.attach(created.id, { asIsProcessId: asIs.id, toBeProcessId: toBe.id }, { expectedRevision: a1.revision });
    expect(a2.attachments).toEqual([{ asIsProcessId: asIs.id, toBeProcessId: toBe.id }]);
    expect((await initiatives.listForProcess(workspaceId, toBe.id)).map((i) => i.id)).toEqual([created.id]);
    await expect(initiatives.attach(created.id, { asIsProcessId: toBe.id })).rejects.toThrow(/To-Be です。As-Isの欄には As-Is のプロセス/);
    await expect(initiatives.attach(created.id, { asIsProcessId: 'missing' })).rejects.toThrow(/見つかりません/);
    const half = await initiatives.detach(created.id, asIs.id, { toBeOnly: true });
    expect(half.attachments).toEqual([{ asIsProcessId: asIs.id }]);
    const none = await initiatives.detach(created.id, asIs.id);
    expect(none.attachments).toEqual([]);
    expect(none.revision).toBe(5);
  });

  it('given a 取組, when deleted, then it is gone', async () => {
    const { initiatives, workspaceId } = await setup();
    const created = await initiatives.create(workspaceId, { title: 'RPA', departments: ['情報政策課'] });
    await initiatives.delete(created.id);
    expect(await initiatives.get(created.id)).toBeUndefined();
    expect(await initiatives.list(workspaceId)).toEqual([]);
  });

  it('given a raw v0 row in the database, when listed and then edited, then it reads migrated at revision 1 and is written back as v1', async () => {
    const { initiatives, workspaceId, db } = await setup();
    await db.initiatives.put({
      id: 'legacy',
      workspaceId,
      title: 'AI・RPAの利用推進',
      department: '情報政策課',
      indicators: [{ id: 'k', name: 'RPA導入数', targets: { 2024: 2 }, actuals: { 2024: 1 } }],
      createdAt: '2024-04-01T00:00:00.000Z',
      updatedAt: '2024-04-01T00:00:00.000Z',
    });
    const [legacy] = await initiatives.list(workspaceId);
    expect(legacy).toMatchObject({ id: 'legacy', schemaVersion: 1, departments: ['情報政策課'], revision: 1 });
    expect(legacy.indicators[0].years).toEqual([{ fiscalYear: 2024, target: 2, measured: 1 }]);
    // Reading does not write: the row stays v0 until an explicit edit.
    expect((await db.initiatives.get('legacy'))?.schemaVersion).toBeUndefined();
    await initiatives.update('legacy', { nextPolicy: '継続' }, { expectedRevision: 1 });
    const row = await db.initiatives.get('legacy');
    expect(row).toMatchObject({ schemaVersion: 1, departments: ['情報政策課'], revision: 2 });
    expect(row).not.toHaveProperty('department');
  });

  it('given an unreadable row, when loaded, then it is reported beside the readable ones and left in the database', async () => {
    const { initiatives, workspaceId, db } = await setup();
    const ok = await initiatives.create(workspaceId, { title: '電子申請', departments: ['市民課'] });
    await db.initiatives.put({ id: 'broken', workspaceId, schemaVersion: 1, title: '壊れた取組', departments: [], createdAt: 'x', updatedAt: 'x' });
    const { initiatives: readable, unreadable } = await initiatives.load(workspaceId);
    expect(readable.map((i) => i.id)).toEqual([ok.id]);
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]).toBeInstanceOf(UnreadableInitiativeError);
    expect(unreadable[0].message).toMatch(/取組「壊れた取組」.*削除も上書きもしていません/);
    await expect(initiatives.list(workspaceId)).rejects.toBeInstanceOf(UnreadableInitiativeError);
    expect(await db.initiatives.get('broken')).toBeDefined();
  });
});

describe('Dexie schema upgrade to v2', () => {
  it('given a database created with the v1 schema holding a process, when opened by the current app, then the process is kept and 取組 can be stored', async () => {
    const factory = new IDBFactory();
    const old = new Dexie('bpr-studio', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores({
      workspaces: 'id',
      processes: 'id, workspaceId, department, linkedProcessId',
      versions: 'id, processId, [processId+createdAt], [processId+seq], [processId+reason+createdAt]',
      meta: 'key',
    });
    const clock = new FakeClock();
    const v1Repo = new DexieWorkspaceRepository({ db: old as unknown as BprDatabase, now: clock.now });
    const { workspace } = await v1Repo.getOrCreateWorkspace();
    const p = await v1Repo.createProcess(workspace.id, { name: '転入届', department: '市民課', kind: 'as-is', xml: bpmnXml('受付') });
    old.close();

    const db = new BprDatabase({ indexedDB: factory, IDBKeyRange });
    await db.open();
    // compare: v3 added the comparisons table; the v1 → current upgrade must still add 取組.
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['initiatives', 'meta', 'processes', 'versions', 'workspaces']));
    const repo = new DexieWorkspaceRepository({ db, now: clock.now });
    expect((await repo.getProcess(p.id))?.name).toBe('転入届');
    expect(await repo.listVersions(p.id)).toHaveLength(1);
    const initiatives = new InitiativeRepository({ db, now: clock.now });
    const created = await initiatives.create(workspace.id, { title: '書かない窓口', departments: ['市民課'], attachments: [{ asIsProcessId: p.id }] });
    expect(await initiatives.list(workspace.id)).toEqual([created]);
    db.close();
  });
});
