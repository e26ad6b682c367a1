import { z } from 'zod';
import { currentSchemaVersion, migrateRecord, type LooseRecord } from './migrations';
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
import { SCENARIO_NAME_MAX } from '../domain/model/scenario';

/**
 * The shape of each record as stored in Dexie (current schema version). Every read goes through
 * `readWorkspaceRecord` / `readProcessRecord` / `readVersionRecord`: migrate up, then validate.
 */
/** Current `schemaVersion` of each stored record type; writes use these, reads migrate up to them. */
export const SCHEMA_VERSIONS = { workspace: 1, process: 2, version: 1 } as const satisfies Record<StoredRecordType, number>;

export const PROCESS_KINDS = ['as-is', 'to-be'] as const satisfies readonly ProcessKind[];
export const VERSION_REASONS = ['save', 'autosave', 'restore', 'import', 'create'] as const satisfies readonly VersionReason[];

const id = z.string().trim().min(1, 'IDが空です');
const timestamp = z.iso.datetime({ offset: true, error: '日時が ISO 8601 形式ではありません' });
const revision = z.number().int('版番号は整数です').min(1, '版番号は1以上です');

export const workspaceRecordSchema = z.object({
  schemaVersion: z.literal(1),
  id,
  name: z.string().trim().min(1, 'ワークスペース名が空です'),
  hoursPerFte: z.number().gt(0, '1人あたり年間勤務時間は0より大きい値にしてください'),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const processRecordSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSIONS.process),
    id,
    workspaceId: id,
    name: z.string().trim().min(1, 'プロセス名が空です').max(200, 'プロセス名は200文字以内にしてください'),
    department: z.string().trim().max(100, '担当課は100文字以内にしてください'),
    kind: z.enum(PROCESS_KINDS, { error: '種別は as-is か to-be のどちらかです' }),
    /** On a To-Be only: the As-Is whose scenario it is. */
    linkedProcessId: id.optional(),
    /** On a To-Be: the scenario's short name shown beside its As-Is (書かない窓口, RPA（…）, …). */
    scenarioName: z.string().trim().min(1, 'シナリオ名が空です').max(SCENARIO_NAME_MAX, `シナリオ名は${SCENARIO_NAME_MAX}文字以内にしてください`).optional(),
    xml: z.string(),
    createdAt: timestamp,
    updatedAt: timestamp,
    revision,
  })
  .refine((p) => p.linkedProcessId !== p.id, { path: ['linkedProcessId'], message: '自分自身とは対応付けできません' })
  .refine((p) => p.kind === 'to-be' || p.linkedProcessId === undefined, {
    path: ['linkedProcessId'],
    message: 'As-Is には対応先を記録しません（シナリオの To-Be 側に As-Is を記録します）',
  });

export const versionRecordSchema = z.object({
  schemaVersion: z.literal(1),
  id,
  processId: id,
  xml: z.string(),
  /** Process name when the snapshot was taken. */
  name: z.string(),
  reason: z.enum(VERSION_REASONS, { error: '版の種類が不正です' }),
  createdAt: timestamp,
  revision: z.number().int().min(0),
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
  const migrated = migrateRecord(type, raw);
  if (!migrated.ok) throw new InvalidRecordError(`保存されている${label}を読み込めません: ${migrated.problem}。${tail}`, type, recordId, [migrated.problem]);
  const parsed = schemas[type].safeParse(migrated.record, { error: japaneseIssues });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${describeField(i.path)}: ${i.message}`);
    const from = migrated.fromVersion < currentSchemaVersion(type) ? `（データ形式 v${migrated.fromVersion} から移行した後）` : '';
    throw new InvalidRecordError(`保存されている${label}を読み込めません${from}: ${problems.join('、')}。${tail}`, type, recordId, problems);
  }
  return parsed.data as z.infer<(typeof schemas)[T]>;
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
