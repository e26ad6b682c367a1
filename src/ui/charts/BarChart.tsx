import { ChartFrame, type ChartTextProps, RowLabel, Whisker, XAxisLabel, XGrid } from './Axis';
import { niceTicks, scaleLinear, truncateLabel } from './scale';

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

export interface BarChartProps extends ChartTextProps {
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
  labelChars?: number;
}

const ROW = 28;
const BAR = 16;
const TOP = 8;
const AXIS = 44;

/** Horizontal bar chart with 95 % CI whiskers, plain SVG. One row per item, in the order given. */
export function BarChart({
  title,
  description,
  items,
  axisLabel,
  formatTick,
  formatValue,
  max,
  reference,
  emptyText,
  width = 640,
  labelChars = 16,
}: BarChartProps) {
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
    <ChartFrame
      title={title}
      description={description}
      empty={items.length === 0}
      emptyText={emptyText}
      width={width}
      height={height}
      chart="bar"
      svgTitle={`${title}: ${items.map((i) => `${i.label} ${i.valueText}`).join('、')}`}
    >
      {() => (
        <g transform={`translate(${labelWidth},${TOP})`}>
          <XGrid ticks={ticks.ticks.filter((t) => t <= axisMax + 1e-9)} x={x} plotHeight={items.length * ROW} format={formatTick} />
          {reference && (
            <g className="bpr-chart-reference" transform={`translate(${x(reference.value)},0)`}>
              <line y1={-4} y2={items.length * ROW} />
              <text y={-6} textAnchor="middle" className="bpr-chart-tick">
                {reference.label}
              </text>
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
                <RowLabel top={y} bar={BAR}>
                  {truncateLabel(item.label, labelChars)}
                </RowLabel>
                <rect x={0} y={y} width={Math.max(end, item.value > 0 ? 1 : 0)} height={BAR} rx={2} className="bpr-chart-bar" />
                {item.ci && hi - lo > 0.5 && <Whisker lo={lo} hi={hi} top={y} bar={BAR} />}
                <text x={labelEnd} y={y + BAR / 2} dominantBaseline="central" className="bpr-chart-value">
                  {show(item)}
                </text>
              </g>
            );
          })}
          <line className="bpr-chart-axis" x1={0} x2={0} y1={0} y2={items.length * ROW} />
          <XAxisLabel plotWidth={plotWidth} y={items.length * ROW + 36}>
            {axisLabel}
          </XAxisLabel>
        </g>
      )}
    </ChartFrame>
  );
}
