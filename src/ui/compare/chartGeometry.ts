import { niceTicks } from '../charts/scale';

/**
 * Geometry of the comparison's signed charts (waterfall of task savings, tornado), without React so it
 * can be tested in node. Savings can be negative (a new step adds time), so axes run through zero.
 */

export interface SignedAxis {
  min: number;
  max: number;
  ticks: number[];
  /** Value → x in [0, width]. */
  x(value: number): number;
}

/** Nice ticks over [min, max] that always include 0. */
export function signedAxis(lo: number, hi: number, width: number, targetTicks = 6): SignedAxis {
  const a = Math.min(0, Number.isFinite(lo) ? lo : 0);
  const b = Math.max(0, Number.isFinite(hi) ? hi : 0);
  const span = b - a > 0 ? b - a : 1;
  const { step } = niceTicks(span, targetTicks);
  const min = a < 0 ? Math.floor(a / step - 1e-9) * step : 0;
  const max = b > 0 ? Math.ceil(b / step - 1e-9) * step : min === 0 ? step : 0;
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  const range = max - min || 1;
  return {
    min,
    max,
    ticks,
    x: (v) => (Number.isFinite(v) ? Math.max(0, Math.min(width, ((v - min) / range) * width)) : ((0 - min) / range) * width),
  };
}

export interface WaterfallInput {
  key: string;
  value: number;
  ci?: [number, number];
}

export interface WaterfallStep extends WaterfallInput {
  /** Running total before and after this step (value units). */
  from: number;
  to: number;
  /** The interval placed on the running total: from + ci. */
  whisker?: [number, number];
}

/** Each step starts where the previous one ended; the last `to` is the total saving. */
export function waterfallSteps(items: readonly WaterfallInput[]): { steps: WaterfallStep[]; total: number } {
  let running = 0;
  const steps = items.map((item) => {
    const from = running;
    running += item.value;
    return { ...item, from, to: running, ...(item.ci ? { whisker: [from + item.ci[0], from + item.ci[1]] as [number, number] } : {}) };
  });
  return { steps, total: running };
}

/** The value range a waterfall needs on its axis: every running total and whisker end, and zero. */
export function waterfallExtent(steps: readonly WaterfallStep[], total: number, totalCi?: [number, number]): [number, number] {
  const values = [0, total, ...(totalCi ?? []), ...steps.flatMap((s) => [s.from, s.to, ...(s.whisker ?? [])])];
  return [Math.min(...values), Math.max(...values)];
}

export interface TornadoInput {
  id: string;
  label: string;
  /** Saving (h/yr) with the input at its low and at its high value. */
  atLow: number;
  atHigh: number;
}

export interface TornadoRow extends TornadoInput {
  /** Bar from the smaller to the larger of the two outcomes, in pixels. */
  left: number;
  width: number;
  /** Pixel x of the two outcomes and of the baseline. */
  lowX: number;
  highX: number;
  baseX: number;
}

/**
 * Rows of a tornado: bars around the baseline saving, widest first (the input that moves the result
 * most on top). A bar that does not reach the baseline still starts there, so its length is the swing.
 */
export function tornadoRows(inputs: readonly TornadoInput[], baseline: number, width: number): { rows: TornadoRow[]; axis: SignedAxis } {
  const values = [baseline, ...inputs.flatMap((i) => [i.atLow, i.atHigh])];
  const axis = signedAxis(Math.min(...values), Math.max(...values), width);
  const baseX = axis.x(baseline);
  const rows = [...inputs]
    .sort((a, b) => Math.abs(b.atHigh - b.atLow) - Math.abs(a.atHigh - a.atLow) || a.id.localeCompare(b.id))
    .map((i) => {
      const lowX = axis.x(i.atLow);
      const highX = axis.x(i.atHigh);
      const left = Math.min(lowX, highX, baseX);
      const right = Math.max(lowX, highX, baseX);
      return { ...i, lowX, highX, baseX, left, width: right - left };
    });
  return { rows, axis };
}
