import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/domain/sim/prng';
import { erlangC, estimate, histogram, mean, nonNegative, RunningStats, studentT975, variance } from '../../../src/domain/sim/stats';

describe('mean / variance', () => {
  it('given a small sample, when computing, then mean and n−1 variance are exact', () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    expect(variance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7, 12);
    expect(variance([3])).toBe(0);
    expect(Number.isNaN(mean([]))).toBe(true);
  });

  it('given values with a huge offset, when computing variance, then precision is kept', () => {
    expect(variance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])).toBeCloseTo(30, 6);
  });
});

describe('studentT975', () => {
  it('given table degrees of freedom, when looking up, then textbook values are returned', () => {
    expect(studentT975(1)).toBeCloseTo(12.706, 3);
    expect(studentT975(9)).toBeCloseTo(2.262, 3);
    expect(studentT975(29)).toBeCloseTo(2.045, 3);
  });

  it('given large df, when using the expansion, then it matches reference quantiles to 1e-6 and tends to z', () => {
    expect(studentT975(31)).toBeCloseTo(2.0395134464, 6);
    expect(studentT975(40)).toBeCloseTo(2.0210753903, 6);
    expect(studentT975(120)).toBeCloseTo(1.9799304051, 6);
    expect(studentT975(Infinity)).toBeCloseTo(1.959964, 6);
  });

  it('given increasing df, when evaluating, then the quantile decreases monotonically across the table boundary', () => {
    let prev = Infinity;
    for (let df = 1; df <= 200; df++) {
      const t = studentT975(df);
      expect(t).toBeLessThan(prev);
      prev = t;
    }
  });

  it('given df < 1, when evaluating, then it throws', () => {
    expect(() => studentT975(0)).toThrow(RangeError);
  });
});

describe('estimate', () => {
  it('given 10 replications, when estimating, then the CI half-width is t(9)=2.262 · s/√n', () => {
    const xs = [10, 12, 9, 11, 13, 8, 10, 12, 11, 9];
    const e = estimate(xs);
    const half = (2.262157 * Math.sqrt(variance(xs))) / Math.sqrt(10);
    expect(e.mean).toBeCloseTo(10.5, 12);
    expect(e.ci95[0]).toBeCloseTo(10.5 - half, 5);
    expect(e.ci95[1]).toBeCloseTo(10.5 + half, 5);
  });

  it('given a single replication, when estimating, then the interval collapses to the mean', () => {
    expect(estimate([42])).toEqual({ mean: 42, ci95: [42, 42] });
  });

  it('given normal replications (fixed seed), when repeating 2,000 times, then ~95% of CIs cover the true mean (±2%)', () => {
    const rng = createRng(31);
    let covered = 0;
    for (let r = 0; r < 2000; r++) {
      const xs = Array.from({ length: 5 }, () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next()));
      const { ci95 } = estimate(xs);
      if (ci95[0] <= 0 && 0 <= ci95[1]) covered++;
    }
    expect(Math.abs(covered / 2000 - 0.95)).toBeLessThan(0.02);
  });
});

describe('erlangC', () => {
  /** Straight from the definition: P0 from the state sum, C = (a^c/c!)·(1/(1−ρ))·P0, Wq = C/(cμ−λ). */
  function reference(c: number, lambda: number, mu: number) {
    const a = lambda / mu,
      rho = a / c;
    let fact = 1,
      sum = 0;
    for (let k = 0; k < c; k++) {
      if (k > 0) fact *= k;
      sum += a ** k / fact;
    }
    const tail = a ** c / (fact * c) / (1 - rho);
    const pWait = tail / (sum + tail);
    return { pWait, meanWait: pWait / (c * mu - lambda), utilisation: rho };
  }

  it('given c=2, λ=1, μ=0.75, when computing, then P(wait)=8/15 and Wq=16/15', () => {
    const r = erlangC(2, 1, 0.75);
    expect(r.pWait).toBeCloseTo(8 / 15, 12);
    expect(r.meanWait).toBeCloseTo(16 / 15, 12);
    expect(r.utilisation).toBeCloseTo(2 / 3, 12);
  });

  it('given several stable systems, when computing, then results equal the definition-based formula', () => {
    for (const [c, l, m] of [
      [1, 0.5, 1],
      [3, 2, 1],
      [5, 4.5, 1],
      [10, 8, 1.2],
      [20, 15, 0.9],
    ] as const) {
      const got = erlangC(c, l, m),
        want = reference(c, l, m);
      expect(got.pWait).toBeCloseTo(want.pWait, 10);
      expect(got.meanWait).toBeCloseTo(want.meanWait, 10);
    }
    // M/M/1: P(wait) = ρ, Wq = ρ/(μ−λ)
    expect(erlangC(1, 0.5, 1).pWait).toBeCloseTo(0.5, 12);
    expect(erlangC(1, 0.5, 1).meanWait).toBeCloseTo(1, 12);
  });

  it('given an overloaded system, when computing, then waiting is certain and unbounded; large c does not overflow', () => {
    expect(erlangC(2, 3, 1)).toEqual({ pWait: 1, meanWait: Infinity, utilisation: 1.5 });
    const big = erlangC(500, 480, 1);
    expect(big.pWait).toBeGreaterThan(0);
    expect(big.pWait).toBeLessThan(1);
  });
});

describe('histogram', () => {
  it('given values, when binning, then counts sum to n, the max falls in the last bin and edges are equal-width', () => {
    const { edges, counts } = histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 10], 5);
    expect(edges).toEqual([0, 2, 4, 6, 8, 10]);
    expect(counts).toEqual([2, 2, 2, 2, 2]);
  });

  it('given constant or empty data, when binning, then a drawable range or empty counts result', () => {
    expect(histogram([3, 3, 3], 2)).toEqual({ edges: [2.5, 3, 3.5], counts: [0, 3] });
    expect(histogram([], 3).counts).toEqual([0, 0, 0]);
  });
});

describe('RunningStats', () => {
  it('given a stream, when accumulating with Welford, then mean/variance/min/max match the two-pass results', () => {
    const rng = createRng(12);
    const xs = Array.from({ length: 10_000 }, () => 1e6 + rng.next() * 100);
    const rs = new RunningStats();
    for (const x of xs) rs.add(x);
    expect(rs.count).toBe(xs.length);
    expect(rs.mean).toBeCloseTo(mean(xs), 8);
    expect(rs.variance / variance(xs)).toBeCloseTo(1, 9);
    expect(rs.min).toBe(Math.min(...xs));
    expect(rs.max).toBe(Math.max(...xs));
  });

  it('given two partial accumulators, when merged, then the result equals one accumulator over all values', () => {
    const rng = createRng(13);
    const xs = Array.from({ length: 1000 }, () => rng.next() * 50);
    const a = new RunningStats(),
      b = new RunningStats(),
      all = new RunningStats();
    xs.forEach((x, i) => ((i < 300 ? a : b).add(x), all.add(x)));
    a.merge(b);
    expect(a.count).toBe(1000);
    expect(a.mean).toBeCloseTo(all.mean, 10);
    expect(a.variance).toBeCloseTo(all.variance, 8);
    expect(a.max).toBe(all.max);
  });
});

describe('nonNegative', () => {
  it('given an interval reaching below 0, when cut, then the lower end is 0 and the mean and upper end are kept; an interval above 0 is unchanged', () => {
    expect(nonNegative({ mean: 6, ci95: [-1, 13] })).toEqual({ mean: 6, ci95: [0, 13] });
    const above = { mean: 6, ci95: [2, 10] as [number, number] };
    expect(nonNegative(above)).toBe(above);
  });
});
