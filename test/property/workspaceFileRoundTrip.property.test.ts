import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BprDatabase } from '../../src/store/db';
import { DexieWorkspaceRepository } from '../../src/store/dexieWorkspaceRepository';
import { InitiativeRepository } from '../../src/store/initiativeRepository';
import { exportWorkspaceJson, importWorkspaceFile } from '../../src/store/workspaceFile';
import { FakeClock, bpmnXml, freshIndexedDb } from '../store/storeTestKit';

const text = (max: number) =>
  fc
    .string({ unit: fc.constantFrom('市', '民', '課', '転', '入', 'a', 'B', '7', ' ', '<', '&', '"', "'", '\\', '/', '😀'), minLength: 1, maxLength: max })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

interface ProcessPlan {
  name: string;
  department: string;
  kind: 'as-is' | 'to-be';
  task: string;
  /** Later saves, each with this task name, some seconds apart. */
  saves: Array<{ task: string; afterSeconds: number }>;
  linkToPrevious: boolean;
}

const processPlan: fc.Arbitrary<ProcessPlan> = fc.record({
  name: text(30),
  department: text(10),
  kind: fc.constantFrom('as-is' as const, 'to-be' as const),
  task: text(20),
  saves: fc.array(fc.record({ task: text(20), afterSeconds: fc.integer({ min: 1, max: 100_000 }) }), { maxLength: 3 }),
  linkToPrevious: fc.boolean(),
});

interface WorkspacePlan {
  processes: ProcessPlan[];
  initiatives: Array<{ title: string; departments: string[]; summary: string }>;
  meta?: [string, unknown];
}

const workspacePlan: fc.Arbitrary<WorkspacePlan> = fc.record({
  processes: fc.array(processPlan, { maxLength: 5 }),
  initiatives: fc.array(fc.record({ title: text(40), departments: fc.uniqueArray(text(10), { minLength: 1, maxLength: 3 }), summary: text(100) }), {
    maxLength: 2,
  }),
  meta: fc.option(fc.tuple(fc.constantFrom('ui.language', 'ui.theme'), fc.jsonValue()), { nil: undefined }),
});

async function build(plan: WorkspacePlan) {
  const idb = freshIndexedDb('source');
  const db = idb.open();
  const clock = new FakeClock();
  const repo = new DexieWorkspaceRepository({ db, now: clock.now });
  const { workspace } = await repo.getOrCreateWorkspace();
  const ids: string[] = [];
  for (const p of plan.processes) {
    // A To-Be may point at the As-Is created just before it.
    const previous = ids.length ? await repo.getProcess(ids[ids.length - 1]) : undefined;
    const link = p.kind === 'to-be' && p.linkToPrevious && previous?.kind === 'as-is' ? previous.id : undefined;
    const created = await repo.createProcess(workspace.id, {
      name: p.name,
      department: p.department,
      kind: p.kind,
      xml: bpmnXml(p.task),
      ...(link ? { linkedProcessId: link } : {}),
    });
    for (const s of p.saves) {
      clock.advance(s.afterSeconds);
      await repo.saveProcess(created.id, { xml: bpmnXml(s.task) });
    }
    ids.push(created.id);
  }
  const initiatives = new InitiativeRepository({ db, now: clock.now });
  for (const i of plan.initiatives) await initiatives.create(workspace.id, { title: i.title, departments: i.departments, summary: i.summary });
  if (plan.meta) await db.meta.put({ key: plan.meta[0], value: plan.meta[1] });
  return { db, repo, initiatives, workspaceId: workspace.id, clock };
}

async function contents(db: BprDatabase, workspaceId: string) {
  const repo = new DexieWorkspaceRepository({ db });
  const processes = await repo.listProcesses(workspaceId);
  return {
    workspace: (await db.workspaces.get(workspaceId)) ?? null,
    processes,
    versions: await Promise.all(processes.map((p) => repo.listVersions(p.id))),
    initiatives: await new InitiativeRepository({ db }).list(workspaceId),
    // Seed markers (processes, 取組, 業務の全体像) belong to the database, not to the workspace.
    meta: (await db.meta.toArray()).filter((m) => !/^seeded(-[a-z]+)?:/.test(m.key) && m.key !== 'activeWorkspaceId'),
  };
}

describe('workspace file, property: export → import (replace) into a fresh database is the identity', () => {
  it('given random workspaces (seed 42, 100 runs), when exported and imported with replace, then processes, versions, links, 取組 and settings are identical', async () => {
    await fc.assert(
      fc.asyncProperty(workspacePlan, async (plan) => {
        const src = await build(plan);
        const { json, unreadable } = await exportWorkspaceJson(src.db, src.workspaceId, src.clock.now);
        expect(unreadable).toEqual([]);

        const target = freshIndexedDb('target').open();
        const targetRepo = new DexieWorkspaceRepository({ db: target, now: new FakeClock(Date.parse('2030-01-01T00:00:00Z')).now });
        const { workspace: fresh } = await targetRepo.getOrCreateWorkspace();
        await importWorkspaceFile(target, fresh.id, json, { mode: 'replace' });

        const before = await contents(src.db, src.workspaceId);
        const after = await contents(target, src.workspaceId);
        expect(after).toEqual(before);
        expect(after.processes).toHaveLength(plan.processes.length);
        src.db.close();
        target.close();
      }),
      { seed: 42, numRuns: 100 },
    );
  }, 180_000);
});
