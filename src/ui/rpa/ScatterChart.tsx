import { useState } from 'react';
import { ChartFrame, type ChartTextProps, XAxisLabel, XGrid, YAxisLabel, YGrid } from '../charts/Axis';
import { niceTicks, scaleLinear } from '../charts/scale';

export interface ScatterItem {
  key: string;
  x: number;
  y: number;
  /** 95 % interval of y, drawn as a vertical whisker. */
  yLow?: number;
  yHigh?: number;
  /** Full sentence for the tooltip and screen readers (step, figures with units). */
  label: string;
  /** Short mark printed next to the point (e.g. the rank). */
  mark?: string;
  /** Drawn hollow: the answers behind x are partly estimated. */
  hollow?: boolean;
}

export interface ScatterChartProps extends ChartTextProps {
  items: ScatterItem[];
  xLabel: string;
  yLabel: string;
  formatX(v: number): string;
  formatY(v: number): string;
  /** Fixed x maximum (e.g. 100 points). */
  xMax?: number;
  onSelect?(key: string): void;
  height?: number;
}

const PAD = { left: 64, right: 16, top: 12, bottom: 44 };

/**
 * Scatter plot in plain SVG. Each point is focusable and carries its sentence in <title>, so hover,
 * keyboard focus and screen readers all get the step and its figures; the hovered/focused point's
 * sentence is also printed under the chart.
 */
export function ScatterChart({
  title,
  description,
  items,
  xLabel,
  yLabel,
  formatX,
  formatY,
  xMax,
  emptyText,
  onSelect,
  width = 640,
  height = 320,
}: ScatterChartProps) {
  const [active, setActive] = useState<string | null>(null);
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const xt = niceTicks(xMax ?? Math.max(0, ...items.map((i) => i.x)), 5);
  const yt = niceTicks(Math.max(0, ...items.map((i) => Math.max(i.y, i.yHigh ?? 0))), 5);
  const xAxisMax = xMax ?? xt.max;
  const sx = scaleLinear(xAxisMax, plotW);
  const sy = scaleLinear(yt.max, plotH);
  const yOf = (v: number) => plotH - sy(v);
  const activeItem = items.find((i) => i.key === active);

  return (
    <ChartFrame
      className="bpr-scatter"
      title={title}
      description={description}
      empty={items.length === 0}
      emptyText={emptyText}
      width={width}
      height={height}
      role="group"
      chart="scatter"
      svgTitle={title}
      footer={
        <p className="bpr-scatter-readout" aria-live="polite">
          {activeItem?.label ?? '\u00a0'}
        </p>
      }
    >
      {() => (
        <g transform={`translate(${PAD.left},${PAD.top})`}>
          <XGrid ticks={xt.ticks.filter((t) => t <= xAxisMax + 1e-9)} x={sx} plotHeight={plotH} format={formatX} />
          <YGrid ticks={yt.ticks} y={yOf} plotWidth={plotW} format={formatY} />
          <line className="bpr-chart-axis" x1={0} x2={0} y1={0} y2={plotH} />
          <line className="bpr-chart-axis" x1={0} x2={plotW} y1={plotH} y2={plotH} />
          <XAxisLabel plotWidth={plotW} y={plotH + 36}>
            {xLabel}
          </XAxisLabel>
          <YAxisLabel plotHeight={plotH} offset={50}>
            {yLabel}
          </YAxisLabel>
          {/* Drawn best-last so the top candidates sit on top where points overlap. */}
          {[...items].reverse().map((item) => {
            const cx = sx(item.x);
            const cy = yOf(item.y);
            const isActive = item.key === active;
            return (
              <g
                key={item.key}
                className={`bpr-scatter-point${isActive ? ' is-active' : ''}${item.hollow ? ' is-hollow' : ''}`}
                data-key={item.key}
                tabIndex={0}
                role="img"
                aria-label={item.label}
                onMouseEnter={() => setActive(item.key)}
                onMouseLeave={() => setActive((k) => (k === item.key ? null : k))}
                onFocus={() => setActive(item.key)}
                onBlur={() => setActive((k) => (k === item.key ? null : k))}
                onClick={() => onSelect?.(item.key)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onSelect?.(item.key);
                  }
                }}
              >
                <title>{item.label}</title>
                {item.yLow !== undefined && item.yHigh !== undefined && yOf(item.yLow) - yOf(item.yHigh) > 1 && (
                  <line className="bpr-scatter-whisker" x1={cx} x2={cx} y1={yOf(item.yLow)} y2={yOf(item.yHigh)} />
                )}
                <circle cx={cx} cy={cy} r={isActive ? 7 : 5} />
                {item.mark && (
                  <text x={cx + 8} y={cy - 6} className="bpr-scatter-mark">
                    {item.mark}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      )}
    </ChartFrame>
  );
}
