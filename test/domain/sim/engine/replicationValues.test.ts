import { describe, expect, it } from 'vitest';
import { robotCalendar } from '../../../../src/domain/model/annotations';
import { buildSimModel } from '../../../../src/domain/sim/modelBuilder';
import { simulationResultSchema } from '../../../../src/domain/sim/result';
import { runSimulation } from '../../../../src/domain/sim/runSimulation';
import { mean } from '../../../../src/domain/sim/stats';

/** A clerk's 12-minute check, then a robot's 3-minute entry on the 24-hour robot calendar. */
function robotModel() {
  return buildSimModel({
    nodes: [
      { id: 'S', kind: 'start' },
      { id: 'Check', kind: 'task', name: '確認', roleName: '職員', staffTime: { type: 'fixed', value: 12 } },
      { id: 'Entry', kind: 'task', name: '入力', roleName: 'RPA', staffTime: { type: 'fixed', value: 3 } },
      { id: 'E', kind: 'end' },
    ],
    flows: [
      { from: 'S', to: 'Check' },
      { from: 'Check', to: 'Entry' },
      { from: 'Entry', to: 'E' },
    ],
    roles: [
      { name: '職員', headcount: 2, hourlyCost: 3000 },
      { name: 'RPA', headcount: 1, hourlyCost: 100, calendar: robotCalendar() },
    ],
    arrivals: [{ start: 'S', annualVolume: 1000 }],
  });
}

describe('per-replication values and robot time', () => {
  it('given a robot role on the 24-hour calendar, when simulated, then its run time is robot time, not staff time', () => {
    const r = runSimulation(robotModel(), { seed: 3, replications: 3 });
    expect(r.kpis.staffMinutesPerCase.mean).toBeCloseTo(12, 9);
    expect(r.kpis.robotMinutesPerCase!.mean).toBeCloseTo(3, 9);
    const cases = r.kpis.casesPerYear.mean;
    expect(r.kpis.staffHoursPerYear.mean).toBeCloseTo((cases * 12) / 60, 6);
    expect(r.kpis.robotHoursPerYear!.mean).toBeCloseTo((cases * 3) / 60, 6);
    expect(r.kpis.fte.mean).toBeCloseTo(r.kpis.staffHoursPerYear.mean / 1860, 9);
    // The robot's hours still cost its hourly rate.
    expect(r.kpis.costYenPerYear.mean).toBeCloseTo(((cases * 12) / 60) * 3000 + ((cases * 3) / 60) * 100, 3);
    expect(r.roles.find((x) => x.name === 'RPA')!.robot).toBe(true);
    expect(r.roles.find((x) => x.name === '職員')!.robot).toBe(false);
  });

  it('given keepReplications, when simulated, then each KPI has one value per replication whose mean is the estimate, and the result survives JSON', () => {
    const r = runSimulation(robotModel(), { seed: 5, replications: 4, keepReplications: true });
    const v = r.replicationValues!;
    for (const k of ['staffHoursPerYear', 'robotHoursPerYear', 'costYenPerYear', 'leadTimeMinutes', 'waitingMinutesPerCase'] as const) {
      expect(v[k]).toHaveLength(4);
      expect(mean(v[k] as number[])).toBeCloseTo(r.kpis[k]!.mean, 6);
    }
    expect(mean(v.tasks.Check.hoursPerYear as number[])).toBeCloseTo(r.tasks.find((t) => t.id === 'Check')!.staffHoursPerYear.mean, 6);
    expect(v.roles.RPA.robot).toBe(true);
    expect(mean(v.roles['職員'].costYenPerYear as number[])).toBeCloseTo(r.roles.find((x) => x.name === '職員')!.costYenPerYear.mean, 3);
    // No resident step: the per-visit minutes are NaN in every replication, carried as null.
    expect(v.residentMinutesPerVisit).toEqual([null, null, null, null]);
    expect(simulationResultSchema.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
    expect(runSimulation(robotModel(), { seed: 5, replications: 4 }).replicationValues).toBeUndefined();
  });

  it('given waits that are mostly zero, when estimated, then no interval of a non-negative KPI reaches below 0 and the means are unchanged', () => {
    const r = runSimulation(robotModel(), { seed: 8, replications: 3, cases: 40, keepReplications: true });
    const all = [...Object.values(r.kpis), ...r.tasks.flatMap((t) => [t.waitMinutes, t.staffHoursPerYear]), ...r.roles.map((x) => x.utilisation)];
    for (const e of all) if (e) expect(e.ci95[0]).toBeGreaterThanOrEqual(0);
    expect(r.kpis.waitingMinutesPerCase.mean).toBeCloseTo(mean(r.replicationValues!.waitingMinutesPerCase as number[]), 9);
  });
});
