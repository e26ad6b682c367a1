import type { Estimate } from '../../domain/sim/stats';
import { translate, type Lang } from '../../i18n/core';

const locale = (lang: Lang) => (lang === 'ja' ? 'ja-JP' : 'en-US');

/** Decimals that keep a figure readable without false precision: 1,234 · 46.9 · 0.35. */
export function decimalsFor(value: number): number {
  const abs = Math.abs(value);
  if (abs >= 100) return 0;
  if (abs >= 10) return 1;
  return 2;
}

/** A number in the user's locale; '―' for NaN/∞ so a missing figure never shows as "NaN". */
export function formatNumber(value: number, lang: Lang, decimals = decimalsFor(value)): string {
  if (!Number.isFinite(value)) return '―';
  // Exactly nothing reads better as "0" than "0.00"; -0 would print as "-0".
  if (value === 0) return '0';
  const v = Math.abs(value) < 0.5 * 10 ** -decimals ? 0 : value;
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(v);
}

export interface FormattedEstimate {
  value: string;
  /** e.g. 「（95%信頼区間 1,200〜1,268）」; a note when one replication gave no interval. */
  ci: string;
  /** Mean, unit and interval in one sentence, e.g. 「1,234 時間/年（95%信頼区間 1,200〜1,268）」. */
  text: string;
  /** 想定の幅 with its unit, e.g. 「想定の幅 1,050〜1,580 時間/年」, when the estimate carries one (sim/inputRange). */
  range?: string;
}

/**
 * An estimate with its unit and 95 % interval; mean and bounds share the decimals chosen from the
 * mean, so the interval reads as a range around the figure. `scale` converts units (e.g. 100 for %).
 * `replications` tells why an interval has no width: with one replication there is none to compute;
 * with several, every replication gave the same value (e.g. 0 sheets of paper). Unknown counts as
 * several, since only a single simulation run can have one replication.
 */
export function formatEstimate(est: Estimate, unit: string, lang: Lang, scale = 1, replications?: number): FormattedEstimate {
  const mean = est.mean * scale;
  const [lo, hi] = [est.ci95[0] * scale, est.ci95[1] * scale];
  const decimals = decimalsFor(mean);
  const value = formatNumber(mean, lang, decimals);
  const noWidth = lo === hi && lo === mean;
  const ci =
    replications === 1
      ? translate(lang, 'simulation.ciNone')
      : noWidth
        ? translate(lang, 'simulation.ciConstant')
        : translate(lang, 'simulation.ciWrapped', { low: formatNumber(lo, lang, decimals), high: formatNumber(hi, lang, decimals) });
  const spacedUnit = unit === '%' ? unit : ` ${unit}`;
  const range = formatInputRange(est, unit, lang, scale);
  return { value, ci, text: `${value}${spacedUnit}${ci}`, ...(range ? { range } : {}) };
}

/**
 * 想定の幅 alone: 「想定の幅 1,050〜1,580 時間/年」, in the decimals of the mean so it reads beside the
 * figure and its interval; null when the estimate has none (older results, or the option off).
 */
export function formatInputRange(est: Estimate, unit: string, lang: Lang, scale = 1): string | null {
  if (!est.inputRange) return null;
  const decimals = decimalsFor(est.mean * scale);
  const [lo, hi] = [est.inputRange[0] * scale, est.inputRange[1] * scale];
  return translate(lang, 'inputRange.range', {
    low: formatNumber(lo, lang, decimals),
    high: formatNumber(hi, lang, decimals),
    unit: unit === '%' ? unit : ` ${unit}`,
  });
}

/** A plain figure without an interval (headcount, years): up to two decimals, none when whole. */
export function formatPlain(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return '―';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 }).format(value);
}

/** The interval alone, for table cells and chart tooltips: 「95%信頼区間 1,200〜1,268」. */
export function formatInterval(est: Estimate, lang: Lang, scale = 1): string {
  const decimals = decimalsFor(est.mean * scale);
  return translate(lang, 'simulation.ci', {
    low: formatNumber(est.ci95[0] * scale, lang, decimals),
    high: formatNumber(est.ci95[1] * scale, lang, decimals),
  });
}
