/**
 * Japanese public holidays (国民の祝日に関する法律) for 2000–2099, computed from the rules rather than listed,
 * so long simulation horizons need no yearly data update.
 *
 * - Fixed dates and ハッピーマンデー (成人の日 2000–, 海の日 2003–, 敬老の日 2003–, 体育の日/スポーツの日 2000–).
 * - 春分の日/秋分の日 by the usual approximation (valid 1980–2099); the Cabinet announces the real dates each
 *   February for the following year, and the formula agrees with every announcement in this range so far.
 * - 振替休日: a 祝日 on Sunday moves the holiday to the next day that is not a 祝日 (2007 rule; before 2007 only
 *   the next day, which yields the same dates for 2000–2006).
 * - 国民の休日: a non-祝日 day between two 祝日 (e.g. 2026-09-22). Sundays are excluded: they are never
 *   working days here, and the pre-2007 law excluded them explicitly.
 * - Special years: 2019 (天皇の即位の日 5/1, 即位礼正殿の儀 10/22, no 天皇誕生日), the Olympic moves of
 *   2020 and 2021 (海の日, スポーツの日, 山の日).
 * Future law changes cannot be predicted; years outside 2000–2099 raise an error instead of guessing.
 */

export const HOLIDAY_YEAR_MIN = 2000;
export const HOLIDAY_YEAR_MAX = 2099;

const byYear = new Map<number, Map<number, string>>();

const key = (m: number, d: number) => m * 100 + d;
const DAY_MS = 86_400_000;

/** ISO-independent weekday: 0 = Sunday … 6 = Saturday (proleptic Gregorian, UTC arithmetic). */
function weekday(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Day of month of the n-th Monday. */
function nthMonday(y: number, m: number, n: number): number {
  const first = weekday(y, m, 1);
  const firstMonday = 1 + ((8 - first) % 7);
  return firstMonday + 7 * (n - 1);
}

export function vernalEquinoxDay(y: number): number {
  return Math.floor(20.8431 + 0.242194 * (y - 1980) - Math.floor((y - 1980) / 4));
}

export function autumnalEquinoxDay(y: number): number {
  return Math.floor(23.2488 + 0.242194 * (y - 1980) - Math.floor((y - 1980) / 4));
}

/** The 祝日 proper (no 振替休日/国民の休日) of a year. */
function statutoryHolidays(y: number): Map<number, string> {
  const h = new Map<number, string>();
  const add = (m: number, d: number, name: string) => h.set(key(m, d), name);

  add(1, 1, '元日');
  add(1, nthMonday(y, 1, 2), '成人の日');
  add(2, 11, '建国記念の日');
  if (y >= 2020) add(2, 23, '天皇誕生日');
  add(3, vernalEquinoxDay(y), '春分の日');
  add(4, 29, y >= 2007 ? '昭和の日' : 'みどりの日');
  add(5, 3, '憲法記念日');
  if (y >= 2007) add(5, 4, 'みどりの日');
  add(5, 5, 'こどもの日');

  if (y === 2020) add(7, 23, '海の日');
  else if (y === 2021) add(7, 22, '海の日');
  else if (y >= 2003) add(7, nthMonday(y, 7, 3), '海の日');
  else add(7, 20, '海の日');

  if (y === 2020) add(8, 10, '山の日');
  else if (y === 2021) add(8, 8, '山の日');
  else if (y >= 2016) add(8, 11, '山の日');

  add(9, y >= 2003 ? nthMonday(y, 9, 3) : 15, '敬老の日');
  add(9, autumnalEquinoxDay(y), '秋分の日');

  if (y === 2020) add(7, 24, 'スポーツの日');
  else if (y === 2021) add(7, 23, 'スポーツの日');
  else add(10, nthMonday(y, 10, 2), y >= 2020 ? 'スポーツの日' : '体育の日');

  add(11, 3, '文化の日');
  add(11, 23, '勤労感謝の日');
  if (y <= 2018) add(12, 23, '天皇誕生日');

  if (y === 2019) {
    add(5, 1, '天皇の即位の日');
    add(10, 22, '即位礼正殿の儀の行われる日');
  }
  return h;
}

function holidaysOf(y: number): Map<number, string> {
  const cached = byYear.get(y);
  if (cached) return cached;
  if (!Number.isInteger(y) || y < HOLIDAY_YEAR_MIN || y > HOLIDAY_YEAR_MAX)
    throw new RangeError(`祝日は ${HOLIDAY_YEAR_MIN}〜${HOLIDAY_YEAR_MAX} 年のみ計算できます (指定: ${y} 年)`);

  const statutory = statutoryHolidays(y);
  const all = new Map(statutory);

  // Walk the year by day ordinal so runs across a month end (2019-04-30) are handled.
  const jan1 = Date.UTC(y, 0, 1);
  const dayCount = Math.round((Date.UTC(y + 1, 0, 1) - jan1) / DAY_MS);
  const monthDay = new Array<number>(dayCount + 2); // ordinal (1-based, with the neighbours 0 and n+1) → key
  for (let i = 0; i < dayCount + 2; i++) {
    const dt = new Date(jan1 + (i - 1) * DAY_MS);
    monthDay[i] = dt.getUTCFullYear() === y ? key(dt.getUTCMonth() + 1, dt.getUTCDate()) : -1;
  }
  const statutoryAt = (i: number) => monthDay[i] !== -1 && statutory.has(monthDay[i]!);
  const sundayAt = (i: number) => new Date(jan1 + (i - 1) * DAY_MS).getUTCDay() === 0;

  for (let i = 1; i <= dayCount; i++) {
    if (!statutoryAt(i) || !sundayAt(i)) continue;
    let j = i + 1;
    while (statutoryAt(j)) j++;
    // 12/31 is never a 祝日, so the substitute always falls inside the same year.
    all.set(monthDay[j]!, '振替休日');
  }
  for (let i = 2; i < dayCount; i++) {
    const k = monthDay[i]!;
    if (all.has(k) || sundayAt(i)) continue;
    if (statutoryAt(i - 1) && statutoryAt(i + 1)) all.set(k, '国民の休日');
  }

  byYear.set(y, all);
  return all;
}

export function japaneseHolidayName(y: number, m: number, d: number): string | undefined {
  return holidaysOf(y).get(key(m, d));
}

export function isJapaneseHoliday(y: number, m: number, d: number): boolean {
  return holidaysOf(y).has(key(m, d));
}

/** All holidays of a year in date order, e.g. for a calendar preview. */
export function japaneseHolidaysOf(y: number): { m: number; d: number; name: string }[] {
  return [...holidaysOf(y).entries()].sort((a, b) => a[0] - b[0]).map(([k, name]) => ({ m: Math.floor(k / 100), d: k % 100, name }));
}
