import { describe, expect, it } from 'vitest';
import { defaultOfficeCalendar, type Calendar } from '../../../../src/domain/model/annotations';
import { buildSimModel } from '../../../../src/domain/sim/modelBuilder';
import { runSimulation } from '../../../../src/domain/sim/runSimulation';

describe('office hours', () => {
  it('given 2 hours of work on an 08:30–17:15 calendar, when cases run, then service pauses outside office hours and lunch', () => {
    const model = buildSimModel({
      nodes: [
        { id: 'S', kind: 'start' },
        { id: 'T', kind: 'task', roleName: '係', staffTime: { type: 'fixed', value: 120 } },
        { id: 'E', kind: 'end' },
      ],
      flows: [
        { from: 'S', to: 'T' },
        { from: 'T', to: 'E' },
      ],
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

/** Open 09:00–17:00 every day of the week, no holidays: a day has 480 open minutes, so hand arithmetic is short. */
const nineToFive = (): Calendar => ({
  id: 'day',
  open: '09:00',
  close: '17:00',
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  publicHolidays: false,
  yearEndClosure: false,
});
const OPEN = 9 * 60,
  CLOSE = 17 * 60;
const tod = (t: number) => ((t % 1440) + 1440) % 1440;
/** Minutes of [a, b) outside 09:00–17:00 (a and b within one or two days). */
function outsideHours(a: number, b: number): number {
  let out = 0;
  for (let t = Math.floor(a); t < b; t++) {
    const lo = Math.max(a, t),
      hi = Math.min(b, t + 1);
    const m = tod(t);
    if (m < OPEN || m >= CLOSE) out += hi - lo;
  }
  return out;
}

describe('residents in the building at closing time', () => {
  it('given a 10-minute counter visit and then a 480-minute back-office review, when cases arrive late in the day, then the review waits for office hours', () => {
    const model = buildSimModel({
      nodes: [
        { id: 'S', kind: 'start' },
        { id: 'V', kind: 'task', roleName: '窓口', staffTime: { type: 'fixed', value: 10 }, residentTime: { type: 'fixed', value: 10 } },
        { id: 'R', kind: 'task', roleName: '審査', staffTime: { type: 'fixed', value: 480 } },
        { id: 'E', kind: 'end' },
      ],
      flows: [
        { from: 'S', to: 'V' },
        { from: 'V', to: 'R' },
        { from: 'R', to: 'E' },
      ],
      roles: [
        { name: '窓口', headcount: 50, calendar: nineToFive() },
        { name: '審査', headcount: 50, calendar: nineToFive() },
      ],
      arrivals: [{ start: 'S', annualVolume: 3000, calendar: nineToFive() }],
      defaultCalendar: nineToFive(),
    });
    const r = runSimulation(model, { seed: 5, replications: 1, cases: 300, trace: 300, startDate: '2025-04-01' });
    let pastClosing = 0;
    for (const t of r.traces!) {
      const arrived = t.entries[0][0];
      const done = t.entries.filter((e) => e[1] === 'task.completed').at(-1)![0];
      // The visit: 10 min of the resident's own time, then 10 min at the counter, in clock time.
      const visitEnd = arrived + 20;
      // 480 working minutes are exactly one open day: from an open moment the review ends at the same clock
      // time the next day; a visit that ran past 17:00 starts the review at 09:00 and ends it at 17:00.
      const expected = tod(visitEnd) < CLOSE ? visitEnd + 1440 : visitEnd - tod(visitEnd) + 1440 + CLOSE;
      if (tod(visitEnd) >= CLOSE) pastClosing++;
      expect(done).toBeCloseTo(expected, 6);
      expect(tod(done)).toBeGreaterThanOrEqual(OPEN);
      expect(tod(done)).toBeLessThanOrEqual(CLOSE);
    }
    expect(pastClosing).toBeGreaterThan(0);
    // The counter ran past closing for those visits: that part is 時間外 of 窓口, and the review has none.
    const roles = Object.fromEntries(r.roles.map((x) => [x.name, x]));
    expect(roles['窓口'].overtimeHoursPerYear!.mean).toBeGreaterThan(0);
    expect(roles['審査'].overtimeHoursPerYear!.mean).toBe(0);
  });

  it('given a back-office check the resident waits for before collecting the result, when a case arrives near closing, then it is finished the same evening and the overtime is counted', () => {
    const model = buildSimModel({
      nodes: [
        { id: 'S', kind: 'start' },
        { id: 'W', kind: 'task', roleName: '住民', residentTime: { type: 'fixed', value: 10 } },
        { id: 'C', kind: 'task', roleName: '窓口', staffTime: { type: 'fixed', value: 60 } },
        { id: 'H', kind: 'task', roleName: '窓口', staffTime: { type: 'fixed', value: 5 }, residentTime: { type: 'fixed', value: 5 } },
        { id: 'E', kind: 'end' },
      ],
      flows: [
        { from: 'S', to: 'W' },
        { from: 'W', to: 'C' },
        { from: 'C', to: 'H' },
        { from: 'H', to: 'E' },
      ],
      roles: [
        { name: '住民', headcount: null },
        { name: '窓口', headcount: 50, calendar: nineToFive() },
      ],
      arrivals: [{ start: 'S', annualVolume: 2000, calendar: nineToFive() }],
      defaultCalendar: nineToFive(),
    });
    const cases = 400;
    const r = runSimulation(model, { seed: 7, replications: 1, cases, trace: cases, startDate: '2025-04-01' });
    let late = 0;
    let overtime = 0;
    for (const t of r.traces!) {
      const a = t.entries[0][0];
      const done = t.entries.filter((e) => e[1] === 'task.completed').at(-1)![0];
      if (tod(a) > CLOSE - 80) late++;
      // 10 (writing) + 60 (check) + 5 (resident at the counter) + 5 (handing over), all in clock time.
      expect(done - a).toBeCloseTo(80, 6);
      // Staff work outside 09:00–17:00: the check [a+10, a+70) and the handing over [a+75, a+80).
      overtime += outsideHours(a + 10, a + 70) + outsideHours(a + 75, a + 80);
    }
    expect(late).toBeGreaterThan(0);
    const counter = r.roles.find((x) => x.name === '窓口')!;
    // Annualised like every per-year figure: × annual volume ÷ cases simulated.
    expect(counter.overtimeHoursPerYear!.mean).toBeCloseTo((overtime / 60) * (2000 / cases), 6);
  });

  it('given a lag of business days after the visit, when the case continues, then later back-office work waits for office hours again', () => {
    const model = buildSimModel({
      nodes: [
        { id: 'S', kind: 'start' },
        {
          id: 'W',
          kind: 'task',
          roleName: '住民',
          residentTime: { type: 'fixed', value: 5 },
          lag: { distribution: { type: 'fixed', value: 1 }, unit: 'businessDays' },
        },
        { id: 'B', kind: 'task', roleName: '係', staffTime: { type: 'fixed', value: 600 } },
        { id: 'E', kind: 'end' },
      ],
      flows: [
        { from: 'S', to: 'W' },
        { from: 'W', to: 'B' },
        { from: 'B', to: 'E' },
      ],
      roles: [
        { name: '住民', headcount: null },
        { name: '係', headcount: 50, calendar: defaultOfficeCalendar() },
      ],
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

describe('capacity: utilisation and overload', () => {
  it('given one clerk with 1.5 times the hours the calendar offers, when a year is simulated, then utilisation stops at 100 % and a warning names the role, its load and the queue', () => {
    // 09:00–17:00 every day of FY2025: 365 × 480 min = 2,920 h available; 4,380 cases × 60 min = 4,380 h demanded.
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
      roles: [{ name: '係', headcount: 1, calendar: nineToFive() }],
      arrivals: [{ start: 'S', annualVolume: 4380, calendar: nineToFive() }],
      defaultCalendar: nineToFive(),
    });
    const r = runSimulation(model, { seed: 11, replications: 3, years: 1, startDate: '2025-04-01' });
    const clerk = r.roles[0];
    expect(clerk.utilisation!.mean).toBeLessThanOrEqual(1 + 1e-9);
    expect(clerk.utilisation!.mean).toBeGreaterThan(0.99);
    // Load 4,380 / 2,920 = 150 %; Poisson volume gives about ±1.5 % (sd √4380 / 4380), so 146–154 %.
    expect(clerk.load!.mean).toBeGreaterThan(1.46);
    expect(clerk.load!.mean).toBeLessThan(1.54);
    const warning = r.warnings.find((w) => w.includes('役割「係」'));
    expect(warning).toMatch(/負荷 1(4[6-9]|5[0-4])%/);
    // Half a year's worth of surplus is still queued when arrivals stop: about 1,460 tasks.
    const queued = Number(/平均 ([\d.]+) 件が順番待ち/.exec(warning ?? '')?.[1]);
    expect(queued).toBeGreaterThan(1300);
    expect(queued).toBeLessThan(1620);
  });

  it('given a role with spare capacity, when simulated, then no overload warning appears', () => {
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
      roles: [{ name: '係', headcount: 1, calendar: nineToFive() }],
      arrivals: [{ start: 'S', annualVolume: 1460, calendar: nineToFive() }],
      defaultCalendar: nineToFive(),
    });
    const r = runSimulation(model, { seed: 11, replications: 2, years: 1, startDate: '2025-04-01' });
    // 1,460 h of 2,920 h: utilisation one half.
    expect(r.roles[0].utilisation!.mean).toBeCloseTo(0.5, 1);
    expect(r.warnings.some((w) => w.includes('負荷'))).toBe(false);
  });
});

describe('public holidays and the length of a run', () => {
  const lowVolume = () =>
    buildSimModel({
      nodes: [
        { id: 'S', kind: 'start' },
        { id: 'T', kind: 'task', roleName: '係', staffTime: { type: 'fixed', value: 5 } },
        { id: 'E', kind: 'end' },
      ],
      flows: [
        { from: 'S', to: 'T' },
        { from: 'T', to: 'E' },
      ],
      roles: [{ name: '係', calendar: defaultOfficeCalendar() }],
      arrivals: [{ start: 'S', annualVolume: 1000 }],
    });

  it('given 100,000 cases of a process with 1,000 a year, when the run would reach past 2099, then it is refused before it starts with the years named in Japanese', () => {
    expect(() => runSimulation(lowVolume(), { cases: 100_000, startDate: '2027-04-01' })).toThrow(/2099 年を超えます（開始 2027 年、到着期間 約 100 年/);
  });

  it('given a run that ends in time, when simulated, then holidays of those years apply and it runs', () => {
    const r = runSimulation(lowVolume(), { cases: 2000, replications: 1, startDate: '2027-04-01' });
    expect(r.kpis.casesCompleted.mean).toBe(2000);
    expect(r.startDate).toBe('2027-04-01');
  });
});
