import { DEFAULT_HOURS_PER_FTE } from '../domain/model/annotations';
import { scenarioNameFromProcessName } from '../domain/model/scenario';
import { migrateUp, type LooseRecord, type Migration, type MigrationOutcome } from '../domain/model/recordVersion';
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
 *
 * process v1 → v2 (scenarios): v1 linked one As-Is to one To-Be with `linkedProcessId` on both sides.
 * From v2 an As-Is keeps any number of To-Be scenarios; only the To-Be records the link (its As-Is in
 * `linkedProcessId`) and gets a `scenarioName`. The repository always wrote v1 links on both sides in
 * one transaction, so the To-Be's own field carries every pair and the As-Is's copy can go.
 */
export type { LooseRecord, Migration, MigrationOutcome };

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

const processV1toV2: Migration = (r) => {
  if (r.kind === 'as-is') {
    const { linkedProcessId: _toBeSide, ...rest } = r;
    return { ...rest, schemaVersion: 2 };
  }
  const linked = r.kind === 'to-be' && typeof r.linkedProcessId === 'string';
  // Only a paired To-Be is a scenario; a name that is not text is left for validation to report.
  const scenarioName = r.scenarioName ?? (linked && typeof r.name === 'string' ? scenarioNameFromProcessName(r.name) : undefined);
  return { ...r, schemaVersion: 2, ...(scenarioName !== undefined ? { scenarioName } : {}) };
};

export const MIGRATIONS: Readonly<Record<StoredRecordType, readonly Migration[]>> = {
  workspace: [workspaceV0toV1],
  process: [processV0toV1, processV1toV2],
  version: [versionV0toV1],
};

export const currentSchemaVersion = (type: StoredRecordType): number => MIGRATIONS[type].length;

/** Runs every step from the record's version up to the current one (the shared runner); never mutates its input. */
export function migrateRecord(
  type: StoredRecordType,
  raw: unknown,
  migrations: Readonly<Record<StoredRecordType, readonly Migration[]>> = MIGRATIONS,
): MigrationOutcome {
  return migrateUp(migrations[type], raw);
}
