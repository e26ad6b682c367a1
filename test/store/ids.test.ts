import { afterEach, describe, expect, it, vi } from 'vitest';
import { newRecordId } from '../../src/store/ids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newRecordId', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('given a secure context, then ids are v4 UUIDs and differ', () => {
    const a = newRecordId();
    expect(a).toMatch(UUID_V4);
    expect(newRecordId()).not.toBe(a);
  });

  it('given no crypto.randomUUID (plain http), then a v4 UUID is still produced from getRandomValues', () => {
    const real = globalThis.crypto;
    const getRandomValues = vi.fn(<T extends ArrayBufferView>(a: T): T => real.getRandomValues(a as never) as T);
    vi.stubGlobal('crypto', { getRandomValues });
    const ids = new Set(Array.from({ length: 50 }, () => newRecordId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(getRandomValues).toHaveBeenCalledTimes(50);
  });
});
