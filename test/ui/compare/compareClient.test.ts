import { describe, expect, it } from 'vitest';
import { ComparisonCancelledError, ComparisonError, createCompareClient, runComparisonDetailed } from '../../../src/ui/compare/compareClient';
import type { RequestMessage, WorkerLike } from '../../../src/workers/rpc';
import { sampleResult } from './fixtures';

/** Speaks the wire format of src/workers/rpc.ts: records what it was sent and lets the test reply. */
class FakeWorker implements WorkerLike {
  sent: RequestMessage<unknown>[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: unknown) {
    this.sent.push(message as RequestMessage<unknown>);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }
  get runId() {
    return this.sent[0].id;
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const client = createCompareClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  return { client, workers, worker: () => workers[0] };
}

describe('compare client', () => {
  it('given a run, when the worker reports progress and a result, then only its own progress is passed on and the result resolves', async () => {
    const { client, worker } = setup();
    const progress: number[] = [];
    const pending = runComparisonDetailed('<a/>', '<b/>', { replications: 20, seed: 3 }, { onProgress: (f) => progress.push(f) }, client);
    expect(worker().sent[0]).toMatchObject({ type: 'run', request: { asIsXml: '<a/>', toBeXml: '<b/>', options: { replications: 20, seed: 3 } } });
    worker().reply({ type: 'progress', id: worker().runId, progress: 0.5 });
    worker().reply({ type: 'progress', id: 'someone-else', progress: 0.9 });
    worker().reply({ type: 'result', id: worker().runId, result: { result: sampleResult(), sensitivity: null } });
    const out = await pending;
    expect(progress).toEqual([0.5]);
    expect(out.result.hoursSavedPerYear.mean).toBe(225.2);
  });

  it('given a run, when the worker reports an error, then it rejects with the Japanese message', async () => {
    const { client, worker } = setup();
    const pending = runComparisonDetailed('<a/>', '<b/>', {}, {}, client);
    worker().reply({ type: 'error', id: worker().runId, error: { message: '現行（As-Is）の図: 開始イベントがありません', issues: [] } });
    await expect(pending).rejects.toThrow(new ComparisonError('現行（As-Is）の図: 開始イベントがありません'));
  });

  it('given a run, when a malformed reply arrives, then it rejects instead of showing a broken result', async () => {
    const { client, worker } = setup();
    const pending = runComparisonDetailed('<a/>', '<b/>', {}, {}, client);
    worker().reply({ type: 'result', id: worker().runId, result: { result: { hoursSavedPerYear: 1 }, sensitivity: null } });
    await expect(pending).rejects.toThrow(/比較用ワーカーの応答の形式が正しくありません/);
  });

  it('given a running comparison, when it is aborted, then a cancel is sent, the promise rejects as cancelled and the same worker runs the next comparison', async () => {
    const { client, workers } = setup();
    const controller = new AbortController();
    const pending = runComparisonDetailed('<a/>', '<b/>', {}, { signal: controller.signal }, client);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(ComparisonCancelledError);
    void runComparisonDetailed('<a/>', '<c/>', {}, {}, client);
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(false);
    expect(workers[0].sent.map((m) => m.type)).toEqual(['run', 'cancel', 'run']);
  });

  it('given a worker that crashes, when the next comparison is asked for, then the failure names the worker and a new one is started', async () => {
    const { client, workers } = setup();
    const pending = runComparisonDetailed('<a/>', '<b/>', {}, {}, client);
    workers[0].onerror?.({ message: 'out of memory', preventDefault: () => undefined } as ErrorEvent);
    await expect(pending).rejects.toThrow('比較用ワーカーが停止しました: out of memory');
    expect(workers[0].terminated).toBe(true);
    void runComparisonDetailed('<a/>', '<b/>', {}, {}, client);
    expect(workers).toHaveLength(2);
  });

  it('given an already aborted signal, when a run is asked for, then no worker is started', async () => {
    const { client, workers } = setup();
    const controller = new AbortController();
    controller.abort();
    await expect(runComparisonDetailed('<a/>', '<b/>', {}, { signal: controller.signal }, client)).rejects.toBeInstanceOf(ComparisonCancelledError);
    expect(workers).toHaveLength(0);
  });
});
