/**
 * Japanese fiscal years (年度) run April–March and municipal plans label them by the 令和 era:
 * 令和元年度 = FY2019 (April 2019 – March 2020). Plans print both, e.g. 「令和7（2025）年度」.
 */
export const REIWA_OFFSET = 2018;

export function reiwaYearOf(westernFiscalYear: number): number {
  return westernFiscalYear - REIWA_OFFSET;
}

export function westernYearOfReiwa(reiwa: number): number {
  return reiwa + REIWA_OFFSET;
}

/** The fiscal year a calendar date belongs to: January–March count to the previous year. */
export function fiscalYearOf(date: Date): number {
  const y = date.getFullYear();
  return date.getMonth() < 3 ? y - 1 : y;
}

export function fiscalYearLabel(westernFiscalYear: number, lang: 'ja' | 'en' = 'ja'): string {
  const r = reiwaYearOf(westernFiscalYear);
  if (lang === 'en') return `FY${westernFiscalYear}`;
  if (r < 1) return `${westernFiscalYear}年度`;
  return `令和${r === 1 ? '元' : r}（${westernFiscalYear}）年度`;
}

/** Reads 「令和7年度」, 「R7」, 「令和元年度」, 「2025」 or 「2025年度」 into the Western fiscal year. */
export function parseFiscalYear(text: string): number | undefined {
  const s = text.normalize('NFKC').trim();
  const reiwa = /^(?:令和|R)\s*(元|\d{1,2})\s*(?:年度?)?(?:\s*[（(]\s*\d{4}\s*[)）]\s*年度?)?$/i.exec(s);
  if (reiwa) return westernYearOfReiwa(reiwa[1] === '元' ? 1 : Number(reiwa[1]));
  const western = /^(\d{4})\s*(?:年度?)?$/.exec(s);
  if (western) return Number(western[1]);
  return undefined;
}

export function fiscalYearRange(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/**
 * The first day of the next fiscal year as 'YYYY-MM-DD': the next 1 April on or after the day after
 * `today` in Japan (JST, UTC+9, no daylight saving). Simulations start there unless told otherwise, so
 * an estimate describes the coming 年度 rather than a past one.
 */
export function nextFiscalYearStart(today: Date): string {
  const jst = new Date(today.getTime() + 9 * 3_600_000);
  const y = jst.getUTCFullYear();
  const beforeApril = jst.getUTCMonth() < 3;
  return `${beforeApril ? y : y + 1}-04-01`;
}
