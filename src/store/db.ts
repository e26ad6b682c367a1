import Dexie, { type Table } from 'dexie';

/**
 * The IndexedDB database behind the workspace store. Rows are typed loosely on purpose: what is
 * stored may be an older record layout, and only records.ts (migrate, then zod) decides what a row means.
 *
 * The Dexie version below is the IndexedDB schema (tables, indexes); the per-record `schemaVersion`
 * handled in migrations.ts is separate and changes without touching it.
 */
export const DB_NAME = 'bpr-studio';

export type StoredRow = { id: string } & Record<string, unknown>;
export interface MetaRow {
  key: string;
  value: unknown;
}

/** Any callable; the injected IndexedDB factory and key range are only handed on to Dexie. */
type AnyFunction = (...args: never[]) => unknown;

export interface BprDatabaseOptions {
  /** Database name; tests use their own so they never share state. */
  name?: string;
  /** Injected for node tests (fake-indexeddb); the browser's globals otherwise. */
  indexedDB?: { open: AnyFunction };
  IDBKeyRange?: { bound: AnyFunction; lowerBound: AnyFunction; upperBound: AnyFunction };
}

export class BprDatabase extends Dexie {
  declare workspaces: Table<StoredRow, string>;
  declare processes: Table<StoredRow, string>;
  declare versions: Table<StoredRow, string>;
  declare meta: Table<MetaRow, string>;
  /** 取組 records (src/store/initiativeRepository.ts); rows are parsed with parseInitiative on load. */
  declare initiatives: Table<StoredRow, string>;
  /** Latest As-Is/To-Be comparison per pair (src/store/comparisonRepository.ts); parsed with zod on load. */
  declare comparisons: Table<StoredRow, string>;
  /** Latest simulation result per process (src/store/simulationResultRepository.ts); parsed with zod on load. */
  declare simulations: Table<StoredRow, string>;
  /** 業務の全体像: one row per 業務 of the 業務量調査 (src/store/inventoryRepository.ts); parsed with zod on load. */
  declare inventory: Table<StoredRow, string>;

  constructor(options: BprDatabaseOptions = {}) {
    super(options.name ?? DB_NAME, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.version(1).stores({
      workspaces: 'id',
      processes: 'id, workspaceId, department, linkedProcessId',
      // [processId+seq] gives the next snapshot number; [processId+reason+createdAt] finds the newest
      // and oldest autosaves for throttling and pruning without reading the XML.
      versions: 'id, processId, [processId+createdAt], [processId+seq], [processId+reason+createdAt]',
      meta: 'key',
    });
    // v2 adds 取組; Dexie keeps the v1 tables as they are, so existing databases upgrade in place.
    this.version(2).stores({
      initiatives: 'id, workspaceId',
    });
    // v3 (compare) adds the latest comparison per As-Is/To-Be pair; earlier tables stay untouched.
    this.version(3).stores({
      comparisons: 'id, asIsId, toBeId',
    });
    // v4 keeps the latest simulation result per process, so a reload shows it again while the inputs are unchanged.
    this.version(4).stores({
      simulations: 'id',
    });
    // inventory: a new table only; earlier tables are left as they are.
    this.version(5).stores({
      inventory: 'id, workspaceId, [workspaceId+section]',
    });
  }
}
