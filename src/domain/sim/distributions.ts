import type { Distribution } from '../model/annotations';
import type { Rng } from './prng';

/**
 * Sampling of annotated durations, in the distribution's own unit (minutes, or business days for lags).
 *
 * Conventions the engine and the analytics rely on:
 * - Durations cannot be negative. Only `normal` can produce negative draws; they are clamped to 0
 *   (a point mass at 0, not a re-draw). Clamping biases the mean less than rejection does; the exact
 *   mean of the clamped variable is `clampedNormalMean`. For mean ≥ 2·sd the effect is < 0.01·sd.
 * - `lognormal` is parameterised by the mean and sd of the duration itself, not of its logarithm.
 * - Draws consumed per sample are fixed: `fixed` 0, `normal` 2, every other type 1 (sd = 0 or
 *   min = max degenerates to `fixed` and consumes 0). Fixed counts keep streams aligned across scenarios.
 */

export type Sampler = (rng: Rng) => number;

const TWO_PI = 2 * Math.PI;
const Z975 = 1.959963984540054;

function invalid(d: Distribution, why: string): never {
  throw new RangeError(`分布 ${JSON.stringify(d)} のパラメータが不正です: ${why}`);
}

function checkFinite(d: Distribution, ...xs: number[]): void {
  for (const x of xs) if (!Number.isFinite(x) || x < 0) invalid(d, '0以上の有限の数が必要です');
}

/** Parameters of the underlying normal for a lognormal with the given mean and sd. */
export function lognormalParams(mean: number, sd: number): { mu: number; sigma: number } {
  const sigma2 = Math.log1p((sd * sd) / (mean * mean));
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/** Build a sampler once per distribution; the returned closure allocates nothing per call. */
export function compileDistribution(d: Distribution): Sampler {
  switch (d.type) {
    case 'fixed': {
      checkFinite(d, d.value);
      const v = d.value;
      return () => v;
    }
    case 'uniform': {
      checkFinite(d, d.min, d.max);
      if (d.min > d.max) invalid(d, '最小値が最大値より大きい');
      const a = d.min,
        w = d.max - d.min;
      if (w === 0) return () => a;
      return (rng) => a + w * rng.next();
    }
    case 'triangular': {
      checkFinite(d, d.min, d.mode, d.max);
      const a = d.min,
        c = d.mode,
        b = d.max;
      if (a > b || c < a || c > b) invalid(d, '最小値 ≤ 最頻値 ≤ 最大値 ではない');
      const w = b - a;
      if (w === 0) return () => a;
      const fc = (c - a) / w;
      const left = w * (c - a),
        right = w * (b - c);
      // Inverse CDF: one draw per sample, no rejection.
      return (rng) => {
        const u = rng.next();
        return u < fc ? a + Math.sqrt(u * left) : b - Math.sqrt((1 - u) * right);
      };
    }
    case 'normal': {
      checkFinite(d, d.mean, d.sd);
      const m = d.mean,
        s = d.sd;
      if (s === 0) return () => m;
      // Box–Muller, cosine branch only: caching the sine partner would leak state between streams.
      return (rng) => {
        const u1 = 1 - rng.next(); // (0, 1], keeps log finite
        const u2 = rng.next();
        const x = m + s * Math.sqrt(-2 * Math.log(u1)) * Math.cos(TWO_PI * u2);
        return x > 0 ? x : 0;
      };
    }
    case 'lognormal': {
      checkFinite(d, d.mean, d.sd);
      if (!(d.mean > 0)) invalid(d, '平均は0より大きい必要があります');
      const m = d.mean;
      if (d.sd === 0) return () => m;
      const { mu, sigma } = lognormalParams(d.mean, d.sd);
      // One draw per sample: normal quantile by inverse CDF (Acklam), so lognormal consumes like the others.
      return (rng) => Math.exp(mu + sigma * normalQuantile(rng.next()));
    }
    case 'exponential': {
      checkFinite(d, d.mean);
      if (!(d.mean > 0)) invalid(d, '平均は0より大きい必要があります');
      const m = d.mean;
      return (rng) => -m * Math.log(1 - rng.next());
    }
    default: {
      const never: never = d;
      throw new RangeError(`未対応の分布です: ${JSON.stringify(never)}`);
    }
  }
}

/** Convenience for one-off draws; hot paths should keep the compiled sampler. */
export function sampleDistribution(d: Distribution, rng: Rng): number {
  return compileDistribution(d)(rng);
}

/**
 * Range used for sensitivity analysis: the full support for bounded distributions (fixed, uniform,
 * triangular), the central 95 % interval for unbounded ones (normal clamped at 0, lognormal, exponential).
 */
export function distributionBounds(d: Distribution): { low: number; high: number } {
  switch (d.type) {
    case 'fixed':
      return { low: d.value, high: d.value };
    case 'uniform':
      return { low: d.min, high: d.max };
    case 'triangular':
      return { low: d.min, high: d.max };
    case 'normal':
      return { low: Math.max(0, d.mean - Z975 * d.sd), high: Math.max(0, d.mean + Z975 * d.sd) };
    case 'lognormal': {
      if (d.sd === 0) return { low: d.mean, high: d.mean };
      const { mu, sigma } = lognormalParams(d.mean, d.sd);
      return { low: Math.exp(mu - Z975 * sigma), high: Math.exp(mu + Z975 * sigma) };
    }
    case 'exponential':
      return { low: -d.mean * Math.log(0.975), high: -d.mean * Math.log(0.025) };
  }
}

/**
 * Theoretical variance of the sampled variable (normal: before clamping; use `clampedNormalVariance`
 * for the clamped one).
 */
export function distributionVariance(d: Distribution): number {
  switch (d.type) {
    case 'fixed':
      return 0;
    case 'uniform':
      return (d.max - d.min) ** 2 / 12;
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'normal':
      return d.sd * d.sd;
    case 'lognormal':
      return d.sd * d.sd;
    case 'exponential':
      return d.mean * d.mean;
  }
}

const INV_SQRT_2PI = 0.3989422804014327;

function normalPdf(z: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
}

/** Standard normal CDF from Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7); used by analytics only. */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erfcHalf = (poly * Math.exp(-x * x)) / 2;
  return z >= 0 ? 1 - erfcHalf : erfcHalf;
}

/** E[max(0, X)] for X ~ N(mean, sd²): the exact mean of what the `normal` sampler returns. */
export function clampedNormalMean(mean: number, sd: number): number {
  if (sd === 0) return Math.max(0, mean);
  const a = mean / sd;
  return mean * normalCdf(a) + sd * normalPdf(a);
}

/** Var[max(0, X)] for X ~ N(mean, sd²). */
export function clampedNormalVariance(mean: number, sd: number): number {
  if (sd === 0) return 0;
  const a = mean / sd;
  const second = (mean * mean + sd * sd) * normalCdf(a) + mean * sd * normalPdf(a);
  const m = clampedNormalMean(mean, sd);
  return second - m * m;
}

// Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9): far below
// the sampling noise, and it lets lognormal consume exactly one draw.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Standard normal quantile for p in (0, 1); p = 0 maps to a large finite negative value. */
export function normalQuantile(p: number): number {
  if (p <= 0) p = 2 ** -53;
  else if (p >= 1) p = 1 - 2 ** -53;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  }
  if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) / (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1)
  );
}
