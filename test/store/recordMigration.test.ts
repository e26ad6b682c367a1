import { describe, expect, it } from 'vitest';
import { DexieWorkspaceRepository } from '../../src/store/dexieWorkspaceRepository';
import { InitiativeRepository } from '../../src/store/initiativeRepository';
import { importWorkspaceFile } from '../../src/store/workspaceFile';
import { bpmnXml, freshIndexedDb, repositoryWithWorkspace } from './storeTestKit';

const APRIL_1 = Date.UTC(2024, 3, 1);
const APRIL_1_ISO = '2024-04-01T00:00:00.000Z';
const xml = bpmnXml('受付');

/** Old rows as an earlier app wrote them, and what each must read as now (worked out from the format notes in migrations.ts). */
const DEXIE_CASES: Array<{
  kind: string;
  from: string;
  rows: Record<string, Record<string, unknown>[]>;
  read: (repo: DexieWorkspaceRepository, inits: InitiativeRepository) => Promise<unknown>;
  expected: unknown;
}> = [
  {
    kind: 'workspace',
    from: 'v0',
    rows: { workspaces: [{ id: 'w-0', name: '旧ワークスペース', createdAt: APRIL_1, updatedAt: APRIL_1 }] },
    read: async (repo) => (await repo.getOrCreateWorkspace()).workspace,
    expected: { id: 'w-0', name: '旧ワークスペース', hoursPerFte: expect.any(Number), createdAt: APRIL_1_ISO, updatedAt: APRIL_1_ISO },
  },
  {
    kind: 'process',
    from: 'v0',
    rows: { processes: [{ id: 'p-0', workspaceId: 'w', name: '転入届', asIs: true, xml, createdAt: APRIL_1, updatedAt: APRIL_1 }] },
    read: (repo) => repo.getProcess('p-0'),
    expected: {
      id: 'p-0',
      workspaceId: 'w',
      name: '転入届',
      kind: 'as-is',
      department: '未分類',
      revision: 1,
      xml,
      createdAt: APRIL_1_ISO,
      updatedAt: APRIL_1_ISO,
    },
  },
  {
    kind: 'process',
    from: 'v1',
    rows: {
      processes: [
        {
          schemaVersion: 1,
          id: 'a',
          workspaceId: 'w',
          name: '転入届',
          department: '市民課',
          kind: 'as-is',
          linkedProcessId: 'b',
          xml,
          createdAt: APRIL_1_ISO,
          updatedAt: APRIL_1_ISO,
          revision: 3,
        },
      ],
    },
    read: (repo) => repo.getProcess('a'),
    // v2: an As-Is records none of its scenarios.
    expected: {
      id: 'a',
      workspaceId: 'w',
      name: '転入届',
      department: '市民課',
      kind: 'as-is',
      xml,
      createdAt: APRIL_1_ISO,
      updatedAt: APRIL_1_ISO,
      revision: 3,
    },
  },
  {
    kind: 'version',
    from: 'v0',
    rows: { versions: [{ id: 'v-0', processId: 'p', xml, auto: true, createdAt: APRIL_1 }] },
    read: async (repo) => repo.getVersion('v-0'),
    expected: { id: 'v-0', processId: 'p', xml, name: '', reason: 'autosave', revision: 0, createdAt: APRIL_1_ISO },
  },
  {
    kind: '取組',
    from: 'v0',
    rows: {
      initiatives: [
        {
          id: 'i-0',
          workspaceId: 'w',
          title: '電子申請',
          department: '市民課',
          createdAt: APRIL_1_ISO,
          updatedAt: APRIL_1_ISO,
          indicators: [{ id: 'k', name: '件数', targets: { 2025: 100 }, actuals: { 2025: 80 } }],
        },
      ],
    },
    read: (_repo, inits) => inits.get('i-0'),
    expected: expect.objectContaining({
      schemaVersion: 1,
      departments: ['市民課'],
      revision: 1,
      indicators: [{ id: 'k', name: '件数', unit: '', kind: 'custom', years: [{ fiscalYear: 2025, target: 100, measured: 80 }] }],
    }),
  },
];

describe('every record kind migrates from every older version to the current one', () => {
  it.each(DEXIE_CASES)(
    'given a $kind row stored as $from in Dexie, when read through its repository, then it reads as the current version',
    async ({ rows, read, expected }) => {
      const db = freshIndexedDb().open();
      for (const [table, list] of Object.entries(rows)) await db.table(table).bulkPut(list);
      const repo = new DexieWorkspaceRepository({ db });
      const inits = new InitiativeRepository({ db });
      expect(await read(repo, inits)).toEqual(expected);
      // Reading never writes back: the old row is still there as it was.
      for (const [table, list] of Object.entries(rows)) for (const row of list) expect(await db.table(table).get(row.id as string)).toEqual(row);
    },
  );

  it('given a v0 workspace file whose processes and snapshots are v0 records (asIs flag, auto flag, epoch times), when imported, then each reads as it would from Dexie', async () => {
    const { db, repo, workspaceId } = await repositoryWithWorkspace();
    const file = {
      format: 'bpr-studio-workspace',
      exportedAt: APRIL_1,
      workspace: { id: 'w-old', name: '旧形式', hoursPerFte: 1600, createdAt: APRIL_1_ISO, updatedAt: APRIL_1_ISO },
      processes: [
        {
          id: 'p-old',
          name: '転入届',
          asIs: true,
          xml,
          createdAt: APRIL_1,
          updatedAt: APRIL_1,
          history: [{ id: 'v-old', xml, auto: true, createdAt: APRIL_1 }],
        },
      ],
    };
    const result = await importWorkspaceFile(db, workspaceId, JSON.stringify(file), { mode: 'replace' });
    // The same values the Dexie v0 cases above expect for these rows.
    expect(await repo.getProcess('p-old')).toMatchObject({
      kind: 'as-is',
      department: '未分類',
      revision: 1,
      createdAt: APRIL_1_ISO,
      workspaceId: result.workspace.id,
    });
    expect(await repo.listVersions('p-old')).toEqual([
      { id: 'v-old', processId: 'p-old', xml, name: '', reason: 'autosave', revision: 0, createdAt: APRIL_1_ISO },
    ]);
  });

  it('given a v0 workspace file (epoch exportedAt, history, a v0 取組), when imported, then its processes, versions and 取組 read as current', async () => {
    const { db, repo, workspaceId } = await repositoryWithWorkspace();
    const file = {
      format: 'bpr-studio-workspace',
      exportedAt: APRIL_1,
      workspace: { id: 'w-file', name: '持ち込み', hoursPerFte: 1600, createdAt: APRIL_1_ISO, updatedAt: APRIL_1_ISO },
      processes: [
        {
          id: 'p-f',
          name: '転出届',
          department: '市民課',
          kind: 'as-is',
          xml,
          createdAt: APRIL_1_ISO,
          updatedAt: APRIL_1_ISO,
          revision: 2,
          history: [{ id: 'v-f', xml, name: '転出届', reason: 'save', createdAt: APRIL_1_ISO, revision: 1 }],
        },
      ],
      initiatives: [{ id: 'i-f', workspaceId: 'w-file', title: '電子申請', department: '総務課', createdAt: APRIL_1_ISO, updatedAt: APRIL_1_ISO }],
    };
    const result = await importWorkspaceFile(db, workspaceId, JSON.stringify(file), { mode: 'replace' });
    expect(result.processesCreated).toBe(1);
    const [process] = await repo.listProcesses(result.workspace.id);
    expect(process).toMatchObject({ id: 'p-f', kind: 'as-is', revision: 2 });
    expect(await repo.listVersions('p-f')).toEqual([{ id: 'v-f', processId: 'p-f', xml, name: '転出届', reason: 'save', createdAt: APRIL_1_ISO, revision: 1 }]);
    expect(await new InitiativeRepository({ db }).get('i-f')).toMatchObject({ schemaVersion: 1, departments: ['総務課'], revision: 1 });
    expect((await db.processes.get('p-f'))?.schemaVersion).toBe(2);
  });
});
