import { describe, expect, it } from 'vitest';
import { clearDraft, readDraft, usableDraft, writeDraft, type Draft } from '../../../src/ui/editor/drafts';

function memoryStorage(failWrites = false) {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (failWrites) throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k: string) => void map.delete(k),
  };
}

const draft: Draft = { processId: 'p1', revision: 3, xml: '<mine/>', savedAt: '2025-04-01T00:00:00.000Z' };

describe('editor drafts', () => {
  it('given a written draft, when read back for the same process, then it is returned and another process sees none', () => {
    const storage = memoryStorage();
    expect(writeDraft(storage, draft)).toBe(true);
    expect(readDraft(storage, 'p1')).toEqual(draft);
    expect(readDraft(storage, 'p2')).toBeUndefined();
    clearDraft(storage, 'p1');
    expect(readDraft(storage, 'p1')).toBeUndefined();
  });

  it('given a full storage or garbage in it, when drafts are written or read, then nothing throws', () => {
    expect(writeDraft(memoryStorage(true), draft)).toBe(false);
    const storage = memoryStorage();
    storage.map.set('bpr-studio.draft.p1', '{not json');
    expect(readDraft(storage, 'p1')).toBeUndefined();
    storage.map.set('bpr-studio.draft.p1', JSON.stringify({ processId: 'p1', revision: 'x', xml: 1 }));
    expect(readDraft(storage, 'p1')).toBeUndefined();
  });

  it('given the stored revision moved on or equals the draft, when checked, then the draft is not used', () => {
    expect(usableDraft(draft, { revision: 3, xml: '<stored/>' })).toEqual(draft);
    expect(usableDraft(draft, { revision: 4, xml: '<stored/>' })).toBeUndefined();
    expect(usableDraft(draft, { revision: 3, xml: '<mine/>' })).toBeUndefined();
    expect(usableDraft(undefined, { revision: 3, xml: '<stored/>' })).toBeUndefined();
  });
});
