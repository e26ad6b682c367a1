import { z } from 'zod';
import { MIGRATIONS, currentSchemaVersion, type LooseRecord } from './migrations';
import { readVersioned } from '../domain/model/recordMigrations';
import {
  InvalidProcessInputError,
  InvalidRecordError,
  type ProcessKind,
  type ProcessRecord,
  type StoredRecordType,
  type VersionReason,
  type VersionRecord,
  type WorkspaceInfo,
} from './types';
import { RECORD_FIELD_LABELS } from '../domain/model/fieldLabels';
import {
  PROCESS_KINDS as DOMAIN_PROCESS_KINDS,
  VERSION_REASONS as DOMAIN_VERSION_REASONS,
  notLinkedToItself,
  processFields,
  recordId,
  versionFields,
  workspaceFields,
} from '../domain/model/recordFields';

/**
 * The shape of each record as stored in Dexie (current schema version). Every read goes through
 * `readWorkspaceRecord` / `readProcessRecord` / `readVersionRecord`: migrate up, then validate.
 */
/** Current `schemaVersion` of each stored record type; writes use these, reads migrate up to them. */
export const SCHEMA_VERSIONS = { workspace: 1, process: 2, version: 1 } as const satisfies Record<StoredRecordType, number>;

export const PROCESS_KINDS = DOMAIN_PROCESS_KINDS satisfies readonly ProcessKind[];
export const VERSION_REASONS = DOMAIN_VERSION_REASONS satisfies readonly VersionReason[];

const id = recordId;

// The fields are the domain's (model/recordFields, shared with the workspace file); the store adds its
// schemaVersion, the owning workspace and the rule that only a To-Be records its As-Is.
export const workspaceRecordSchema = z.object({ schemaVersion: z.literal(SCHEMA_VERSIONS.workspace), ...workspaceFields });

export const processRecordSchema = z
  .object({ schemaVersion: z.literal(SCHEMA_VERSIONS.process), ...processFields, workspaceId: id, xml: z.string() })
  .refine(...notLinkedToItself)
  .refine((p) => p.kind === 'to-be' || p.linkedProcessId === undefined, {
    path: ['linkedProcessId'],
    message: 'As-Is には対応先を記録しません（シナリオの To-Be 側に As-Is を記録します）',
  });

export const versionRecordSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSIONS.version),
  ...versionFields,
  processId: id,
  /** Order of snapshots of one process; breaks ties between equal timestamps. */
  seq: z.number().int().min(0),
});

export type StoredWorkspace = z.infer<typeof workspaceRecordSchema>;
export type StoredProcess = z.infer<typeof processRecordSchema>;
export type StoredVersion = z.infer<typeof versionRecordSchema>;

const schemas = { workspace: workspaceRecordSchema, process: processRecordSchema, version: versionRecordSchema } as const;
for (const type of Object.keys(schemas) as StoredRecordType[]) {
  // A migration added without bumping the schema (or vice versa) must fail at once, not on a user's data.
  if (currentSchemaVersion(type) !== SCHEMA_VERSIONS[type])
    throw new Error(`store: schema of ${type} is v${SCHEMA_VERSIONS[type]} but migrations lead to v${currentSchemaVersion(type)}`);
}

// zod's Japanese messages for issues our schemas don't word themselves (wrong type, missing field).
const japaneseIssues = z.locales.ja().localeError;

const RECORD_LABELS: Record<StoredRecordType, string> = { workspace: 'ワークスペース', process: 'プロセス', version: 'プロセスの版' };

const FIELD_LABELS: Record<string, string> = {
  schemaVersion: 'データ形式の版',
  workspaceId: 'ワークスペースID',
  processId: 'プロセスID',
  seq: '版の順番',
  ...RECORD_FIELD_LABELS,
};

const describeField = (path: readonly PropertyKey[]): string => {
  const key = path.map(String).join('.');
  const label = FIELD_LABELS[String(path[0])];
  return label ? `${label} (${key})` : key || 'レコード全体';
};

/** e.g. プロセス「住民票の写し交付」(id: p-1) — names what the user knows it by. */
export function describeRecord(type: StoredRecordType, raw: unknown): { label: string; id: string | undefined } {
  const r = typeof raw === 'object' && raw !== null ? (raw as LooseRecord) : {};
  const recordId = typeof r.id === 'string' ? r.id : undefined;
  const name = typeof r.name === 'string' && r.name.trim() ? r.name.trim() : undefined;
  const parts = [RECORD_LABELS[type], name ? `「${name}」` : '', recordId ? `(id: ${recordId})` : '(id なし)'];
  if (type === 'version' && typeof r.processId === 'string') parts.push(`[プロセス id: ${r.processId}]`);
  return { label: parts.join(''), id: recordId };
}

function parseStored<T extends StoredRecordType>(type: T, raw: unknown): z.infer<(typeof schemas)[T]> {
  const { label, id: recordId } = describeRecord(type, raw);
  const tail = 'このデータは削除も上書きもしていません。';
  const read = readVersioned(type, raw, schemas[type], { error: japaneseIssues, describe: describeField, migrations: MIGRATIONS[type] });
  if (read.ok) return read.value as z.infer<(typeof schemas)[T]>;
  // A failed migration has no "after migrating" part; a record that migrated and still fails says from which version.
  const migratedFrom = read.stage === 'validate' && read.fromVersion !== undefined && read.fromVersion < currentSchemaVersion(type);
  const from = migratedFrom ? `（データ形式 v${read.fromVersion} から移行した後）` : '';
  throw new InvalidRecordError(`保存されている${label}を読み込めません${from}: ${read.problems.join('、')}。${tail}`, type, recordId, read.problems);
}

export const parseStoredWorkspace = (raw: unknown): StoredWorkspace => parseStored('workspace', raw);
export const parseStoredProcess = (raw: unknown): StoredProcess => parseStored('process', raw);
export const parseStoredVersion = (raw: unknown): StoredVersion => parseStored('version', raw);

export function readWorkspaceRecord(raw: unknown): WorkspaceInfo {
  const { schemaVersion: _v, ...info } = parseStoredWorkspace(raw);
  return info;
}
export function readProcessRecord(raw: unknown): ProcessRecord {
  const { schemaVersion: _v, ...record } = parseStoredProcess(raw);
  return record;
}
export function readVersionRecord(raw: unknown): VersionRecord {
  const { schemaVersion: _v, seq: _s, ...record } = parseStoredVersion(raw);
  return record;
}

/**
 * Validates a record about to be written; a failure here is the caller's input, so the message
 * speaks of what was entered rather than of stored data.
 */
export function checkForWrite<T extends StoredRecordType>(type: T, record: z.infer<(typeof schemas)[T]>): z.infer<(typeof schemas)[T]> {
  const parsed = schemas[type].safeParse(record, { error: japaneseIssues });
  if (parsed.success) return parsed.data as z.infer<(typeof schemas)[T]>;
  const { label } = describeRecord(type, record);
  const problems = parsed.error.issues.map((i) => `${describeField(i.path)}: ${i.message}`);
  throw new InvalidProcessInputError(`${label}を保存できません: ${problems.join('、')}`);
}
