import { describe, expect, it } from 'vitest';
import { RunawayError } from '../../../../src/domain/sim/errors';
import { buildSimModel } from '../../../../src/domain/sim/modelBuilder';
import { runSimulation } from '../../../../src/domain/sim/runSimulation';
import { findRunawayLoops } from '../../../../src/domain/sim/staticChecks';

describe('runaway guard', () => {
  it('given a loop whose only exit has probability 0, when checked statically, then the gateway is named', () => {
    const model = buildSimModel({
      nodes: [
        { id: 'S', kind: 'start' },
        { id: 'T', kind: 'task', name: '再確認', staffTime: { type: 'fixed', value: 1 } },
        { id: 'G', kind: 'exclusive', name: '確認OK?' },
        { id: 'E', kind: 'end' },
      ],
      flows: [
        { from: 'S', to: 'T' },
        { from: 'T', to: 'G' },
        { from: 'G', to: 'T', probability: 1 },
        { from: 'G', to: 'E', probability: 0 },
      ],
      arrivals: [{ start: 'S', annualVolume: 10 }],
    });
    const issues = findRunawayLoops(model);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('「確認OK?」(G)');
    model.issues.push(...issues);
    expect(() => runSimulation(model, { replications: 1 })).toThrow(RunawayError);
  });

  it('given a parallel split whose branches both loop back, when run, then the token limit stops it naming an element', () => {
    const model = buildSimModel({
      nodes: [
        { id: 'S', kind: 'start' },
        { id: 'M', kind: 'exclusive' },
        { id: 'P', kind: 'parallel', name: '分岐' },
        { id: 'T', kind: 'task', staffTime: { type: 'fixed', value: 1 } },
        { id: 'U', kind: 'task', staffTime: { type: 'fixed', value: 1 } },
      ],
      flows: [
        { from: 'S', to: 'M' },
        { from: 'M', to: 'P' },
        { from: 'P', to: 'T' },
        { from: 'P', to: 'U' },
        { from: 'T', to: 'M' },
        { from: 'U', to: 'M' },
      ],
      arrivals: [{ start: 'S', annualVolume: 10 }],
    });
    expect(findRunawayLoops(model)).toHaveLength(1);
    // Even without the static check the dynamic limits end the run: tokens double every round.
    let error: unknown;
    try {
      runSimulation(model, { replications: 1, maxTokensPerCase: 100 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RunawayError);
    expect((error as RunawayError).message).toMatch(/トークンが上限/);
    expect((error as RunawayError).elementId).toMatch(/^(T|U|M|P)$/);
  });

  it('given a parallel join that can never get both tokens, when run, then the unfinished cases are reported', () => {
    const model = buildSimModel({
      nodes: [
        { id: 'S', kind: 'start' },
        { id: 'P', kind: 'parallel' },
        { id: 'T', kind: 'task', staffTime: { type: 'fixed', value: 1 } },
        { id: 'E', kind: 'end' },
      ],
      flows: [
        { from: 'S', to: 'P' },
        { from: 'P', to: 'T' },
        { from: 'P', to: 'E' },
        { from: 'T', to: 'P' },
      ],
      arrivals: [{ start: 'S', annualVolume: 10 }],
    });
    const r = runSimulation(model, { replications: 1 });
    expect(r.kpis.casesCompleted.mean).toBe(0);
    expect(r.warnings.join()).toMatch(/終了しませんでした/);
  });

  it('given a 99 % rework loop, when the events per case exceed the limit, then a RunawayError names the element', () => {
    const model = buildSimModel({
      nodes: [
        { id: 'S', kind: 'start' },
        { id: 'T', kind: 'task', name: '補正', staffTime: { type: 'fixed', value: 1 } },
        { id: 'G', kind: 'exclusive' },
        { id: 'E', kind: 'end' },
      ],
      flows: [
        { from: 'S', to: 'T' },
        { from: 'T', to: 'G' },
        { from: 'G', to: 'T', probability: 0.999 },
        { from: 'G', to: 'E', probability: 0.001 },
      ],
      arrivals: [{ start: 'S', annualVolume: 100 }],
    });
    expect(() => runSimulation(model, { replications: 1, maxEventsPerCase: 50 })).toThrow(/イベント数が上限 \(50\)/);
  });
});
