import { describe, expect, it } from 'vitest';
import { calendarSchema, defaultOfficeCalendar, robotCalendar } from '../../../../src/domain/model/annotations';
import { fteOf, hoursPerFteOf } from '../../../../src/domain/model/fte';
import { buildSimModel } from '../../../../src/domain/sim/modelBuilder';
import { runSimulation } from '../../../../src/domain/sim/runSimulation';
import { erlangC } from '../../../../src/domain/sim/stats';

const always = robotCalendar();

describe('headcount and servers', () => {
  it('given a headcount of 2.4, when simulated, then it serves as 3 servers (a part-time person still takes a case): waits match Erlang C for c = 3', () => {
    // λ = 0.18/min, service 10 min: with c = 3 ρ = 0.6; rounding to c = 2 would give ρ = 0.9 and waits about 9 times longer.
    const lambda = 0.18,
      mean = 10;
    const model = buildSimModel({
      nodes: [
        { id: 'S', kind: 'start' },
        { id: 'T', kind: 'task', roleName: '窓口', staffTime: { type: 'exponential', mean } },
        { id: 'E', kind: 'end' },
      ],
      flows: [
        { from: 'S', to: 'T' },
        { from: 'T', to: 'E' },
      ],
      roles: [{ name: '窓口', headcount: 2.4, calendar: always }],
      arrivals: [{ start: 'S', annualVolume: lambda * 525_600, calendar: always }],
      defaultCalendar: always,
    });
    const r = runSimulation(model, { seed: 5, replications: 4, cases: 50_000, warmupCases: 1000, startDate: '2025-04-01' });
    expect(r.roles[0].servers).toBe(3);
    const exact = erlangC(3, lambda, 1 / mean).meanWait;
    expect(Math.abs(r.tasks[0].waitMinutes!.mean - exact) / exact).toBeLessThan(0.1);
  });
});

describe('人工 (FTE) from one rule', () => {
  it('given the workspace, the diagram or neither sets hours per person-year, when chosen, then the workspace wins, then the diagram, then 1,860', () => {
    expect(hoursPerFteOf({ workspace: 1700, diagram: 1500 })).toBe(1700);
    expect(hoursPerFteOf({ diagram: 1500 })).toBe(1500);
    expect(hoursPerFteOf({})).toBe(1860);
    expect(fteOf(3000, 1500)).toBe(2);
  });

  it('given a diagram with 1,500 hours per person-year, when simulated with and without a workspace figure, then 人工 = staff hours ÷ that figure', () => {
    const model = buildSimModel({
      nodes: [
        { id: 'S', kind: 'start' },
        { id: 'T', kind: 'task', roleName: '係', staffTime: { type: 'fixed', value: 60 } },
        { id: 'E', kind: 'end' },
      ],
      flows: [
        { from: 'S', to: 'T' },
        { from: 'T', to: 'E' },
      ],
      roles: [{ name: '係' }],
      arrivals: [{ start: 'S', annualVolume: 3000 }],
      hoursPerFte: 1500,
    });
    // 3,000 cases × 60 min = 3,000 h a year, whatever the arrivals: a run bounded by cases annualises exactly.
    const own = runSimulation(model, { replications: 1, cases: 3000, startDate: '2025-04-01' });
    expect(own.kpis.staffHoursPerYear.mean).toBeCloseTo(3000, 6);
    expect(own.kpis.fte.mean).toBeCloseTo(2, 9);
    const workspace = runSimulation(model, { replications: 1, cases: 3000, startDate: '2025-04-01', hoursPerFte: 2000 });
    expect(workspace.kpis.fte.mean).toBeCloseTo(1.5, 9);
    expect(workspace.roles[0].fte.mean).toBeCloseTo(1.5, 9);
  });
});

describe('lunch breaks inside office hours', () => {
  it('given lunch partly or wholly outside 08:30–17:15, when the calendar is read, then it is refused; 12:00–13:00 is accepted', () => {
    const office = defaultOfficeCalendar();
    expect(calendarSchema.safeParse(office).success).toBe(true);
    for (const [lunchStart, lunchEnd] of [
      ['08:00', '09:00'],
      ['17:00', '18:00'],
      ['13:00', '12:00'],
      ['12:00', '12:00'],
    ]) {
      expect(calendarSchema.safeParse({ ...office, lunchStart, lunchEnd }).success, `${lunchStart}–${lunchEnd}`).toBe(false);
    }
    expect(calendarSchema.safeParse({ ...office, lunchStart: '08:30', lunchEnd: '09:00' }).success).toBe(true);
  });
});
