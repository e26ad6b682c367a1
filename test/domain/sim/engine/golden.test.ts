import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramsRoot } from '../../../support/paths';
import { goldenTrace } from './goldenTrace';

const goldenDir = join(import.meta.dirname, 'golden');
const samples = JSON.parse(readFileSync(join(diagramsRoot, 'manifest.json'), 'utf8')) as { file: string }[];
const files = [
  ...samples.map((s) => join(diagramsRoot, s.file)),
  ...readdirSync(goldenDir).filter((f) => f.endsWith('.bpmn')).map((f) => join(goldenDir, f)),
];

describe('golden traces (regenerate with `npx tsx scripts/update-golden.ts`)', () => {
  it.each(files.map((f) => [basename(f), f]))('given %s, when simulated with seed 1, then the first cases trace exactly as stored', async (_name, file) => {
    const golden = join(goldenDir, `${basename(file, '.bpmn')}.trace.json`);
    expect(existsSync(golden)).toBe(true);
    const actual = await goldenTrace(readFileSync(file, 'utf8'));
    expect(actual.traces.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(actual))).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });
});
