import { describe, expect, it } from 'vitest';
import { createRng, hashString, KeyedRng, mixKey, replicationSeed, type Rng } from '../../../src/domain/sim/prng';

const draw = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.next());

function correlation(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n,
    my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('createRng', () => {
  it('given the same seed, when drawing, then both generators yield the identical stream', () => {
    expect(draw(createRng(42), 1000)).toEqual(draw(createRng(42), 1000));
  });

  it('given a fixed seed, when drawing, then the first 32-bit outputs are pinned (cross-platform regression guard)', () => {
    const rng = createRng(1);
    expect(draw(rng, 3).map((x) => x * 2 ** 32)).toEqual([815440773, 3220005678, 4061166211]);
    expect(draw(createRng(1).fork(7), 2).map((x) => x * 2 ** 32)).toEqual([777455567, 678350626]);
    expect([replicationSeed(1, 0), replicationSeed(1, 1)]).toEqual([4162723709, 930993813]);
  });

  it('given different seeds (including adjacent and large ones), when drawing, then streams differ', () => {
    const seeds = [0, 1, 2, 2 ** 32, 2 ** 32 + 1, -1, 123456789012];
    const firsts = seeds.map((s) => draw(createRng(s), 4).join(','));
    expect(new Set(firsts).size).toBe(seeds.length);
  });

  it('given any seed, when drawing, then values are in [0, 1) and nextInt is in [0, n)', () => {
    const rng = createRng(7);
    let lo = Infinity,
      hi = -Infinity,
      badInt = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.next();
      if (x < lo) lo = x;
      if (x > hi) hi = x;
      const k = rng.nextInt(6);
      if (!(Number.isInteger(k) && k >= 0 && k < 6)) badInt++;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(badInt).toBe(0);
  });

  it('given 100,000 draws in 10 bins, when testing uniformity, then chi-square (df 9) < 27.88 (p = 0.001)', () => {
    for (const seed of [1, 2024, 99991]) {
      const rng = createRng(seed);
      const counts = new Array(10).fill(0);
      const n = 100_000;
      for (let i = 0; i < n; i++) counts[Math.floor(rng.next() * 10)]++;
      const expected = n / 10;
      const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
      expect(chi2).toBeLessThan(27.88);
    }
  });

  it('given nextInt(6), when rolling 60,000 times, then every face is within 5% of 10,000', () => {
    const rng = createRng(5);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[rng.nextInt(6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
});

describe('fork', () => {
  it('given the same parent seed and stream id, when forking, then the sub-stream is the same regardless of parent draws', () => {
    const p1 = createRng(3);
    const p2 = createRng(3);
    draw(p2, 57);
    expect(draw(p1.fork(11), 100)).toEqual(draw(p2.fork(11), 100));
  });

  it('given two stream ids, when forking, then the sub-streams are uncorrelated with each other and the parent (|r| < 0.015, n = 100,000)', () => {
    const parent = createRng(2025);
    const n = 100_000;
    const a = draw(parent.fork(1), n);
    const b = draw(parent.fork(2), n);
    const p = draw(createRng(2025), n);
    expect(Math.abs(correlation(a, b))).toBeLessThan(0.015);
    expect(Math.abs(correlation(a, p))).toBeLessThan(0.015);
    // lag-1 correlation within a stream
    expect(Math.abs(correlation(a.slice(1), a.slice(0, -1)))).toBeLessThan(0.015);
  });

  it('given many stream ids, when forking, then no two sub-streams start alike and fork-of-fork differs from fork', () => {
    const parent = createRng(9);
    const starts = new Set<string>();
    for (let s = 0; s < 1000; s++) starts.add(draw(parent.fork(s), 2).join(','));
    expect(starts.size).toBe(1000);
    expect(draw(parent.fork(1).fork(1), 3)).not.toEqual(draw(parent.fork(1), 3));
  });
});

describe('replicationSeed', () => {
  it('given one base seed, when deriving 10,000 replication seeds, then all are distinct 32-bit integers', () => {
    const seeds = Array.from({ length: 10_000 }, (_, r) => replicationSeed(12345, r));
    expect(new Set(seeds).size).toBe(seeds.length);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
  });

  it('given the same inputs, when deriving, then the seed is deterministic and depends on the base', () => {
    expect(replicationSeed(1, 3)).toBe(replicationSeed(1, 3));
    expect(replicationSeed(1, 3)).not.toBe(replicationSeed(2, 3));
    expect(replicationSeed(1, 0)).not.toBe(1);
  });
});

describe('KeyedRng (counter-based draws keyed by element and case)', () => {
  it('given keys of consecutive cases, when one draw each is taken, then they are uniform and neighbouring cases are uncorrelated', () => {
    const rng = new KeyedRng();
    const base = hashString('Task_1');
    const n = 200_000;
    const u = new Float64Array(n);
    for (let c = 0; c < n; c++) u[c] = rng.setKey(base, mixKey(base, c)).next();
    let s = 0,
      s2 = 0,
      lag = 0;
    const bins = new Array<number>(10).fill(0);
    for (let c = 0; c < n; c++) {
      s += u[c];
      s2 += u[c] * u[c];
      if (c > 0) lag += (u[c] - 0.5) * (u[c - 1] - 0.5);
      bins[Math.floor(u[c] * 10)]++;
    }
    const mean = s / n;
    // Tolerances ≈ 5 standard errors at n = 200,000.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.004);
    expect(Math.abs(s2 / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
    expect(Math.abs(lag / (n - 1) / (1 / 12))).toBeLessThan(0.012);
    for (const b of bins) expect(Math.abs(b - n / 10)).toBeLessThan(5 * Math.sqrt(n / 10));
  });

  it('given the same key, when re-keyed, then the same numbers come back; another key gives others', () => {
    const rng = new KeyedRng();
    const a = [rng.setKey(1, 2).next(), rng.next()];
    expect([rng.setKey(1, 2).next(), rng.next()]).toEqual(a);
    expect(rng.setKey(1, 3).next()).not.toBe(a[0]);
    expect(a[0]).not.toBe(a[1]);
  });
});
