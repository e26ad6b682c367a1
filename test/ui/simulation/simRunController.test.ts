import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../../src/domain/sim/result';
import type { Preflight } from '../../../src/ui/simulation/preflight';
import { SimRunController, toSimOptions, type WorkerLike } from '../../../src/ui/simulation/simRunController';
import { DEFAULT_RUN_SETTINGS } from '../../../src/ui/simulation/simRunMachine';
import type { RequestMessage } from '../../../src/workers/rpc';
import type { SimRequest } from '../../../src/workers/simProtocol';

type Sent = RequestMessage<SimRequest>;
/** Speaks the wire format of src/workers/rpc.ts; the test answers by hand. */
class FakeWorker implements WorkerLike {
  posted: Sent[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: unknown) {
    this.posted.push(message as Sent);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: unknown) {
    this.onmessage?.({ data } as MessageEvent);
  }
}

/** Replies reach the controller through promises: let them settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const clean: Preflight = { blocking: [], notes: [] };
const est = (mean: number) => ({ mean, ci95: [mean, mean] as [number, number] });
const minimalResult = (): SimulationResult => {
  const kpiNames = [
    'casesStarted',
    'casesCompleted',
    'casesPerYear',
    'staffHoursPerYear',
    'staffMinutesPerCase',
    'leadTimeMinutes',
    'leadTimeBusinessDays',
    'waitingMinutesPerCase',
    'costYenPerYear',
    'paperSheetsPerYear',
    'fte',
    'meanCasesInSystem',
    'arrivalRatePerMinute',
  ];
  return {
    seed: 1,
    mode: 'fast',
    replications: 2,
    cases: 10,
    startDate: '2025-04-01',
    simulatedYears: 1,
    events: 100,
    kpis: { ...Object.fromEntries(kpiNames.map((k) => [k, est(1)])), residentMinutesPerVisit: null } as SimulationResult['kpis'],
    tasks: [],
    roles: [],
    lanes: [],
    ends: [],
    leadTimeHistogram: { unit: 'businessDays', edges: [0, 1], counts: [10] },
    warnings: [],
  };
};

function setup(check: (xml: string) => Promise<Preflight> = async () => clean) {
  let worker: FakeWorker | undefined;
  const controller = new SimRunController(() => (worker = new FakeWorker()), check);
  return { controller, worker: () => worker! };
}

describe('SimRunController', () => {
  it('given a clean diagram, when started, then the worker gets the XML and options and its result ends the run', async () => {
    const { controller, worker } = setup();
    await controller.start('<xml/>', { ...DEFAULT_RUN_SETTINGS, replications: 4, seed: 9 });
    expect(controller.actor.getSnapshot().value).toBe('running');
    const request = worker().posted[0];
    expect(request).toMatchObject({ type: 'run', request: { xml: '<xml/>', options: { replications: 4, seed: 9, years: 1, mode: 'fast' } } });
    const id = request.id;
    worker().reply({ type: 'progress', id, progress: 0.5 });
    expect(controller.actor.getSnapshot().context.progress).toBe(0.5);
    worker().reply({ type: 'result', id, result: minimalResult() });
    await settle();
    expect(controller.actor.getSnapshot().value).toBe('done');
    expect(controller.actor.getSnapshot().context.result?.events).toBe(100);
    expect(controller.resultXml).toBe('<xml/>');
  });

  it('given blocking findings, when started, then nothing reaches the worker and the findings are the issues', async () => {
    const issue = { message: '「受付」(Task_1) の職員処理時間がありません', elementId: 'Task_1', source: 'model' as const };
    const { controller, worker } = setup(async () => ({ blocking: [issue], notes: [] }));
    await controller.start('<xml/>', DEFAULT_RUN_SETTINGS);
    expect(worker()).toBeUndefined();
    const snap = controller.actor.getSnapshot();
    expect(snap.value).toBe('error');
    expect(snap.context.issues).toEqual([issue]);
    expect(snap.context.errorMessage).toContain('1 件の問題');
  });

  it('given a running simulation, when cancelled, then the worker is told, the run ends as cancelled and the same worker takes the next run', async () => {
    const { controller, worker } = setup();
    await controller.start('<xml/>', DEFAULT_RUN_SETTINGS);
    controller.cancel();
    const [run, cancel] = worker().posted;
    expect(cancel).toEqual({ type: 'cancel', id: run.id });
    expect(controller.actor.getSnapshot().value).toBe('cancelling');
    await settle();
    expect(controller.actor.getSnapshot().value).toBe('cancelled');
    // A late reply of the cancelled run changes nothing.
    worker().reply({ type: 'result', id: run.id, result: minimalResult() });
    await settle();
    expect(controller.actor.getSnapshot().value).toBe('cancelled');
    const first = worker();
    await controller.start('<xml/>', DEFAULT_RUN_SETTINGS);
    expect(worker()).toBe(first);
    expect(first.terminated).toBe(false);
    expect(first.posted.map((m) => m.type)).toEqual(['run', 'cancel', 'run']);
  });

  it('given a worker error naming an element, when received, then the issue carries the element id', async () => {
    const { controller, worker } = setup();
    await controller.start('<xml/>', DEFAULT_RUN_SETTINGS);
    const id = worker().posted[0].id;
    worker().reply({ type: 'error', id, error: { message: 'ループが終わりません', issues: ['ループが終わりません'], elementId: 'Gateway_1' } });
    await settle();
    const snap = controller.actor.getSnapshot();
    expect(snap.value).toBe('error');
    expect(snap.context.issues).toEqual([{ message: 'ループが終わりません', source: 'run', elementId: 'Gateway_1' }]);
  });

  it('given a malformed worker reply, when received, then the run fails with a Japanese message instead of showing bad data', async () => {
    const { controller, worker } = setup();
    await controller.start('<xml/>', DEFAULT_RUN_SETTINGS);
    worker().reply({ type: 'result', id: worker().posted[0].id, result: { seed: 'x' } });
    await settle();
    expect(controller.actor.getSnapshot().value).toBe('error');
    expect(controller.actor.getSnapshot().context.errorMessage).toMatch(/^シミュレーション用ワーカーの応答の形式が正しくありません/);
  });

  it('given a crashed worker, when it reports an error event, then the run fails and the next run gets a new worker', async () => {
    let created = 0;
    const workers: FakeWorker[] = [];
    const controller = new SimRunController(
      () => {
        created++;
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
      async () => clean,
    );
    await controller.start('<xml/>', DEFAULT_RUN_SETTINGS);
    workers[0].onerror?.({ message: 'boom', preventDefault: () => undefined } as ErrorEvent);
    await settle();
    expect(controller.actor.getSnapshot().value).toBe('error');
    expect(controller.actor.getSnapshot().context.errorMessage).toBe('シミュレーション用ワーカーが停止しました: boom');
    expect(workers[0].terminated).toBe(true);
    await controller.start('<xml/>', DEFAULT_RUN_SETTINGS);
    expect(created).toBe(2);
  });

  it('given settings by cases, when converted, then only cases bound the run', () => {
    expect(toSimOptions({ ...DEFAULT_RUN_SETTINGS, period: 'cases', cases: 500 })).toEqual({ seed: 1, replications: 10, mode: 'fast', cases: 500 });
    expect(toSimOptions({ ...DEFAULT_RUN_SETTINGS, years: 2 })).toEqual({ seed: 1, replications: 10, mode: 'fast', years: 2 });
  });
});

describe('SimRunController: a stored result after a reload', () => {
  it('given nothing ran yet, when a stored result is restored, then it is shown as done with its settings and nothing reaches a worker', () => {
    const { controller, worker } = setup();
    const settings = { ...DEFAULT_RUN_SETTINGS, replications: 3 };
    const stored: string[] = [];
    controller.onResult = (xml) => stored.push(xml);
    expect(controller.restore('<xml/>', settings, minimalResult(), new Date('2026-12-01T00:00:00Z'))).toBe(true);
    const snap = controller.actor.getSnapshot();
    expect(snap.value).toBe('done');
    expect(snap.context.resultSettings).toEqual(settings);
    expect(snap.context.settings).toEqual(settings);
    expect(controller.restored).toBe(true);
    expect(controller.resultXml).toBe('<xml/>');
    expect(worker()).toBeUndefined();
    // A restored result is not stored again as if it were new.
    expect(stored).toEqual([]);
  });

  it('given a run already finished in this page, when a stored result arrives late, then the newer result stays', async () => {
    const { controller, worker } = setup();
    await controller.start('<new/>', DEFAULT_RUN_SETTINGS);
    worker().reply({ type: 'result', id: worker().posted[0].id, result: { ...minimalResult(), events: 7 } });
    await settle();
    expect(controller.restore('<old/>', DEFAULT_RUN_SETTINGS, minimalResult(), new Date())).toBe(false);
    expect(controller.actor.getSnapshot().context.result?.events).toBe(7);
    expect(controller.resultXml).toBe('<new/>');
  });

  it('given a restored result, when a new run completes, then that run is handed on for storing with its XML and settings', async () => {
    const { controller, worker } = setup();
    const stored: Array<[string, number]> = [];
    controller.onResult = (xml, settings) => stored.push([xml, settings.replications]);
    controller.restore('<a/>', DEFAULT_RUN_SETTINGS, minimalResult(), new Date());
    await controller.start('<b/>', { ...DEFAULT_RUN_SETTINGS, replications: 4 });
    worker().reply({ type: 'result', id: worker().posted[0].id, result: minimalResult() });
    await settle();
    expect(stored).toEqual([['<b/>', 4]]);
    expect(controller.restored).toBe(false);
  });
});
