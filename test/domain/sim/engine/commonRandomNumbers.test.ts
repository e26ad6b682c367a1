import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../../../src/domain/model/annotations';
import { buildSimModel, type FlowSpec, type NodeSpec } from '../../../../src/domain/sim/modelBuilder';
import { runSimulation } from '../../../../src/domain/sim/runSimulation';

const tri = (min: number, mode: number, max: number): Distribution => ({ type: 'triangular', min, mode, max });

/** Start → Receive → Check (rework 25 % back to Receive | on) → [Extra] → Decide → End; no headcount, no queues. */
function scenario(extra: boolean) {
  const nodes: NodeSpec[] = [
    { id: 'S', kind: 'start' },
    { id: 'Receive', kind: 'task', name: '受付', roleName: '窓口', staffTime: tri(3, 5, 12), residentTime: { type: 'exponential', mean: 4 } },
    { id: 'Check', kind: 'exclusive', name: '不備' },
    { id: 'Decide', kind: 'task', name: '審査', roleName: '審査', staffTime: { type: 'normal', mean: 20, sd: 6 } },
    { id: 'E', kind: 'end' },
  ];
  const flows: FlowSpec[] = [
    { from: 'S', to: 'Receive' },
    { from: 'Receive', to: 'Check' },
    { from: 'Check', to: 'Receive', probability: 0.25 },
  ];
  if (extra) {
    nodes.push({ id: 'Extra', kind: 'task', name: '確認', roleName: '窓口', staffTime: { type: 'uniform', min: 1, max: 30 } });
    flows.push({ from: 'Check', to: 'Extra', probability: 0.75 }, { from: 'Extra', to: 'Decide' });
  } else flows.push({ from: 'Check', to: 'Decide', probability: 0.75 });
  flows.push({ from: 'Decide', to: 'E' });
  return buildSimModel({ nodes, flows, roles: [{ name: '窓口' }, { name: '審査' }], arrivals: [{ start: 'S', annualVolume: 2000 }] });
}

describe('common random numbers per element and case', () => {
  it('given a To-Be that only adds a step, when both run on one seed, then every replication draws the same times and branches for the shared steps', () => {
    const opts = { seed: 42, replications: 4, keepReplications: true } as const;
    const a = runSimulation(scenario(false), opts).replicationValues!;
    const b = runSimulation(scenario(true), opts).replicationValues!;
    for (const id of ['Receive', 'Decide']) {
      // Same cases (arrivals have their own stream), same rework draws, same durations: equal to rounding.
      for (let r = 0; r < 4; r++) {
        expect(b.tasks[id].countPerYear[r]).toBe(a.tasks[id].countPerYear[r]);
        expect(b.tasks[id].hoursPerYear[r]).toBeCloseTo(a.tasks[id].hoursPerYear[r]!, 6);
      }
    }
    expect(b.casesStarted).toEqual(a.casesStarted);
    expect(b.tasks.Extra.hoursPerYear[0]).toBeGreaterThan(0);
  });

  it('given the same model and seed, when the replication count differs, then replication r has the same values (each replication its own seed)', () => {
    const m = scenario(true);
    const two = runSimulation(m, { seed: 9, replications: 2, keepReplications: true }).replicationValues!;
    const three = runSimulation(m, { seed: 9, replications: 3, keepReplications: true }).replicationValues!;
    expect(three.staffHoursPerYear.slice(0, 2)).toEqual(two.staffHoursPerYear);
    expect(three.staffHoursPerYear[2]).not.toBe(three.staffHoursPerYear[1]);
  });
});
