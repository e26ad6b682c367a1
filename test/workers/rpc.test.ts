import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/domain/analysis/compare';
import { loadSimModel } from '../../src/domain/sim/loadDiagram';
import { runSimulation } from '../../src/domain/sim/runSimulation';
import { compareHandler } from '../../src/workers/compareHandler';
import { compareProtocol } from '../../src/workers/compareProtocol';
import { serveProtocol, WorkerCancelledError, WorkerClient, WorkerRequestError, type WorkerProtocol } from '../../src/workers/rpc';
import { simFailureOf } from '../../src/workers/simFailure';
import { simHandler } from '../../src/workers/simHandler';
import { simProtocol } from '../../src/workers/simProtocol';
import { inMemoryWorker } from '../support/inMemoryWorker';
import { diagramsRoot } from '../support/paths';

const diagram = (name: string) => readFileSync(path.join(diagramsRoot, name), 'utf8');
const model = async (name: string) => {
  const loaded = await loadSimModel(diagram(name));
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.model;
};

/** A real handler behind the real client, connected in memory instead of by a browser Worker. */
function served<P extends WorkerProtocol>(protocol: P, handler: Parameters<typeof serveProtocol<P>>[2]) {
  const workers: ReturnType<typeof inMemoryWorker>[] = [];
  const client = new WorkerClient(protocol, () => {
    const w = inMemoryWorker((scope) => serveProtocol(scope, protocol, handler, simFailureOf));
    workers.push(w);
    return w;
  });
  return { client, workers };
}
const simWorker = () => served(simProtocol, simHandler);
const compareWorker = () => served(compareProtocol, compareHandler);

describe('worker helper (src/workers/rpc.ts) with the real handlers', () => {
  it('given a sample diagram, when simulated through the worker, then the figures are those of the engine run directly, and progress rises to 1', async () => {
    const { client } = simWorker();
    const progress: number[] = [];
    const options = { seed: 4, replications: 3, years: 0.2, inputRange: false };
    const result = await client.request({ xml: diagram('tennyu-asis.bpmn'), options }, { onProgress: (f) => progress.push(f) });
    const direct = runSimulation(await model('tennyu-asis.bpmn'), options);
    expect(result.kpis.staffHoursPerYear).toEqual(direct.kpis.staffHoursPerYear);
    expect(result.kpis.leadTimeBusinessDays).toEqual(direct.kpis.leadTimeBusinessDays);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1])).toBe(true);
    expect(progress.at(-1)).toBe(1);
  });

  it('given text that is not BPMN, when simulated, then the request fails with the reader’s Japanese message and the worker stays up', async () => {
    const { client, workers } = simWorker();
    const failure = client.request({ xml: 'これはBPMNではありません', options: {} });
    await expect(failure).rejects.toBeInstanceOf(WorkerRequestError);
    await expect(failure).rejects.toThrow(/[ぁ-んァ-ン一-龥]/);
    await client.request({ xml: diagram('tennyu-asis.bpmn'), options: { seed: 1, replications: 2, years: 0.1, inputRange: false } });
    expect(workers).toHaveLength(1);
  });

  it('given a running comparison, when it is cancelled after the first progress, then it ends as cancelled without killing the worker, and the next comparison on that worker is correct', async () => {
    const { client, workers } = compareWorker();
    const abort = new AbortController();
    let reported = 0;
    const options = { seed: 2, replications: 20, years: 0.3, inputRange: false };
    const running = client.request(
      { asIsXml: diagram('tennyu-asis.bpmn'), toBeXml: diagram('tennyu-tobe.bpmn'), options },
      {
        signal: abort.signal,
        onProgress: () => {
          reported++;
          abort.abort();
        },
      },
    );
    await expect(running).rejects.toBeInstanceOf(WorkerCancelledError);
    // One replication reported before the cancel was seen: the run stopped early.
    expect(reported).toBe(1);
    const next = await client.request({ asIsXml: diagram('tennyu-asis.bpmn'), toBeXml: diagram('tennyu-tobe.bpmn'), options: { ...options, replications: 5 } });
    const direct = compareScenarios(await model('tennyu-asis.bpmn'), await model('tennyu-tobe.bpmn'), { ...options, replications: 5 });
    expect(next.result.hoursSavedPerYear).toEqual(direct.hoursSavedPerYear);
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(false);
    expect(workers[0].sent.map((m) => (m as { type: string }).type)).toEqual(['run', 'cancel', 'run']);
  });

  it('given run options outside the limits, when sent, then the worker refuses the request and names the field', async () => {
    const { client } = simWorker();
    const refused = client.request({ xml: diagram('tennyu-asis.bpmn'), options: { replications: 0 } });
    await expect(refused).rejects.toThrow(/シミュレーション用ワーカーへの要求の形式が正しくありません/);
    await expect(refused).rejects.toMatchObject({ issues: [expect.stringContaining('request.options.replications')] });
  });
});
