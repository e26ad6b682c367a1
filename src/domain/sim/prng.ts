/**
 * Seeded PRNG for the simulation: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), with its
 * 128-bit state filled by splitmix32. Only 32-bit integer ops (`Math.imul`, `|0`, `>>>`) are used, so the
 * stream is bit-identical in node, browsers and Web Workers.
 */

export interface Rng {
  /** Uniform in [0, 1), 32 bits of resolution. */
  next(): number;
  /** Uniform integer in [0, n). */
  nextInt(n: number): number;
  /**
   * An independent sub-stream identified by `stream`. Derived from this generator's seed key, NOT its current
   * position: `fork(k)` returns the same stream no matter how many numbers were drawn before, so the engine
   * can give each element/purpose its own stream (common random numbers across scenarios).
   */
  fork(stream: number): Rng;
}

const GOLDEN = 0x9e3779b9;

/** murmur3's 32-bit finaliser: a bijection on 32-bit integers with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Reduce any finite number (possibly > 2^32, negative or fractional) to two mixed 32-bit words. */
function keyOf(seed: number): [number, number] {
  if (!Number.isFinite(seed)) throw new RangeError(`乱数シードが有限の数ではありません: ${seed}`);
  const s = Math.trunc(seed);
  const lo = s >>> 0;
  const hi = Math.floor(s / 4294967296) >>> 0;
  return [fmix32(lo ^ fmix32(hi + GOLDEN)), fmix32(hi ^ fmix32(lo + 0x632be5ab))];
}

class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(
    private readonly k0: number,
    private readonly k1: number,
  ) {
    // splitmix32 sequence over the key; distinct keys give unrelated starting states.
    let x = (k0 ^ Math.imul(k1, 0x2545f491)) | 0;
    const sm = (): number => {
      x = (x + GOLDEN) | 0;
      return fmix32(x ^ k1) | 0;
    };
    this.a = sm();
    this.b = sm();
    this.c = sm();
    this.d = sm();
    // Warm-up recommended for sfc: decorrelates the first outputs of nearby seeds.
    for (let i = 0; i < 15; i++) this.nextU32();
  }

  private nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  nextInt(n: number): number {
    // Float scaling: bias ≤ n / 2^32, negligible for the branch/role counts this is used for.
    return Math.floor(this.next() * n);
  }

  fork(stream: number): Rng {
    const [s0, s1] = keyOf(stream);
    return new Sfc32(fmix32(this.k0 ^ s0 ^ 0x5bd1e995), fmix32((this.k1 + Math.imul(s1, GOLDEN)) | 0));
  }
}

export function createRng(seed: number): Rng {
  const [k0, k1] = keyOf(seed);
  return new Sfc32(k0, k1);
}

/**
 * Seed for replication `replication` of a run seeded with `baseSeed`. For a fixed base the map
 * replication → seed is a bijection on [0, 2^32), so replications never share a seed.
 */
export function replicationSeed(baseSeed: number, replication: number): number {
  const [k0] = keyOf(baseSeed);
  return fmix32((k0 + Math.imul(Math.trunc(replication) | 0, GOLDEN)) | 0);
}

/** FNV-1a over the UTF-16 code units, finalised: a stable 32-bit key for an element id. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** Two mixed words for a replication seed, the root of every keyed draw of that replication. */
export function seedKey(seed: number): [number, number] {
  return keyOf(seed);
}

/** Mix a 32-bit word into a key: order-dependent, full avalanche. */
export function mixKey(key: number, word: number): number {
  return fmix32((key + Math.imul(word | 0, GOLDEN) + 0x632be5ab) | 0);
}

/**
 * Counter-based draws (splitmix-style): the i-th number of a key is fmix(key2 + i·γ ⊕ key), so a
 * draw depends only on its key, never on how many numbers other elements or other cases consumed.
 * The engine keys each draw by (replication, element, purpose, case, visit): an As-Is and its To-Be
 * then draw the same numbers for the steps they share (common random numbers), even when steps are
 * added or removed elsewhere. One instance is re-keyed before each sample, so nothing is allocated.
 */
export class KeyedRng implements Rng {
  private key = 0;
  private key2 = 0;
  private ctr = 0;

  setKey(key: number, key2: number): this {
    this.key = key;
    this.key2 = key2;
    this.ctr = 0;
    return this;
  }

  next(): number {
    // key2 is already avalanche-mixed per case; one finaliser over (key2 + i·γ) ^ key spreads the rest.
    const c = ++this.ctr;
    return fmix32(((this.key2 + Math.imul(c, GOLDEN)) ^ this.key) | 0) / 4294967296;
  }

  nextInt(n: number): number {
    return Math.floor(this.next() * n);
  }

  fork(stream: number): Rng {
    return new Sfc32(mixKey(this.key, stream), mixKey(this.key2, stream ^ 0x5bd1e995));
  }
}
