import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../../../src/domain/model/annotations';
import { nextFiscalYearStart } from '../../../../src/domain/model/fiscalYear';
import { buildSimModel } from '../../../../src/domain/sim/modelBuilder';
import { runSimulation } from '../../../../src/domain/sim/runSimulation';

/** Monday–Friday 09:00–17:00, no holidays: open time per month is 480 min × its weekdays. */
const weekdays = (): Calendar => ({ id: 'wd', open: '09:00', close: '17:00', weekdays: [1, 2, 3, 4, 5], publicHolidays: false, yearEndClosure: false });

/** Weekdays of each calendar month from 2025-04-01 to 2026-03-31, counted independently of the engine. */
function weekdaysByMonth(): Map<string, number> {
  const out = new Map<string, number>();
  for (let t = Date.UTC(2025, 3, 1); t < Date.UTC(2026, 3, 1); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
    const key = `${d.getUTCFullYear()}-${d.getUTCMonth() + 1}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

function arrivalMonths(seasonality?: number[]) {
  const volume = 60_000;
  const model = buildSimModel({
    nodes: [
      { id: 'S', kind: 'start' },
      { id: 'T', kind: 'task', staffTime: { type: 'fixed', value: 1 } },
      { id: 'E', kind: 'end' },
    ],
    flows: [
      { from: 'S', to: 'T' },
      { from: 'T', to: 'E' },
    ],
    arrivals: [{ start: 'S', annualVolume: volume, calendar: weekdays(), ...(seasonality ? { seasonality } : {}) }],
    defaultCalendar: weekdays(),
  });
  const r = runSimulation(model, { seed: 21, replications: 1, years: 1, trace: 1_000_000, startDate: '2025-04-01' });
  const counts = new Map<string, number>();
  const epoch = Date.UTC(2025, 3, 1);
  for (const t of r.traces!) {
    const d = new Date(epoch + t.entries[0][0] * 60_000);
    const key = `${d.getUTCFullYear()}-${d.getUTCMonth() + 1}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { counts, total: r.traces!.length, volume };
}

describe('arrivals spread by open time', () => {
  it('given flat seasonality, when a year is simulated, then each month receives the volume in proportion to its open days', () => {
    const { counts, total, volume } = arrivalMonths();
    const open = weekdaysByMonth();
    const openDays = [...open.values()].reduce((a, b) => a + b, 0);
    // Poisson total: sd √60000 ≈ 245, so 2 % is about 5 sd.
    expect(Math.abs(total - volume) / volume).toBeLessThan(0.02);
    for (const [month, days] of open) {
      const expected = (volume * days) / openDays;
      // Each month holds ≈ 4,000–5,500 cases: sd ≈ 70, tolerance 5 sd ≈ 350.
      expect(Math.abs((counts.get(month) ?? 0) - expected)).toBeLessThan(5 * Math.sqrt(expected));
    }
  });

  it('given January weighted twice, when a year is simulated, then January gets twice the rate per open day of the other months', () => {
    const weights = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const { counts, volume } = arrivalMonths(weights);
    const open = weekdaysByMonth();
    const weighted = [...open.entries()].reduce((s, [m, d]) => s + d * weights[Number(m.split('-')[1]) - 1], 0);
    for (const [month, days] of open) {
      const expected = (volume * days * weights[Number(month.split('-')[1]) - 1]) / weighted;
      expect(Math.abs((counts.get(month) ?? 0) - expected)).toBeLessThan(5 * Math.sqrt(expected));
    }
  });

  it('given a fixed interarrival time, when run, then cases arrive exactly that many open minutes apart', () => {
    const model = buildSimModel({
      nodes: [
        { id: 'S', kind: 'start' },
        { id: 'T', kind: 'task', staffTime: { type: 'fixed', value: 1 } },
        { id: 'E', kind: 'end' },
      ],
      flows: [
        { from: 'S', to: 'T' },
        { from: 'T', to: 'E' },
      ],
      arrivals: [{ start: 'S', annualVolume: 1, calendar: weekdays(), interarrival: { type: 'fixed', value: 100 } }],
      defaultCalendar: weekdays(),
    });
    const r = runSimulation(model, { seed: 1, replications: 1, cases: 6, trace: 6, startDate: '2025-04-01' });
    // 2025-04-01 is a Tuesday: from 09:00, every 100 open minutes → 10:40, 12:20, 14:00, 15:40, then 09:00 + 20 next day.
    const starts = r.traces!.map((t) => t.entries[0][0]);
    expect(starts).toEqual([540 + 100, 540 + 200, 540 + 300, 540 + 400, 1440 + 540 + 20, 1440 + 540 + 120]);
  });
});

describe('start date', () => {
  it('given no start date, when the default is taken, then it is the next 1 April in Japan', () => {
    expect(nextFiscalYearStart(new Date('2026-12-07T03:00:00Z'))).toBe('2027-04-01');
    expect(nextFiscalYearStart(new Date('2027-03-31T12:00:00Z'))).toBe('2027-04-01');
    // 31 March 15:00 UTC is already 1 April in Japan: the next 1 April is a year later.
    expect(nextFiscalYearStart(new Date('2027-03-31T15:00:00Z'))).toBe('2028-04-01');
  });

  it('given a run without a start date, when the result is read, then it states the start it used', () => {
    const model = buildSimModel({
      nodes: [
        { id: 'S', kind: 'start' },
        { id: 'T', kind: 'task', staffTime: { type: 'fixed', value: 1 } },
        { id: 'E', kind: 'end' },
      ],
      flows: [
        { from: 'S', to: 'T' },
        { from: 'T', to: 'E' },
      ],
      arrivals: [{ start: 'S', annualVolume: 100 }],
    });
    const r = runSimulation(model, { replications: 1, cases: 10, today: new Date('2026-12-07T00:00:00Z') });
    expect(r.startDate).toBe('2027-04-01');
    model.startDate = '2026-01-05';
    expect(runSimulation(model, { replications: 1, cases: 10 }).startDate).toBe('2026-01-05');
  });
});
