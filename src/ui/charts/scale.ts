/**
 * Axis arithmetic shared by the charts: a "nice" upper bound and evenly spaced ticks (1, 2, 2.5, 5 × 10ⁿ),
 * so axes read 0 · 500 · 1,000 instead of 0 · 437 · 874.
 */
export interface Ticks {
  max: number;
  step: number;
  ticks: number[];
}

const STEPS = [1, 2, 2.5, 5, 10];

export function niceTicks(maxValue: number, targetCount = 5): Ticks {
  if (!Number.isFinite(maxValue) || maxValue <= 0) return { max: 1, step: 0.25, ticks: [0, 0.25, 0.5, 0.75, 1] };
  const rough = maxValue / Math.max(1, targetCount);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = (STEPS.find((s) => s * magnitude >= rough) ?? 10) * magnitude;
  const max = Math.ceil(maxValue / step - 1e-9) * step;
  const ticks: number[] = [];
  // Rounded so 0.1 + 0.2 does not print as 0.30000000000000004.
  for (let v = 0; v <= max + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { max, step, ticks };
}

/** Linear map of [0, domainMax] onto [0, rangeMax], clamped so a whisker never leaves the plot. */
export function scaleLinear(domainMax: number, rangeMax: number): (v: number) => number {
  return (v) => {
    if (!Number.isFinite(v) || domainMax <= 0) return 0;
    return Math.max(0, Math.min(rangeMax, (v / domainMax) * rangeMax));
  };
}

/** Shortens a label for a fixed-width column; the full text stays in the element's <title>. */
export function truncateLabel(label: string, maxChars: number): string {
  const chars = [...label];
  return chars.length <= maxChars ? label : `${chars.slice(0, Math.max(1, maxChars - 1)).join('')}…`;
}
