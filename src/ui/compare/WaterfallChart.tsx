import { useId } from 'react';
import { truncateLabel } from '../charts/scale';
import '../charts/charts.css';
import { signedAxis, waterfallExtent, waterfallSteps } from './chartGeometry';

export interface WaterfallItem {
  key: string;
  label: string;
  value: number;
  ci?: [number, number];
  valueText: string;
}

export interface WaterfallChartProps {
  title: string;
  description?: string;
  items: WaterfallItem[];
  total: { label: string; value: number; ci?: [number, number]; valueText: string };
  axisLabel: string;
  formatTick(value: number): string;
  formatValue(value: number): string;
  emptyText: string;
  width?: number;
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
export function WaterfallChart({ title, description, items, total, axisLabel, formatTick, formatValue, emptyText, width = 820, labelChars = 22 }: WaterfallChartProps) {
  const titleId = useId();
  const descId = useId();
  const labelWidth = Math.min(width * 0.4, labelChars * 12 + 12);
  const valueRoom = 80;
  const plotWidth = Math.max(120, width - labelWidth - valueRoom - 8);
  const { steps, total: sum } = waterfallSteps(items);
  const [lo, hi] = waterfallExtent(steps, sum, total.ci);
  const axis = signedAxis(lo, hi, plotWidth);
  const rows = steps.length + 1;
  const height = TOP + rows * ROW + AXIS;

  return (
    <figure className="bpr-chart bpr-cmp-waterfall">
      <figcaption className="bpr-chart-caption">
        <span className="bpr-chart-title">{title}</span>
        {description && <span className="bpr-chart-desc">{description}</span>}
      </figcaption>
      {items.length === 0 ? (
        <p className="bpr-chart-empty">{emptyText}</p>
      ) : (
        <svg
          className="bpr-chart-svg"
          style={{ maxWidth: width }}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={description ? `${titleId} ${descId}` : titleId}
          data-chart="waterfall"
        >
          <title id={titleId}>{`${title}: ${items.map((i) => `${i.label} ${i.valueText}`).join('、')}、${total.label} ${total.valueText}`}</title>
          {description && <desc id={descId}>{description}</desc>}
          <g transform={`translate(${labelWidth},${TOP})`}>
            {axis.ticks.map((t) => (
              <g key={t} transform={`translate(${axis.x(t)},0)`} className="bpr-chart-grid">
                <line y1={0} y2={rows * ROW} />
                <text y={rows * ROW + 16} textAnchor="middle" className="bpr-chart-tick">
                  {formatTick(t)}
                </text>
              </g>
            ))}
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
                  <text x={-8} y={y + BAR / 2} dominantBaseline="central" textAnchor="end" className="bpr-chart-label">
                    {truncateLabel(item.label, labelChars)}
                  </text>
                  <rect x={Math.min(a, b)} y={y} width={Math.max(1, Math.abs(b - a))} height={BAR} rx={2} className="bpr-cmp-bar" />
                  {row > 0 && <line className="bpr-cmp-connector" x1={a} x2={a} y1={y - (ROW - BAR)} y2={y} />}
                  {whisker && whisker[1] - whisker[0] > 0.5 && (
                    <g className="bpr-chart-whisker">
                      <line x1={whisker[0]} x2={whisker[1]} y1={y + BAR / 2} y2={y + BAR / 2} />
                      <line x1={whisker[0]} x2={whisker[0]} y1={y + 3} y2={y + BAR - 3} />
                      <line x1={whisker[1]} x2={whisker[1]} y1={y + 3} y2={y + BAR - 3} />
                    </g>
                  )}
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
                  <text x={-8} y={y + BAR / 2} dominantBaseline="central" textAnchor="end" className="bpr-chart-label bpr-cmp-total-label">
                    {total.label}
                  </text>
                  <rect x={Math.min(z, b)} y={y} width={Math.max(1, Math.abs(b - z))} height={BAR} rx={2} className="bpr-cmp-bar" />
                  {whisker && whisker[1] - whisker[0] > 0.5 && (
                    <g className="bpr-chart-whisker">
                      <line x1={whisker[0]} x2={whisker[1]} y1={y + BAR / 2} y2={y + BAR / 2} />
                      <line x1={whisker[0]} x2={whisker[0]} y1={y + 3} y2={y + BAR - 3} />
                      <line x1={whisker[1]} x2={whisker[1]} y1={y + 3} y2={y + BAR - 3} />
                    </g>
                  )}
                  <text x={Math.max(z, b, whisker?.[1] ?? 0) + 6} y={y + BAR / 2} dominantBaseline="central" className="bpr-chart-value">
                    {formatValue(total.value)}
                  </text>
                </g>
              );
            })()}
            <line className="bpr-chart-axis" x1={axis.x(0)} x2={axis.x(0)} y1={0} y2={rows * ROW} />
            <text x={plotWidth / 2} y={rows * ROW + 36} textAnchor="middle" className="bpr-chart-axis-label">
              {axisLabel}
            </text>
          </g>
        </svg>
      )}
    </figure>
  );
}
