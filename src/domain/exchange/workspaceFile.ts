import { z } from 'zod';
import { parseInitiative, RecordError, type Initiative } from '../model/initiative';
import { RECORD_MIGRATIONS } from '../model/recordMigrations';
import { migrateUp, type Migration } from '../model/recordVersion';
import { readVersioned } from '../model/recordMigrations';
import { inventoryRecordSchema } from '../inventory/record';
import { RECORD_FIELD_LABELS } from '../model/fieldLabels';
import { exportFileName } from './fileName';
import { scenarioNameFromProcessName } from '../model/scenario';
import { notLinkedToItself, processFields, recordTimestamp, versionFields, workspaceFields } from '../model/recordFields';

/**
 * The workspace as ONE JSON file (backup, hand-over to another PC or another 課). Pure: the store
 * (src/store/workspaceFile.ts) reads and writes Dexie; this file only knows the format.
 *
 * Versions of the format:
 *   v0 (pre-release): no `schemaVersion`, `exportedAt` as epoch milliseconds, each process's snapshots
 *       under `history`, no 取組 and no settings.
 *   v1: As-Is and To-Be linked one-to-one, the link written on both sides.
 *   v2 (scenarios): as below; only a To-Be names its As-Is (`linkedProcessId`) and carries a
 *       `scenarioName`, and an As-Is may have many To-Be scenarios. A v1 file reads the same way: the
 *       As-Is's copy of a link makes that To-Be its scenario. An older app refuses a v2 file as newer
 *       instead of reporting its one-sided links.
 * A file is migrated up step by step, then validated; a file from a newer app is refused.
 */
export const WORKSPACE_FILE_FORMAT = 'bpr-studio-workspace';
export const WORKSPACE_FILE_SCHEMA_VERSION = 3;
/** Anything bigger is not a workspace a person made by hand; refuse before parsing. */
export const MAX_WORKSPACE_FILE_BYTES = 200 * 1024 * 1024;

const timestamp = recordTimestamp;

export const fileWorkspaceSchema = z.object(workspaceFields);

export const fileVersionSchema = z.object({ ...versionFields, seq: z.number().int().min(0).optional() });

export const fileProcessSchema = z
  .object({
    ...processFields,
    xml: z.string().min(1, 'BPMNが空です'),
    versions: z.array(fileVersionSchema).default([]),
  })
  .refine(...notLinkedToItself);

export type FileWorkspace = z.infer<typeof fileWorkspaceSchema>;
export type FileProcess = z.infer<typeof fileProcessSchema>;
export type FileVersion = z.infer<typeof fileVersionSchema>;
export type FileInitiative = Initiative & { revision: number };
/** A 業務 of the inventory as the file carries it: the stored record without its workspace. */
const fileInventoryRowSchema = inventoryRecordSchema.omit({ workspaceId: true });
export type FileInventoryRow = z.infer<typeof fileInventoryRowSchema>;

export interface WorkspaceFile {
  format: typeof WORKSPACE_FILE_FORMAT;
  schemaVersion: typeof WORKSPACE_FILE_SCHEMA_VERSION;
  exportedAt: string;
  workspace: FileWorkspace;
  processes: FileProcess[];
  initiatives: FileInitiative[];
  /** 業務の全体像 (from v3; older files have none). */
  inventory: FileInventoryRow[];
  /** App settings kept with the workspace (key → JSON value). */
  settings: Record<string, unknown>;
}

const envelopeSchema = z.object({
  format: z.literal(WORKSPACE_FILE_FORMAT),
  schemaVersion: z.literal(WORKSPACE_FILE_SCHEMA_VERSION),
  exportedAt: timestamp,
  workspace: fileWorkspaceSchema,
  processes: z.array(z.unknown()),
  initiatives: z.array(z.unknown()),
  inventory: z.array(z.unknown()),
  settings: z.record(z.string(), z.unknown()),
});

export class WorkspaceFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`ワークスペースファイルを読み込めません（変更は行っていません）: ${problems.join('、')}`);
    this.name = 'WorkspaceFileError';
  }
}

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const isoFromEpoch = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? new Date(v).toISOString() : v);

/** The record's own first migration step, without the store's `schemaVersion` (file entries carry none). */
const recordV0toV1 = (kind: 'process' | 'version', r: Loose): Loose => {
  const { schemaVersion: _v, seq, ...migrated } = RECORD_MIGRATIONS[kind][0](r);
  // The store numbers a file's snapshots in file order when none is given; keep that rather than the step's 0.
  return r.seq === undefined ? migrated : { ...migrated, seq };
};

const v0ToV1 = (f: Loose): Loose => ({
  ...f,
  schemaVersion: 1,
  exportedAt: isoFromEpoch(f.exportedAt),
  processes: Array.isArray(f.processes)
    ? f.processes.map((p) => {
        if (!isObject(p)) return p;
        // A v0 file holds v0 records: each goes through the store's own v0 → v1 step (asIs → kind,
        // epoch → ISO, …), so a record reads the same whether it comes from Dexie or from a file.
        const { history, ...rest } = recordV0toV1('process', p);
        const versions = rest.versions ?? history ?? [];
        return { ...rest, versions: Array.isArray(versions) ? versions.map((v) => (isObject(v) ? recordV0toV1('version', v) : v)) : versions };
      })
    : f.processes,
  initiatives: f.initiatives ?? [],
  settings: f.settings ?? {},
});

// The links are normalised after validation (parseWorkspaceFile), where the partner of each link is known.
const v1ToV2 = (f: Loose): Loose => ({ ...f, schemaVersion: 2 });
// v3 carries the 業務の全体像 inventory; a file written before it has none.
const v2ToV3 = (f: Loose): Loose => ({ ...f, schemaVersion: 3, inventory: f.inventory ?? [] });

/** FILE_MIGRATIONS[n] turns a version-n file into version n+1. */
export const FILE_MIGRATIONS: readonly Migration[] = [v0ToV1, v1ToV2, v2ToV3];
if (FILE_MIGRATIONS.length !== WORKSPACE_FILE_SCHEMA_VERSION) throw new Error('workspace file: migrations and schema version disagree');

const japaneseIssues = z.locales.ja().localeError;

const FIELD_LABELS: Record<string, string> = {
  format: '形式 (format)',
  schemaVersion: 'データ形式の版 (schemaVersion)',
  exportedAt: '書き出し日時 (exportedAt)',
  workspace: 'ワークスペース',
  processes: 'プロセス一覧',
  initiatives: '取組一覧',
  settings: '設定',
  versions: '版の履歴',
  ...RECORD_FIELD_LABELS,
};
const describePath = (path: readonly PropertyKey[]) =>
  path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : (FIELD_LABELS[String(p)] ?? String(p)))).join(' ');

function text(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  if (input.length > MAX_WORKSPACE_FILE_BYTES)
    throw new WorkspaceFileError([`ファイルが大きすぎます（${Math.round(input.length / 1024 / 1024)} MB、上限 ${MAX_WORKSPACE_FILE_BYTES / 1024 / 1024} MB）`]);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input).replace(/^\uFEFF/, '');
  } catch {
    throw new WorkspaceFileError(['UTF-8 のテキストではありません（BPR Studio のワークスペースファイルではない可能性があります）']);
  }
}

/**
 * Text or bytes → a validated, migrated workspace file. Every problem found is listed (Japanese,
 * naming the process or 取組 by name); nothing partial is returned.
 */
export function parseWorkspaceFile(input: string | Uint8Array): WorkspaceFile {
  const source = text(input);
  if (source.length > MAX_WORKSPACE_FILE_BYTES) throw new WorkspaceFileError([`ファイルが大きすぎます（上限 ${MAX_WORKSPACE_FILE_BYTES / 1024 / 1024} MB）`]);
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (err) {
    throw new WorkspaceFileError([`JSON として読み取れません（${err instanceof Error ? err.message : String(err)}）`]);
  }
  if (!isObject(raw)) throw new WorkspaceFileError(['ファイルの中身がオブジェクトではありません']);
  if (raw.format !== WORKSPACE_FILE_FORMAT)
    throw new WorkspaceFileError([
      `BPR Studio のワークスペースファイルではありません（format が ${JSON.stringify(raw.format ?? null)}、期待値 "${WORKSPACE_FILE_FORMAT}"）`,
    ]);
  const declared = raw.schemaVersion ?? 0;
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 0)
    throw new WorkspaceFileError([`データ形式の版 (schemaVersion) が不正です: ${JSON.stringify(raw.schemaVersion)}`]);
  if (declared > WORKSPACE_FILE_SCHEMA_VERSION)
    throw new WorkspaceFileError([
      `新しい版の BPR Studio で書き出されたファイルです（形式 v${declared}、このアプリが読めるのは v${WORKSPACE_FILE_SCHEMA_VERSION} まで）。アプリを更新してから読み込んでください`,
    ]);
  // The same runner as every stored record (domain/model/recordVersion.ts).
  const migrated = migrateUp(FILE_MIGRATIONS, raw);
  if (!migrated.ok) throw new WorkspaceFileError([migrated.problem]);
  const file: Loose = migrated.record;

  const problems: string[] = [];
  const env = envelopeSchema.safeParse(file, { error: japaneseIssues });
  if (!env.success) throw new WorkspaceFileError(env.error.issues.map((i) => `${describePath(i.path)}: ${i.message}`));

  const processes: FileProcess[] = [];
  env.data.processes.forEach((p, i) => {
    const parsed = fileProcessSchema.safeParse(p, { error: japaneseIssues });
    const label = `プロセス${i + 1}件目${isObject(p) && typeof p.name === 'string' ? `「${p.name}」` : ''}`;
    if (parsed.success) processes.push(parsed.data);
    else for (const issue of parsed.error.issues) problems.push(`${label}の${describePath(issue.path) || '全体'}: ${issue.message}`);
  });
  const initiatives: FileInitiative[] = [];
  env.data.initiatives.forEach((raw, i) => {
    try {
      const rev = isObject(raw) ? raw.revision : undefined;
      initiatives.push({ ...parseInitiative(raw), revision: typeof rev === 'number' && Number.isInteger(rev) && rev >= 1 ? rev : 1 });
    } catch (err) {
      if (err instanceof RecordError) problems.push(`取組${i + 1}件目: ${err.message}`);
      else throw err;
    }
  });

  const inventory: FileInventoryRow[] = [];
  env.data.inventory.forEach((raw, i) => {
    // The file's rows are the stored record without its workspace: the same schema, that field left out.
    const read = readVersioned('inventory', raw, fileInventoryRowSchema);
    const label = `業務${i + 1}件目${isObject(raw) && typeof raw.name === 'string' ? `「${raw.name}」` : ''}`;
    if (read.ok) {
      inventory.push(read.value);
    } else problems.push(`${label}: ${read.problems.join('、')}`);
  });

  const ids = new Map<string, string>();
  const claim = (key: string, what: string) => {
    const prev = ids.get(key);
    if (prev) problems.push(`${what} の ID「${key}」が ${prev} と重複しています`);
    else ids.set(key, what);
  };
  for (const p of processes) {
    claim(p.id, `プロセス「${p.name}」`);
    for (const v of p.versions) claim(v.id, `プロセス「${p.name}」の版`);
  }
  for (const init of initiatives) claim(init.id, `取組「${init.title}」`);
  for (const row of inventory) claim(row.id, `業務「${row.name}」`);
  const byId = new Map(processes.map((p) => [p.id, p]));
  for (const p of processes) {
    if (p.linkedProcessId === undefined) continue;
    const partner = byId.get(p.linkedProcessId);
    if (!partner) problems.push(`プロセス「${p.name}」の対応先 (id: ${p.linkedProcessId}) がファイルに含まれていません`);
    else if (partner.kind === p.kind)
      problems.push(`プロセス「${p.name}」と「${partner.name}」はどちらも ${p.kind === 'as-is' ? 'As-Is' : 'To-Be'} のため対応付けできません`);
    // An older file's As-Is names its one To-Be; that To-Be must not belong to another As-Is.
    else if (p.kind === 'as-is' && partner.linkedProcessId !== undefined && partner.linkedProcessId !== p.id)
      problems.push(`プロセス「${p.name}」と「${partner.name}」の対応付けが片方向です`);
  }
  if (problems.length) throw new WorkspaceFileError(problems);
  // From here on only To-Bes carry links, each with its scenario name.
  const asIsOf = new Map<string, string>();
  for (const p of processes)
    if (p.linkedProcessId !== undefined) asIsOf.set(p.kind === 'to-be' ? p.id : p.linkedProcessId, p.kind === 'to-be' ? p.linkedProcessId : p.id);
  const scenarios = processes.map((p): FileProcess => {
    const { linkedProcessId: _l, scenarioName, ...rest } = p;
    const asIs = p.kind === 'to-be' ? asIsOf.get(p.id) : undefined;
    if (asIs === undefined) return { ...rest, ...(scenarioName !== undefined ? { scenarioName } : {}) };
    return { ...rest, linkedProcessId: asIs, scenarioName: scenarioName ?? scenarioNameFromProcessName(p.name) };
  });
  return {
    format: WORKSPACE_FILE_FORMAT,
    schemaVersion: WORKSPACE_FILE_SCHEMA_VERSION,
    exportedAt: env.data.exportedAt,
    workspace: env.data.workspace,
    processes: scenarios,
    initiatives,
    inventory,
    settings: env.data.settings,
  };
}

/** Pretty JSON so a diff of two exports is readable. */
export function serializeWorkspaceFile(file: WorkspaceFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** e.g. bpr-studio_マイワークスペース_2025-04-01.json, dated by the Japanese calendar day of the export. */
export function workspaceFileName(file: Pick<WorkspaceFile, 'workspace' | 'exportedAt'>): string {
  return exportFileName({ parts: ['bpr-studio', file.workspace.name], date: new Date(file.exportedAt), ext: 'json' });
}
