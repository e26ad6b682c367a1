import { describe, expect, it } from 'vitest';
import type { BprDatabase } from '../../src/store/db';
import { InitiativeRepository } from '../../src/store/initiativeRepository';
import { SettingsRepository } from '../../src/store/settingsRepository';
import { ConflictError, StorageFullError } from '../../src/store/types';
import { exportWorkspaceJson, importWorkspaceFile } from '../../src/store/workspaceFile';
import { defaultRpaRankingSettings } from '../../src/domain/analysis/rpaCandidates';
import { bpmnXml, repositoryWithWorkspace, simulateQuota } from './storeTestKit';

/** Every table's rows, so "nothing changed" is checked on the whole database, not one record. */
async function everything(db: BprDatabase) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

async function populated() {
  let full = false;
  const kit = await repositoryWithWorkspace(undefined, (db) => simulateQuota(db, () => full));
  const { repo, db, workspaceId, clock } = kit;
  const process = await repo.createProcess(workspaceId, { name: '転入届', department: '市民課', kind: 'as-is', xml: bpmnXml('受付') });
  const initiatives = new InitiativeRepository({ db, now: clock.now });
  const initiative = await initiatives.create(workspaceId, { title: '書かない窓口', departments: ['市民課'] });
  const { json } = await exportWorkspaceJson(db, workspaceId, clock.now);
  return { ...kit, process, initiatives, initiative, json, fillDisk: () => (full = true) };
}

type Kit = Awaited<ReturnType<typeof populated>>;

/** One row per write path of the store; all of them go through writeTransaction / writeOrStorageFull. */
const WRITES: Array<[string, (k: Kit) => Promise<unknown>]> = [
  ['プロセスの保存 (saveProcess)', (k) => k.repo.saveProcess(k.process.id, { xml: bpmnXml('変更') })],
  ['プロセスの自動保存 (autosaveProcess)', (k) => k.repo.autosaveProcess(k.process.id, bpmnXml('自動'))],
  ['プロセスの作成 (createProcess)', (k) => k.repo.createProcess(k.workspaceId, { name: '転出届', department: '市民課', kind: 'as-is', xml: bpmnXml('x') })],
  ['ワークスペース名の変更 (updateWorkspace)', (k) => k.repo.updateWorkspace(k.workspaceId, { name: '別名' })],
  ['取組の作成 (create)', (k) => k.initiatives.create(k.workspaceId, { title: '電子決裁', departments: ['総務課'] })],
  ['取組の更新 (update)', (k) => k.initiatives.update(k.initiative.id, { summary: '変更' })],
  ['ワークスペースファイルの取り込み (replace)', (k) => importWorkspaceFile(k.db, k.workspaceId, k.json, { mode: 'replace' })],
  ['RPA設定の保存', (k) => new SettingsRepository(k.db.meta).saveRpaSettings(k.workspaceId, defaultRpaRankingSettings())],
];

describe('one write path: a full disk', () => {
  it.each(WRITES)(
    'given stored data, when %s fails with QuotaExceededError, then StorageFullError with code store.storageFull and the database is unchanged',
    async (_label, write) => {
      const kit = await populated();
      const before = await everything(kit.db);
      kit.fillDisk();
      const error = await write(kit).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StorageFullError);
      expect((error as StorageFullError).code).toBe('store.storageFull');
      expect((error as StorageFullError).message).toContain('保存領域がいっぱい');
      expect(await everything(kit.db)).toEqual(before);
    },
  );
});

describe('one conflict rule for process and 取組', () => {
  const STALE: Array<[string, (k: Kit) => Promise<unknown>, (k: Kit) => string]> = [
    ['プロセス', (k) => k.repo.saveProcess(k.process.id, { xml: bpmnXml('古い') }, { expectedRevision: 99 }), (k) => k.process.id],
    ['取組', (k) => k.initiatives.update(k.initiative.id, { summary: '古い' }, { expectedRevision: 99 }), (k) => k.initiative.id],
  ];
  it.each(STALE)(
    'given a %s at revision 1, when saved naming revision 99, then a ConflictError (expected 99, actual 1) and nothing changes',
    async (_label, write, idOf) => {
      const kit = await populated();
      const before = await everything(kit.db);
      const error = await write(kit).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ processId: idOf(kit), expected: 99, actual: 1 });
      expect(await everything(kit.db)).toEqual(before);
    },
  );
});
