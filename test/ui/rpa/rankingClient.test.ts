import { describe, expect, it } from 'vitest';
import { defaultRpaRankingSettings } from '../../../src/domain/analysis/rpaCandidates';
import { RankingCancelledError, RankingError, RpaRankingClient } from '../../../src/ui/rpa/rankingClient';
import type { RpaRequest } from '../../../src/workers/rpaProtocol';
import type { RequestMessage, WorkerLike } from '../../../src/workers/rpc';
import type { ProcessRecord } from '../../../src/store/types';

type Sent = RequestMessage<RpaRequest>;
type Run = Extract<Sent, { type: 'run' }>;
/** A worker stand-in speaking the wire format of src/workers/rpc.ts: records requests; the test answers by hand. */
class FakeWorker implements WorkerLike {
  sent: Sent[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: unknown): void {
    this.sent.push(message as Sent);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(msg: unknown): void {
    this.onmessage?.({ data: msg } as MessageEvent);
  }
}

const proc = (id: string, xml: string, kind: 'as-is' | 'to-be' = 'as-is'): ProcessRecord => ({
  id,
  workspaceId: 'w',
  name: `業務${id}`,
  department: '市民課',
  kind,
  xml,
  createdAt: '',
  updatedAt: '',
  revision: 1,
});
const table = { T1: { staffHoursPerYear: { mean: 10, ci95: [9, 11] as [number, number] } } };
const emptyRanking = { candidates: [], excluded: [], warnings: [] };

describe('RpaRankingClient', () => {
  it('given two As-Is and one To-Be, when ranked, then only the As-Is are sent, progress is reported and the result resolves', async () => {
    const worker = new FakeWorker();
    const client = new RpaRankingClient(() => worker);
    const progress: string[] = [];
    const done = client.rank([proc('A', '<a/>'), proc('B', '<b/>'), proc('C', '<c/>', 'to-be')], defaultRpaRankingSettings(), (p) =>
      progress.push(`${p.done}/${p.total} ${p.processName}`),
    );
    const req = worker.sent[0] as Run;
    expect(req.request.processes.map((p) => p.processId)).toEqual(['A', 'B']);
    expect(req.request.tables).toEqual({});
    worker.reply({ type: 'progress', id: req.id, progress: { kind: 'step', done: 0, total: 2, processName: '業務A' } });
    worker.reply({ type: 'progress', id: req.id, progress: { kind: 'table', hash: req.request.processes[0].hash, table } });
    worker.reply({ type: 'progress', id: req.id, progress: { kind: 'simError', hash: req.request.processes[1].hash, message: '開始イベントがありません' } });
    worker.reply({ type: 'result', id: req.id, result: emptyRanking });
    await expect(done).resolves.toEqual(emptyRanking);
    expect(progress).toEqual(['0/2 業務A']);
  });

  it('given simulated hours from an earlier run, when ranked again with the same XML, then the cached table and failure are sent and nothing is pending', async () => {
    const worker = new FakeWorker();
    const client = new RpaRankingClient(() => worker);
    const processes = [proc('A', '<a/>'), proc('B', '<b/>')];
    const first = client.rank(processes, defaultRpaRankingSettings());
    const req1 = worker.sent[0] as Run;
    worker.reply({ type: 'progress', id: req1.id, progress: { kind: 'table', hash: req1.request.processes[0].hash, table } });
    worker.reply({ type: 'progress', id: req1.id, progress: { kind: 'simError', hash: req1.request.processes[1].hash, message: 'x' } });
    worker.reply({ type: 'result', id: req1.id, result: emptyRanking });
    await first;
    expect(client.pendingCount(processes)).toBe(0);
    expect(client.pendingCount([proc('A', '<a changed="1"/>')])).toBe(1);

    void client.rank(processes, { ...defaultRpaRankingSettings(), tasksPerRobot: 5 });
    const req2 = worker.sent[1] as Run;
    expect(req2.request.tables).toEqual({ [req1.request.processes[0].hash]: table });
    expect(req2.request.failures).toEqual({ [req1.request.processes[1].hash]: 'x' });
    expect(req2.request.settings.tasksPerRobot).toBe(5);
  });

  it('given a running ranking, when cancelled or superseded, then it rejects with RankingCancelledError and the worker is told', async () => {
    const worker = new FakeWorker();
    const client = new RpaRankingClient(() => worker);
    const first = client.rank([proc('A', '<a/>')], defaultRpaRankingSettings());
    const second = client.rank([proc('A', '<a/>')], defaultRpaRankingSettings());
    await expect(first).rejects.toBeInstanceOf(RankingCancelledError);
    expect(worker.sent.map((m) => m.type)).toEqual(['run', 'cancel', 'run']);
    // Hours the superseded run had already simulated still reach the cache.
    const [old] = worker.sent as Run[];
    worker.reply({ type: 'progress', id: old.id, progress: { kind: 'table', hash: old.request.processes[0].hash, table } });
    worker.reply({ type: 'cancelled', id: old.id });
    expect(client.pendingCount([proc('A', '<a/>')])).toBe(0);
    client.cancel();
    await expect(second).rejects.toBeInstanceOf(RankingCancelledError);
    expect(worker.terminated).toBe(false);
  });

  it('given a worker error or a ranking error, when reported, then the promise rejects with the Japanese message', async () => {
    const worker = new FakeWorker();
    const client = new RpaRankingClient(() => worker);
    const run = client.rank([proc('A', '<a/>')], defaultRpaRankingSettings());
    const req = worker.sent[0] as Run;
    worker.reply({ type: 'error', id: req.id, error: { message: '1ライセンスあたりの業務数は1以上にしてください', issues: [] } });
    await expect(run).rejects.toThrow(/業務数は1以上/);

    const crashed = client.rank([proc('A', '<a/>')], defaultRpaRankingSettings());
    worker.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    await expect(crashed).rejects.toBeInstanceOf(RankingError);
    await expect(crashed).rejects.toThrow('RPA候補の計算用ワーカーが停止しました: boom');
    expect(worker.terminated).toBe(true);
  });
});
