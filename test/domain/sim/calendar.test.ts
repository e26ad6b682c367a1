import { describe, expect, it } from 'vitest';
import { defaultOfficeCalendar, robotCalendar, type Calendar } from '../../../src/domain/model/annotations';
import { buildWorkCalendar, MINUTES_PER_DAY } from '../../../src/domain/sim/calendar';
import { createRng } from '../../../src/domain/sim/prng';

// Epoch: 2025-04-01 (Tuesday). Office: 08:30–17:15, lunch 12:00–13:00 → 465 open minutes a day.
const START = { y: 2025, m: 4, d: 1 };
const W = 465;

/** Minutes since the epoch for a local date and time. */
function at(y: number, m: number, d: number, hhmm: string): number {
  const days = (Date.UTC(y, m - 1, d) - Date.UTC(START.y, START.m - 1, START.d)) / 86_400_000;
  return days * MINUTES_PER_DAY + Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Readable form of a simulated time, for failure messages that say which day went wrong. */
function show(t: number): string {
  const dt = new Date(Date.UTC(START.y, START.m - 1, START.d) + t * 60_000);
  return dt.toISOString().slice(0, 16).replace('T', ' ');
}

const office = () => buildWorkCalendar(defaultOfficeCalendar(), START, 400);

describe('addWorkingMinutes', () => {
  it('given work started Friday 17:00 for 30 minutes, when closing at 17:15, then it finishes Monday 08:45', () => {
    expect(show(office().addWorkingMinutes(at(2025, 4, 4, '17:00'), 30))).toBe('2025-04-07 08:45');
  });

  it('given work spanning lunch, when adding, then the lunch hour pauses it', () => {
    const c = office();
    expect(show(c.addWorkingMinutes(at(2025, 4, 1, '11:50'), 20))).toBe('2025-04-01 13:10');
    // started during lunch: waits for 13:00
    expect(show(c.addWorkingMinutes(at(2025, 4, 1, '12:30'), 15))).toBe('2025-04-01 13:15');
  });

  it('given work that ends exactly at a break or at closing, when adding, then it ends then, not after the break', () => {
    const c = office();
    expect(show(c.addWorkingMinutes(at(2025, 4, 1, '11:30'), 30))).toBe('2025-04-01 12:00');
    expect(show(c.addWorkingMinutes(at(2025, 4, 1, '16:45'), 30))).toBe('2025-04-01 17:15');
    expect(show(c.addWorkingMinutes(at(2025, 4, 1, '08:30'), W))).toBe('2025-04-01 17:15');
  });

  it('given Golden Week, when work runs over it, then 5/3–5/6 are skipped', () => {
    expect(show(office().addWorkingMinutes(at(2025, 5, 2, '17:00'), 30))).toBe('2025-05-07 08:45');
  });

  it('given 年末年始 closure, when work runs over it, then 12/29–1/3 and the weekend are skipped', () => {
    // 2025-12-26 is a Friday; 1/4 is a Sunday, so work resumes Monday 1/5.
    expect(show(office().addWorkingMinutes(at(2025, 12, 26, '17:00'), 30))).toBe('2026-01-05 08:45');
    const noClosure = buildWorkCalendar({ ...defaultOfficeCalendar(), yearEndClosure: false }, START, 400);
    expect(show(noClosure.addWorkingMinutes(at(2025, 12, 26, '17:00'), 30))).toBe('2025-12-29 08:45');
  });

  it('given closed dates and a Saturday workday, when adding, then the calendar honours them', () => {
    const cal: Calendar = { ...defaultOfficeCalendar(), weekdays: [1, 2, 3, 4, 5, 6], closedDates: ['2025-04-05', '2025-04-07'] };
    const c = buildWorkCalendar(cal, START, 60);
    expect(show(c.addWorkingMinutes(at(2025, 4, 4, '17:00'), 30))).toBe('2025-04-08 08:45');
    expect(c.isOpen(at(2025, 4, 12, '10:00'))).toBe(true); // an ordinary Saturday
  });

  it('given a start time outside hours, when adding, then work starts at the next opening', () => {
    const c = office();
    expect(show(c.addWorkingMinutes(at(2025, 4, 5, '10:00'), 60))).toBe('2025-04-07 09:30'); // Saturday
    expect(show(c.addWorkingMinutes(at(2025, 4, 1, '06:00'), 10))).toBe('2025-04-01 08:40');
  });

  it('given zero minutes, when adding, then the time is unchanged; negative minutes throw', () => {
    const c = office();
    expect(c.addWorkingMinutes(at(2025, 4, 5, '10:00'), 0)).toBe(at(2025, 4, 5, '10:00'));
    expect(() => c.addWorkingMinutes(0, -1)).toThrow(RangeError);
  });

  it('given random starts and durations, when adding, then exactly that many working minutes elapse', () => {
    const c = office();
    const rng = createRng(21);
    for (let i = 0; i < 2000; i++) {
      const t = rng.next() * 300 * MINUTES_PER_DAY;
      const m = rng.next() * 3000;
      const end = c.addWorkingMinutes(t, m);
      expect(end).toBeGreaterThanOrEqual(t);
      expect(c.workingMinutesBetween(t, end)).toBeCloseTo(m, 6);
    }
  });
});

describe('isOpen / nextOpen', () => {
  it('given times around the day, when asking, then open intervals are half-open [open, close)', () => {
    const c = office();
    expect(c.isOpen(at(2025, 4, 1, '08:29'))).toBe(false);
    expect(c.isOpen(at(2025, 4, 1, '08:30'))).toBe(true);
    expect(c.isOpen(at(2025, 4, 1, '12:00'))).toBe(false);
    expect(c.isOpen(at(2025, 4, 1, '13:00'))).toBe(true);
    expect(c.isOpen(at(2025, 4, 1, '17:15'))).toBe(false);
    expect(c.isOpen(at(2025, 4, 29, '10:00'))).toBe(false); // 昭和の日
  });

  it('given closed moments, when asking for the next opening, then lunch end, next morning or next business day is returned', () => {
    const c = office();
    expect(show(c.nextOpen(at(2025, 4, 1, '12:10')))).toBe('2025-04-01 13:00');
    expect(show(c.nextOpen(at(2025, 4, 1, '17:15')))).toBe('2025-04-02 08:30');
    expect(show(c.nextOpen(at(2025, 4, 4, '20:00')))).toBe('2025-04-07 08:30');
    expect(show(c.nextOpen(at(2025, 4, 28, '18:00')))).toBe('2025-04-30 08:30');
    const t = at(2025, 4, 1, '10:07') + 0.25;
    expect(c.nextOpen(t)).toBe(t);
  });
});

describe('addBusinessDays / businessDaysBetween', () => {
  it('given a lag over a holiday weekend, when adding business days, then the same clock time N open days later results', () => {
    const c = office();
    expect(show(c.addBusinessDays(at(2025, 5, 2, '10:00'), 1))).toBe('2025-05-07 10:00');
    expect(show(c.addBusinessDays(at(2025, 5, 2, '10:00'), 3))).toBe('2025-05-09 10:00');
    expect(show(c.addBusinessDays(at(2025, 4, 25, '14:00'), 5))).toBe('2025-05-07 14:00'); // over 4/29 and GW
  });

  it('given a closed start (evening, lunch, Saturday), when adding business days, then the next open moment is returned', () => {
    const c = office();
    expect(show(c.addBusinessDays(at(2025, 5, 2, '20:00'), 1))).toBe('2025-05-08 08:30');
    expect(show(c.addBusinessDays(at(2025, 4, 4, '12:30'), 1))).toBe('2025-04-07 13:00');
    expect(show(c.addBusinessDays(at(2025, 4, 5, '10:00'), 1))).toBe('2025-04-08 08:30');
    expect(show(c.addBusinessDays(at(2025, 4, 5, '10:00'), 0))).toBe('2025-04-07 08:30');
  });

  it('given a fractional lag, when adding, then the fraction is a share of the 465-minute working day', () => {
    // half a day = 232.5 working minutes: 10:00→12:00 (120) then 13:00 + 112.5
    expect(office().addBusinessDays(at(2025, 4, 7, '10:00'), 0.5)).toBe(at(2025, 4, 7, '14:52') + 0.5);
  });

  it('given random starts and lags, when measuring back, then businessDaysBetween inverts addBusinessDays', () => {
    const c = office();
    const rng = createRng(22);
    for (let i = 0; i < 2000; i++) {
      const t = rng.next() * 300 * MINUTES_PER_DAY;
      const days = i % 3 === 0 ? rng.nextInt(15) : rng.next() * 15;
      const end = c.addBusinessDays(t, days);
      expect(c.businessDaysBetween(t, end)).toBeCloseTo(days, 9);
      expect(c.isOpen(end)).toBe(true);
    }
  });

  it('given a Monday-to-Friday week without holidays, when measuring, then it is 5 business days of 465 minutes', () => {
    const c = office();
    expect(c.openMinutesPerDay).toBe(W);
    expect(c.businessDaysBetween(at(2025, 4, 7, '00:00'), at(2025, 4, 14, '00:00'))).toBe(5);
    expect(c.workingMinutesBetween(at(2025, 4, 14, '00:00'), at(2025, 4, 7, '00:00'))).toBe(-5 * W);
  });
});

describe('24h calendar (robot roles)', () => {
  it('given an always-open calendar, when adding minutes or days, then plain arithmetic results', () => {
    const c = buildWorkCalendar(robotCalendar(), START, 30);
    expect(c.openMinutesPerDay).toBe(MINUTES_PER_DAY);
    const rng = createRng(23);
    for (let i = 0; i < 1000; i++) {
      const t = rng.next() * 1e6,
        m = rng.next() * 5000;
      expect(c.addWorkingMinutes(t, m)).toBe(t + m);
      expect(c.isOpen(t)).toBe(true);
      expect(c.nextOpen(t)).toBe(t);
      expect(c.workingMinutesBetween(t, t + m)).toBe(t + m - t);
    }
    expect(c.addBusinessDays(100, 2)).toBe(100 + 2 * MINUTES_PER_DAY);
  });

  it('given an all-days calendar with holidays, when adding, then holidays still close it (not treated as 24h)', () => {
    const c = buildWorkCalendar({ ...robotCalendar(), publicHolidays: true }, START, 60);
    expect(c.isOpen(at(2025, 4, 29, '10:00'))).toBe(false);
    expect(show(c.addWorkingMinutes(at(2025, 4, 28, '23:30'), 60))).toBe('2025-04-30 00:30');
  });
});

describe('horizon and dates', () => {
  it('given a query far beyond the horizon, when asking, then the table extends and agrees with a calendar built long', () => {
    const short = buildWorkCalendar(defaultOfficeCalendar(), START, 5);
    const long = buildWorkCalendar(defaultOfficeCalendar(), START, 3000);
    const t = at(2025, 4, 1, '09:00');
    expect(short.addWorkingMinutes(t, 800 * W)).toBe(long.addWorkingMinutes(t, 800 * W));
    expect(short.isOpen(at(2031, 1, 2, '10:00'))).toBe(false);
    expect(short.businessDaysBetween(0, at(2030, 1, 1, '00:00'))).toBe(long.businessDaysBetween(0, at(2030, 1, 1, '00:00')));
  });

  it('given a calendar that would need holidays after 2099, when extending, then a clear RangeError is thrown', () => {
    const c = buildWorkCalendar(defaultOfficeCalendar(), { y: 2099, m: 6, d: 1 }, 30);
    expect(() => c.addBusinessDays(0, 400)).toThrow(/2000〜2099/);
  });

  it('given a negative or NaN time, when asking, then a RangeError is thrown rather than a wrong answer', () => {
    const c = office();
    expect(() => c.isOpen(-1)).toThrow(RangeError);
    expect(() => c.addWorkingMinutes(Number.NaN, 5)).toThrow(RangeError);
  });

  it('given a time, when asking for its day, then the civil date and day index are returned', () => {
    const c = office();
    expect(c.dayOf(at(2025, 12, 31, '23:59'))).toEqual({ y: 2025, m: 12, d: 31, dayIndex: 274 });
    expect(c.dayOf(at(2026, 1, 1, '00:00'))).toEqual({ y: 2026, m: 1, d: 1, dayIndex: 275 });
    expect(c.id).toBe('office');
  });
});
