import { z } from 'zod';
import { SCENARIO_NAME_MAX } from './scenario';

/**
 * The fields of the workspace, process and version records, written once: the Dexie records
 * (src/store/records.ts) and the workspace file (domain/exchange/workspaceFile.ts) both build their
 * schemas from these, so a rule (a name's length, a revision's minimum, the kinds) cannot differ between a
 * record kept in the browser and the same record carried in a file. Each side adds only what is its own:
 * the store its schemaVersion and workspaceId, the file its nested versions.
 */
export const PROCESS_KINDS = ['as-is', 'to-be'] as const;
export const VERSION_REASONS = ['save', 'autosave', 'restore', 'import', 'create'] as const;

export const recordId = z.string().trim().min(1, 'IDが空です');
export const recordTimestamp = z.iso.datetime({ offset: true, error: '日時が ISO 8601 形式ではありません' });
export const recordRevision = z.number().int('版番号は整数です').min(1, '版番号は1以上です');

export const workspaceFields = {
  id: recordId,
  name: z.string().trim().min(1, 'ワークスペース名が空です'),
  hoursPerFte: z.number().gt(0, '1人あたり年間勤務時間は0より大きい値にしてください'),
  createdAt: recordTimestamp,
  updatedAt: recordTimestamp,
};

export const processFields = {
  id: recordId,
  name: z.string().trim().min(1, 'プロセス名が空です').max(200, 'プロセス名は200文字以内にしてください'),
  department: z.string().trim().max(100, '担当課は100文字以内にしてください'),
  kind: z.enum(PROCESS_KINDS, { error: '種別は as-is か to-be のどちらかです' }),
  /** On a To-Be only: the As-Is whose scenario it is. */
  linkedProcessId: recordId.optional(),
  /** On a To-Be: the scenario's short name shown beside its As-Is (書かない窓口, RPA（…）, …). */
  scenarioName: z.string().trim().min(1, 'シナリオ名が空です').max(SCENARIO_NAME_MAX, `シナリオ名は${SCENARIO_NAME_MAX}文字以内にしてください`).optional(),
  createdAt: recordTimestamp,
  updatedAt: recordTimestamp,
  revision: recordRevision,
};

export const versionFields = {
  id: recordId,
  xml: z.string(),
  /** Process name when the snapshot was taken. */
  name: z.string(),
  reason: z.enum(VERSION_REASONS, { error: '版の種類が不正です' }),
  createdAt: recordTimestamp,
  revision: z.number().int().min(0),
};

/** A process is never its own counterpart. */
export const notLinkedToItself: [(p: { id: string; linkedProcessId?: string }) => boolean, { path: string[]; message: string }] = [
  (p) => p.linkedProcessId !== p.id,
  { path: ['linkedProcessId'], message: '自分自身とは対応付けできません' },
];
