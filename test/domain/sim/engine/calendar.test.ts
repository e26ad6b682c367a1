import { describe, expect, it } from 'vitest';
import { defaultOfficeCalendar } from '../../../../src/domain/model/annotations';
import { buildSimModel } from '../../../../src/domain/sim/modelBuilder';
import { runSimulation } from '../../../../src/domain/sim/runSimulation';

describe('office hours', () => {
  it('given 2 hours of work on an 08:30–17:15 calendar, when cases run, then service pauses outside office hours and lunch', () => {
    const model = buildSimModel({
      nodes: [{ id: 'S', kind: 'start' }, { id: 'T', kind: 'task', roleName: '係', staffTime: { type: 'fixed', value: 120 } }, { id: 'E', kind: 'end' }],
      flows: [{ from: 'S', to: 'T' }, { from: 'T', to: 'E' }],
      roles: [{ name: '係', calendar: defaultOfficeCalendar() }],
      arrivals: [{ start: 'S', annualVolume: 2000 }],
    });
    const r = runSimulation(model, { seed: 4, replications: 1, cases: 500, trace: 500 });
    let overnight = 0;
    for (const t of r.traces!) {
      const start = t.entries.find((e) => e[1] === 'task.start')![0];
      const done = t.entries.find((e) => e[1] === 'task.completed')![0];
      const tod = ((done % 1440) + 1440) % 1440;
      // Completions happen inside office hours (08:30–12:00 or 13:00–17:15).
      expect((tod > 510 && tod <= 720) || (tod > 780 && tod <= 1035)).toBe(true);
      expect(done - start).toBeGreaterThanOrEqual(120);
      if (done - start > 1000) overnight++;
    }
    expect(overnight).toBeGreaterThan(0);
  });
});
