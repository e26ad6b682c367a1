import { BarChart } from './BarChart';

export interface UtilisationItem {
  key: string;
  label: string;
  /** Fraction 0…1. */
  utilisation: number;
  ci?: [number, number];
  valueText: string;
}

export interface UtilisationBarsProps {
  title: string;
  description?: string;
  items: UtilisationItem[];
  axisLabel: string;
  emptyText: string;
  formatPercent(value: number): string;
  /** Fraction above which queues grow quickly (default 0.85); bars past it are flagged. */
  threshold?: number;
  width?: number;
}

/** Utilisation per role on a fixed 0–100 % axis with the overload mark, built on BarChart. */
export function UtilisationBars({ title, description, items, axisLabel, emptyText, formatPercent, threshold = 0.85, width }: UtilisationBarsProps) {
  const pct = (v: number) => v * 100;
  return (
    <BarChart
      title={title}
      description={description}
      axisLabel={axisLabel}
      emptyText={emptyText}
      width={width}
      max={Math.max(100, ...items.map((i) => pct(i.ci?.[1] ?? i.utilisation)))}
      reference={{ value: threshold * 100, label: formatPercent(threshold * 100) }}
      formatTick={(v) => formatPercent(v)}
      items={items.map((i) => ({
        key: i.key,
        label: i.label,
        value: pct(i.utilisation),
        ci: i.ci ? [pct(i.ci[0]), pct(i.ci[1])] : undefined,
        valueText: i.valueText,
        tone: i.utilisation >= 1 ? 'alert' : i.utilisation > threshold ? 'warn' : 'normal',
      }))}
    />
  );
}
