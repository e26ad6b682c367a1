import type { SensitivityResult } from '../../domain/analysis/sensitivity';
import { ChartFrame, type ChartTextProps, RowLabel, XAxisLabel, XGrid } from '../charts/Axis';
import { truncateLabel } from '../charts/scale';
import { tornadoRows } from './chartGeometry';

export interface TornadoProps extends ChartTextProps {
  sensitivity: SensitivityResult;
  axisLabel: string;
  /** Legend and tooltip wording: the input at its low / high end. */
  lowLabel: string;
  highLabel: string;
  baselineLabel: string;
  formatTick(value: number): string;
  /** Tooltip for one bar. */
  describe(bar: SensitivityResult['bars'][number]): string;
  labelChars?: number;
}

const ROW = 26;
const BAR = 14;
const TOP = 22;
const AXIS = 44;

/**
 * Tornado chart of 削減した業務時間: one bar per input, from the saving with the input at its low end
 * to the saving at its high end, around the baseline line. Widest bar on top.
 */
export function Tornado({
  title,
  description,
  sensitivity,
  axisLabel,
  lowLabel,
  highLabel,
  baselineLabel,
  formatTick,
  describe,
  emptyText,
  width = 820,
  labelChars = 30,
}: TornadoProps) {
  const labelWidth = Math.min(width * 0.45, labelChars * 12 + 12);
  const plotWidth = Math.max(120, width - labelWidth - 24);
  const inputs = sensitivity.bars.map((b) => ({ id: b.id, label: b.label, atLow: b.hoursSavedAtLow, atHigh: b.hoursSavedAtHigh }));
  const { rows, axis } = tornadoRows(inputs, sensitivity.baselineHoursSavedPerYear, plotWidth);
  const byId = new Map(sensitivity.bars.map((b) => [b.id, b]));
  const height = TOP + rows.length * ROW + AXIS;

  return (
    <ChartFrame
      className="bpr-cmp-tornado"
      title={title}
      description={description}
      captionExtra={
        <span className="bpr-cmp-legend">
          <span className="bpr-cmp-swatch bpr-cmp-swatch-low" aria-hidden="true" /> {lowLabel}
          <span className="bpr-cmp-swatch bpr-cmp-swatch-high" aria-hidden="true" /> {highLabel}
        </span>
      }
      empty={rows.length === 0}
      emptyText={emptyText}
      width={width}
      height={height}
      chart="tornado"
      svgTitle={title}
    >
      {() => (
        <g transform={`translate(${labelWidth},${TOP})`}>
          <XGrid ticks={axis.ticks} x={axis.x} plotHeight={rows.length * ROW} format={formatTick} />
          {rows.map((r, i) => {
            const y = i * ROW + (ROW - BAR) / 2;
            const bar = byId.get(r.id)!;
            const seg = (x: number, cls: string) =>
              Math.abs(x - r.baseX) > 0.25 ? <rect x={Math.min(x, r.baseX)} y={y} width={Math.abs(x - r.baseX)} height={BAR} className={cls} /> : null;
            return (
              <g key={r.id} className="bpr-chart-row" data-key={r.id}>
                <title>{describe(bar)}</title>
                <RowLabel top={y} bar={BAR}>
                  {truncateLabel(r.label, labelChars)}
                </RowLabel>
                {seg(r.lowX, 'bpr-cmp-tornado-low')}
                {seg(r.highX, 'bpr-cmp-tornado-high')}
              </g>
            );
          })}
          <line className="bpr-cmp-baseline" x1={rows[0].baseX} x2={rows[0].baseX} y1={-6} y2={rows.length * ROW} />
          <text x={rows[0].baseX} y={-10} textAnchor="middle" className="bpr-chart-tick">
            {baselineLabel}
          </text>
          <XAxisLabel plotWidth={plotWidth} y={rows.length * ROW + 36}>
            {axisLabel}
          </XAxisLabel>
        </g>
      )}
    </ChartFrame>
  );
}
