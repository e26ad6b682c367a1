import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../../../src/domain/sim/runSimulation';
import type { CaseTrace } from '../../../../src/domain/sim/scheduler';
import { joinsModel } from './fixtures';

const times = (t: CaseTrace, what: string, id: string) => t.entries.filter((e) => e[1] === what && e[2] === id).map((e) => e[0]);

describe('parallel and inclusive joins (trace-based)', () => {
  const r = runSimulation(joinsModel(), { seed: 2, replications: 1, cases: 200, trace: 200 });

  it('given a parallel split, when both branches finish, then the join continues only after the slower one', () => {
    for (const t of r.traces!) {
      const b = times(t, 'task.completed', 'B')[0];
      const a = times(t, 'task.completed', 'A')[0];
      const next = times(t, 'gateway.decide', 'Or')[0];
      expect(next).toBeGreaterThanOrEqual(Math.max(a, b));
      expect(next).toBe(b); // B (30 min) is always the slower branch on a 24h calendar with no queues
    }
  });

  it('given an inclusive split, when some branches are taken, then the join waits for exactly the taken ones and fires once', () => {
    const seenMasks = new Set<number>();
    for (const t of r.traces!) {
      const decided = t.entries.find((e) => e[1] === 'gateway.decided' && e[2] === 'Or')!;
      const mask = decided[3]!;
      seenMasks.add(mask);
      const taken = ['X', 'Y', 'Z'].filter((_, i) => mask & (1 << i));
      const ends = taken.map((id) => times(t, 'task.completed', id)[0]);
      const after = times(t, 'task.start', 'After');
      expect(after).toHaveLength(1);
      expect(after[0]).toBe(Math.max(...ends));
      for (const id of ['X', 'Y', 'Z'].filter((x) => !taken.includes(x))) expect(times(t, 'task.start', id)).toHaveLength(0);
    }
    expect(seenMasks.size).toBeGreaterThan(3);
  });
});
