import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSimModel } from '../../src/domain/sim/loadDiagram';
import type { SimulationResult } from '../../src/domain/sim/result';
import { runSimulation } from '../../src/domain/sim/runSimulation';
import { SimulationResultRepository, simulationResultRepositoryOf } from '../../src/store/simulationResultRepository';
import { DEFAULT_RUN_SETTINGS } from '../../src/ui/simulation/simRunMachine';
import { diagramsRoot } from '../support/paths';
import { bpmnXml, FakeClock, freshIndexedDb, repositoryWithWorkspace } from './storeTestKit';

let result: SimulationResult;
beforeAll(async () => {
  const loaded = await loadSimModel(readFileSync(path.join(diagramsRoot, 'tennyu-asis.bpmn'), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.message);
  result = runSimulation(loaded.model, { seed: 2, replications: 2, years: 0.1 });
});

describe('SimulationResultRepository', () => {
  it('given a saved result, when read back, then the figures, hash, settings and time are what was saved and traces are left out', async () => {
    const clock = new FakeClock();
    const repo = new SimulationResultRepository(freshIndexedDb().open(), clock.now);
    const settings = { ...DEFAULT_RUN_SETTINGS, replications: 2 };
    await repo.save('p1', 'sha256:aa', settings, { ...result, traces: [{ case: 0, entries: [[0, 'start', 'S']] }] });
    const back = await repo.getLatest('p1');
    expect(back?.inputHash).toBe('sha256:aa');
    expect(back?.settings).toEqual(settings);
    expect(back?.computedAt).toBe(clock.now().toISOString());
    expect(back?.result.kpis.staffHoursPerYear).toEqual(result.kpis.staffHoursPerYear);
    expect(back?.result.traces).toBeUndefined();
    expect(await repo.getLatest('p2')).toBeUndefined();
  });

  it('given a second run, when saved, then it replaces the first', async () => {
    const repo = new SimulationResultRepository(freshIndexedDb().open());
    await repo.save('p1', 'h1', DEFAULT_RUN_SETTINGS, result);
    await repo.save('p1', 'h2', { ...DEFAULT_RUN_SETTINGS, seed: 5 }, { ...result, seed: 5 });
    const back = await repo.getLatest('p1');
    expect(back?.inputHash).toBe('h2');
    expect(back?.result.seed).toBe(5);
  });

  it('given a row that does not parse (an older or damaged layout), when read, then it counts as absent instead of failing', async () => {
    const db = freshIndexedDb().open();
    await db.simulations.put({ id: 'p1', schemaVersion: 99, result: 'nonsense' });
    expect(await new SimulationResultRepository(db).getLatest('p1')).toBeUndefined();
  });

  it('given settings outside what a run accepts, when saved, then it is refused and nothing is written', async () => {
    const repo = new SimulationResultRepository(freshIndexedDb().open());
    await expect(repo.save('p1', 'h', { ...DEFAULT_RUN_SETTINGS, replications: 0 }, result)).rejects.toThrow();
    expect(await repo.getLatest('p1')).toBeUndefined();
  });

  it('given a stored result of a process, when the process is deleted from the workspace, then its stored result goes too', async () => {
    const { repo: store, workspaceId } = await repositoryWithWorkspace();
    const process = await store.createProcess(workspaceId, { name: '申請', department: '市民課', kind: 'as-is', xml: bpmnXml('受付') });
    const repo = simulationResultRepositoryOf(store)!;
    await repo.save(process.id, 'h', DEFAULT_RUN_SETTINGS, result);
    await store.deleteProcess(process.id);
    expect(await repo.getLatest(process.id)).toBeUndefined();
  });
});
