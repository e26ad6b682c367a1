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
