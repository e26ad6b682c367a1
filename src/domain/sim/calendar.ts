import type { Calendar } from '../model/annotations';
import { isJapaneseHoliday } from './jpHolidays';

/**
 * Working-time arithmetic over simulated time in MINUTES since the simulation epoch (00:00 local civil time
 * of the start date; Japan has no DST, so every day is 1440 minutes).
 *
 * Every open day of a calendar has the same intervals (open–lunch, lunch–close), so the per-day table only
 * needs whether the day is open plus prefix counts of open days. Queries are O(1). The table covers the
 * horizon plus a margin and extends itself (doubling) when a query goes further; extension past 2099 with
 * public holidays raises the holiday module's RangeError rather than returning a wrong time.
 *
 * Cumulative working time C(t) is the core: working minutes in [0, t). Everything else is defined by it:
 * - addWorkingMinutes(t, m): the EARLIEST T with C(T) = C(t) + m (work ending at 12:00 ends at 12:00, not 13:00).
 * - addBusinessDays(t, n): the first OPEN moment T with C(T) = C(t) + n·W, W = open minutes per day. During
 *   open hours this is the same clock time n open days later; from a closed moment it counts from the next
 *   opening (Friday 20:00 + 1 day → Tuesday 08:30; Saturday + 1 day → Tuesday 08:30, i.e. 翌開庁日受付).
 * - businessDaysBetween(a, b) = (C(b) − C(a)) / W, the exact inverse of addBusinessDays.
 */
export interface WorkCalendar {
  readonly id: string;
  isOpen(t: number): boolean;
  /** t if open, else the start of the next open interval. */
  nextOpen(t: number): number;
  /** Time when `minutes` of work starting at t completes, pausing outside office hours. */
  addWorkingMinutes(t: number, minutes: number): number;
  /** C(b) − C(a): negative when b < a. */
  workingMinutesBetween(a: number, b: number): number;
  addBusinessDays(t: number, days: number): number;
  businessDaysBetween(a: number, b: number): number;
  dayOf(t: number): { y: number; m: number; d: number; dayIndex: number };
  openMinutesPerDay: number;
}

export const MINUTES_PER_DAY = 1440;

/** Minutes from the start date to the same date `years` later (fractional years as 365-day parts). */
export function minutesAfterYears(start: { y: number; m: number; d: number }, years: number): number {
  const whole = Math.floor(years);
  const end = Date.UTC(start.y + whole, start.m - 1, start.d) + (years - whole) * 365 * 86_400_000;
  return (end - Date.UTC(start.y, start.m - 1, start.d)) / 60_000;
}
const DAY_MS = 86_400_000;
/** Lags at the end of the horizon need open days after it; a year covers any realistic lag. */
const MARGIN_DAYS = 400;
/** Guard against a calendar that can never open (e.g. every weekday listed as a closed date). */
const MAX_DAYS = 200 * 366;

const parseHHMM = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

export function buildWorkCalendar(cal: Calendar, startDate: { y: number; m: number; d: number }, horizonDays: number): WorkCalendar {
  return new TableCalendar(cal, startDate, horizonDays);
}

class TableCalendar implements WorkCalendar {
  readonly id: string;
  readonly openMinutesPerDay: number;
  /** Day-local interval template: [s0, e0) and [s1, e1); without lunch s1 = e1 = e0. */
  private readonly s0: number;
  private readonly e0: number;
  private readonly s1: number;
  private readonly e1: number;
  private readonly morning: number;
  private readonly alwaysOpen: boolean;

  private readonly epochUtcMs: number;
  private readonly weekdays: boolean[]; // index 1..7, ISO
  private readonly closed: Set<string>;

  /** Number of days tabulated. */
  private days = 0;
  /** open[d] = 1 if day d is an open day. */
  private open = new Uint8Array(0);
  /** openBefore[d] = open days in [0, d); length days + 1. */
  private openBefore = new Int32Array(1);
  /** openDays[k] = day index of the k-th open day (0-based). */
  private openDays = new Int32Array(0);
  private openCount = 0;

  constructor(
    private readonly cal: Calendar,
    start: { y: number; m: number; d: number },
    horizonDays: number,
  ) {
    this.id = cal.id;
    const open = parseHHMM(cal.open),
      close = parseHHMM(cal.close);
    if (!(close > open)) throw new RangeError(`カレンダー「${cal.id}」の終了時刻 (${cal.close}) が開始時刻 (${cal.open}) 以前です`);
    let s1 = close,
      e0 = close;
    if (cal.lunchStart && cal.lunchEnd) {
      const ls = parseHHMM(cal.lunchStart),
        le = parseHHMM(cal.lunchEnd);
      if (!(ls >= open && le <= close && ls < le))
        throw new RangeError(`カレンダー「${cal.id}」の昼休み (${cal.lunchStart}〜${cal.lunchEnd}) が開庁時間外か順序が逆です`);
      e0 = ls;
      s1 = le;
    }
    this.s0 = open;
    this.e0 = e0;
    this.s1 = s1;
    this.e1 = close;
    this.morning = e0 - open;
    this.openMinutesPerDay = this.morning + (close - s1);

    this.weekdays = new Array<boolean>(8).fill(false);
    for (const w of cal.weekdays) this.weekdays[w] = true;
    this.closed = new Set(cal.closedDates ?? []);
    this.alwaysOpen =
      this.openMinutesPerDay === MINUTES_PER_DAY &&
      [1, 2, 3, 4, 5, 6, 7].every((w) => this.weekdays[w]) &&
      !cal.publicHolidays &&
      !cal.yearEndClosure &&
      this.closed.size === 0;

    this.epochUtcMs = Date.UTC(start.y, start.m - 1, start.d);
    if (!Number.isFinite(this.epochUtcMs)) throw new RangeError(`シミュレーション開始日が不正です: ${JSON.stringify(start)}`);
    if (!this.alwaysOpen) {
      const horizon = Math.max(1, Math.ceil(horizonDays));
      this.extendTo(horizon + MARGIN_DAYS, horizon);
    }
  }

  // ---- table -------------------------------------------------------------------------------------------

  private isOpenDate(dayIndex: number): boolean {
    const dt = new Date(this.epochUtcMs + dayIndex * DAY_MS);
    const y = dt.getUTCFullYear(),
      m = dt.getUTCMonth() + 1,
      d = dt.getUTCDate();
    const iso = dt.getUTCDay() === 0 ? 7 : dt.getUTCDay();
    if (!this.weekdays[iso]) return false;
    if (this.cal.yearEndClosure && ((m === 12 && d >= 29) || (m === 1 && d <= 3))) return false;
    if (this.closed.size > 0 && this.closed.has(`${y}-${pad2(m)}-${pad2(d)}`)) return false;
    if (this.cal.publicHolidays && isJapaneseHoliday(y, m, d)) return false;
    return true;
  }

  /**
   * Tabulate days up to `newDays`. Days past `required` are a speculative margin: if they cannot be
   * computed (holidays after 2099) the table simply stops there, and only a query that really needs
   * those days fails.
   */
  private extendTo(newDays: number, required = newDays): void {
    if (newDays <= this.days) return;
    if (required > MAX_DAYS) throw new RangeError(`カレンダー「${this.id}」: 開始日から ${MAX_DAYS} 日を超える日付は計算できません`);
    newDays = Math.min(newDays, MAX_DAYS);
    const open = new Uint8Array(newDays);
    open.set(this.open.subarray(0, this.days));
    const openBefore = new Int32Array(newDays + 1);
    openBefore.set(this.openBefore.subarray(0, this.days + 1));
    let count = this.openCount;
    const added: number[] = [];
    let end = newDays;
    for (let d = this.days; d < newDays; d++) {
      let o: boolean;
      try {
        o = this.isOpenDate(d);
      } catch (e) {
        if (d < required) throw e;
        end = d;
        break;
      }
      open[d] = o ? 1 : 0;
      if (o) {
        added.push(d);
        count++;
      }
      openBefore[d + 1] = count;
    }
    const openDays = new Int32Array(count);
    openDays.set(this.openDays.subarray(0, this.openCount));
    openDays.set(added, this.openCount);
    this.open = open;
    this.openBefore = openBefore;
    this.openDays = openDays;
    this.openCount = count;
    this.days = end;
  }

  private ensureDay(day: number): void {
    if (day >= this.days) this.extendTo(Math.max(day + 1, this.days * 2), day + 1);
  }

  /** Day index of the k-th open day (0-based), extending the table as needed. */
  private openDay(k: number): number {
    while (k >= this.openCount) {
      if (this.days >= MAX_DAYS) throw new RangeError(`カレンダー「${this.id}」には必要な数の開庁日がありません`);
      this.extendTo(this.days * 2, this.days + 1);
    }
    return this.openDays[k]!;
  }

  private dayIndex(t: number): number {
    if (!(t >= 0) || !Number.isFinite(t)) throw new RangeError(`シミュレーション時刻が不正です: ${t} 分`);
    const day = Math.floor(t / MINUTES_PER_DAY);
    this.ensureDay(day);
    return day;
  }

  // ---- day-local template ------------------------------------------------------------------------------

  /** Working minutes in [0, x) of an open day. */
  private workedBefore(x: number): number {
    if (x <= this.s0) return 0;
    if (x < this.e0) return x - this.s0;
    if (x <= this.s1) return this.morning;
    if (x < this.e1) return this.morning + (x - this.s1);
    return this.openMinutesPerDay;
  }

  /** Earliest local time at which w ∈ (0, W] working minutes of the day have elapsed. */
  private localAtEnd(w: number): number {
    return w <= this.morning ? this.s0 + w : this.s1 + (w - this.morning);
  }

  /** Local time at which working minute w ∈ [0, W) of the day begins (an open moment). */
  private localAtStart(w: number): number {
    return w < this.morning ? this.s0 + w : this.s1 + (w - this.morning);
  }

  /** C(t): working minutes in [0, t). */
  private cumulative(t: number): number {
    const day = this.dayIndex(t);
    const base = this.openBefore[day]! * this.openMinutesPerDay;
    return this.open[day] ? base + this.workedBefore(t - day * MINUTES_PER_DAY) : base;
  }

  // ---- public API --------------------------------------------------------------------------------------

  isOpen(t: number): boolean {
    if (this.alwaysOpen) return true;
    const day = this.dayIndex(t);
    if (!this.open[day]) return false;
    const x = t - day * MINUTES_PER_DAY;
    return (x >= this.s0 && x < this.e0) || (x >= this.s1 && x < this.e1);
  }

  nextOpen(t: number): number {
    if (this.alwaysOpen || this.isOpen(t)) return t;
    return this.timeAtWorkStart(this.cumulative(t));
  }

  addWorkingMinutes(t: number, minutes: number): number {
    if (this.alwaysOpen) return t + minutes;
    if (!(minutes > 0)) {
      if (minutes === 0) return t;
      throw new RangeError(`作業時間が不正です: ${minutes} 分`);
    }
    const W = this.openMinutesPerDay;
    const target = this.cumulative(t) + minutes;
    const k = Math.ceil(target / W) - 1;
    const day = this.openDay(k);
    return day * MINUTES_PER_DAY + this.localAtEnd(target - k * W);
  }

  workingMinutesBetween(a: number, b: number): number {
    if (this.alwaysOpen) return b - a;
    return this.cumulative(b) - this.cumulative(a);
  }

  addBusinessDays(t: number, days: number): number {
    if (!(days >= 0) || !Number.isFinite(days)) throw new RangeError(`営業日数が不正です: ${days} 日`);
    if (this.alwaysOpen) return t + days * MINUTES_PER_DAY;
    if (days === 0) return this.nextOpen(t);
    return this.timeAtWorkStart(this.cumulative(t) + days * this.openMinutesPerDay);
  }

  businessDaysBetween(a: number, b: number): number {
    return this.workingMinutesBetween(a, b) / this.openMinutesPerDay;
  }

  dayOf(t: number): { y: number; m: number; d: number; dayIndex: number } {
    if (!(t >= 0) || !Number.isFinite(t)) throw new RangeError(`シミュレーション時刻が不正です: ${t} 分`);
    const dayIndex = Math.floor(t / MINUTES_PER_DAY);
    const dt = new Date(this.epochUtcMs + dayIndex * DAY_MS);
    return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), dayIndex };
  }

  /** The open moment at which working minute `target` begins. */
  private timeAtWorkStart(target: number): number {
    const W = this.openMinutesPerDay;
    const k = Math.floor(target / W);
    return this.openDay(k) * MINUTES_PER_DAY + this.localAtStart(target - k * W);
  }
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
