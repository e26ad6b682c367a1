import type { Table } from 'dexie';
import type { z } from 'zod';
import { INITIATIVE_SCHEMA_VERSION, initiativeSchema, parseInitiative, RecordError, type Initiative } from '../domain/model/initiative';
import type { BprDatabase } from './db';
import { newRecordId } from './ids';
import { writeTransaction } from './quota';
import { readProcessRecord } from './records';
import { ConflictError, InvalidRecordError } from './types';
import { readRows } from './readRows';

/**
 * 取組 (initiatives) in Dexie. Every row goes through `parseInitiative` (migrate up, then zod) when
 * read; rows are written back only by an explicit edit, so an old or broken row stays as it was.
 * `revision` lives beside the record (the domain schema does not know it) and guards edits from
 * two tabs the same way process saves are guarded.
 */
export type InitiativeRecord = Initiative & { revision: number };

type InitiativeInput = z.input<typeof initiativeSchema>;
export type NewInitiative = Omit<InitiativeInput, 'schemaVersion' | 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>;
export type InitiativePatch = Partial<NewInitiative>;
export interface Attachment {
  asIsProcessId: string;
  toBeProcessId?: string;
}

export class InitiativeConflictError extends ConflictError {
  constructor(initiativeId: string, expected: number, actual: number) {
    super(initiativeId, expected, actual);
    this.message = `この取組は別のタブまたはウィンドウで更新されています（保存しようとした版 ${expected}、現在の版 ${actual}）`;
    this.name = 'InitiativeConflictError';
  }
}

export class InitiativeNotFoundError extends Error {
  constructor(readonly initiativeId: string) {
    super(`取組 (id: ${initiativeId}) が見つかりません。別のタブまたはウィンドウで削除された可能性があります。`);
    this.name = 'InitiativeNotFoundError';
  }
}

/** A stored 取組 that cannot be read even after migration; it stays in the database untouched. */
export class UnreadableInitiativeError extends Error {
  constructor(
    readonly initiativeId: string | undefined,
    detail: string,
  ) {
    super(`保存されている${detail}。このデータは削除も上書きもしていません。`);
    this.name = 'UnreadableInitiativeError';
  }
}

/** Input the repository refuses (empty 取組名, attachment of a To-Be as As-Is, …). */
export class InvalidInitiativeInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInitiativeInputError';
  }
}

/** Stored row → record; a raw v0 row (no schemaVersion, no revision) reads as revision 1. */
export function readInitiativeRow(row: unknown): InitiativeRecord {
  let initiative: Initiative;
  try {
    initiative = parseInitiative(row);
  } catch (err) {
    const id = typeof (row as { id?: unknown })?.id === 'string' ? (row as { id: string }).id : undefined;
    if (err instanceof RecordError) throw new UnreadableInitiativeError(id, err.message);
    throw err;
  }
  const rev = (row as { revision?: unknown }).revision;
  return { ...initiative, revision: typeof rev === 'number' && Number.isInteger(rev) && rev >= 1 ? rev : 1 };
}

const FIELD_LABELS: Record<string, string> = {
  title: '取組名',
  departments: '担当課',
  categoryPath: '分類',
  currentIssues: 'これまでの課題',
  summary: '取組の概要',
  bprFindings: 'BPRで把握した課題と解決方策',
  schedule: 'スケジュール',
  indicators: '評価指標',
  evaluations: '評価',
  nextStep: '次期方針',
  nextPolicy: '次期方針の内容',
  costs: '費用',
  attachments: '対象プロセス',
};

/** Validates a record about to be written; the message speaks of what was entered. */
function checkInitiative(candidate: unknown): Initiative {
  const parsed = initiativeSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const title = (candidate as { title?: unknown }).title;
  const problems = parsed.error.issues.map((i) => {
    const label = FIELD_LABELS[String(i.path[0])];
    return `${label ? `${label} (${i.path.join('.')})` : i.path.join('.') || '取組全体'}: ${i.message}`;
  });
  throw new InvalidInitiativeInputError(`取組${typeof title === 'string' && title ? `「${title}」` : ''}を保存できません: ${problems.join('、')}`);
}

export interface InitiativeRepositoryOptions {
  db: BprDatabase;
  now?: () => Date;
  newId?: () => string;
}

export class InitiativeRepository {
  private readonly db: BprDatabase;
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(options: InitiativeRepositoryOptions) {
    this.db = options.db;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? newRecordId;
  }

  /** Readable records of the workspace (by creation, then title) and, beside them, those that are not. */
  async load(workspaceId: string): Promise<{ initiatives: InitiativeRecord[]; unreadable: UnreadableInitiativeError[] }> {
    const rows = await this.db.initiatives.where('workspaceId').equals(workspaceId).toArray();
    const { records: initiatives, unreadable } = readRows(rows, readInitiativeRow, UnreadableInitiativeError);
    initiatives.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.title.localeCompare(b.title, 'ja'));
    return { initiatives, unreadable };
  }

  /** Like `load`, but throws the first unreadable record. */
  async list(workspaceId: string): Promise<InitiativeRecord[]> {
    const { initiatives, unreadable } = await this.load(workspaceId);
    if (unreadable.length > 0) throw unreadable[0];
    return initiatives;
  }

  /** 取組 that have the process attached (as As-Is or To-Be). */
  async listForProcess(workspaceId: string, processId: string): Promise<InitiativeRecord[]> {
    const { initiatives } = await this.load(workspaceId);
    return initiatives.filter((i) => i.attachments.some((a) => a.asIsProcessId === processId || a.toBeProcessId === processId));
  }

  async get(id: string): Promise<InitiativeRecord | undefined> {
    const row = await this.db.initiatives.get(id);
    return row === undefined ? undefined : readInitiativeRow(row);
  }

  async create(workspaceId: string, input: NewInitiative): Promise<InitiativeRecord> {
    const { db } = this;
    return this.write([db.workspaces, db.processes, db.initiatives], async () => {
      if (!(await db.workspaces.get(workspaceId))) throw new InvalidInitiativeInputError(`ワークスペース (id: ${workspaceId}) が見つかりません。`);
      const stamp = this.now().toISOString();
      const initiative = checkInitiative({
        ...input,
        schemaVersion: INITIATIVE_SCHEMA_VERSION,
        id: this.newId(),
        workspaceId,
        createdAt: stamp,
        updatedAt: stamp,
      });
      await this.checkAttachments(initiative);
      const record: InitiativeRecord = { ...initiative, revision: 1 };
      await db.initiatives.add(record);
      return record;
    });
  }

  /** With `expectedRevision`, throws InitiativeConflictError when the stored revision differs. */
  async update(id: string, patch: InitiativePatch, opts: { expectedRevision?: number } = {}): Promise<InitiativeRecord> {
    return this.edit(id, opts.expectedRevision, (current) => ({ ...current, ...patch }));
  }

  async delete(id: string): Promise<void> {
    await this.write([this.db.initiatives], async () => {
      await this.db.initiatives.delete(id);
    });
  }

  /** Attaches an As-Is (and optionally its To-Be); an existing pair with the same As-Is is replaced. */
  async attach(id: string, pair: Attachment, opts: { expectedRevision?: number } = {}): Promise<InitiativeRecord> {
    return this.edit(id, opts.expectedRevision, (current) => ({
      ...current,
      attachments: [
        ...current.attachments.filter((a) => a.asIsProcessId !== pair.asIsProcessId),
        { asIsProcessId: pair.asIsProcessId, ...(pair.toBeProcessId !== undefined ? { toBeProcessId: pair.toBeProcessId } : {}) },
      ],
    }));
  }

  /** Removes the pair of that As-Is; only its To-Be when `toBeOnly`. */
  async detach(id: string, asIsProcessId: string, opts: { expectedRevision?: number; toBeOnly?: boolean } = {}): Promise<InitiativeRecord> {
    return this.edit(id, opts.expectedRevision, (current) => ({
      ...current,
      attachments: opts.toBeOnly
        ? current.attachments.map((a) => (a.asIsProcessId === asIsProcessId ? { asIsProcessId } : a))
        : current.attachments.filter((a) => a.asIsProcessId !== asIsProcessId),
    }));
  }

  // ---- helpers ----

  private async edit(id: string, expected: number | undefined, change: (current: Initiative) => unknown): Promise<InitiativeRecord> {
    const { db } = this;
    return this.write([db.processes, db.initiatives], async () => {
      const row = await db.initiatives.get(id);
      if (!row) throw new InitiativeNotFoundError(id);
      const current = readInitiativeRow(row);
      if (expected !== undefined && expected !== current.revision) throw new InitiativeConflictError(id, expected, current.revision);
      const { revision, ...base } = current;
      const changed = change(base) as Record<string, unknown>;
      // Identity and provenance are the store's, whatever the patch says.
      const next = checkInitiative({
        ...changed,
        schemaVersion: INITIATIVE_SCHEMA_VERSION,
        id: current.id,
        workspaceId: current.workspaceId,
        createdAt: current.createdAt,
        updatedAt: this.now().toISOString(),
      });
      await this.checkAttachments(next, base.attachments);
      const record: InitiativeRecord = { ...next, revision: revision + 1 };
      await db.initiatives.put(record);
      return record;
    });
  }

  /** New attachments must name processes of the same workspace, As-Is first; pairs kept from before are not re-checked. */
  private async checkAttachments(initiative: Initiative, before: Initiative['attachments'] = []): Promise<void> {
    const known = new Set(before.map((a) => `${a.asIsProcessId}|${a.toBeProcessId ?? ''}`));
    const seen = new Set<string>();
    for (const a of initiative.attachments) {
      if (seen.has(a.asIsProcessId))
        throw new InvalidInitiativeInputError(`取組「${initiative.title}」に同じ As-Is (id: ${a.asIsProcessId}) が2回添付されています。`);
      seen.add(a.asIsProcessId);
      if (known.has(`${a.asIsProcessId}|${a.toBeProcessId ?? ''}`)) continue;
      await this.checkProcess(initiative, a.asIsProcessId, 'as-is');
      if (a.toBeProcessId !== undefined) await this.checkProcess(initiative, a.toBeProcessId, 'to-be');
    }
  }

  private async checkProcess(initiative: Initiative, processId: string, kind: 'as-is' | 'to-be'): Promise<void> {
    const row = await this.db.processes.get(processId);
    const label = kind === 'as-is' ? 'As-Is' : 'To-Be';
    if (!row) throw new InvalidInitiativeInputError(`取組「${initiative.title}」に添付する${label}のプロセス (id: ${processId}) が見つかりません。`);
    let process;
    try {
      process = readProcessRecord(row);
    } catch (err) {
      if (err instanceof InvalidRecordError)
        throw new InvalidInitiativeInputError(`取組「${initiative.title}」に添付するプロセスを読み込めません: ${err.message}`);
      throw err;
    }
    if (process.workspaceId !== initiative.workspaceId)
      throw new InvalidInitiativeInputError(`プロセス「${process.name}」(id: ${process.id}) は別のワークスペースのものです。`);
    if (process.kind !== kind)
      throw new InvalidInitiativeInputError(
        `プロセス「${process.name}」(id: ${process.id}) は ${process.kind === 'as-is' ? 'As-Is' : 'To-Be'} です。${label}の欄には ${label} のプロセスを指定してください。`,
      );
  }

  private write<T>(tables: Table[], scope: () => Promise<T>): Promise<T> {
    return writeTransaction(this.db, tables, scope);
  }
}
