import { z } from 'zod';
import { DEFAULT_HOURS_PER_FTE } from './annotations';
import { INITIATIVE_MIGRATIONS } from './initiative';
import { migrateUp, type LooseRecord, type Migration, type MigrationOutcome } from './recordVersion';
import { scenarioNameFromProcessName } from './scenario';

/**
 * Every kind of record BPR Studio keeps (in Dexie or in a workspace file) and the up-migrations that
 * bring an older one to the current layout: RECORD_MIGRATIONS[kind][n] turns a version-n record into
 * version n+1, so the current version of a kind is the number of its steps. The store, the workspace
 * file and every repository read through `readVersioned`; a record is never written back by a read,
 * so one that cannot be migrated stays where it is, untouched.
 *
 * v0 is the pre-release layout: no `schemaVersion`, timestamps as epoch milliseconds,
 * processes flagged `asIs: boolean` without `kind`/`revision`/`department`, workspaces without
 * `hoursPerFte`, versions flagged `auto: boolean` without `reason`/`name`/`revision`.
 * Comparisons, simulation results, RPA settings and 業務 inventory rows had the fields they have now
 * before they had a `schemaVersion`, so their v0 → v1 step only stamps the version.
 *
 * process v1 → v2 (scenarios): v1 linked one As-Is to one To-Be with `linkedProcessId` on both sides.
 * From v2 an As-Is keeps any number of To-Be scenarios; only the To-Be records the link (its As-Is in
 * `linkedProcessId`) and gets a `scenarioName`. The repository always wrote v1 links on both sides in
 * one transaction, so the To-Be's own field carries every pair and the As-Is's copy can go.
 */
export type { LooseRecord, Migration, MigrationOutcome };

export const RECORD_KINDS = ['workspace', 'process', 'version', 'initiative', 'comparison', 'simulation', 'rpaSettings', 'inventory'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Department given to v0 processes, which had none; the UI shows it as its own group. */
export const UNASSIGNED_DEPARTMENT = '未分類';

const isoFromEpoch = (value: unknown): unknown => (typeof value === 'number' && Number.isFinite(value) ? new Date(value).toISOString() : value);

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

const stampV1: Migration = (r) => ({ ...r, schemaVersion: 1 });

export const RECORD_MIGRATIONS: Readonly<Record<RecordKind, readonly Migration[]>> = {
  workspace: [workspaceV0toV1],
  process: [processV0toV1, processV1toV2],
  version: [versionV0toV1],
  initiative: INITIATIVE_MIGRATIONS,
  comparison: [stampV1],
  simulation: [stampV1],
  rpaSettings: [stampV1],
  inventory: [stampV1],
};

/** The version every write of this kind carries. */
export const recordSchemaVersion = (kind: RecordKind): number => RECORD_MIGRATIONS[kind].length;

export type VersionedRead<T> =
  | { ok: true; value: T; fromVersion: number }
  /**
   * `stage`: whether migrating or validating the migrated record failed; `newer`: written by a later
   * app, which nothing here can read.
   */
  | { ok: false; stage: 'migrate' | 'validate'; newer: boolean; fromVersion?: number; problems: string[] };

/**
 * Migrate up, then validate with the kind's zod schema: the one read path for every stored record.
 * `error` words zod's own issues (e.g. its Japanese locale); `describe` names a field for the user.
 */
export function readVersioned<S extends z.ZodType>(
  kind: RecordKind,
  raw: unknown,
  schema: S,
  options: { error?: z.core.$ZodErrorMap; describe?: (path: readonly PropertyKey[]) => string; migrations?: readonly Migration[] } = {},
): VersionedRead<z.output<S>> {
  const steps = options.migrations ?? RECORD_MIGRATIONS[kind];
  const migrated = migrateUp(steps, raw);
  if (!migrated.ok)
    return { ok: false, stage: 'migrate', newer: (migrated.fromVersion ?? 0) > steps.length, fromVersion: migrated.fromVersion, problems: [migrated.problem] };
  const parsed = schema.safeParse(migrated.record, options.error ? { error: options.error } : undefined);
  if (parsed.success) return { ok: true, value: parsed.data, fromVersion: migrated.fromVersion };
  const describe = options.describe ?? ((path) => path.map(String).join('.'));
  return {
    ok: false,
    stage: 'validate',
    newer: false,
    fromVersion: migrated.fromVersion,
    problems: parsed.error.issues.map((i) => (i.path.length ? `${describe(i.path)}: ${i.message}` : i.message)),
  };
}
