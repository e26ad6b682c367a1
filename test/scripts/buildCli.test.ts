import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStale } from '../../scripts/buildCli.mjs';

// A build at t = 1,000,000 ms from two inputs; the files' modification times are set by hand.
const root = mkdtempSync(join(tmpdir(), 'bpr-build-'));
mkdirSync(join(root, 'src'));
const builtAt = 1_000_000_000;
const manifest = { builtAt, entry: 'build-x/bpr.mjs', inputs: ['src/a.ts', 'src/b.ts'] };
const touch = (name: string, ms: number) => {
  writeFileSync(join(root, name), '');
  utimesSync(join(root, name), ms / 1000, ms / 1000);
};

describe('isStale (bin/bpr.mjs rebuilds when true)', () => {
  it('given no build yet, then it is stale', () => {
    expect(isStale(undefined, root)).toBe(true);
  });

  it('given every input older than the build, then it is up to date', () => {
    touch('src/a.ts', builtAt - 5_000);
    touch('src/b.ts', builtAt - 1);
    expect(isStale(manifest, root)).toBe(false);
  });

  it('given one input saved after the build started, then it is stale', () => {
    touch('src/a.ts', builtAt - 5_000);
    touch('src/b.ts', builtAt + 1);
    expect(isStale(manifest, root)).toBe(true);
  });

  it('given an input deleted since the build, then it is stale', () => {
    touch('src/a.ts', builtAt - 5_000);
    rmSync(join(root, 'src/b.ts'));
    expect(isStale(manifest, root)).toBe(true);
  });
});
