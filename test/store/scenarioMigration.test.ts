import { describe, expect, it } from 'vitest';
import { ComparisonRepository } from '../../src/store/comparisonRepository';
import { DexieWorkspaceRepository } from '../../src/store/dexieWorkspaceRepository';
import { InitiativeRepository } from '../../src/store/initiativeRepository';
import { migrateRecord } from '../../src/store/migrations';
import { importWorkspaceFile } from '../../src/store/workspaceFile';
import { scenariosOf } from '../../src/ui/compare/pairs';
import { sampleResult } from '../ui/compare/fixtures';
import { FakeClock, bpmnXml, freshIndexedDb } from './storeTestKit';

/**
 * Process schema v1 linked one As-Is to one To-Be on both sides; v2 keeps any number of To-Be
 * scenarios per As-Is with the link on the To-Be only. These rows are written the way the v1 app wrote
 * them, straight into IndexedDB, and opened by the current code.
 */
const stamp = '2025-04-01T00:00:00.000Z';
const v1 = (id: string, name: string, kind: 'as-is' | 'to-be', linkedProcessId?: string) => ({
  schemaVersion: 1,
  id,
  workspaceId: 'ws-old',
  name,
  department: '市民課',
  kind,
  xml: bpmnXml(name),
  createdAt: stamp,
  updatedAt: stamp,
  revision: 3,
  ...(linkedProcessId ? { linkedProcessId } : {}),
});

const oldRows = [
  v1('tennyu-asis', '転入届（現行）', 'as-is', 'tennyu-tobe'),
  v1('tennyu-tobe', '転入届（To-Be: 書かない窓口）', 'to-be', 'tennyu-asis'),
  v1('kian-asis', '起案・決裁（現行）', 'as-is', 'kian-tobe'),
  v1('kian-tobe', '起案・決裁（電子決裁）', 'to-be', 'kian-asis'),
  v1('jido-asis', '児童手当（現行）', 'as-is'),
  v1('loose-tobe', '下書きの見直し案', 'to-be'),
];

async function oldWorkspace() {
  const clock = new FakeClock(Date.parse('2025-06-01T00:00:00.000Z'));
  const idb = freshIndexedDb();
  const db = idb.open();
  await db.workspaces.put({ schemaVersion: 1, id: 'ws-old', name: '旧ワークスペース', hoursPerFte: 1800, createdAt: stamp, updatedAt: stamp });
  await db.meta.put({ key: 'activeWorkspaceId', value: 'ws-old' });
  await db.processes.bulkPut(oldRows);
  await db.versions.put({
    schemaVersion: 1,
    id: 'v-1',
    processId: 'tennyu-tobe',
    xml: bpmnXml('旧版'),
    name: '転入届（To-Be: 書かない窓口）',
    reason: 'save',
    createdAt: stamp,
    revision: 2,
    seq: 1,
  });
  await new ComparisonRepository({ db }).save('tennyu-asis', 'tennyu-tobe', 'sha256:old', sampleResult());
  const initiatives = new InitiativeRepository({ db, now: clock.now });
  const initiative = await initiatives.create('ws-old', {
    title: '書かない窓口の導入',
    departments: ['市民課'],
    attachments: [{ asIsProcessId: 'tennyu-asis', toBeProcessId: 'tennyu-tobe' }],
    indicators: [],
  });
  return { idb, db, clock, repo: new DexieWorkspaceRepository({ db, now: clock.now }), initiatives, initiative };
}

describe('process schema v1 → v2: pairs become scenarios', () => {
  it('given a v1 workspace with two pairs, when opened, then each As-Is has its To-Be as its one scenario, named from the To-Be, and nothing else changed', async () => {
    const { repo } = await oldWorkspace();
    const { workspace } = await repo.getOrCreateWorkspace();
    expect(workspace.id).toBe('ws-old');
    const { processes, unreadable } = await repo.loadProcesses('ws-old');
    expect(unreadable).toEqual([]);
    expect(processes.map((p) => p.id).sort()).toEqual(oldRows.map((r) => r.id).sort());

    expect(scenariosOf(processes, 'tennyu-asis').map((p) => [p.id, p.scenarioName])).toEqual([['tennyu-tobe', '書かない窓口']]);
    expect(scenariosOf(processes, 'kian-asis').map((p) => [p.id, p.scenarioName])).toEqual([['kian-tobe', '電子決裁']]);
    expect(scenariosOf(processes, 'jido-asis')).toEqual([]);

    // Nothing lost: every field the v1 row had is still there (the As-Is's copy of the link aside).
    for (const row of oldRows) {
      const { schemaVersion: _v, linkedProcessId, ...kept } = row;
      const read = processes.find((p) => p.id === row.id)!;
      expect(read).toMatchObject(kept);
      if (row.kind === 'to-be') expect(read.linkedProcessId).toBe(linkedProcessId);
      else expect(read.linkedProcessId).toBeUndefined();
    }
    expect(processes.find((p) => p.id === 'loose-tobe')).not.toHaveProperty('scenarioName');
  });

  it('given a v1 workspace, when opened, then the stored rows stay as written until the next save, which writes v2', async () => {
    const { repo, db } = await oldWorkspace();
    await repo.listProcesses('ws-old');
    expect(await db.processes.get('tennyu-asis')).toEqual(oldRows[0]);
    await repo.saveProcess('tennyu-asis', { xml: bpmnXml('新しい現行') }, { expectedRevision: 3 });
    const asIsRow = await db.processes.get('tennyu-asis');
    expect(asIsRow).toMatchObject({ schemaVersion: 2, revision: 4 });
    expect(asIsRow).not.toHaveProperty('linkedProcessId');
    // The scenario is carried by the To-Be's own row, which the As-Is save did not touch.
    expect(await db.processes.get('tennyu-tobe')).toEqual(oldRows[1]);
    expect(scenariosOf(await repo.listProcesses('ws-old'), 'tennyu-asis').map((p) => p.id)).toEqual(['tennyu-tobe']);
  });

  it('given a migrated pair, when a second scenario is added, then the first stays, and its version history, cached comparison and 取組 attachment still read', async () => {
    const { repo, db, initiatives, initiative } = await oldWorkspace();
    const second = await repo.createProcess('ws-old', {
      name: '転入届（To-Be: RPA）',
      department: '市民課',
      kind: 'to-be',
      xml: bpmnXml('RPA'),
      linkedProcessId: 'tennyu-asis',
      scenarioName: 'RPA（住基入力）',
    });
    const scenarios = scenariosOf(await repo.listProcesses('ws-old'), 'tennyu-asis');
    expect(scenarios.map((p) => p.scenarioName)).toEqual(['書かない窓口', 'RPA（住基入力）']);
    expect(second.linkedProcessId).toBe('tennyu-asis');
    expect((await repo.listVersions('tennyu-tobe')).map((v) => v.id)).toEqual(['v-1']);
    expect((await new ComparisonRepository({ db }).getLatest('tennyu-asis', 'tennyu-tobe'))?.inputHash).toBe('sha256:old');
    expect((await initiatives.get(initiative.id))?.attachments).toEqual([{ asIsProcessId: 'tennyu-asis', toBeProcessId: 'tennyu-tobe' }]);
  });

  it('given a v1 As-Is row, when migrated alone, then only the link copy goes; a v1 To-Be keeps its link and gains a scenario name', () => {
    expect(migrateRecord('process', oldRows[0])).toEqual({
      ok: true,
      fromVersion: 1,
      record: (({ linkedProcessId: _l, ...r }) => ({ ...r, schemaVersion: 2 }))(oldRows[0]),
    });
    expect(migrateRecord('process', oldRows[1])).toEqual({
      ok: true,
      fromVersion: 1,
      record: { ...oldRows[1], schemaVersion: 2, scenarioName: '書かない窓口' },
    });
    expect(migrateRecord('process', oldRows[5])).toEqual({ ok: true, fromVersion: 1, record: { ...oldRows[5], schemaVersion: 2 } });
  });

  it('given a workspace file written before scenarios (links on both sides), when imported, then the pair is a scenario and a file linking only the As-Is side still pairs', async () => {
    const file = (processes: object[]) =>
      JSON.stringify({
        format: 'bpr-studio-workspace',
        schemaVersion: 1,
        exportedAt: stamp,
        workspace: { id: 'ws-file', name: 'ファイル', hoursPerFte: 1800, createdAt: stamp, updatedAt: stamp },
        processes,
        initiatives: [],
        settings: {},
      });
    const strip = ({ schemaVersion: _v, workspaceId: _w, ...p }: ReturnType<typeof v1>) => ({ ...p, versions: [] });
    const clock = new FakeClock();
    const db = freshIndexedDb().open();
    const repo = new DexieWorkspaceRepository({ db, now: clock.now });
    const { workspace } = await repo.getOrCreateWorkspace();
    await importWorkspaceFile(db, workspace.id, file([strip(oldRows[0]), strip(oldRows[1])]), { mode: 'replace', now: clock.now });
    const both = await repo.listProcesses('ws-file');
    expect(scenariosOf(both, 'tennyu-asis').map((p) => [p.id, p.scenarioName])).toEqual([['tennyu-tobe', '書かない窓口']]);

    const { linkedProcessId: _l, ...unpairedToBe } = strip(oldRows[3]);
    await importWorkspaceFile(db, 'ws-file', file([strip(oldRows[2]), unpairedToBe]), { mode: 'replace', now: clock.now });
    expect(scenariosOf(await repo.listProcesses('ws-file'), 'kian-asis').map((p) => p.id)).toEqual(['kian-tobe']);
  });
});
