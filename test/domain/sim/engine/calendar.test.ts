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

describe('residents in the building at closing time', () => {
  it('given a resident step then a back-office check while the resident waits, when a case arrives near closing, then it is finished the same evening', () => {
    // Every case writes a form for 10 min, then two checks of 60 min by staff: with 08:30–17:15 hours,
    // cases arriving after 15:05 would wait overnight if the counter sent residents home.
    const model = buildSimModel({
      nodes: [
        { id: 'S', kind: 'start' },
        { id: 'W', kind: 'task', roleName: '住民', residentTime: { type: 'fixed', value: 10 } },
        { id: 'C', kind: 'task', roleName: '窓口', staffTime: { type: 'fixed', value: 60 } },
        { id: 'K', kind: 'task', roleName: '窓口', staffTime: { type: 'fixed', value: 60 } },
        { id: 'E', kind: 'end' },
      ],
      flows: [{ from: 'S', to: 'W' }, { from: 'W', to: 'C' }, { from: 'C', to: 'K' }, { from: 'K', to: 'E' }],
      roles: [{ name: '住民', headcount: null }, { name: '窓口', headcount: 50, calendar: defaultOfficeCalendar() }],
      arrivals: [{ start: 'S', annualVolume: 2000 }],
    });
    const r = runSimulation(model, { seed: 7, replications: 1, cases: 400, trace: 400 });
    let late = 0;
    for (const t of r.traces!) {
      const arrived = t.entries[0][0];
      const done = t.entries.filter((e) => e[1] === 'task.completed').at(-1)![0];
      const arrivedTod = ((arrived % 1440) + 1440) % 1440;
      if (arrivedTod > 905) late++;
      // 10 + 60 + 60 minutes in clock time: no overnight pause for a resident who is present.
      expect(done - arrived).toBeCloseTo(130, 6);
    }
    expect(late).toBeGreaterThan(0);
  });

  it('given a lag of business days after the visit, when the case continues, then later back-office work waits for office hours again', () => {
    const model = buildSimModel({
      nodes: [
        { id: 'S', kind: 'start' },
        { id: 'W', kind: 'task', roleName: '住民', residentTime: { type: 'fixed', value: 5 }, lag: { distribution: { type: 'fixed', value: 1 }, unit: 'businessDays' } },
        { id: 'B', kind: 'task', roleName: '係', staffTime: { type: 'fixed', value: 600 } },
        { id: 'E', kind: 'end' },
      ],
      flows: [{ from: 'S', to: 'W' }, { from: 'W', to: 'B' }, { from: 'B', to: 'E' }],
      roles: [{ name: '住民', headcount: null }, { name: '係', headcount: 50, calendar: defaultOfficeCalendar() }],
      arrivals: [{ start: 'S', annualVolume: 2000 }],
    });
    const r = runSimulation(model, { seed: 3, replications: 1, cases: 100, trace: 100 });
    for (const t of r.traces!) {
      const start = t.entries.filter((e) => e[1] === 'task.start').at(-1)![0];
      const done = t.entries.filter((e) => e[1] === 'task.completed').at(-1)![0];
      // 600 working minutes never fit in one 465-minute office day.
      expect(done - start).toBeGreaterThan(600 + 60);
    }
  });
});
