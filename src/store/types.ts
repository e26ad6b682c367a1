/**
 * The workspace store as the UI sees it. Dexie lives behind this interface (src/store/dexieWorkspaceRepository.ts);
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
  /**
   * On a To-Be: the As-Is it is a scenario of. An As-Is has any number of To-Be scenarios and records
   * none of them itself (process schema v2; v1 kept a one-to-one link on both sides).
   */
  linkedProcessId?: string;
  /** On a To-Be: the scenario's short name (書かない窓口, RPA（…）); the process name when absent. */
  scenarioName?: string;
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
  /**
   * On a To-Be: its As-Is (the new process becomes one of its scenarios). On an As-Is: a To-Be that
   * becomes one of the new As-Is's scenarios.
   */
  linkedProcessId?: string;
  scenarioName?: string;
}

export interface ProcessPatch {
  name?: string;
  department?: string;
  kind?: ProcessKind;
  xml?: string;
  /** On a To-Be: its As-Is, or null to leave it without one. On an As-Is: a To-Be to make its scenario. */
  linkedProcessId?: string | null;
  scenarioName?: string;
}

export class ConflictError extends Error {
  constructor(
    readonly processId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`このプロセスは別のタブまたはウィンドウで更新されています（保存しようとした版 ${expected}、現在の版 ${actual}）`);
    this.name = 'ConflictError';
  }
}

export class StorageFullError extends Error {
  /** Message code for the i18n layer; the Japanese text below is its ja wording. */
  readonly code = 'store.storageFull';
  constructor() {
    super(
      'ブラウザの保存領域がいっぱいのため保存できませんでした。前回保存した内容はそのまま残っています。不要なプロセスや古い版を削除してから再度保存してください。',
    );
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
  restoreVersion(versionId: string, opts?: { expectedRevision?: number }): Promise<ProcessRecord>;
  /** Makes the To-Be a scenario of the As-Is; the As-Is's other scenarios stay. */
  linkProcesses(asIsId: string, toBeId: string): Promise<void>;
  /**
   * Renames a To-Be scenario. Like a link, the name is not what the editor guards: the revision stays,
   * so an open editor's next save is not a conflict. Refuses an empty, too long or already used name.
   */
  renameScenario(toBeId: string, scenarioName: string): Promise<ProcessRecord>;
}

// ---- Additions by the store (additive; the interface above is unchanged for existing callers) ----

export type StoredRecordType = 'workspace' | 'process' | 'version';

/**
 * A stored record that cannot be read even after migration. The record is left as it is in the
 * database (never dropped or overwritten) so nothing is lost; the message names the record.
 */
export class InvalidRecordError extends Error {
  constructor(
    message: string,
    readonly recordType: StoredRecordType,
    readonly recordId: string | undefined,
    /** One line per problem, e.g. 「種別 (kind): …」. */
    readonly problems: string[],
  ) {
    super(message);
    this.name = 'InvalidRecordError';
  }
}

export class ProcessNotFoundError extends Error {
  constructor(readonly processId: string) {
    super(`プロセス (id: ${processId}) が見つかりません。別のタブまたはウィンドウで削除された可能性があります。`);
    this.name = 'ProcessNotFoundError';
  }
}

/** Input the store refuses to write (empty name, As-Is linked to As-Is, …); the message says what and where. */
export class InvalidProcessInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidProcessInputError';
  }
}

/** The browser database could not be opened (private mode, blocked, newer schema, …). */
export class StorageUnavailableError extends Error {
  constructor(readonly detail: string) {
    super(`ブラウザのデータベースを開けませんでした（${detail}）。プライベートブラウズを解除するか、他のタブを閉じてから再読み込みしてください。`);
    this.name = 'StorageUnavailableError';
  }
}

export interface ImportedProcess {
  /** Caller's key for this item (e.g. the sample file name), used by `linkedToRef`. */
  ref: string;
  name: string;
  department: string;
  kind: ProcessKind;
  xml: string;
  /** `ref` of the partner in the same batch; whichever of the two is the To-Be becomes a scenario of the other. */
  linkedToRef?: string;
  scenarioName?: string;
}

/** What `openWorkspaceStore` returns: the repository plus calls for seeding, import and settings. */
export interface WorkspaceStore extends WorkspaceRepository {
  /** Like listProcesses, but unreadable records are reported beside the readable ones instead of thrown. */
  loadProcesses(workspaceId: string): Promise<{ processes: ProcessRecord[]; unreadable: InvalidRecordError[] }>;
  getVersion(versionId: string): Promise<VersionRecord | undefined>;
  updateWorkspace(id: string, patch: { name?: string; hoursPerFte?: number }): Promise<WorkspaceInfo>;
  /**
   * Creates all processes (each with an 'import' version) and their links in one transaction.
   * With `onceKey`, does nothing and returns null when that key was already used (seeding marker).
   */
  importProcesses(workspaceId: string, items: ImportedProcess[], opts?: { onceKey?: string }): Promise<ProcessRecord[] | null>;
  close(): void;
}
