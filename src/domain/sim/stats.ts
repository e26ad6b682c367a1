/**
 * Statistics for simulation output: replication estimates with Student-t confidence intervals, the M/M/c
 * (Erlang C) reference used to sanity-check the engine, histograms and a streaming accumulator.
 */

/** Arithmetic mean; NaN for an empty array. */
export function mean(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

/** Sample variance (n − 1 denominator), two-pass; NaN for n = 0, 0 for n = 1. */
export function variance(xs: number[]): number {
  const n = xs.length;
  if (n === 0) return Number.NaN;
  if (n === 1) return 0;
  const m = mean(xs);
  let ss = 0,
    comp = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - m;
    ss += d * d;
    comp += d;
  }
  // The compensation term removes the rounding error left in m (corrected two-pass algorithm).
  return (ss - (comp * comp) / n) / (n - 1);
}

// t_{0.975, df} for df = 1..30.
const T975 = [
  12.70620474, 4.30265273, 3.18244631, 2.77644511, 2.57058184, 2.44691185, 2.36462425, 2.30600414, 2.26215716, 2.22813885, 2.20098516, 2.17881283, 2.16036866,
  2.14478669, 2.13144955, 2.1199053, 2.10981558, 2.10092204, 2.09302405, 2.08596345, 2.07961384, 2.07387307, 2.06865761, 2.06389856, 2.05953855, 2.05552944,
  2.05183052, 2.04840714, 2.04522964, 2.04227246,
];
const Z975 = 1.959963984540054;

/**
 * Two-sided 95 % quantile of Student's t (i.e. the 0.975 quantile). Exact table for df ≤ 30, Cornish–Fisher
 * expansion in 1/df beyond (error < 1e-6 at df = 31). Non-integer df interpolates linearly.
 */
export function studentT975(df: number): number {
  if (!(df >= 1)) throw new RangeError(`自由度は1以上が必要です: ${df}`);
  if (df === Infinity) return Z975;
  if (df <= 30) {
    const lo = Math.floor(df);
    const f = df - lo;
    const a = T975[lo - 1]!;
    return f === 0 || lo === 30 ? a : a + f * (T975[lo]! - a);
  }
  const z = Z975,
    z2 = z * z;
  const g1 = (z2 * z + z) / 4;
  const g2 = (5 * z2 * z2 * z + 16 * z2 * z + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  const g4 = (79 * z ** 9 + 776 * z ** 7 + 1482 * z ** 5 - 1920 * z ** 3 - 945 * z) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

export interface Estimate {
  mean: number;
  ci95: [number, number];
  /** 想定の幅 (sim/inputRange): the figure at the optimistic and pessimistic ends of the step-time estimates. */
  inputRange?: [number, number];
}

/** Mean across replications with a 95 % t-interval; n = 1 gives a zero-width interval. */
export function estimate(xs: number[]): Estimate {
  const n = xs.length;
  const m = mean(xs);
  if (n < 2) return { mean: m, ci95: [m, m] };
  const half = (studentT975(n - 1) * Math.sqrt(variance(xs))) / Math.sqrt(n);
  return { mean: m, ci95: [m - half, m + half] };
}

/**
 * The estimate of a quantity that cannot be negative (minutes, hours, counts, yen): the lower end of the
 * t-interval is cut at 0. The symmetric interval is a normal approximation; for a mean near 0 with a
 * wide spread it reaches below 0 (e.g. waiting −1〜13 分), which no replication can produce. The mean is kept.
 */
export function nonNegative(e: Estimate): Estimate {
  return e.ci95[0] >= 0 ? e : { mean: e.mean, ci95: [0, Math.max(0, e.ci95[1])] };
}

/**
 * M/M/c queue with arrival rate λ and per-server service rate μ (same time unit): probability that an
 * arrival waits (Erlang C), mean wait in queue Wq and utilisation ρ = λ/(cμ). Unstable systems (ρ ≥ 1)
 * return pWait 1 and meanWait Infinity.
 */
export function erlangC(c: number, lambda: number, mu: number): { pWait: number; meanWait: number; utilisation: number } {
  if (!(c >= 1) || !Number.isInteger(c)) throw new RangeError(`サーバー数は1以上の整数が必要です: ${c}`);
  if (!(lambda >= 0) || !(mu > 0)) throw new RangeError(`到着率・処理率が不正です: λ=${lambda}, μ=${mu}`);
  const a = lambda / mu;
  const rho = a / c;
  if (rho >= 1) return { pWait: 1, meanWait: Infinity, utilisation: rho };
  // Erlang B by its recurrence, then C = B / (1 − ρ(1 − B)); stable for large c where a^c/c! overflows.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const pWait = b / (1 - rho * (1 - b));
  return { pWait, meanWait: pWait / (c * mu - lambda), utilisation: rho };
}

/**
 * Equal-width histogram over [min, max]; the maximum falls in the last bin. Non-finite values are ignored.
 * All-equal data gets the bin range [v − 0.5, v + 0.5] so it still draws as a bar.
 */
export function histogram(xs: number[], bins: number): { edges: number[]; counts: number[] } {
  const nb = Math.max(1, Math.floor(bins));
  let lo = Infinity,
    hi = -Infinity;
  for (const x of xs) {
    if (!Number.isFinite(x)) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const counts = new Array<number>(nb).fill(0);
  if (lo === Infinity) return { edges: new Array<number>(nb + 1).fill(0), counts };
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const width = (hi - lo) / nb;
  const edges = Array.from({ length: nb + 1 }, (_, i) => (i === nb ? hi : lo + i * width));
  for (const x of xs) {
    if (!Number.isFinite(x)) continue;
    const i = Math.min(nb - 1, Math.floor((x - lo) / width));
    counts[i]!++;
  }
  return { edges, counts };
}

/**
 * Values ≥ 0 counted in fine bins of 1/256 (of a business day, for lead times: under two minutes of a
 * 7¾-hour day), so a histogram of millions of cases keeps a few kilobytes instead of every value. The
 * exact minimum and maximum are kept; `toBins` spreads the fine bins over equal-width bins between them.
 */
export class FineHistogram {
  static readonly RESOLUTION = 256;
  /** Beyond this many fine bins (64 years of business days) values share the last one. */
  private static readonly MAX_BINS = 1 << 22;
  private counts = new Float64Array(1024);
  count = 0;
  min = Infinity;
  max = -Infinity;

  add(x: number): void {
    if (!Number.isFinite(x)) return;
    const v = Math.max(0, x);
    const i = Math.min(FineHistogram.MAX_BINS - 1, Math.floor(v * FineHistogram.RESOLUTION));
    if (i >= this.counts.length) {
      const grown = new Float64Array(Math.min(FineHistogram.MAX_BINS, Math.max(i + 1, this.counts.length * 2)));
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts[i]++;
    this.count++;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  merge(other: FineHistogram): void {
    if (other.counts.length > this.counts.length) {
      const grown = new Float64Array(other.counts.length);
      grown.set(this.counts);
      this.counts = grown;
    }
    for (let i = 0; i < other.counts.length; i++) this.counts[i] += other.counts[i];
    this.count += other.count;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }

  /** `bins` equal-width bins from the exact minimum to the exact maximum (as `histogram` gives for the raw values, to 1/256). */
  toBins(bins: number): { edges: number[]; counts: number[] } {
    const nb = Math.max(1, Math.floor(bins));
    const counts = new Array<number>(nb).fill(0);
    if (this.count === 0) return { edges: new Array<number>(nb + 1).fill(0), counts };
    let lo = this.min,
      hi = this.max;
    if (lo === hi) {
      lo -= 0.5;
      hi += 0.5;
    }
    const width = (hi - lo) / nb;
    const edges = Array.from({ length: nb + 1 }, (_, i) => (i === nb ? hi : lo + i * width));
    const last = Math.min(this.counts.length, Math.floor(this.max * FineHistogram.RESOLUTION) + 1);
    for (let i = Math.floor(this.min * FineHistogram.RESOLUTION); i < last; i++) {
      const n = this.counts[i];
      if (n === 0) continue;
      // The fine bin's values lie in [i, i+1)/256, clipped to the exact range; its centre picks the bin.
      const centre = (Math.max(lo, Math.min(hi, i / FineHistogram.RESOLUTION)) + Math.max(lo, Math.min(hi, (i + 1) / FineHistogram.RESOLUTION))) / 2;
      counts[Math.min(nb - 1, Math.max(0, Math.floor((centre - lo) / width)))] += n;
    }
    return { edges, counts };
  }
}

/**
 * Streaming mean/variance/min/max (Welford); `merge` combines accumulators from parallel workers.
 * Empty: count 0, mean 0, min Infinity, max −Infinity.
 */
export class RunningStats {
  count = 0;
  mean = 0;
  min = Infinity;
  max = -Infinity;
  private m2 = 0;

  add(x: number): void {
    const n = ++this.count;
    const d = x - this.mean;
    this.mean += d / n;
    this.m2 += d * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  /** Sample variance (n − 1); 0 while fewer than two values. */
  get variance(): number {
    return this.count < 2 ? 0 : this.m2 / (this.count - 1);
  }

  get sd(): number {
    return Math.sqrt(this.variance);
  }

  merge(other: RunningStats): void {
    if (other.count === 0) return;
    if (this.count === 0) {
      this.count = other.count;
      this.mean = other.mean;
      this.m2 = other.m2;
      this.min = other.min;
      this.max = other.max;
      return;
    }
    const n = this.count + other.count;
    const d = other.mean - this.mean;
    this.m2 += other.m2 + (d * d * this.count * other.count) / n;
    this.mean += (d * other.count) / n;
    this.count = n;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  clear(): void {
    this.count = 0;
    this.mean = 0;
    this.m2 = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }
}
