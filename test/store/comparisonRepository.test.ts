import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ComparisonRepository, comparisonRepositoryOf } from '../../src/store/comparisonRepository';
import { BprDatabase } from '../../src/store/db';
import { DexieWorkspaceRepository } from '../../src/store/dexieWorkspaceRepository';
import { sampleResult } from '../ui/compare/fixtures';
import { FakeClock, freshIndexedDb } from './storeTestKit';

function setup() {
  const clock = new FakeClock();
  const idb = freshIndexedDb();
  const db = idb.open();
  return { clock, idb, db, repo: new ComparisonRepository({ db, now: clock.now }) };
}

describe('ComparisonRepository', () => {
  it('given a saved comparison, when read back, then the latest of the pair comes with its hash, options and time', async () => {
    const { repo, clock } = setup();
    await repo.save('asis-1', 'tobe-1', 'sha256:aa', sampleResult(), { options: { replications: 20, seed: 7 } });
    clock.advance(60);
    const second = { ...sampleResult(), seed: 8 };
    await repo.save('asis-1', 'tobe-1', 'sha256:bb', second);
    const latest = await repo.getLatest('asis-1', 'tobe-1');
    expect(latest).toMatchObject({ asIsId: 'asis-1', toBeId: 'tobe-1', inputHash: 'sha256:bb', computedAt: '2025-04-01T00:01:00.000Z' });
    expect(latest?.result.seed).toBe(8);
    expect(latest?.result.hoursSavedPerYear).toEqual(sampleResult().hoursSavedPerYear);
    expect(await repo.getLatest('asis-1', 'other')).toBeUndefined();
  });

  it('given comparisons of several pairs, when listed for a process, then those with it on either side come newest first', async () => {
    const { repo, clock } = setup();
    await repo.save('a', 'b', 'h1', sampleResult());
    clock.advance(10);
    await repo.save('a', 'c', 'h2', sampleResult());
    clock.advance(10);
    await repo.save('x', 'b', 'h3', sampleResult());
    expect((await repo.listForProcess('a')).map((r) => r.toBeId)).toEqual(['c', 'b']);
    expect((await repo.listForProcess('b')).map((r) => r.asIsId)).toEqual(['x', 'a']);
    expect(await repo.listForProcess('nobody')).toEqual([]);
  });

  it('given a stored row that fails the schema, when read, then it counts as absent and stays in the table untouched', async () => {
    const { repo, db } = setup();
    await db.comparisons.put({ id: 'a|b', asIsId: 'a', toBeId: 'b', result: { hoursSavedPerYear: 'lots' } });
    expect(await repo.getLatest('a', 'b')).toBeUndefined();
    expect(await repo.listForProcess('a')).toEqual([]);
    expect((await db.comparisons.get('a|b'))?.result).toEqual({ hoursSavedPerYear: 'lots' });
  });

  it('given a result that breaks the schema, when saved, then nothing is written', async () => {
    const { repo, db } = setup();
    await expect(repo.save('a', 'b', 'h', { ...sampleResult(), estimated: false } as never)).rejects.toThrow();
    expect(await db.comparisons.count()).toBe(0);
  });

  it('given a database at version 2 with processes and 取組, when opened by the current code, then it upgrades and keeps the data', async () => {
    const factory = new IDBFactory();
    const old = new Dexie('bpr-studio', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores({
      workspaces: 'id',
      processes: 'id, workspaceId, department, linkedProcessId',
      versions: 'id, processId, [processId+createdAt], [processId+seq], [processId+reason+createdAt]',
      meta: 'key',
    });
    old.version(2).stores({ initiatives: 'id, workspaceId' });
    await old.open();
    await old.table('meta').put({ key: 'marker', value: 'kept' });
    await old.table('initiatives').put({ id: 'i1', workspaceId: 'w1', title: '書かない窓口' });
    old.close();

    const db = new BprDatabase({ indexedDB: factory, IDBKeyRange });
    await db.open();
    // Opened by the current code, every later table exists too (v3 comparisons, v4 stored simulation results).
    expect(db.verno).toBe(5); // v5 added the 業務 inventory
    expect(await db.simulations.count()).toBe(0);
    expect(await db.meta.get('marker')).toEqual({ key: 'marker', value: 'kept' });
    expect((await db.initiatives.get('i1'))?.title).toBe('書かない窓口');
    const repo = new ComparisonRepository({ db });
    await repo.save('a', 'b', 'h', sampleResult());
    expect((await repo.getLatest('a', 'b'))?.inputHash).toBe('h');
    db.close();
  });

  it("given the workspace store, when the repository is taken from it, then it shares the store's connection", async () => {
    const idb = freshIndexedDb();
    const db = idb.open();
    const store = new DexieWorkspaceRepository({ db });
    const repo = comparisonRepositoryOf(store as never);
    expect(repo).not.toBeNull();
    await repo!.save('a', 'b', 'h', sampleResult());
    expect(await db.comparisons.count()).toBe(1);
    expect(comparisonRepositoryOf({} as never)).toBeNull();
  });
});
