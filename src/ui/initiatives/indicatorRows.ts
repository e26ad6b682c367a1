import { LINKED_INDICATOR_KINDS, type EstimateValue, type Indicator, type IndicatorKind, type Initiative } from '../../domain/model/initiative';

/** One fiscal year of an indicator as the 進捗管理票 shows it: 目標値 / 推計値 (95%CI) / 実績値 side by side. */
export interface IndicatorYearRow {
  fiscalYear: number;
  target?: number;
  /** Simulated; `stale` when it came from a comparison other than the attached maps' latest. */
  estimate?: EstimateValue & { stale: boolean };
  /** Measured by the 担当課. */
  measured?: number;
}

export function isLinkedKind(kind: IndicatorKind): boolean {
  return (LINKED_INDICATOR_KINDS as readonly string[]).includes(kind);
}

/**
 * Rows for the given fiscal years plus any year the indicator already has figures for, ascending.
 * `currentKey` is the key of the attached maps' latest comparisons (undefined: nothing to compare with).
 */
export function indicatorYearRows(indicator: Indicator, fiscalYears: readonly number[], currentKey?: string): IndicatorYearRow[] {
  const years = [...new Set([...fiscalYears, ...indicator.years.map((y) => y.fiscalYear)])].sort((a, b) => a - b);
  return years.map((fiscalYear) => {
    const y = indicator.years.find((v) => v.fiscalYear === fiscalYear);
    const row: IndicatorYearRow = { fiscalYear };
    if (y?.target !== undefined) row.target = y.target;
    if (y?.measured !== undefined) row.measured = y.measured;
    if (y?.estimated) row.estimate = { ...y.estimated, stale: currentKey !== undefined && y.estimated.comparisonKey !== currentKey };
    return row;
  });
}

type YearField = 'target' | 'measured';

/** Sets or clears (undefined) the target or measured value of one year; the year's estimate is kept. */
export function setIndicatorValue(initiative: Initiative, indicatorId: string, fiscalYear: number, field: YearField, value: number | undefined): Initiative {
  return {
    ...initiative,
    indicators: initiative.indicators.map((ind) => {
      if (ind.id !== indicatorId) return ind;
      const has = ind.years.some((y) => y.fiscalYear === fiscalYear);
      const years: Indicator['years'] = has
        ? ind.years.map((y) => {
            if (y.fiscalYear !== fiscalYear) return y;
            const next = { ...y };
            if (value === undefined) delete next[field];
            else next[field] = value;
            return next;
          })
        : value === undefined
          ? ind.years
          : [...ind.years, { fiscalYear, [field]: value }].sort((a, b) => a.fiscalYear - b.fiscalYear);
      // A year left with nothing in it is dropped so the record stays as small as what was entered.
      return { ...ind, years: years.filter((y) => y.target !== undefined || y.measured !== undefined || y.estimated !== undefined) };
    }),
  };
}

/** Starting points offered by 「評価指標を追加」: the plans' common indicators. */
export const INDICATOR_TEMPLATES: readonly { kind: IndicatorKind; name: string; unit: string }[] = [
  { kind: 'hoursSaved', name: '削減した業務時間', unit: '時間/年' },
  { kind: 'residentMinutes', name: '来庁者1人あたりにかかる時間', unit: '分' },
  { kind: 'approvalDays', name: '決裁までの日数', unit: '営業日' },
  { kind: 'count', name: 'AI・RPAの導入数', unit: '件' },
  { kind: 'custom', name: '電子申請による手続件数の割合', unit: '%' },
];
