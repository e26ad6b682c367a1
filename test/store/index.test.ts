import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openWorkspaceStore } from '../../src/store/index';
import { StorageUnavailableError } from '../../src/store/types';
import { FakeClock, bpmnXml } from './storeTestKit';

describe('openWorkspaceStore', () => {
  it('given an injected IndexedDB, when the store is opened, closed and opened again, then the work is still there', async () => {
    const indexedDB = new IDBFactory();
    const clock = new FakeClock();
    const store = await openWorkspaceStore({ indexedDB, IDBKeyRange, now: clock.now });
    const { workspace, created } = await store.getOrCreateWorkspace();
    expect(created).toBe(true);
    const p = await store.createProcess(workspace.id, { name: '転入届', department: '市民課', kind: 'as-is', xml: bpmnXml('受付') });
    store.close();

    const again = await openWorkspaceStore({ indexedDB, IDBKeyRange, now: clock.now });
    expect(await again.getProcess(p.id)).toEqual(p);
    expect(p.createdAt).toBe('2025-04-01T00:00:00.000Z');
  });

  it('given an IndexedDB that refuses to open, then a Japanese StorageUnavailableError is thrown at start', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    await expect(openWorkspaceStore({ indexedDB: refusing, IDBKeyRange })).rejects.toThrow(StorageUnavailableError);
    await expect(openWorkspaceStore({ indexedDB: refusing, IDBKeyRange })).rejects.toThrow(/データベースを開けませんでした/);
  });
});
