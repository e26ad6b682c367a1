import type { Table } from 'dexie';
import type { BprDatabase } from './db';
import { StorageFullError } from './types';

/**
 * True when an IndexedDB failure comes from the storage quota. Browsers report it as a
 * DOMException named QuotaExceededError (legacy code 22), and Dexie may pass it on as its own
 * QuotaExceededError, or wrapped in an AbortError (`inner`) or a BulkError (`failures`).
 */
export function isQuotaExceeded(err: unknown, depth = 0): boolean {
  if (depth > 6 || typeof err !== 'object' || err === null) return false;
  const e = err as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  if (e.name !== undefined && e.code === 22 && typeof DOMException !== 'undefined' && err instanceof DOMException) return true;
  if (isQuotaExceeded(e.inner, depth + 1) || isQuotaExceeded(e.cause, depth + 1)) return true;
  const failures = Array.isArray(e.failures) ? e.failures : e.failures && typeof e.failures === 'object' ? Object.values(e.failures) : [];
  return failures.some((f) => isQuotaExceeded(f, depth + 1));
}

/** Runs one IndexedDB write and turns a quota failure into the store's StorageFullError (message for the user). */
export async function writeOrStorageFull<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isQuotaExceeded(err)) throw new StorageFullError();
    throw err;
  }
}

/**
 * The one write path of the store: a read-write Dexie transaction over `tables`, with a quota failure
 * turned into StorageFullError. The transaction rolls back as a whole, so a full disk (or a conflict
 * thrown inside `scope`) leaves every stored record as it was. Every repository writes through here.
 */
export function writeTransaction<T>(db: Pick<BprDatabase, 'transaction'>, tables: Table[], scope: () => Promise<T>): Promise<T> {
  return writeOrStorageFull(() => db.transaction('rw', tables, scope));
}
