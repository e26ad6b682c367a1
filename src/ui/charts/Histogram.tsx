import { ChartFrame, type ChartTextProps, XAxisLabel, YAxisLabel, YGrid } from './Axis';
import { niceTicks, scaleLinear } from './scale';

export interface HistogramProps extends ChartTextProps {
  /** Bin edges (length = counts + 1), in the x unit. */
  edges: number[];
  counts: number[];
  xLabel: string;
  yLabel: string;
  formatX(value: number): string;
  formatY(value: number): string;
  /** Spoken/tooltip text for bin `index`, e.g. 「0.5〜1.0 営業日: 120 件」. */
  describeBin(index: number): string;
  height?: number;
}

const LEFT = 56;
const BOTTOM = 48;
const TOP = 10;
const RIGHT = 12;

/** Vertical histogram over given bin edges, plain SVG. */
export function Histogram({
  title,
  description,
  edges,
  counts,
  xLabel,
  yLabel,
  formatX,
  formatY,
  describeBin,
  emptyText,
  width = 520,
  height = 260,
}: HistogramProps) {
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
    <ChartFrame
      title={title}
      description={description}
      empty={!usable}
      emptyText={emptyText}
      width={width}
      height={height}
      chart="histogram"
      svgTitle={!usable ? title : `${title}: ${counts.map((_, i) => describeBin(i)).join('、')}`}
    >
      {() => (
        <g transform={`translate(${LEFT},${TOP})`}>
          <YGrid ticks={yTicks.ticks} y={(t) => plotH - y(t)} plotWidth={plotW} format={formatY} />
          {counts.map((c, i) => (
            <g key={i} className="bpr-chart-row">
              <title>{describeBin(i)}</title>
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
          <XAxisLabel plotWidth={plotW} y={plotH + 38}>
            {xLabel}
          </XAxisLabel>
          <YAxisLabel plotHeight={plotH} offset={42}>
            {yLabel}
          </YAxisLabel>
        </g>
      )}
    </ChartFrame>
  );
}
