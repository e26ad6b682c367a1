import { useId } from 'react';
import { niceTicks, scaleLinear } from './scale';
import './charts.css';

export interface HistogramProps {
  title: string;
  description?: string;
  /** Bin edges (length = counts + 1), in the x unit. */
  edges: number[];
  counts: number[];
  xLabel: string;
  yLabel: string;
  formatX(value: number): string;
  formatY(value: number): string;
  /** Spoken/tooltip text for one bin, e.g. 「0.5〜1.0 営業日: 120 件」. */
  describeBin(from: number, to: number, count: number): string;
  emptyText: string;
  width?: number;
  height?: number;
}

const LEFT = 56;
const BOTTOM = 48;
const TOP = 10;
const RIGHT = 12;

/** Vertical histogram over given bin edges, plain SVG. */
export function Histogram({
  title, description, edges, counts, xLabel, yLabel, formatX, formatY, describeBin, emptyText, width = 520, height = 260,
}: HistogramProps) {
  const titleId = useId();
  const descId = useId();
  const total = counts.reduce((a, b) => a + b, 0);
  const usable = counts.length > 0 && edges.length === counts.length + 1 && total > 0;
  const plotW = width - LEFT - RIGHT;
  const plotH = height - TOP - BOTTOM;
  const yTicks = niceTicks(Math.max(0, ...counts), 4);
  const y = scaleLinear(yTicks.max, plotH);
  const binW = usable ? plotW / counts.length : 0;
  // Label every n-th edge so the numbers never overlap.
  const every = Math.max(1, Math.ceil(edges.length / 8));

  return (
    <figure className="bpr-chart">
      <figcaption className="bpr-chart-caption">
        <span className="bpr-chart-title">{title}</span>
        {description && <span className="bpr-chart-desc">{description}</span>}
      </figcaption>
      {!usable ? (
        <p className="bpr-chart-empty">{emptyText}</p>
      ) : (
        <svg
          className="bpr-chart-svg"
          // Never drawn larger than designed: text stays at its intended size on wide screens.
          style={{ maxWidth: width }}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={description ? `${titleId} ${descId}` : titleId}
          data-chart="histogram"
        >
          <title id={titleId}>{`${title}: ${counts.map((c, i) => describeBin(edges[i], edges[i + 1], c)).join('、')}`}</title>
          {description && <desc id={descId}>{description}</desc>}
          <g transform={`translate(${LEFT},${TOP})`}>
            {yTicks.ticks.map((t) => (
              <g key={t} className="bpr-chart-grid" transform={`translate(0,${plotH - y(t)})`}>
                <line x1={0} x2={plotW} />
                <text x={-6} dominantBaseline="central" textAnchor="end" className="bpr-chart-tick">
                  {formatY(t)}
                </text>
              </g>
            ))}
            {counts.map((c, i) => (
              <g key={i} className="bpr-chart-row">
                <title>{describeBin(edges[i], edges[i + 1], c)}</title>
                <rect x={i * binW + 1} y={plotH - y(c)} width={Math.max(1, binW - 2)} height={y(c)} className="bpr-chart-bar" />
              </g>
            ))}
            {edges.map((e, i) =>
              i % every === 0 || i === edges.length - 1 ? (
                <text key={i} x={i * binW} y={plotH + 16} textAnchor="middle" className="bpr-chart-tick">
                  {formatX(e)}
                </text>
              ) : null,
            )}
            <line className="bpr-chart-axis" x1={0} x2={plotW} y1={plotH} y2={plotH} />
            <text x={plotW / 2} y={plotH + 38} textAnchor="middle" className="bpr-chart-axis-label">
              {xLabel}
            </text>
            <text transform={`translate(${-42},${plotH / 2}) rotate(-90)`} textAnchor="middle" className="bpr-chart-axis-label">
              {yLabel}
            </text>
          </g>
        </svg>
      )}
    </figure>
  );
}
