import type { Table } from 'dexie';
import {
  parseWorkspaceFile,
  WORKSPACE_FILE_FORMAT,
  WORKSPACE_FILE_SCHEMA_VERSION,
  type FileInitiative,
  type FileInventoryRow,
  type FileProcess,
  type WorkspaceFile,
} from '../domain/exchange/workspaceFile';
import { screenWorkspaceFile, type RefusedProcess, type ScreenedWorkspaceFile } from '../domain/exchange/screenWorkspaceFile';
import type { BprDatabase, StoredRow } from './db';
import { newRecordId } from './ids';
import { readInitiativeRow, UnreadableInitiativeError } from './initiativeRepository';
import { writeTransaction } from './quota';
import { checkForWrite, parseStoredVersion, readProcessRecord, readWorkspaceRecord, SCHEMA_VERSIONS, type StoredProcess } from './records';
import { initiativeSeedMarkerKey, inventorySeedMarkerKey, seedMarkerKey } from './seed';
import { readInventoryRow, UnreadableInventoryError } from './inventoryRepository';
import { inventoryKey } from '../domain/inventory/record';
import { InvalidProcessInputError, InvalidRecordError, type WorkspaceInfo } from './types';

/**
 * Export and import of a whole workspace as one JSON file (format in src/domain/exchange/workspaceFile.ts).
 * Import never overwrites silently: into a workspace that already holds processes or 取組 the caller
 * must choose `merge` (keep both) or `replace` (everything replaced). Each import is one IndexedDB
 * transaction, and the file is fully validated before it starts, so a bad file changes nothing.
 */

const ACTIVE_WORKSPACE_KEY = 'activeWorkspaceId';
/** Meta keys that describe this database rather than the workspace; never exported. */
const isLocalMetaKey = (key: string) => key === ACTIVE_WORKSPACE_KEY || /^seeded(-[a-z]+)?:/.test(key);

export interface ExportResult {
  file: WorkspaceFile;
  /** Records left out because they cannot be read (the message names each); the export itself succeeds. */
  unreadable: string[];
}

export async function exportWorkspace(db: BprDatabase, workspaceId: string, now: () => Date = () => new Date()): Promise<ExportResult> {
  return db.transaction('r', [db.workspaces, db.processes, db.versions, db.initiatives, db.inventory, db.meta], async () => {
    const wsRow = await db.workspaces.get(workspaceId);
    if (!wsRow) throw new InvalidProcessInputError(`ワークスペース (id: ${workspaceId}) が見つかりません。`);
    const workspace = readWorkspaceRecord(wsRow);
    const unreadable: string[] = [];
    const processes: FileProcess[] = [];
    for (const row of await db.processes.where('workspaceId').equals(workspaceId).toArray()) {
      try {
        const { workspaceId: _w, ...p } = readProcessRecord(row);
        const versions = (await db.versions.where('processId').equals(p.id).toArray())
          .flatMap((v) => {
            try {
              const { schemaVersion: _s, processId: _p, ...rest } = parseStoredVersion(v);
              return [rest];
            } catch (err) {
              if (err instanceof InvalidRecordError) unreadable.push(err.message);
              else throw err;
              return [];
            }
          })
          .sort((a, b) => a.seq - b.seq || a.createdAt.localeCompare(b.createdAt));
        processes.push({ ...p, versions });
      } catch (err) {
        if (err instanceof InvalidRecordError) unreadable.push(err.message);
        else throw err;
      }
    }
    const initiatives: FileInitiative[] = [];
    for (const row of await db.initiatives.where('workspaceId').equals(workspaceId).toArray()) {
      try {
        initiatives.push(readInitiativeRow(row));
      } catch (err) {
        if (err instanceof UnreadableInitiativeError) unreadable.push(err.message);
        else throw err;
      }
    }
    const inventory: FileInventoryRow[] = [];
    for (const row of await db.inventory.where('workspaceId').equals(workspaceId).toArray()) {
      try {
        const { workspaceId: _w, ...r } = readInventoryRow(row);
        inventory.push(r);
      } catch (err) {
        if (err instanceof UnreadableInventoryError) unreadable.push(err.message);
        else throw err;
      }
    }
    const settings: Record<string, unknown> = {};
    for (const m of await db.meta.toArray()) if (!isLocalMetaKey(m.key)) settings[m.key] = m.value;
    processes.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    initiatives.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    const file: WorkspaceFile = {
      format: WORKSPACE_FILE_FORMAT,
      schemaVersion: WORKSPACE_FILE_SCHEMA_VERSION,
      exportedAt: now().toISOString(),
      workspace,
      processes,
      initiatives,
      inventory,
      settings,
    };
    return { file, unreadable };
  });
}

export type ImportMode = 'merge' | 'replace';

export interface ImportTargetSummary {
  processes: number;
  initiatives: number;
  empty: boolean;
}

/** What the target holds; the UI asks merge-or-replace when it is not empty. */
export async function describeImportTarget(db: BprDatabase, workspaceId: string): Promise<ImportTargetSummary> {
  const processes = await db.processes.where('workspaceId').equals(workspaceId).count();
  const initiatives = await db.initiatives.where('workspaceId').equals(workspaceId).count();
  return { processes, initiatives, empty: processes + initiatives === 0 };
}

export class ImportModeRequiredError extends Error {
  constructor(readonly target: ImportTargetSummary) {
    super(
      `取り込み先のワークスペースにはプロセス ${target.processes} 件と取組 ${target.initiatives} 件があります。「統合（両方残す）」か「置き換え」を選んでください。`,
    );
    this.name = 'ImportModeRequiredError';
  }
}

export interface ImportWorkspaceOptions {
  /** Required when the target workspace is not empty; an empty target is replaced. */
  mode?: ImportMode;
  /** The file as screenWorkspaceFile already read it (the dialog did, to list what is refused): not read twice. */
  screened?: ScreenedWorkspaceFile;
  now?: () => Date;
  newId?: () => string;
}

export interface WorkspaceImportResult {
  mode: ImportMode;
  workspace: WorkspaceInfo;
  processesCreated: number;
  /** Same id and same content as a process already there: not duplicated. */
  processesIdentical: number;
  initiativesCreated: number;
  initiativesIdentical: number;
  /** Ids in the file that were already taken → the ids given instead. */
  renamedIds: Record<string, string>;
  /** Things the user should know (links that could not be kept, …), in Japanese. */
  notes: string[];
  /** Processes whose diagram the .bpmn reader refused: left out, each with the reader's error. */
  refusedProcesses: RefusedProcess[];
}

const sameProcess = (a: StoredProcess, b: FileProcess) => a.name === b.name && a.department === b.department && a.kind === b.kind && a.xml === b.xml;

function comparableInitiative(i: FileInitiative): string {
  const { revision: _r, updatedAt: _u, workspaceId: _w, ...rest } = i;
  return JSON.stringify(rest);
}

/**
 * Imports a workspace file into `targetWorkspaceId`. Throws WorkspaceFileError (invalid file),
 * ImportModeRequiredError (non-empty target, no mode) or a store error; in every case nothing changed.
 */
export async function importWorkspaceFile(
  db: BprDatabase,
  targetWorkspaceId: string,
  input: string | Uint8Array | WorkspaceFile,
  options: ImportWorkspaceOptions = {},
): Promise<WorkspaceImportResult> {
  // Read outside the transaction: IndexedDB ends a transaction that waits on other work.
  const screened =
    options.screened ??
    (await screenWorkspaceFile(
      typeof input === 'string' || input instanceof Uint8Array ? parseWorkspaceFile(input) : parseWorkspaceFile(JSON.stringify(input)),
    ));
  const { file } = screened;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? newRecordId;
  const tables: Table[] = [db.workspaces, db.processes, db.versions, db.initiatives, db.inventory, db.meta];
  const result = await writeTransaction(db, tables, async () => {
    if (!(await db.workspaces.get(targetWorkspaceId)))
      throw new InvalidProcessInputError(`取り込み先のワークスペース (id: ${targetWorkspaceId}) が見つかりません。`);
    const target = await describeImportTarget(db, targetWorkspaceId);
    const mode = options.mode ?? (target.empty ? 'replace' : undefined);
    if (!mode) throw new ImportModeRequiredError(target);
    return mode === 'replace' ? replaceInto(db, targetWorkspaceId, file, newId, now) : mergeInto(db, targetWorkspaceId, file, newId);
  });
  const notes = [...result.notes];
  if (screened.unlinkedScenarios.length)
    notes.push(`As-Is を読み込めなかったため、${screened.unlinkedScenarios.map((n) => `「${n}」`).join('')}は対応先のない To-Be として取り込みました。`);
  if (screened.loosenedInitiatives.length)
    notes.push(`${screened.loosenedInitiatives.map((n) => `取組「${n}」`).join('、')}から、読み込めなかったプロセスへの紐付けを外しました。`);
  return { ...result, refusedProcesses: screened.refused, notes };
}

interface IdPlan {
  renamed: Record<string, string>;
  /** Takes `id` unless it is already used in the database (outside `freed`), else a new one. */
  take(id: string, table: Table<StoredRow, string>): Promise<string>;
}

function idPlan(newId: () => string, freed: Set<string>): IdPlan {
  const renamed: Record<string, string> = {};
  return {
    renamed,
    async take(id, table) {
      if (freed.has(id) || !(await table.get(id))) return id;
      const fresh = newId();
      renamed[id] = fresh;
      return fresh;
    },
  };
}

async function writeProcessWithVersions(
  db: BprDatabase,
  p: FileProcess,
  id: string,
  workspaceId: string,
  linked: string | undefined,
  plan: IdPlan,
  freed: Set<string>,
) {
  const { versions, linkedProcessId: _l, ...rest } = p;
  const record = checkForWrite('process', {
    ...rest,
    schemaVersion: SCHEMA_VERSIONS.process,
    id,
    workspaceId,
    ...(linked !== undefined ? { linkedProcessId: linked } : {}),
  });
  await db.processes.put(record);
  for (const [i, v] of versions.entries()) {
    const vid = freed.has(v.id) ? v.id : await plan.take(v.id, db.versions);
    await db.versions.put(checkForWrite('version', { ...v, schemaVersion: SCHEMA_VERSIONS.version, id: vid, processId: id, seq: v.seq ?? i + 1 }));
  }
}

async function replaceInto(db: BprDatabase, targetId: string, file: WorkspaceFile, newId: () => string, now: () => Date): Promise<WorkspaceImportResult> {
  // Everything of the target goes; its ids may be reused by the file's records.
  const oldProcessIds = (await db.processes.where('workspaceId').equals(targetId).primaryKeys()) as string[];
  const oldVersionIds = (await db.versions.where('processId').anyOf(oldProcessIds).primaryKeys()) as string[];
  const oldInitiativeIds = (await db.initiatives.where('workspaceId').equals(targetId).primaryKeys()) as string[];
  const freed = new Set<string>([targetId, ...oldProcessIds, ...oldVersionIds, ...oldInitiativeIds]);
  await db.versions.bulkDelete(oldVersionIds);
  await db.processes.bulkDelete(oldProcessIds);
  await db.initiatives.bulkDelete(oldInitiativeIds);
  const oldInventoryIds = (await db.inventory.where('workspaceId').equals(targetId).primaryKeys()) as string[];
  await db.inventory.bulkDelete(oldInventoryIds);
  for (const id of oldInventoryIds) freed.add(id);
  await db.workspaces.delete(targetId);

  const plan = idPlan(newId, freed);
  const workspaceId = await plan.take(file.workspace.id, db.workspaces);
  const workspace = checkForWrite('workspace', { ...file.workspace, schemaVersion: SCHEMA_VERSIONS.workspace, id: workspaceId });
  await db.workspaces.put(workspace);
  const processIds = new Map<string, string>();
  for (const p of file.processes) processIds.set(p.id, await plan.take(p.id, db.processes));
  for (const p of file.processes)
    await writeProcessWithVersions(db, p, processIds.get(p.id)!, workspaceId, p.linkedProcessId && processIds.get(p.linkedProcessId), plan, freed);
  const initiativeIds = new Map<string, string>();
  for (const init of file.initiatives) {
    const id = await plan.take(init.id, db.initiatives);
    initiativeIds.set(init.id, id);
    await db.initiatives.put(remapInitiative(init, id, workspaceId, processIds));
  }
  for (const row of file.inventory) await db.inventory.put(remapInventory(row, await plan.take(row.id, db.inventory), workspaceId, processIds, initiativeIds));
  for (const [key, value] of Object.entries(file.settings)) await db.meta.put({ key, value });
  await db.meta.put({ key: ACTIVE_WORKSPACE_KEY, value: workspaceId });
  // An imported workspace is the user's own data; the samples must not be added to it on next start.
  const marker = { at: now().toISOString(), importedFile: true };
  for (const key of [seedMarkerKey(workspaceId), initiativeSeedMarkerKey(workspaceId), inventorySeedMarkerKey(workspaceId)])
    await db.meta.put({ key, value: marker });
  return {
    mode: 'replace',
    workspace: readWorkspaceRecord(workspace),
    processesCreated: file.processes.length,
    processesIdentical: 0,
    initiativesCreated: file.initiatives.length,
    initiativesIdentical: 0,
    renamedIds: plan.renamed,
    notes: [],
    refusedProcesses: [],
  };
}

/** A 業務 in its new workspace, its links following the processes and 取組 that were renamed (links to anything not in the file go). */
function remapInventory(
  row: FileInventoryRow,
  id: string,
  workspaceId: string,
  processIds: Map<string, string>,
  initiativeIds: Map<string, string>,
): StoredRow {
  return {
    ...row,
    id,
    workspaceId,
    processIds: row.processIds.flatMap((p) => (processIds.has(p) ? [processIds.get(p)!] : [])),
    initiativeIds: row.initiativeIds.flatMap((i) => (initiativeIds.has(i) ? [initiativeIds.get(i)!] : [])),
  } as unknown as StoredRow;
}

function remapInitiative(init: FileInitiative, id: string, workspaceId: string, processIds: Map<string, string>): FileInitiative {
  const map = (pid: string) => processIds.get(pid) ?? pid;
  return {
    ...init,
    id,
    workspaceId,
    attachments: init.attachments.map((a) => ({
      asIsProcessId: map(a.asIsProcessId),
      ...(a.toBeProcessId !== undefined ? { toBeProcessId: map(a.toBeProcessId) } : {}),
    })),
  };
}

async function mergeInto(db: BprDatabase, targetId: string, file: WorkspaceFile, newId: () => string): Promise<WorkspaceImportResult> {
  const plan = idPlan(newId, new Set());
  const notes: string[] = [];
  const processIds = new Map<string, string>();
  const identical = new Set<string>();
  for (const p of file.processes) {
    const row = await db.processes.get(p.id);
    if (row) {
      let existing: StoredProcess | undefined;
      try {
        existing = { ...readProcessRecord(row), schemaVersion: SCHEMA_VERSIONS.process };
      } catch (err) {
        if (!(err instanceof InvalidRecordError)) throw err;
      }
      if (existing && existing.workspaceId === targetId && sameProcess(existing, p)) {
        identical.add(p.id);
        processIds.set(p.id, p.id);
        continue;
      }
    }
    processIds.set(p.id, await plan.take(p.id, db.processes));
  }
  for (const p of file.processes) {
    if (identical.has(p.id)) continue;
    // Only a To-Be carries a link, so a scenario joins its As-Is even when that As-Is was already here
    // unchanged: the As-Is record is not written.
    const linked = p.linkedProcessId !== undefined ? processIds.get(p.linkedProcessId) : undefined;
    await writeProcessWithVersions(db, p, processIds.get(p.id)!, targetId, linked, plan, new Set());
  }
  let initiativesIdentical = 0;
  for (const init of file.initiatives) {
    const row = await db.initiatives.get(init.id);
    if (row) {
      let existing: FileInitiative | undefined;
      try {
        existing = readInitiativeRow(row);
      } catch (err) {
        if (!(err instanceof UnreadableInitiativeError)) throw err;
      }
      const remapped = remapInitiative(init, init.id, targetId, processIds);
      if (existing && existing.workspaceId === targetId && comparableInitiative(existing) === comparableInitiative(remapped)) {
        initiativesIdentical++;
        continue;
      }
    }
    const id = await plan.take(init.id, db.initiatives);
    await db.initiatives.put(remapInitiative(init, id, targetId, processIds));
  }
  // A 業務 already here (same 整理番号, or 課 + 業務名, as a re-import matches) stays as it is; the others
  // come in, a taken id getting a new one.
  const initiativeIds = new Map(file.initiatives.map((i) => [i.id, plan.renamed[i.id] ?? i.id]));
  const here = new Set<string>();
  for (const row of await db.inventory.where('workspaceId').equals(targetId).toArray()) {
    try {
      here.add(inventoryKey(readInventoryRow(row)));
    } catch (err) {
      if (!(err instanceof UnreadableInventoryError)) throw err;
    }
  }
  for (const row of file.inventory) {
    if (here.has(inventoryKey(row))) continue;
    await db.inventory.put(remapInventory(row, await plan.take(row.id, db.inventory), targetId, processIds, initiativeIds));
  }
  for (const [key, value] of Object.entries(file.settings)) if (!(await db.meta.get(key))) await db.meta.put({ key, value });
  const renamedProcesses = file.processes.filter((p) => plan.renamed[p.id]);
  if (renamedProcesses.length)
    notes.push(
      `同じIDで内容の異なるプロセスが既にあったため、${renamedProcesses.map((p) => `「${p.name}」`).join('')}は別のプロセスとして取り込みました（両方残っています）。`,
    );
  const workspace = readWorkspaceRecord(await db.workspaces.get(targetId));
  return {
    mode: 'merge',
    workspace,
    processesCreated: file.processes.length - identical.size,
    processesIdentical: identical.size,
    initiativesCreated: file.initiatives.length - initiativesIdentical,
    initiativesIdentical,
    renamedIds: plan.renamed,
    notes,
    refusedProcesses: [],
  };
}

/** Convenience for the UI: export → JSON text. */
export async function exportWorkspaceJson(db: BprDatabase, workspaceId: string, now?: () => Date): Promise<{ json: string; unreadable: string[] }> {
  const { file, unreadable } = await exportWorkspace(db, workspaceId, now);
  return { json: `${JSON.stringify(file, null, 2)}\n`, unreadable };
}
