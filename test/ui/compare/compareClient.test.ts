import { describe, expect, it } from 'vitest';
import { ComparisonCancelledError, ComparisonError, runComparisonDetailed, type CompareWorkerLike } from '../../../src/ui/compare/compareClient';
import type { CompareRequest } from '../../../src/workers/compareProtocol';
import { sampleResult } from './fixtures';

/** A worker that records what it was sent and lets the test reply. */
class FakeWorker implements CompareWorkerLike {
  sent: CompareRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: CompareRequest) {
    this.sent.push(message);
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

describe('compare client', () => {
  it('given a run, when the worker reports progress and a result, then progress is passed on, the result resolves and the worker is ended', async () => {
    const worker = new FakeWorker();
    const progress: number[] = [];
    const pending = runComparisonDetailed('<a/>', '<b/>', { replications: 20, seed: 3 }, { onProgress: (f) => progress.push(f) }, () => worker);
    expect(worker.sent[0]).toMatchObject({ type: 'compare.run', asIsXml: '<a/>', toBeXml: '<b/>', options: { replications: 20, seed: 3 } });
    worker.reply({ type: 'compare.progress', id: worker.runId, fraction: 0.5 });
    worker.reply({ type: 'compare.progress', id: 'someone-else', fraction: 0.9 });
    worker.reply({ type: 'compare.result', id: worker.runId, result: sampleResult(), sensitivity: null });
    const out = await pending;
    expect(progress).toEqual([0.5]);
    expect(out.result.hoursSavedPerYear.mean).toBe(225.2);
    expect(worker.terminated).toBe(true);
  });

  it('given a run, when the worker reports an error, then it rejects with the Japanese message', async () => {
    const worker = new FakeWorker();
    const pending = runComparisonDetailed('<a/>', '<b/>', {}, {}, () => worker);
    worker.reply({ type: 'compare.error', id: worker.runId, message: '現行（As-Is）の図: 開始イベントがありません' });
    await expect(pending).rejects.toThrow(new ComparisonError('現行（As-Is）の図: 開始イベントがありません'));
  });

  it('given a run, when a malformed reply arrives, then it rejects instead of showing a broken result', async () => {
    const worker = new FakeWorker();
    const pending = runComparisonDetailed('<a/>', '<b/>', {}, {}, () => worker);
    worker.reply({ type: 'compare.result', id: worker.runId, result: { hoursSavedPerYear: 1 }, sensitivity: null });
    await expect(pending).rejects.toBeInstanceOf(ComparisonError);
    expect(worker.terminated).toBe(true);
  });

  it('given a running comparison, when it is aborted, then a cancel is sent, the worker is terminated and the promise rejects as cancelled', async () => {
    const worker = new FakeWorker();
    const controller = new AbortController();
    const pending = runComparisonDetailed('<a/>', '<b/>', {}, { signal: controller.signal }, () => worker);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(ComparisonCancelledError);
    expect(worker.sent.map((m) => m.type)).toEqual(['compare.run', 'compare.cancel']);
    expect(worker.terminated).toBe(true);
  });

  it('given an already aborted signal, when a run is asked for, then no worker is started', async () => {
    const controller = new AbortController();
    controller.abort();
    let started = false;
    await expect(
      runComparisonDetailed('<a/>', '<b/>', {}, { signal: controller.signal }, () => {
        started = true;
        return new FakeWorker();
      }),
    ).rejects.toBeInstanceOf(ComparisonCancelledError);
    expect(started).toBe(false);
  });
});
