import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { SimulationResult } from '../../../src/domain/sim/result';
import { DEFAULT_RUN_SETTINGS, simRunMachine } from '../../../src/ui/simulation/simRunMachine';

const fakeResult = { seed: 7 } as unknown as SimulationResult;

function started() {
  const actor = createActor(simRunMachine).start();
  actor.send({ type: 'sim.start', settings: { ...DEFAULT_RUN_SETTINGS, seed: 7 } });
  return actor;
}

describe('simRunMachine', () => {
  it('given a new machine, when nothing happened, then it is idle with no result', () => {
    const actor = createActor(simRunMachine).start();
    expect(actor.getSnapshot().value).toBe('idle');
    expect(actor.getSnapshot().context.result).toBeNull();
    expect(actor.getSnapshot().hasTag('busy')).toBe(false);
  });

  it('given a start, when validation passes and the worker reports progress and a result, then it ends done with the result', () => {
    const actor = started();
    const { runId } = actor.getSnapshot().context;
    expect(actor.getSnapshot().value).toBe('validating');
    expect(actor.getSnapshot().context.settings.seed).toBe(7);
    actor.send({ type: 'sim.validated', runId, notes: [{ message: '警告', source: 'lint' }] });
    expect(actor.getSnapshot().value).toBe('running');
    actor.send({ type: 'sim.progress', runId, fraction: 0.4 });
    expect(actor.getSnapshot().context.progress).toBe(0.4);
    actor.send({ type: 'sim.done', runId, result: fakeResult });
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('done');
    expect(snap.context.result).toBe(fakeResult);
    expect(snap.context.resultSettings?.seed).toBe(7);
    expect(snap.context.notes).toHaveLength(1);
  });

  it('given validation errors, when sim.error arrives, then it is in error with the issues listed', () => {
    const actor = started();
    const { runId } = actor.getSnapshot().context;
    actor.send({
      type: 'sim.error',
      runId,
      message: '問題あり',
      issues: [{ message: '「受付」(Task_1) の職員処理時間がありません', elementId: 'Task_1', source: 'model' }],
    });
    expect(actor.getSnapshot().value).toBe('error');
    expect(actor.getSnapshot().context.issues[0].elementId).toBe('Task_1');
    expect(actor.getSnapshot().context.errorMessage).toBe('問題あり');
  });

  it('given a running simulation, when cancelled, then it waits in cancelling until the worker confirms', () => {
    const actor = started();
    const { runId } = actor.getSnapshot().context;
    actor.send({ type: 'sim.validated', runId, notes: [] });
    actor.send({ type: 'sim.cancel' });
    expect(actor.getSnapshot().value).toBe('cancelling');
    expect(actor.getSnapshot().hasTag('busy')).toBe(true);
    actor.send({ type: 'sim.cancelled', runId });
    expect(actor.getSnapshot().value).toBe('cancelled');
  });

  it('given a cancel during validation, when the validation result arrives later, then it is ignored', () => {
    const actor = started();
    const { runId } = actor.getSnapshot().context;
    actor.send({ type: 'sim.cancel' });
    expect(actor.getSnapshot().value).toBe('cancelled');
    actor.send({ type: 'sim.validated', runId, notes: [] });
    expect(actor.getSnapshot().value).toBe('cancelled');
  });

  it('given a finished run, when a second run starts, then the old result stays and replies of the old run are ignored', () => {
    const actor = started();
    const first = actor.getSnapshot().context.runId;
    actor.send({ type: 'sim.validated', runId: first, notes: [] });
    actor.send({ type: 'sim.done', runId: first, result: fakeResult });
    actor.send({ type: 'sim.start', settings: DEFAULT_RUN_SETTINGS });
    const second = actor.getSnapshot().context.runId;
    expect(second).toBe(first + 1);
    expect(actor.getSnapshot().context.result).toBe(fakeResult);
    expect(actor.getSnapshot().context.progress).toBe(0);
    actor.send({ type: 'sim.validated', runId: second, notes: [] });
    actor.send({ type: 'sim.progress', runId: first, fraction: 0.9 });
    actor.send({ type: 'sim.cancelled', runId: first });
    expect(actor.getSnapshot().value).toBe('running');
    expect(actor.getSnapshot().context.progress).toBe(0);
  });

  it('given a run being cancelled, when its result arrives first, then the complete result is kept as done', () => {
    const actor = started();
    const { runId } = actor.getSnapshot().context;
    actor.send({ type: 'sim.validated', runId, notes: [] });
    actor.send({ type: 'sim.cancel' });
    actor.send({ type: 'sim.done', runId, result: fakeResult });
    expect(actor.getSnapshot().value).toBe('done');
    expect(actor.getSnapshot().context.result).toBe(fakeResult);
  });

  it('given a busy run, when another start is sent, then it is ignored', () => {
    const actor = started();
    const { runId } = actor.getSnapshot().context;
    actor.send({ type: 'sim.start', settings: DEFAULT_RUN_SETTINGS });
    expect(actor.getSnapshot().context.runId).toBe(runId);
    expect(actor.getSnapshot().value).toBe('validating');
  });

  it('given progress outside 0…1, when reported, then it is clamped', () => {
    const actor = started();
    const { runId } = actor.getSnapshot().context;
    actor.send({ type: 'sim.validated', runId, notes: [] });
    actor.send({ type: 'sim.progress', runId, fraction: 1.7 });
    expect(actor.getSnapshot().context.progress).toBe(1);
  });
});
