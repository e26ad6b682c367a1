/**
 * Regenerates the golden traces of the simulation engine: for every sample in diagrams/manifest.json and
 * every .bpmn fixture in test/domain/sim/engine/golden, the per-case trace of the first cases (seed 1,
 * fast mode) is written next to the spec as golden/<name>.trace.json. Run after a deliberate change of
 * semantics: `npx tsx scripts/update-golden.ts`, then review the diff.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { goldenTrace } from '../test/domain/sim/engine/goldenTrace';

const root = resolve(import.meta.dirname, '..');
const goldenDir = join(root, 'test/domain/sim/engine/golden');
const manifest = JSON.parse(readFileSync(join(root, 'diagrams/manifest.json'), 'utf8')) as { file: string }[];
const files = [
  ...manifest.map((m) => join(root, 'diagrams', m.file)),
  ...readdirSync(goldenDir).filter((f) => f.endsWith('.bpmn')).map((f) => join(goldenDir, f)),
];
for (const file of files) {
  const trace = await goldenTrace(readFileSync(file, 'utf8'));
  const out = join(goldenDir, `${basename(file, '.bpmn')}.trace.json`);
  // One trace entry per line keeps diffs readable.
  const text = JSON.stringify(trace, null, 1).replace(/\[\n\s+([^[\]{}]*?)\n\s+\]/g, (_m, inner: string) => `[${inner.replace(/,\n\s+/g, ', ')}]`);
  writeFileSync(out, `${text}\n`);
  console.log(`${out}: ${trace.traces.length} 件`);
}
