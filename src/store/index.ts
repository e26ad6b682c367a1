import { BprDatabase, type BprDatabaseOptions } from './db';
import { DexieWorkspaceRepository } from './dexieWorkspaceRepository';
import { installTestHooks } from './testHooks';
import { StorageUnavailableError, type WorkspaceStore } from './types';

export interface OpenWorkspaceStoreOptions extends BprDatabaseOptions {
  now?: () => Date;
}

/**
 * Opens the workspace database (the browser's IndexedDB unless one is injected) and returns the
 * repository the UI works through. Opening up front turns "IndexedDB unavailable" into one clear
 * Japanese error at start instead of a failure on the first save.
 */
export async function openWorkspaceStore(options: OpenWorkspaceStoreOptions = {}): Promise<WorkspaceStore> {
  const { now, ...dbOptions } = options;
  const db = new BprDatabase(dbOptions);
  // exchange: inert unless a browser test defined globalThis.__BPR_TEST_HOOKS__ before load (see testHooks.ts).
  installTestHooks(db);
  // end exchange
  try {
    await db.open();
  } catch (err) {
    const e = err as { name?: string; message?: string };
    throw new StorageUnavailableError(`${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`);
  }
  return new DexieWorkspaceRepository({ db, ...(now ? { now } : {}) });
}

export * from './types';
export { BprDatabase, DB_NAME, type BprDatabaseOptions } from './db';
export { DexieWorkspaceRepository, AUTOSAVE_INTERVAL_MS, MAX_AUTOSAVES_PER_PROCESS, DEFAULT_WORKSPACE_NAME } from './dexieWorkspaceRepository';
export { seedWorkspace, seedMarkerKey, type SampleProcess } from './seed';
export {
  readWorkspaceRecord,
  readProcessRecord,
  readVersionRecord,
  workspaceRecordSchema,
  processRecordSchema,
  versionRecordSchema,
  PROCESS_KINDS,
  VERSION_REASONS,
} from './records';
export { MIGRATIONS, migrateRecord, currentSchemaVersion, UNASSIGNED_DEPARTMENT } from './migrations';
export { isQuotaExceeded } from './quota';
export {
  InitiativeRepository,
  InitiativeConflictError,
  InitiativeNotFoundError,
  InvalidInitiativeInputError,
  UnreadableInitiativeError,
  readInitiativeRow,
  type InitiativeRecord,
  type NewInitiative,
  type InitiativePatch,
  type Attachment,
} from './initiativeRepository';
export {
  exportWorkspace,
  exportWorkspaceJson,
  importWorkspaceFile,
  describeImportTarget,
  ImportModeRequiredError,
  type ImportMode,
  type ImportWorkspaceOptions,
  type WorkspaceImportResult,
  type ExportResult,
} from './workspaceFile';
// compare: latest As-Is/To-Be comparison per pair
export {
  ComparisonRepository,
  comparisonRepositoryOf,
  comparisonRecordSchema,
  readComparisonRow,
  type ComparisonRecord,
  type ComparisonInputOptions,
} from './comparisonRepository';
// end compare
