import { DEFAULT_HOURS_PER_FTE } from '../domain/model/annotations';
import type { StoredRecordType } from './types';

/**
 * Up-migrations for stored records, one step per schema version: MIGRATIONS[type][n] turns a
 * version-n record into version n+1, so the current version of a type is the number of steps.
 * Records are migrated when read (Dexie or a file) and written back only by a later explicit write,
 * so an old record that cannot be migrated stays in the database untouched.
 *
 * v0 is the pre-release layout: no `schemaVersion`, timestamps as epoch milliseconds,
 * processes flagged `asIs: boolean` without `kind`/`revision`/`department`, workspaces without
 * `hoursPerFte`, versions flagged `auto: boolean` without `reason`/`name`/`revision`.
 */
export type LooseRecord = Record<string, unknown>;
export type Migration = (record: LooseRecord) => LooseRecord;

/** Department given to v0 processes, which had none; the UI shows it as its own group. */
export const UNASSIGNED_DEPARTMENT = '未分類';

const isoFromEpoch = (value: unknown): unknown =>
  typeof value === 'number' && Number.isFinite(value) ? new Date(value).toISOString() : value;

const workspaceV0toV1: Migration = (r) => ({
  ...r,
  schemaVersion: 1,
  hoursPerFte: r.hoursPerFte ?? DEFAULT_HOURS_PER_FTE,
  createdAt: isoFromEpoch(r.createdAt),
  updatedAt: isoFromEpoch(r.updatedAt),
});

const processV0toV1: Migration = (r) => {
  const { asIs, ...rest } = r;
  // A missing or non-boolean flag leaves `kind` unset so validation names it instead of guessing.
  const kind = r.kind ?? (asIs === true ? 'as-is' : asIs === false ? 'to-be' : undefined);
  return {
    ...rest,
    schemaVersion: 1,
    kind,
    department: r.department ?? UNASSIGNED_DEPARTMENT,
    revision: r.revision ?? 1,
    createdAt: isoFromEpoch(r.createdAt),
    updatedAt: isoFromEpoch(r.updatedAt),
  };
};

const versionV0toV1: Migration = (r) => {
  const { auto, ...rest } = r;
  return {
    ...rest,
    schemaVersion: 1,
    reason: r.reason ?? (auto === true ? 'autosave' : 'save'),
    name: r.name ?? '',
    revision: r.revision ?? 0,
    // v0 kept no order beyond the timestamp; 0 sorts them before every v1 snapshot of the same instant.
    seq: r.seq ?? 0,
    createdAt: isoFromEpoch(r.createdAt),
  };
};

export const MIGRATIONS: Readonly<Record<StoredRecordType, readonly Migration[]>> = {
  workspace: [workspaceV0toV1],
  process: [processV0toV1],
  version: [versionV0toV1],
};

export const currentSchemaVersion = (type: StoredRecordType): number => MIGRATIONS[type].length;

export type MigrationOutcome =
  | { ok: true; record: LooseRecord; fromVersion: number }
  | { ok: false; problem: string; fromVersion?: number };

/** Runs every step from the record's version up to the current one; never mutates its input. */
export function migrateRecord(
  type: StoredRecordType,
  raw: unknown,
  migrations: Readonly<Record<StoredRecordType, readonly Migration[]>> = MIGRATIONS,
): MigrationOutcome {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, problem: 'レコードがオブジェクトではありません' };
  const steps = migrations[type];
  const declared = (raw as LooseRecord).schemaVersion;
  const fromVersion = declared === undefined ? 0 : declared;
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion) || fromVersion < 0)
    return { ok: false, problem: `データ形式の版 (schemaVersion) が不正です: ${JSON.stringify(declared)}` };
  if (fromVersion > steps.length)
    return {
      ok: false,
      fromVersion,
      problem: `新しい版のBPR Studioで保存されたデータです（データ形式 v${fromVersion}、このアプリが読めるのは v${steps.length} まで）`,
    };
  let record: LooseRecord = { ...(raw as LooseRecord) };
  for (let v = fromVersion; v < steps.length; v++) {
    try {
      record = steps[v](record);
    } catch (err) {
      return { ok: false, fromVersion, problem: `データ形式 v${v} から v${v + 1} への移行に失敗しました: ${String(err)}` };
    }
  }
  return { ok: true, record, fromVersion };
}
