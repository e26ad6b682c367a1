/**
 * The workspace store as the UI sees it. Dexie lives behind this interface (src/store/dexie/…);
 * every record read from Dexie or a file is parsed with its zod schema and migrated up first.
 */
export type ProcessKind = 'as-is' | 'to-be';
export type VersionReason = 'save' | 'autosave' | 'restore' | 'import' | 'create';

export interface WorkspaceInfo {
  id: string;
  name: string;
  hoursPerFte: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProcessRecord {
  id: string;
  workspaceId: string;
  name: string;
  /** 担当課, e.g. 市民課 */
  department: string;
  kind: ProcessKind;
  /** The As-Is of a To-Be, or the To-Be of an As-Is. Kept symmetric by the repository. */
  linkedProcessId?: string;
  xml: string;
  createdAt: string;
  updatedAt: string;
  /** Increases on every write; a save that names an older revision is a conflict. */
  revision: number;
}

export interface VersionRecord {
  id: string;
  processId: string;
  xml: string;
  name: string;
  reason: VersionReason;
  createdAt: string;
  /** Revision of the process this snapshot was taken from. */
  revision: number;
}

export interface NewProcess {
  name: string;
  department: string;
  kind: ProcessKind;
  xml: string;
  linkedProcessId?: string;
}

export interface ProcessPatch {
  name?: string;
  department?: string;
  kind?: ProcessKind;
  xml?: string;
  linkedProcessId?: string | null;
}

export class ConflictError extends Error {
  constructor(readonly processId: string, readonly expected: number, readonly actual: number) {
    super(`このプロセスは別のタブまたはウィンドウで更新されています（保存しようとした版 ${expected}、現在の版 ${actual}）`);
    this.name = 'ConflictError';
  }
}

export class StorageFullError extends Error {
  constructor() {
    super('ブラウザの保存領域がいっぱいのため保存できませんでした。前回保存した内容はそのまま残っています。不要なプロセスや古い版を削除してから再度保存してください。');
    this.name = 'StorageFullError';
  }
}

export interface WorkspaceRepository {
  /** The workspace, created (and seeded by the caller) on first start. */
  getOrCreateWorkspace(): Promise<{ workspace: WorkspaceInfo; created: boolean }>;
  listProcesses(workspaceId: string): Promise<ProcessRecord[]>;
  getProcess(id: string): Promise<ProcessRecord | undefined>;
  createProcess(workspaceId: string, input: NewProcess): Promise<ProcessRecord>;
  /**
   * Explicit save: writes the record and a 'save' version in one transaction.
   * With `expectedRevision`, throws ConflictError when the stored revision differs.
   */
  saveProcess(id: string, patch: ProcessPatch, opts?: { expectedRevision?: number; reason?: VersionReason }): Promise<ProcessRecord>;
  /** Autosave while editing: updates the record; adds an 'autosave' version at most once a minute. */
  autosaveProcess(id: string, xml: string, opts?: { expectedRevision?: number }): Promise<ProcessRecord>;
  duplicateProcess(id: string, newName?: string): Promise<ProcessRecord>;
  deleteProcess(id: string): Promise<void>;
  /** Newest first. */
  listVersions(processId: string): Promise<VersionRecord[]>;
  /** Makes the version's XML current; the replaced XML is kept as a version too. */
  restoreVersion(versionId: string): Promise<ProcessRecord>;
  linkProcesses(asIsId: string, toBeId: string): Promise<void>;
}
