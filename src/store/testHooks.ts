import type { DBCore, DBCoreMutateRequest, DBCoreTable, Dexie } from 'dexie';

/**
 * Test hooks for the browser tests (test/e2e/resilience.e2e.ts). A real "storage full" cannot be
 * produced on demand in Chromium, so a test defines `globalThis.__BPR_TEST_HOOKS__` before the page
 * loads (playwright's `page.addInitScript`) and turns `failWritesWithQuota` on when it wants the next
 * writes to fail the way a full disk makes them fail.
 *
 * Why this is safe in production: nothing in the app defines `__BPR_TEST_HOOKS__`, and the middleware
 * below is installed only when that global already exists while the database is opened at start-up.
 * For a normal user it never exists, so no middleware is installed and every write goes straight to
 * IndexedDB; defining the global later (e.g. from the console) has no effect until a reload, and even
 * then it can only make writes fail, never change or read data.
 */
export interface BprTestHooks {
  /** While true, every write to the processes and versions tables fails with a QuotaExceededError. */
  failWritesWithQuota?: boolean;
}

declare global {
  var __BPR_TEST_HOOKS__: BprTestHooks | undefined;
}

/** The tables whose writes a full disk would break while the user edits. */
export const QUOTA_SIMULATED_TABLES: readonly string[] = ['processes', 'versions'];

export const TEST_HOOKS_MIDDLEWARE = 'bprTestHooks';

function activeHooks(): BprTestHooks | undefined {
  const hooks = globalThis.__BPR_TEST_HOOKS__;
  return typeof hooks === 'object' && hooks !== null ? hooks : undefined;
}

function quotaError(table: string): Error {
  const message = `simulated by __BPR_TEST_HOOKS__.failWritesWithQuota (table ${table})`;
  return typeof DOMException === 'function'
    ? new DOMException(message, 'QuotaExceededError')
    : Object.assign(new Error(message), { name: 'QuotaExceededError' });
}

function failingTable(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate(req: DBCoreMutateRequest) {
      if (activeHooks()?.failWritesWithQuota === true) return Promise.reject(quotaError(table.name));
      return table.mutate(req);
    },
  };
}

/**
 * Installs the quota middleware on `db` when the test global exists now; call before `db.open()`.
 * Returns whether it was installed.
 */
export function installTestHooks(db: Dexie): boolean {
  if (!activeHooks()) return false;
  db.use({
    stack: 'dbcore',
    name: TEST_HOOKS_MIDDLEWARE,
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name: string) {
        const table = down.table(name);
        return QUOTA_SIMULATED_TABLES.includes(name) ? failingTable(table) : table;
      },
    }),
  });
  return true;
}
