/**
 * Numbers as people type and read them in tables and panels. One implementation for the step table, the
 * properties panel, the badges and the RPA assessment, so a value parses and prints alike everywhere.
 */

/** A typed number that could not be read; the message names the field and repeats what was typed. */
export class CellError extends Error {}

/** Cells typed or pasted by people: full-width digits, thousands separators, a trailing unit. */
export function parseNumberCell(text: string, label: string): number | undefined {
  const t = text
    .normalize('NFKC')
    .replace(/[,\s≈]/g, '')
    .replace(/(分|枚|件|個|min|%|％)$/i, '');
  if (t === '' || t === '-' || t === '—' || t === '–') return undefined;
  const n = Number(t);
  if (!Number.isFinite(n)) throw new CellError(`${label}「${text.trim()}」は数値ではありません`);
  return n;
}

/** Short display of a number: whole numbers as is, others with one decimal. */
export function formatNumber(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return '';
  const r = Math.round(n * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

/** 3500 → "3,500" for ¥ in Japanese text, without Intl (whose first use costs more than ranking a workspace). */
export const groupDigits = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
