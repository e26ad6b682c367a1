import { describe, expect, it } from 'vitest';
import { defaultRpaRankingSettings } from '../../src/domain/analysis/rpaCandidates';
import {
  InvalidSettingsError,
  memoryMetaStore,
  readRpaSettings,
  rpaSettingsKey,
  SettingsRepository,
  settingsRepositoryFor,
  settingsRepositoryOf,
} from '../../src/store/settingsRepository';
import { StorageFullError } from '../../src/store/types';
import { freshIndexedDb, repositoryWithWorkspace, simulateQuota } from './storeTestKit';

const custom = { licenceYenPerRobotYear: 900_000, developmentYenPerTask: 300_000, maintenanceRatePerYear: 0.2, tasksPerRobot: 4, hourlyCostFallbackYen: 4_000 };

describe('settingsRepository (RPA workspace settings in meta)', () => {
  it('given nothing stored, when loaded, then the published defaults are returned and marked as defaults', async () => {
    const { db, workspaceId } = await repositoryWithWorkspace();
    const loaded = await settingsRepositoryFor(db).loadRpaSettings(workspaceId);
    expect(loaded).toEqual({ settings: defaultRpaRankingSettings(), isDefault: true });
  });

  it('given saved settings, when the database is reopened (a reload), then the same settings are read with schemaVersion 1 stored', async () => {
    const idb = freshIndexedDb();
    const first = idb.open();
    await settingsRepositoryFor(first).saveRpaSettings('ws-1', custom);
    first.close();
    const second = idb.open();
    expect(await settingsRepositoryFor(second).loadRpaSettings('ws-1')).toEqual({ settings: custom, isDefault: false });
    expect((await second.meta.get(rpaSettingsKey('ws-1')))?.value).toMatchObject({ schemaVersion: 1, tasksPerRobot: 4 });
    expect(await settingsRepositoryFor(second).loadRpaSettings('ws-other')).toMatchObject({ isDefault: true });
  });

  it('given invalid settings, when saved, then nothing is written and the error names each problem in Japanese', async () => {
    const repo = new SettingsRepository(memoryMetaStore());
    const bad = { ...custom, tasksPerRobot: 0, maintenanceRatePerYear: 1.5 };
    await expect(repo.saveRpaSettings('ws', bad)).rejects.toBeInstanceOf(InvalidSettingsError);
    await expect(repo.saveRpaSettings('ws', bad)).rejects.toThrow(/年間保守率は0〜100%.*1台あたりの業務数は1以上/);
    expect(await repo.loadRpaSettings('ws')).toMatchObject({ isDefault: true });
  });

  it('given a broken or newer stored record, when read, then the defaults are used and the problem is reported', () => {
    const broken = readRpaSettings({ schemaVersion: 1, licenceYenPerRobotYear: 'abc' });
    expect(broken.settings).toEqual(defaultRpaRankingSettings());
    expect(broken.problem).toMatch(/読めないため既定値/);
    const newer = readRpaSettings({ ...custom, schemaVersion: 2 });
    expect(newer.problem).toMatch(/新しい版のBPR Studioで保存されたデータです（データ形式 v2、/);
  });

  it('given saved settings, when reset, then the defaults come back', async () => {
    const repo = new SettingsRepository(memoryMetaStore());
    await repo.saveRpaSettings('ws', custom);
    expect(await repo.resetRpaSettings('ws')).toEqual(defaultRpaRankingSettings());
    expect(await repo.loadRpaSettings('ws')).toMatchObject({ isDefault: true });
  });

  it('given a full disk, when saved, then StorageFullError is thrown and the old value stays', async () => {
    let full = false;
    const { db, workspaceId } = await repositoryWithWorkspace(undefined, (d) => simulateQuota(d, (table) => full && table === 'meta'));
    const repo = settingsRepositoryFor(db);
    await repo.saveRpaSettings(workspaceId, custom);
    full = true;
    await expect(repo.saveRpaSettings(workspaceId, { ...custom, tasksPerRobot: 9 })).rejects.toBeInstanceOf(StorageFullError);
    expect((await repo.loadRpaSettings(workspaceId)).settings.tasksPerRobot).toBe(4);
  });

  it('given the workspace store, when its settings repository is asked for, then it writes to the store database', async () => {
    const { repo, db, workspaceId } = await repositoryWithWorkspace();
    await settingsRepositoryOf(repo).saveRpaSettings(workspaceId, custom);
    expect((await db.meta.get(rpaSettingsKey(workspaceId)))?.value).toMatchObject({ hourlyCostFallbackYen: 4_000 });
  });
});
