import { ChartFrame, type ChartTextProps, RowLabel, Whisker, XAxisLabel, XGrid } from '../charts/Axis';
import { truncateLabel } from '../charts/scale';
import { signedAxis, waterfallExtent, waterfallSteps } from './chartGeometry';

export interface WaterfallItem {
  key: string;
  label: string;
  value: number;
  ci?: [number, number];
  valueText: string;
}

export interface WaterfallChartProps extends ChartTextProps {
  items: WaterfallItem[];
  total: { label: string; value: number; ci?: [number, number]; valueText: string };
  axisLabel: string;
  formatTick(value: number): string;
  formatValue(value: number): string;
  labelChars?: number;
}

const ROW = 26;
const BAR = 14;
const TOP = 8;
const AXIS = 44;

/**
 * Savings per task as a horizontal waterfall: each bar starts where the running total ended, so the
 * last bar (合計) is the whole saving; a step that adds time runs back to the left. Whiskers are each
 * step's 95 % interval placed on the running total.
 */
export function WaterfallChart({
  title,
  description,
  items,
  total,
  axisLabel,
  formatTick,
  formatValue,
  emptyText,
  width = 820,
  labelChars = 22,
}: WaterfallChartProps) {
  const labelWidth = Math.min(width * 0.4, labelChars * 12 + 12);
  const valueRoom = 80;
  const plotWidth = Math.max(120, width - labelWidth - valueRoom - 8);
  const { steps, total: sum } = waterfallSteps(items);
  const [lo, hi] = waterfallExtent(steps, sum, total.ci);
  const axis = signedAxis(lo, hi, plotWidth);
  const rows = steps.length + 1;
  const height = TOP + rows * ROW + AXIS;

  return (
    <ChartFrame
      className="bpr-cmp-waterfall"
      title={title}
      description={description}
      empty={items.length === 0}
      emptyText={emptyText}
      width={width}
      height={height}
      chart="waterfall"
      svgTitle={`${title}: ${items.map((i) => `${i.label} ${i.valueText}`).join('、')}、${total.label} ${total.valueText}`}
    >
      {() => (
        <g transform={`translate(${labelWidth},${TOP})`}>
          <XGrid ticks={axis.ticks} x={axis.x} plotHeight={rows * ROW} format={formatTick} />
          {steps.map((s, row) => {
            const y = row * ROW + (ROW - BAR) / 2;
            const a = axis.x(s.from);
            const b = axis.x(s.to);
            const item = items[row];
            const whisker = s.whisker ? [axis.x(s.whisker[0]), axis.x(s.whisker[1])] : null;
            const end = Math.max(a, b, whisker?.[1] ?? 0);
            return (
              <g key={s.key} className={`bpr-chart-row ${s.value < 0 ? 'bpr-cmp-increase' : 'bpr-cmp-saving'}`} data-key={s.key}>
                <title>{`${item.label}: ${item.valueText}`}</title>
                <RowLabel top={y} bar={BAR}>
                  {truncateLabel(item.label, labelChars)}
                </RowLabel>
                <rect x={Math.min(a, b)} y={y} width={Math.max(1, Math.abs(b - a))} height={BAR} rx={2} className="bpr-cmp-bar" />
                {row > 0 && <line className="bpr-cmp-connector" x1={a} x2={a} y1={y - (ROW - BAR)} y2={y} />}
                {whisker && whisker[1] - whisker[0] > 0.5 && <Whisker lo={whisker[0]} hi={whisker[1]} top={y} bar={BAR} />}
                <text x={end + 6} y={y + BAR / 2} dominantBaseline="central" className="bpr-chart-value">
                  {formatValue(s.value)}
                </text>
              </g>
            );
          })}
          {(() => {
            const y = steps.length * ROW + (ROW - BAR) / 2;
            const z = axis.x(0);
            const b = axis.x(total.value);
            const whisker = total.ci ? [axis.x(total.ci[0]), axis.x(total.ci[1])] : null;
            return (
              <g className="bpr-chart-row bpr-cmp-total" data-key="total">
                <title>{`${total.label}: ${total.valueText}`}</title>
                <RowLabel top={y} bar={BAR} className="bpr-cmp-total-label">
                  {total.label}
                </RowLabel>
                <rect x={Math.min(z, b)} y={y} width={Math.max(1, Math.abs(b - z))} height={BAR} rx={2} className="bpr-cmp-bar" />
                {whisker && whisker[1] - whisker[0] > 0.5 && <Whisker lo={whisker[0]} hi={whisker[1]} top={y} bar={BAR} />}
                <text x={Math.max(z, b, whisker?.[1] ?? 0) + 6} y={y + BAR / 2} dominantBaseline="central" className="bpr-chart-value">
                  {formatValue(total.value)}
                </text>
              </g>
            );
          })()}
          <line className="bpr-chart-axis" x1={axis.x(0)} x2={axis.x(0)} y1={0} y2={rows * ROW} />
          <XAxisLabel plotWidth={plotWidth} y={rows * ROW + 36}>
            {axisLabel}
          </XAxisLabel>
        </g>
      )}
    </ChartFrame>
  );
}
