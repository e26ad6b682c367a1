import { parseWorkspaceFile, serializeWorkspaceFile, WorkspaceFileError, workspaceFileName, type WorkspaceFile } from '../../domain/exchange/workspaceFile';
import type { DiagramError } from '../../domain/bpmn/parseDiagram';
import { screenWorkspaceFile, type RefusedProcess, type ScreenedWorkspaceFile } from '../../domain/exchange/screenWorkspaceFile';
import type { TParams } from '../../i18n/core';
import type { BprDatabase } from '../../store/db';
import { describeImportTarget, exportWorkspace } from '../../store/workspaceFile';
import type { WorkspaceInfo } from '../../store/types';

/**
 * The non-React half of ワークスペースを書き出す / 読み込む: what a file and the current workspace hold
 * (shown side by side before the user chooses 統合 or 置き換え), and the export as a named download.
 */

/** What a workspace (in a file or in the browser) holds, for the import dialog. */
export interface WorkspaceContents {
  name: string;
  processes: number;
  versions: number;
  initiatives: number;
  processNames: string[];
}

/** Whole-workspace exchange works on the database itself; the UI only holds the repository. */
export function storeDatabase(repo: unknown): BprDatabase {
  const db = (repo as { db?: unknown } | null)?.db;
  if (!db || typeof (db as BprDatabase).transaction !== 'function')
    throw new Error('この保存方式ではワークスペースの書き出し・読み込みができません（ブラウザのデータベースが使えません）。');
  return db as BprDatabase;
}

export function fileContents(file: WorkspaceFile): WorkspaceContents {
  return {
    name: file.workspace.name,
    processes: file.processes.length,
    versions: file.processes.reduce((n, p) => n + p.versions.length, 0),
    initiatives: file.initiatives.length,
    processNames: file.processes.map((p) => p.name),
  };
}

export async function currentContents(db: BprDatabase, workspace: Pick<WorkspaceInfo, 'id' | 'name'>): Promise<WorkspaceContents & { empty: boolean }> {
  const target = await describeImportTarget(db, workspace.id);
  const rows = await db.processes.where('workspaceId').equals(workspace.id).toArray();
  const ids = rows.map((r) => r.id);
  const versions = ids.length ? await db.versions.where('processId').anyOf(ids).count() : 0;
  const collator = new Intl.Collator('ja');
  return {
    name: workspace.name,
    processes: target.processes,
    versions,
    initiatives: target.initiatives,
    // A damaged record still counts and is still replaced; name it by its id.
    processNames: rows.map((r) => (typeof r.name === 'string' && r.name.trim() ? r.name : `id: ${r.id}`)).sort(collator.compare),
    empty: target.empty,
  };
}

/** 「A」「B」「C」 and, past `max`, 「…ほか N 件」 so a long list still fits a dialog line. */
export function quotedNames(names: readonly string[], max = 8, more: (rest: number) => string = (rest) => `ほか ${rest} 件`): string {
  const shown = names
    .slice(0, max)
    .map((n) => `「${n}」`)
    .join('');
  return names.length > max ? `${shown}${more(names.length - max)}` : shown;
}

export type ReadWorkspaceFileResult =
  { ok: true; file: WorkspaceFile; refused: RefusedProcess[]; screened: ScreenedWorkspaceFile } | { ok: false; problems: string[] };

/** The reader's reason in the user's language where it has a message code (the limits), else its Japanese sentence. */
export function refusalReason(error: DiagramError, t: (key: string, params?: TParams) => string): string {
  return error.messageCode ? t(`diagramFile.${error.messageCode}`, error.params) : error.message;
}

/** Parses the picked file before anything changes; every problem comes back in Japanese. */
export async function readWorkspaceFileUpload(
  file: Blob & { name?: string },
  onProgress?: (done: number, total: number) => void,
): Promise<ReadWorkspaceFileResult> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return { ok: false, problems: [`ファイル「${file.name ?? ''}」を読み込めませんでした（${(error as Error).message}）`] };
  }
  try {
    const file = parseWorkspaceFile(bytes);
    // Shown before the user chooses, so nobody replaces a workspace expecting processes that will not come.
    const screened = await screenWorkspaceFile(file, onProgress);
    return { ok: true, file, refused: screened.refused, screened };
  } catch (error) {
    if (error instanceof WorkspaceFileError) return { ok: false, problems: error.problems };
    throw error;
  }
}

export interface WorkspaceExport {
  fileName: string;
  json: string;
  processes: number;
  /** Records left out because they cannot be read (Japanese, one per record). */
  unreadable: string[];
}

/** The workspace as the JSON text of one file and the name it is saved under (e.g. bpr-studio_市民課_2025-04-01.json). */
export async function exportWorkspaceFile(db: BprDatabase, workspaceId: string, now: Date = new Date()): Promise<WorkspaceExport> {
  const { file, unreadable } = await exportWorkspace(db, workspaceId, () => now);
  return { fileName: workspaceFileName(file), json: serializeWorkspaceFile(file), processes: file.processes.length, unreadable };
}
