import { useId, type ReactNode } from 'react';
import './charts.css';

/**
 * The SVG pieces every chart draws the same way: the captioned frame with its accessible title, grid lines
 * with tick labels, axis captions, row labels and CI whiskers. Kept in one place so all charts read alike
 * to sighted users and screen readers.
 */

/** What every chart is given besides its data: its caption, the text shown without data, its designed width. */
export interface ChartTextProps {
  title: string;
  description?: string;
  emptyText: string;
  /** Designed width in px; the SVG never grows beyond it. */
  width?: number;
}

export interface ChartFrameProps {
  /** Extra class on the <figure>, after `bpr-chart`. */
  className?: string;
  title: string;
  description?: string;
  /** Drawn inside the caption after the description, e.g. a legend. */
  captionExtra?: ReactNode;
  empty: boolean;
  emptyText: string;
  width: number;
  height: number;
  /** `group` when the parts inside are themselves focusable images. */
  role?: 'img' | 'group';
  /** Value of `data-chart`, which tests and styles select on. */
  chart: string;
  /** Text of the SVG's <title>: what a screen reader announces for the whole chart. */
  svgTitle: string;
  /** The plot; called only when not empty, so it may assume its data is usable. */
  children(): ReactNode;
  /** Drawn after the SVG (or the empty text), inside the figure. */
  footer?: ReactNode;
}

export function ChartFrame({
  className,
  title,
  description,
  captionExtra,
  empty,
  emptyText,
  width,
  height,
  role = 'img',
  chart,
  svgTitle,
  children,
  footer,
}: ChartFrameProps) {
  const titleId = useId();
  const descId = useId();
  return (
    <figure className={className ? `bpr-chart ${className}` : 'bpr-chart'}>
      <figcaption className="bpr-chart-caption">
        <span className="bpr-chart-title">{title}</span>
        {description && <span className="bpr-chart-desc">{description}</span>}
        {captionExtra}
      </figcaption>
      {empty ? (
        <p className="bpr-chart-empty">{emptyText}</p>
      ) : (
        <svg
          className="bpr-chart-svg"
          // Never drawn larger than designed: text stays at its intended size on wide screens.
          style={{ maxWidth: width }}
          viewBox={`0 0 ${width} ${height}`}
          role={role}
          aria-labelledby={description ? `${titleId} ${descId}` : titleId}
          data-chart={chart}
        >
          <title id={titleId}>{svgTitle}</title>
          {description && <desc id={descId}>{description}</desc>}
          {children()}
        </svg>
      )}
      {footer}
    </figure>
  );
}

/** Vertical grid lines at each tick of a horizontal value axis, labelled under the plot. */
export function XGrid({ ticks, x, plotHeight, format }: { ticks: number[]; x(value: number): number; plotHeight: number; format(value: number): string }) {
  return ticks.map((t) => (
    <g key={t} transform={`translate(${x(t)},0)`} className="bpr-chart-grid">
      <line y1={0} y2={plotHeight} />
      <text y={plotHeight + 16} textAnchor="middle" className="bpr-chart-tick">
        {format(t)}
      </text>
    </g>
  ));
}

/** Horizontal grid lines at each tick of a vertical value axis, labelled left of the plot. */
export function YGrid({
  ticks,
  y,
  plotWidth,
  format,
}: {
  ticks: number[];
  /** Distance from the top of the plot (SVG y grows downwards). */
  y(value: number): number;
  plotWidth: number;
  format(value: number): string;
}) {
  return ticks.map((t) => (
    <g key={t} className="bpr-chart-grid" transform={`translate(0,${y(t)})`}>
      <line x1={0} x2={plotWidth} />
      <text x={-6} dominantBaseline="central" textAnchor="end" className="bpr-chart-tick">
        {format(t)}
      </text>
    </g>
  ));
}

/** Caption of the horizontal axis, centred under the plot. */
export function XAxisLabel({ plotWidth, y, children }: { plotWidth: number; y: number; children: ReactNode }) {
  return (
    <text x={plotWidth / 2} y={y} textAnchor="middle" className="bpr-chart-axis-label">
      {children}
    </text>
  );
}

/** Caption of the vertical axis, turned to read bottom-up, `offset` left of the plot. */
export function YAxisLabel({ plotHeight, offset, children }: { plotHeight: number; offset: number; children: ReactNode }) {
  return (
    <text transform={`translate(${-offset},${plotHeight / 2}) rotate(-90)`} textAnchor="middle" className="bpr-chart-axis-label">
      {children}
    </text>
  );
}

/** Category name right-aligned left of a horizontal bar whose top is `top`. */
export function RowLabel({ top, bar, className, children }: { top: number; bar: number; className?: string; children: ReactNode }) {
  return (
    <text x={-8} y={top + bar / 2} dominantBaseline="central" textAnchor="end" className={className ? `bpr-chart-label ${className}` : 'bpr-chart-label'}>
      {children}
    </text>
  );
}

/** 95 % interval [lo, hi] (already in pixels) across a horizontal bar whose top is `top`. */
export function Whisker({ lo, hi, top, bar }: { lo: number; hi: number; top: number; bar: number }) {
  return (
    <g className="bpr-chart-whisker">
      <line x1={lo} x2={hi} y1={top + bar / 2} y2={top + bar / 2} />
      <line x1={lo} x2={lo} y1={top + 3} y2={top + bar - 3} />
      <line x1={hi} x2={hi} y1={top + 3} y2={top + bar - 3} />
    </g>
  );
}
