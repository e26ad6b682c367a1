import { useId, useState } from 'react';
import { niceTicks, scaleLinear } from '../charts/scale';
import '../charts/charts.css';

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

export interface ScatterChartProps {
  title: string;
  description?: string;
  items: ScatterItem[];
  xLabel: string;
  yLabel: string;
  formatX(v: number): string;
  formatY(v: number): string;
  /** Fixed x maximum (e.g. 100 points). */
  xMax?: number;
  emptyText: string;
  onSelect?(key: string): void;
  width?: number;
  height?: number;
}

const PAD = { left: 64, right: 16, top: 12, bottom: 44 };

/**
 * Scatter plot in plain SVG. Each point is focusable and carries its sentence in <title>, so hover,
 * keyboard focus and screen readers all get the step and its figures; the hovered/focused point's
 * sentence is also printed under the chart.
 */
export function ScatterChart({
  title, description, items, xLabel, yLabel, formatX, formatY, xMax, emptyText, onSelect, width = 640, height = 320,
}: ScatterChartProps) {
  const titleId = useId();
  const descId = useId();
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
    <figure className="bpr-chart bpr-scatter">
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
          role="group"
          aria-labelledby={description ? `${titleId} ${descId}` : titleId}
          data-chart="scatter"
        >
          <title id={titleId}>{title}</title>
          {description && <desc id={descId}>{description}</desc>}
          <g transform={`translate(${PAD.left},${PAD.top})`}>
            {xt.ticks.filter((t) => t <= xAxisMax + 1e-9).map((t) => (
              <g key={`x${t}`} className="bpr-chart-grid" transform={`translate(${sx(t)},0)`}>
                <line y1={0} y2={plotH} />
                <text y={plotH + 16} textAnchor="middle" className="bpr-chart-tick">{formatX(t)}</text>
              </g>
            ))}
            {yt.ticks.map((t) => (
              <g key={`y${t}`} className="bpr-chart-grid" transform={`translate(0,${yOf(t)})`}>
                <line x1={0} x2={plotW} />
                <text x={-6} dominantBaseline="central" textAnchor="end" className="bpr-chart-tick">{formatY(t)}</text>
              </g>
            ))}
            <line className="bpr-chart-axis" x1={0} x2={0} y1={0} y2={plotH} />
            <line className="bpr-chart-axis" x1={0} x2={plotW} y1={plotH} y2={plotH} />
            <text x={plotW / 2} y={plotH + 36} textAnchor="middle" className="bpr-chart-axis-label">{xLabel}</text>
            <text transform={`translate(${-50},${plotH / 2}) rotate(-90)`} textAnchor="middle" className="bpr-chart-axis-label">{yLabel}</text>
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
                    <text x={cx + 8} y={cy - 6} className="bpr-scatter-mark">{item.mark}</text>
                  )}
                </g>
              );
            })}
          </g>
        </svg>
      )}
      <p className="bpr-scatter-readout" aria-live="polite">{activeItem?.label ?? '\u00a0'}</p>
    </figure>
  );
}
