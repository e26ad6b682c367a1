import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { isQuotaExceeded } from '../../src/store/quota';

describe('isQuotaExceeded', () => {
  it('given the shapes browsers and Dexie use for a full disk, then each is recognised', () => {
    expect(isQuotaExceeded(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaExceeded(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaExceeded(new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError')))).toBe(true);
    expect(isQuotaExceeded(new Dexie.BulkError('bulk', { 0: new Dexie.QuotaExceededError('full') }))).toBe(true);
    expect(isQuotaExceeded(new Error('wrapped', { cause: { name: 'NS_ERROR_DOM_QUOTA_REACHED' } }))).toBe(true);
  });

  it('given other failures, then they are not mistaken for a full disk', () => {
    expect(isQuotaExceeded(new Dexie.AbortError('aborted'))).toBe(false);
    expect(isQuotaExceeded(new Dexie.ConstraintError('duplicate key'))).toBe(false);
    expect(isQuotaExceeded('QuotaExceededError')).toBe(false);
    expect(isQuotaExceeded(undefined)).toBe(false);
  });
});
