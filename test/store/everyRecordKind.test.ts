import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultRpaRankingSettings } from '../../src/domain/analysis/rpaCandidates';
import { parseInventoryTable } from '../../src/domain/inventory/parse';
import { INVENTORY_SCHEMA_VERSION } from '../../src/domain/inventory/record';
import { INITIATIVE_SCHEMA_VERSION } from '../../src/domain/model/initiative';
import { RECORD_KINDS, recordSchemaVersion, type RecordKind } from '../../src/domain/model/recordMigrations';
import { loadSimModel } from '../../src/domain/sim/loadDiagram';
import type { SimulationResult } from '../../src/domain/sim/result';
import { runSimulation } from '../../src/domain/sim/runSimulation';
import { COMPARISON_RECORD_VERSION, ComparisonRepository } from '../../src/store/comparisonRepository';
import type { BprDatabase } from '../../src/store/db';
import { InitiativeRepository } from '../../src/store/initiativeRepository';
import { InventoryRepository } from '../../src/store/inventoryRepository';
import { SCHEMA_VERSIONS } from '../../src/store/records';
import { RPA_SETTINGS_SCHEMA_VERSION, rpaSettingsKey, settingsRepositoryFor } from '../../src/store/settingsRepository';
import { SIMULATION_RECORD_VERSION, SimulationResultRepository } from '../../src/store/simulationResultRepository';
import { DEFAULT_RUN_SETTINGS } from '../../src/ui/simulation/simRunMachine';
import { sampleResult } from '../ui/compare/fixtures';
import { diagramsRoot } from '../support/paths';
import { bpmnXml, repositoryWithWorkspace } from './storeTestKit';

/**
 * One table over every kind of record the app keeps: each is written by its own repository, then
 * stored again as the pre-release layout (no schemaVersion) and as a layout from a newer app, and
 * read back through the same repository. The expectations are the rules stated in
 * domain/model/recordMigrations.ts, not what the code happens to return.
 */
type Ctx = Awaited<ReturnType<typeof repositoryWithWorkspace>>;
/** What a repository gives back: the record it read, or the problem it reported. */
type Outcome = { value: Record<string, unknown> } | { problem: string } | { absent: true };

interface KindCase {
  kind: RecordKind;
  /** The version every write carries, as the kind's own module exports it. */
  exported: number;
  /** Hand-counted from the format notes: processes gained scenarios in v2, nothing else has changed yet. */
  expected: number;
  table: keyof BprDatabase & string;
  /** Writes one record through the repository; returns its primary key. */
  write: (c: Ctx) => Promise<string>;
  read: (c: Ctx, key: string) => Promise<Outcome>;
}

const attempt = async (f: () => Promise<unknown>): Promise<Outcome> => {
  try {
    const value = await f();
    return value === undefined ? { absent: true } : { value: value as Record<string, unknown> };
  } catch (err) {
    return { problem: err instanceof Error ? err.message : String(err) };
  }
};

let simulation: SimulationResult;
beforeAll(async () => {
  const loaded = await loadSimModel(readFileSync(path.join(diagramsRoot, 'tennyu-asis.bpmn'), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.message);
  simulation = runSimulation(loaded.model, { seed: 1, replications: 2, years: 0.1 });
});

const CASES: KindCase[] = [
  {
    kind: 'workspace',
    exported: SCHEMA_VERSIONS.workspace,
    expected: 1,
    table: 'workspaces',
    write: async (c) => c.workspaceId,
    read: (c) => attempt(async () => (await c.repo.getOrCreateWorkspace()).workspace),
  },
  {
    kind: 'process',
    exported: SCHEMA_VERSIONS.process,
    expected: 2,
    table: 'processes',
    write: async (c) => (await c.repo.createProcess(c.workspaceId, { name: '転入届', kind: 'as-is', department: '市民課', xml: bpmnXml('受付') })).id,
    read: (c, key) => attempt(() => c.repo.getProcess(key)),
  },
  {
    kind: 'version',
    exported: SCHEMA_VERSIONS.version,
    expected: 1,
    table: 'versions',
    write: async (c) => {
      const p = await c.repo.createProcess(c.workspaceId, { name: '転出届', kind: 'as-is', department: '市民課', xml: bpmnXml('受付') });
      await c.repo.saveProcess(p.id, { xml: bpmnXml('受付と審査') });
      return (await c.repo.listVersions(p.id))[0].id;
    },
    read: (c, key) => attempt(() => c.repo.getVersion(key)),
  },
  {
    kind: 'initiative',
    exported: INITIATIVE_SCHEMA_VERSION,
    expected: 1,
    table: 'initiatives',
    write: async (c) => (await new InitiativeRepository({ db: c.db }).create(c.workspaceId, { title: '電子申請', departments: ['市民課'] })).id,
    read: (c, key) => attempt(() => new InitiativeRepository({ db: c.db }).get(key)),
  },
  {
    kind: 'comparison',
    exported: COMPARISON_RECORD_VERSION,
    expected: 1,
    table: 'comparisons',
    write: async (c) => (await new ComparisonRepository({ db: c.db }).save('a', 'b', 'sha256:aa', sampleResult())).id,
    read: (c) => attempt(() => new ComparisonRepository({ db: c.db }).getLatest('a', 'b')),
  },
  {
    kind: 'simulation',
    exported: SIMULATION_RECORD_VERSION,
    expected: 1,
    table: 'simulations',
    write: async (c) => (await new SimulationResultRepository(c.db).save('p1', 'sha256:aa', DEFAULT_RUN_SETTINGS, simulation)).id,
    read: (c, key) => attempt(() => new SimulationResultRepository(c.db).getLatest(key)),
  },
  {
    kind: 'rpaSettings',
    exported: RPA_SETTINGS_SCHEMA_VERSION,
    expected: 1,
    table: 'meta',
    write: async (c) => {
      await settingsRepositoryFor(c.db).saveRpaSettings(c.workspaceId, { ...defaultRpaRankingSettings(), tasksPerRobot: 4 });
      return rpaSettingsKey(c.workspaceId);
    },
    // Settings fall back to the defaults when unreadable; the problem is what the user is told.
    read: async (c) => {
      const loaded = await settingsRepositoryFor(c.db).loadRpaSettings(c.workspaceId);
      return loaded.problem !== undefined ? { problem: loaded.problem } : { value: loaded.settings as unknown as Record<string, unknown> };
    },
  },
  {
    kind: 'inventory',
    exported: INVENTORY_SCHEMA_VERSION,
    expected: 1,
    table: 'inventory',
    write: async (c) => {
      const rows = parseInventoryTable([
        ['課', '業務名', '年間業務時間'],
        ['市民課', '住民票の写し交付', '1200'],
      ]).rows;
      await new InventoryRepository(c.db).importRows(c.workspaceId, rows);
      return (await new InventoryRepository(c.db).list(c.workspaceId))[0].id;
    },
    read: async (c) => {
      const { records, unreadable } = await new InventoryRepository(c.db).load(c.workspaceId);
      return unreadable.length ? { problem: unreadable[0].message } : records.length ? { value: records[0] } : { absent: true };
    },
  },
];

/** The stored row behind a key (meta rows keep the record in `value`). */
async function storedRecord(c: Ctx, kase: KindCase, key: string): Promise<Record<string, unknown>> {
  const row = (await c.db.table(kase.table).get(key)) as Record<string, unknown>;
  return kase.table === 'meta' ? (row.value as Record<string, unknown>) : row;
}
async function storeRecord(c: Ctx, kase: KindCase, key: string, record: Record<string, unknown>): Promise<void> {
  await c.db.table(kase.table).put(kase.table === 'meta' ? { key, value: record } : record);
}

describe('every stored record kind goes through the one migration registry', () => {
  it('given the registry, then it lists exactly the kinds in this table and each module writes the registry’s version', () => {
    expect(CASES.map((c) => c.kind).sort()).toEqual([...RECORD_KINDS].sort());
    for (const kase of CASES) {
      expect(kase.exported, kase.kind).toBe(kase.expected);
      expect(recordSchemaVersion(kase.kind), kase.kind).toBe(kase.expected);
    }
  });

  it.each(CASES)('given a $kind written by its repository, then it is stored with the current schemaVersion and reads back', async (kase) => {
    const c = await repositoryWithWorkspace();
    const key = await kase.write(c);
    expect((await storedRecord(c, kase, key)).schemaVersion).toBe(kase.expected);
    expect(await kase.read(c, key)).toHaveProperty('value');
  });

  it.each(CASES.filter((k) => k.expected === 1))(
    'given a $kind stored without schemaVersion (the pre-release layout of the same fields), when read, then it reads as the current version and the row is not rewritten',
    async (kase) => {
      const c = await repositoryWithWorkspace();
      const key = await kase.write(c);
      const current = await kase.read(c, key);
      const { schemaVersion: _v, ...v0 } = await storedRecord(c, kase, key);
      await storeRecord(c, kase, key, v0);
      expect(await kase.read(c, key)).toEqual(current);
      expect(await storedRecord(c, kase, key)).toEqual(v0);
    },
  );

  it.each(CASES)('given a $kind saved by a newer app, when read, then it is refused (or counted as absent) and left untouched', async (kase) => {
    const c = await repositoryWithWorkspace();
    const key = await kase.write(c);
    const newer = { ...(await storedRecord(c, kase, key)), schemaVersion: kase.expected + 1 };
    await storeRecord(c, kase, key, newer);
    const outcome = await kase.read(c, key);
    if (kase.kind === 'comparison' || kase.kind === 'simulation') {
      // Both are recomputed from the diagrams, so an unreadable one is simply not shown.
      expect(outcome).toEqual({ absent: true });
    } else {
      expect(outcome).toHaveProperty('problem');
      const problem = (outcome as { problem: string }).problem;
      // The same words for every kind, with both versions, from the one runner.
      if (kase.kind !== 'initiative')
        expect(problem).toContain(
          `新しい版のBPR Studioで保存されたデータです（データ形式 v${kase.expected + 1}、このアプリが読めるのは v${kase.expected} まで）`,
        );
      else expect(problem).toContain(`新しい版のBPR Studioで作成されています（形式 ${kase.expected + 1}）`);
    }
    expect(await storedRecord(c, kase, key)).toEqual(newer);
  });
});
