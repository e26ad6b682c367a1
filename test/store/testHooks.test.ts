import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspaceStore } from '../../src/store/index';
import { StorageFullError } from '../../src/store/types';
import { bpmnXml, FakeClock } from './storeTestKit';

afterEach(() => {
  delete globalThis.__BPR_TEST_HOOKS__;
});

async function storeWithProcess() {
  const indexedDB = new IDBFactory();
  const store = await openWorkspaceStore({ indexedDB, IDBKeyRange, now: new FakeClock().now });
  const { workspace } = await store.getOrCreateWorkspace();
  const process = await store.createProcess(workspace.id, { name: '転入届', department: '市民課', kind: 'as-is', xml: bpmnXml('受付') });
  return { indexedDB, store, workspace, process };
}

describe('store test hooks (quota simulation)', () => {
  it('given the hooks global before opening, when failWritesWithQuota is turned on, then a save fails with StorageFullError and the stored process and its versions are unchanged', async () => {
    globalThis.__BPR_TEST_HOOKS__ = { failWritesWithQuota: false };
    const { indexedDB, store, process } = await storeWithProcess();
    const versionsBefore = await store.listVersions(process.id);

    globalThis.__BPR_TEST_HOOKS__.failWritesWithQuota = true;
    await expect(store.saveProcess(process.id, { xml: bpmnXml('受付（改）') }, { expectedRevision: process.revision })).rejects.toThrow(StorageFullError);
    await expect(store.autosaveProcess(process.id, bpmnXml('受付（改）'), { expectedRevision: process.revision })).rejects.toThrow(StorageFullError);
    // Reads keep working while writes fail.
    expect(await store.getProcess(process.id)).toEqual(process);
    store.close();

    delete globalThis.__BPR_TEST_HOOKS__;
    const reopened = await openWorkspaceStore({ indexedDB, IDBKeyRange });
    expect(await reopened.getProcess(process.id)).toEqual(process);
    expect(await reopened.listVersions(process.id)).toEqual(versionsBefore);
  });

  it('given the hooks global, when failWritesWithQuota is turned off again at runtime, then the next save goes through', async () => {
    globalThis.__BPR_TEST_HOOKS__ = { failWritesWithQuota: true };
    const indexedDB = new IDBFactory();
    const store = await openWorkspaceStore({ indexedDB, IDBKeyRange });
    const { workspace } = await store.getOrCreateWorkspace();
    await expect(store.createProcess(workspace.id, { name: '転入届', department: '市民課', kind: 'as-is', xml: bpmnXml('受付') })).rejects.toThrow(
      /保存領域がいっぱい/,
    );
    globalThis.__BPR_TEST_HOOKS__.failWritesWithQuota = false;
    const created = await store.createProcess(workspace.id, { name: '転入届', department: '市民課', kind: 'as-is', xml: bpmnXml('受付') });
    expect((await store.listProcesses(workspace.id)).map((p) => p.id)).toEqual([created.id]);
  });

  it('given no hooks global at start, when the global is defined later with failWritesWithQuota, then writes are not affected (inert in production)', async () => {
    const { store, process } = await storeWithProcess();
    globalThis.__BPR_TEST_HOOKS__ = { failWritesWithQuota: true };
    const saved = await store.saveProcess(process.id, { xml: bpmnXml('受付（改）') }, { expectedRevision: process.revision });
    expect(saved.revision).toBe(process.revision + 1);
    expect((await store.getProcess(process.id))?.xml).toContain('受付（改）');
  });
});
