import { z } from 'zod';
import { defaultRpaRankingSettings, type RpaRankingSettings } from '../domain/analysis/rpaCandidates';
import { readVersioned, recordSchemaVersion } from '../domain/model/recordMigrations';
import type { BprDatabase, MetaRow } from './db';
import { writeOrStorageFull } from './quota';
import type { WorkspaceStore } from './types';

/**
 * Workspace settings that are not part of any diagram (automation costs, the hourly cost used when a
 * role has none), kept in the `meta` table so no Dexie schema change is needed and the workspace file
 * export carries them. A stored value is parsed with zod on every read; one that cannot be read falls
 * back to the published defaults and says so, and is only replaced when the user saves.
 */

export const RPA_SETTINGS_SCHEMA_VERSION = recordSchemaVersion('rpaSettings');

const yen = (label: string) =>
  z
    .number({ error: `${label}は数値で入力してください` })
    .finite(`${label}は数値で入力してください`)
    .min(0, `${label}に負の値は入力できません`)
    .max(1e12, `${label}が大きすぎます`);

export const rpaSettingsSchema = z.object({
  schemaVersion: z.literal(RPA_SETTINGS_SCHEMA_VERSION),
  licenceYenPerRobotYear: yen('ロボット1台の年間ライセンス料'),
  developmentYenPerTask: yen('1業務あたりの開発費'),
  maintenanceRatePerYear: z
    .number({ error: '年間保守率は数値で入力してください' })
    .min(0, '年間保守率は0〜100%で入力してください')
    .max(1, '年間保守率は0〜100%で入力してください'),
  tasksPerRobot: z
    .number({ error: '1台あたりの業務数は数値で入力してください' })
    .int('1台あたりの業務数は整数で入力してください')
    .min(1, '1台あたりの業務数は1以上にしてください')
    .max(1000, '1台あたりの業務数は1000以下にしてください'),
  hourlyCostFallbackYen: yen('既定の時間単価').refine((v) => v > 0, '既定の時間単価は0より大きくしてください'),
});
export type StoredRpaSettings = z.infer<typeof rpaSettingsSchema>;

export function rpaSettingsKey(workspaceId: string): string {
  return `rpaSettings:${workspaceId}`;
}

/** The settings with the schema version the store writes; throws the Japanese issues when invalid. */
export function toStoredRpaSettings(settings: RpaRankingSettings): StoredRpaSettings {
  const r = rpaSettingsSchema.safeParse({ ...settings, schemaVersion: RPA_SETTINGS_SCHEMA_VERSION });
  if (!r.success) throw new InvalidSettingsError(r.error.issues.map((i) => i.message));
  return r.data;
}

export class InvalidSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`設定を保存できません: ${problems.join('／')}`);
    this.name = 'InvalidSettingsError';
  }
}

export interface LoadedRpaSettings {
  settings: RpaRankingSettings;
  /** True when nothing valid is stored and the defaults are in use. */
  isDefault: boolean;
  /** Set when a stored value could not be read (it is left untouched). */
  problem?: string;
}

/** Reads a stored value: a newer or broken record falls back to the defaults instead of failing. */
export function readRpaSettings(value: unknown): LoadedRpaSettings {
  if (value === undefined || value === null) return { settings: defaultRpaRankingSettings(), isDefault: true };
  const r = readVersioned('rpaSettings', value, rpaSettingsSchema);
  if (!r.ok)
    return {
      settings: defaultRpaRankingSettings(),
      isDefault: true,
      problem: `保存されているRPA設定を読めないため既定値で計算します（${r.problems.join('／')}）`,
    };
  const { schemaVersion: _v, ...settings } = r.value;
  return { settings, isDefault: false };
}

export interface MetaStore {
  get(key: string): Promise<MetaRow | undefined>;
  put(row: MetaRow): Promise<unknown>;
  delete(key: string): Promise<void>;
}

export class SettingsRepository {
  constructor(private readonly meta: MetaStore) {}

  async loadRpaSettings(workspaceId: string): Promise<LoadedRpaSettings> {
    return readRpaSettings((await this.meta.get(rpaSettingsKey(workspaceId)))?.value);
  }

  async saveRpaSettings(workspaceId: string, settings: RpaRankingSettings): Promise<RpaRankingSettings> {
    const stored = toStoredRpaSettings(settings);
    await writeOrStorageFull(() => this.meta.put({ key: rpaSettingsKey(workspaceId), value: stored }));
    const { schemaVersion: _v, ...saved } = stored;
    return saved;
  }

  /** Back to the published defaults (the stored record is removed). */
  async resetRpaSettings(workspaceId: string): Promise<RpaRankingSettings> {
    await this.meta.delete(rpaSettingsKey(workspaceId));
    return defaultRpaRankingSettings();
  }
}

/** In memory, for a store without a database (tests, a repository that is not Dexie). */
export function memoryMetaStore(): MetaStore {
  const rows = new Map<string, MetaRow>();
  return {
    get: async (key) => rows.get(key),
    put: async (row) => void rows.set(row.key, structuredClone(row)),
    delete: async (key) => void rows.delete(key),
  };
}

export function settingsRepositoryFor(db: Pick<BprDatabase, 'meta'>): SettingsRepository {
  return new SettingsRepository(db.meta);
}

/** The settings repository of the workspace store the UI holds (its Dexie database when it has one). */
export function settingsRepositoryOf(store: WorkspaceStore): SettingsRepository {
  const db = (store as { db?: Pick<BprDatabase, 'meta'> }).db;
  return db?.meta ? settingsRepositoryFor(db) : new SettingsRepository(fallbackMeta);
}

const fallbackMeta = memoryMetaStore();
