import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../../src/domain/model/annotations';
import { distributionMean } from '../../../src/domain/model/annotations';
import {
  clampedNormalMean,
  clampedNormalVariance,
  compileDistribution,
  distributionBounds,
  distributionVariance,
  lognormalParams,
  normalQuantile,
  sampleDistribution,
} from '../../../src/domain/sim/distributions';
import { createRng, type Rng } from '../../../src/domain/sim/prng';
import { mean, variance } from '../../../src/domain/sim/stats';

const N = 200_000;
const minOf = (xs: number[]) => xs.reduce((a, b) => (b < a ? b : a), Infinity);
const maxOf = (xs: number[]) => xs.reduce((a, b) => (b > a ? b : a), -Infinity);

function sample(d: Distribution, seed: number, n = N): number[] {
  const s = compileDistribution(d);
  const rng = createRng(seed);
  const xs = new Array<number>(n);
  for (let i = 0; i < n; i++) xs[i] = s(rng);
  return xs;
}

/** Counts how many draws a sampler consumes by comparing against a second generator. */
function drawsPerSample(d: Distribution): number {
  const used = createRng(1);
  compileDistribution(d)(used);
  const ref = createRng(1);
  const next = used.next();
  for (let k = 0; k < 5; k++) if (ref.next() === next) return k;
  return -1;
}

// Tolerances: mean within 5 standard errors (sd/√n); variance within the stated relative tolerance
// (≈ 5 standard errors of the sample variance for the distribution's kurtosis).
const cases: { d: Distribution; mean: number; variance: number; varTol: number }[] = [
  { d: { type: 'triangular', min: 2, mode: 5, max: 10 }, mean: 17 / 3, variance: (4 + 25 + 100 - 10 - 20 - 50) / 18, varTol: 0.02 },
  { d: { type: 'triangular', min: 0, mode: 0, max: 30 }, mean: 10, variance: 900 / 18, varTol: 0.02 },
  { d: { type: 'triangular', min: 1, mode: 9, max: 9 }, mean: 19 / 3, variance: (1 + 81 + 81 - 9 - 9 - 81) / 18, varTol: 0.02 },
  { d: { type: 'uniform', min: 3, max: 15 }, mean: 9, variance: 144 / 12, varTol: 0.02 },
  { d: { type: 'exponential', mean: 12 }, mean: 12, variance: 144, varTol: 0.035 },
  { d: { type: 'normal', mean: 30, sd: 5 }, mean: 30, variance: 25, varTol: 0.02 },
  { d: { type: 'lognormal', mean: 10, sd: 5 }, mean: 10, variance: 25, varTol: 0.035 },
  { d: { type: 'lognormal', mean: 20, sd: 2 }, mean: 20, variance: 4, varTol: 0.02 },
];

describe('compileDistribution: moments (n = 200,000, fixed seeds)', () => {
  cases.forEach(({ d, mean: mu, variance: v, varTol }, i) => {
    it(`given ${JSON.stringify(d)}, when sampling, then mean and variance match theory`, () => {
      const xs = sample(d, 1000 + i);
      expect(Math.abs(mean(xs) - mu)).toBeLessThan((5 * Math.sqrt(v)) / Math.sqrt(N));
      expect(Math.abs(variance(xs) / v - 1)).toBeLessThan(varTol);
      expect(distributionMean(d)).toBeCloseTo(mu, 10);
      expect(distributionVariance(d)).toBeCloseTo(v, 10);
      expect(minOf(xs)).toBeGreaterThanOrEqual(0);
    });
  });

  it('given triangular and uniform, when sampling, then every draw lies in [min, max]', () => {
    const t = sample({ type: 'triangular', min: 2, mode: 5, max: 10 }, 1);
    expect(minOf(t)).toBeGreaterThanOrEqual(2);
    expect(maxOf(t)).toBeLessThanOrEqual(10);
    const u = sample({ type: 'uniform', min: 3, max: 4 }, 2);
    expect(minOf(u)).toBeGreaterThanOrEqual(3);
    expect(maxOf(u)).toBeLessThan(4);
    const tri = sample({ type: 'triangular', min: 2, mode: 5, max: 10 }, 3);
    // P(X < mode) = (c − a)/(b − a) = 3/8
    expect(Math.abs(tri.filter((x) => x < 5).length / N - 3 / 8)).toBeLessThan(0.005);
  });

  it('given a normal with mean = sd (heavy truncation), when sampling, then negatives are clamped to 0 and the mean matches the clamped-normal formula', () => {
    const xs = sample({ type: 'normal', mean: 10, sd: 10 }, 77);
    expect(minOf(xs)).toBe(0);
    const zeros = xs.filter((x) => x === 0).length / N;
    expect(Math.abs(zeros - 0.158655)).toBeLessThan(0.005); // P(Z < −1)
    const m = clampedNormalMean(10, 10); // 10·Φ(1) + 10·φ(1) ≈ 10.833
    expect(m).toBeCloseTo(10 * 0.8413447 + 10 * 0.2419707, 4);
    expect(Math.abs(mean(xs) - m)).toBeLessThan((5 * 10) / Math.sqrt(N));
    expect(Math.abs(variance(xs) / clampedNormalVariance(10, 10) - 1)).toBeLessThan(0.02);
  });

  it('given a lognormal with mean and sd of the variable, when converting, then mu/sigma reproduce them analytically', () => {
    const { mu, sigma } = lognormalParams(10, 5);
    expect(Math.exp(mu + sigma ** 2 / 2)).toBeCloseTo(10, 10);
    expect((Math.exp(sigma ** 2) - 1) * Math.exp(2 * mu + sigma ** 2)).toBeCloseTo(25, 8);
  });

  it('given degenerate parameters (sd 0, min = max), when sampling, then the constant is returned without consuming draws', () => {
    const rng = createRng(1);
    expect(compileDistribution({ type: 'normal', mean: 7, sd: 0 })(rng)).toBe(7);
    expect(compileDistribution({ type: 'lognormal', mean: 7, sd: 0 })(rng)).toBe(7);
    expect(compileDistribution({ type: 'triangular', min: 4, mode: 4, max: 4 })(rng)).toBe(4);
    expect(compileDistribution({ type: 'uniform', min: 4, max: 4 })(rng)).toBe(4);
    expect(compileDistribution({ type: 'fixed', value: 3.5 })(rng)).toBe(3.5);
    expect(rng.next()).toBe(createRng(1).next());
  });

  it('given each type, when sampling once, then the documented number of draws is consumed', () => {
    expect(drawsPerSample({ type: 'fixed', value: 1 })).toBe(0);
    expect(drawsPerSample({ type: 'normal', mean: 5, sd: 1 })).toBe(2);
    expect(drawsPerSample({ type: 'lognormal', mean: 5, sd: 1 })).toBe(1);
    expect(drawsPerSample({ type: 'triangular', min: 1, mode: 2, max: 3 })).toBe(1);
    expect(drawsPerSample({ type: 'uniform', min: 1, max: 3 })).toBe(1);
    expect(drawsPerSample({ type: 'exponential', mean: 3 })).toBe(1);
  });

  it('given invalid parameters that bypassed the schema, when compiling, then a RangeError names the problem', () => {
    expect(() => compileDistribution({ type: 'triangular', min: 5, mode: 1, max: 10 })).toThrow(/最小値 ≤ 最頻値 ≤ 最大値/);
    expect(() => compileDistribution({ type: 'uniform', min: 5, max: 1 })).toThrow(RangeError);
    expect(() => compileDistribution({ type: 'exponential', mean: 0 })).toThrow(RangeError);
    expect(() => compileDistribution({ type: 'normal', mean: Number.NaN, sd: 1 })).toThrow(RangeError);
  });

  it('given the same seed, when sampling via sampleDistribution and a compiled sampler, then results are identical', () => {
    const d: Distribution = { type: 'lognormal', mean: 8, sd: 3 };
    const r1: Rng = createRng(4),
      r2: Rng = createRng(4);
    const s = compileDistribution(d);
    for (let i = 0; i < 10; i++) expect(sampleDistribution(d, r1)).toBe(s(r2));
  });
});

describe('distributionBounds', () => {
  it('given bounded distributions, when asking bounds, then the support is returned', () => {
    expect(distributionBounds({ type: 'fixed', value: 4 })).toEqual({ low: 4, high: 4 });
    expect(distributionBounds({ type: 'triangular', min: 2, mode: 5, max: 10 })).toEqual({ low: 2, high: 10 });
    expect(distributionBounds({ type: 'uniform', min: 1, max: 3 })).toEqual({ low: 1, high: 3 });
  });

  it('given unbounded distributions, when asking bounds, then the central 95% interval is returned (normal clamped at 0)', () => {
    const n = distributionBounds({ type: 'normal', mean: 10, sd: 2 });
    expect(n.low).toBeCloseTo(10 - 1.959964 * 2, 5);
    expect(n.high).toBeCloseTo(10 + 1.959964 * 2, 5);
    expect(distributionBounds({ type: 'normal', mean: 1, sd: 2 }).low).toBe(0);
    const e = distributionBounds({ type: 'exponential', mean: 10 });
    expect(1 - Math.exp(-e.low / 10)).toBeCloseTo(0.025, 10);
    expect(1 - Math.exp(-e.high / 10)).toBeCloseTo(0.975, 10);
    // lognormal: 95% of draws fall inside
    const d: Distribution = { type: 'lognormal', mean: 10, sd: 5 };
    const b = distributionBounds(d);
    const xs = sample(d, 5, 100_000);
    const inside = xs.filter((x) => x >= b.low && x <= b.high).length / xs.length;
    expect(Math.abs(inside - 0.95)).toBeLessThan(0.005);
  });
});

describe('normalQuantile', () => {
  it('given reference probabilities, when inverting, then known quantiles are reproduced to 1e-8', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408408, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
    expect(normalQuantile(0.5)).toBe(0);
    expect(Number.isFinite(normalQuantile(0))).toBe(true);
  });
});
