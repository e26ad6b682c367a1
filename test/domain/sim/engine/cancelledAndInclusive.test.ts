import { describe, expect, it } from 'vitest';
import { robotCalendar } from '../../../../src/domain/model/annotations';
import { buildSimModel } from '../../../../src/domain/sim/modelBuilder';
import { runSimulation } from '../../../../src/domain/sim/runSimulation';

const always = robotCalendar();

/**
 * A single FIFO server with reneging, simulated by hand: two residents arrive together every 10 min
 * (at 10, 10, 20, 20, …), each needs 11 min of service and gives up 12 min after arriving (an
 * interrupting boundary timer on the task), whether still queued then or already being served.
 */
const SERVICE = 11,
  PATIENCE = 12;
function handQueue(cases: number): { waits: number[]; cancelledQueued: number; interrupted: number } {
  let free = 0;
  const waits: number[] = [];
  let cancelledQueued = 0,
    interrupted = 0;
  for (let k = 0; k < cases; k++) {
    const arrive = 10 * (Math.floor(k / 2) + 1),
      deadline = arrive + PATIENCE;
    const start = Math.max(arrive, free);
    if (start >= deadline) {
      cancelledQueued++;
      waits.push(PATIENCE);
      continue;
    }
    waits.push(start - arrive);
    if (start + SERVICE > deadline) interrupted++;
    free = Math.min(start + SERVICE, deadline);
  }
  return { waits, cancelledQueued, interrupted };
}

describe('waiting time of tasks a boundary timer cancels', () => {
  it('given two arrivals every 10 min to an 11-min task with a 12-min timeout, when run, then queue time until the cancel counts for the case and the task', () => {
    const model = buildSimModel({
      nodes: [
        { id: 'S1', kind: 'start' },
        { id: 'S2', kind: 'start' },
        { id: 'T', kind: 'task', roleName: '係', staffTime: { type: 'fixed', value: SERVICE } },
        { id: 'Timeout', kind: 'boundaryTimer', attachedToId: 'T', timerMinutes: PATIENCE },
        { id: 'E1', kind: 'end' },
        { id: 'E2', kind: 'end' },
      ],
      flows: [
        { from: 'S1', to: 'T' },
        { from: 'S2', to: 'T' },
        { from: 'T', to: 'E1' },
        { from: 'Timeout', to: 'E2' },
      ],
      roles: [{ name: '係', headcount: 1, calendar: always }],
      arrivals: [
        { start: 'S1', annualVolume: 1, calendar: always, interarrival: { type: 'fixed', value: 10 } },
        { start: 'S2', annualVolume: 1, calendar: always, interarrival: { type: 'fixed', value: 10 } },
      ],
      defaultCalendar: always,
    });
    const cases = 60;
    const hand = handQueue(cases);
    // The hand simulation must exercise both kinds of cancel, or the test proves nothing.
    expect(hand.cancelledQueued).toBeGreaterThan(0);
    expect(hand.interrupted).toBeGreaterThan(0);
    const r = runSimulation(model, { seed: 1, replications: 1, cases, startDate: '2025-04-01' });
    const meanWait = hand.waits.reduce((a, b) => a + b, 0) / cases;
    expect(r.kpis.waitingMinutesPerCase.mean).toBeCloseTo(meanWait, 6);
    // Per task: every instance that left the queue (served, interrupted or given up) counts once.
    expect(r.tasks.find((t) => t.id === 'T')!.waitMinutes!.mean).toBeCloseTo(meanWait, 6);
    const ends = Object.fromEntries(r.ends.map((e) => [e.id, e.count.mean]));
    expect(ends.E2).toBe(hand.cancelledQueued + hand.interrupted);
    expect(ends.E1).toBe(cases - ends.E2);
  });
});

describe('inclusive split without a default flow', () => {
  it('given two branches of 50 % each and no default, when 20,000 cases run, then each is taken 2/3 of the time and both 1/3 (at least one is taken)', () => {
    const model = buildSimModel({
      nodes: [
        { id: 'S', kind: 'start' },
        { id: 'Split', kind: 'inclusive' },
        { id: 'A', kind: 'task', staffTime: { type: 'fixed', value: 1 } },
        { id: 'B', kind: 'task', staffTime: { type: 'fixed', value: 1 } },
        { id: 'Join', kind: 'inclusive' },
        { id: 'E', kind: 'end' },
      ],
      flows: [
        { from: 'S', to: 'Split' },
        { from: 'Split', to: 'A', probability: 0.5 },
        { from: 'Split', to: 'B', probability: 0.5 },
        { from: 'A', to: 'Join' },
        { from: 'B', to: 'Join' },
        { from: 'Join', to: 'E' },
      ],
      arrivals: [{ start: 'S', annualVolume: 10_000, calendar: always }],
      defaultCalendar: always,
    });
    const cases = 20_000;
    const r = runSimulation(model, { seed: 9, replications: 1, cases, startDate: '2025-04-01' });
    const count = (id: string) => r.tasks.find((t) => t.id === id)!.count.mean;
    // P(A | A or B) = 0.5 / 0.75 = 2/3; sd of the share √(2/3 · 1/3 / 20000) ≈ 0.0033, tolerance 0.012 (≈ 3.6 sd).
    expect(Math.abs(count('A') / cases - 2 / 3)).toBeLessThan(0.012);
    expect(Math.abs(count('B') / cases - 2 / 3)).toBeLessThan(0.012);
    // Both: (A + B − cases) / cases = 1/3.
    expect(Math.abs((count('A') + count('B') - cases) / cases - 1 / 3)).toBeLessThan(0.012);
  });
});
