import { useId } from 'react';
import { niceTicks, scaleLinear, truncateLabel } from './scale';
import './charts.css';

export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** 95 % interval drawn as a whisker. */
  ci?: [number, number];
  /** The value as the reader should hear and see it, with unit and interval. */
  valueText: string;
  /** Extra class for the bar, e.g. to flag an overloaded role. */
  tone?: 'normal' | 'warn' | 'alert';
}

export interface BarChartProps {
  title: string;
  description?: string;
  items: BarItem[];
  /** Axis caption including the unit, e.g. 「職員時間（時間/年）」. */
  axisLabel: string;
  formatTick(value: number): string;
  /** Short value printed at the end of each bar (defaults to the tick format of the mean). */
  formatValue?(item: BarItem): string;
  /** Fixed axis maximum (e.g. 100 for percentages); otherwise a nice bound above the largest whisker. */
  max?: number;
  /** A dashed reference line, e.g. the 85 % utilisation mark. */
  reference?: { value: number; label: string };
  emptyText: string;
  width?: number;
  labelChars?: number;
}

const ROW = 28;
const BAR = 16;
const TOP = 8;
const AXIS = 44;

/** Horizontal bar chart with 95 % CI whiskers, plain SVG. One row per item, in the order given. */
export function BarChart({
  title, description, items, axisLabel, formatTick, formatValue, max, reference, emptyText, width = 640, labelChars = 16,
}: BarChartProps) {
  const titleId = useId();
  const descId = useId();
  const labelWidth = Math.min(width * 0.4, labelChars * 13 + 12);
  const valueRoom = 86;
  const plotWidth = Math.max(80, width - labelWidth - valueRoom - 8);
  const dataMax = Math.max(0, ...items.map((i) => Math.max(i.value, i.ci?.[1] ?? 0)), reference?.value ?? 0);
  const ticks = niceTicks(max ?? dataMax, 5);
  const axisMax = max ?? ticks.max;
  const x = scaleLinear(axisMax, plotWidth);
  const height = TOP + items.length * ROW + AXIS;
  const show = formatValue ?? ((item: BarItem) => formatTick(item.value));

  return (
    <figure className="bpr-chart">
      <figcaption className="bpr-chart-caption">
        <span className="bpr-chart-title">{title}</span>
        {description && <span className="bpr-chart-desc">{description}</span>}
      </figcaption>
      {items.length === 0 ? (
        <p className="bpr-chart-empty">{emptyText}</p>
      ) : (
        <svg
          className="bpr-chart-svg"
          // Never drawn larger than designed: text stays at its intended size on wide screens.
          style={{ maxWidth: width }}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={description ? `${titleId} ${descId}` : titleId}
          data-chart="bar"
        >
          <title id={titleId}>{`${title}: ${items.map((i) => `${i.label} ${i.valueText}`).join('、')}`}</title>
          {description && <desc id={descId}>{description}</desc>}
          <g transform={`translate(${labelWidth},${TOP})`}>
            {ticks.ticks.filter((t) => t <= axisMax + 1e-9).map((t) => (
              <g key={t} transform={`translate(${x(t)},0)`} className="bpr-chart-grid">
                <line y1={0} y2={items.length * ROW} />
                <text y={items.length * ROW + 16} textAnchor="middle" className="bpr-chart-tick">
                  {formatTick(t)}
                </text>
              </g>
            ))}
            {reference && (
              <g className="bpr-chart-reference" transform={`translate(${x(reference.value)},0)`}>
                <line y1={-4} y2={items.length * ROW} />
                <text y={-6} textAnchor="middle" className="bpr-chart-tick">{reference.label}</text>
              </g>
            )}
            {items.map((item, row) => {
              const y = row * ROW + (ROW - BAR) / 2;
              const end = x(item.value);
              const [lo, hi] = item.ci ? [x(item.ci[0]), x(item.ci[1])] : [end, end];
              const labelEnd = Math.max(end, hi) + 6;
              return (
                <g key={item.key} className={`bpr-chart-row bpr-tone-${item.tone ?? 'normal'}`} data-key={item.key}>
                  <title>{`${item.label}: ${item.valueText}`}</title>
                  <text x={-8} y={y + BAR / 2} dominantBaseline="central" textAnchor="end" className="bpr-chart-label">
                    {truncateLabel(item.label, labelChars)}
                  </text>
                  <rect x={0} y={y} width={Math.max(end, item.value > 0 ? 1 : 0)} height={BAR} rx={2} className="bpr-chart-bar" />
                  {item.ci && hi - lo > 0.5 && (
                    <g className="bpr-chart-whisker">
                      <line x1={lo} x2={hi} y1={y + BAR / 2} y2={y + BAR / 2} />
                      <line x1={lo} x2={lo} y1={y + 3} y2={y + BAR - 3} />
                      <line x1={hi} x2={hi} y1={y + 3} y2={y + BAR - 3} />
                    </g>
                  )}
                  <text x={labelEnd} y={y + BAR / 2} dominantBaseline="central" className="bpr-chart-value">
                    {show(item)}
                  </text>
                </g>
              );
            })}
            <line className="bpr-chart-axis" x1={0} x2={0} y1={0} y2={items.length * ROW} />
            <text x={plotWidth / 2} y={items.length * ROW + 36} textAnchor="middle" className="bpr-chart-axis-label">
              {axisLabel}
            </text>
          </g>
        </svg>
      )}
    </figure>
  );
}
