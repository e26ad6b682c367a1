import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson, comparisonInputHash, fnv1a64, simulationInputHash } from '../../../src/ui/compare/inputHash';

describe('comparison input hash', () => {
  it('given the same inputs with options in another key order, when hashed, then the hashes are equal', async () => {
    const a = await comparisonInputHash('<a/>', '<b/>', { replications: 20, seed: 1, hoursPerFte: 1860 });
    const b = await comparisonInputHash('<a/>', '<b/>', { hoursPerFte: 1860, seed: 1, replications: 20 });
    expect(a).toBe(b);
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('given a changed diagram, seed or swapped diagrams, when hashed, then the hash changes', async () => {
    const base = await comparisonInputHash('<a/>', '<b/>', { replications: 20, seed: 1 });
    expect(await comparisonInputHash('<a />', '<b/>', { replications: 20, seed: 1 })).not.toBe(base);
    expect(await comparisonInputHash('<a/>', '<b/>', { replications: 20, seed: 2 })).not.toBe(base);
    expect(await comparisonInputHash('<b/>', '<a/>', { replications: 20, seed: 1 })).not.toBe(base);
    // Moving text across the boundary must not collide.
    expect(await comparisonInputHash('<a/><', 'b/>', { replications: 20, seed: 1 })).not.toBe(base);
  });

  it('given nested objects with undefined fields, when made canonical, then keys are sorted and undefined is left out', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: undefined } })).toBe('{"a":{"d":[2,{"x":0,"y":1}]},"b":1}');
  });

  it('given the FNV fallback, when known inputs are hashed, then it gives the published FNV-1a 64 values', () => {
    expect(fnv1a64(new Uint8Array())).toBe('cbf29ce484222325');
    expect(fnv1a64(new TextEncoder().encode('a'))).toBe('af63dc4c8601ec8c');
  });
});

describe('simulationInputHash', () => {
  it('given the same diagram and settings in another key order, when hashed, then the hashes agree; a changed diagram or setting changes it', async () => {
    const a = await simulationInputHash('<a/>', { replications: 3, seed: 1 });
    expect(await simulationInputHash('<a/>', { seed: 1, replications: 3 })).toBe(a);
    expect(await simulationInputHash('<a />', { replications: 3, seed: 1 })).not.toBe(a);
    expect(await simulationInputHash('<a/>', { replications: 4, seed: 1 })).not.toBe(a);
  });
});

describe('stored comparison hashes stay valid', () => {
  it('given the layout comparisons were hashed with before, when hashed now, then the digest is the same (cached results are not thrown away)', async () => {
    const options = { replications: 20, seed: 1 };
    const text = `bpr-compare-v1\n4\n<a/>\n4\n<b/>\n${JSON.stringify({ replications: 20, seed: 1 })}`;
    const expected = `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
    expect(await comparisonInputHash('<a/>', '<b/>', options)).toBe(expected);
  });
});
