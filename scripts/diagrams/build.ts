/**
 * Writes the sample diagrams and diagrams/manifest.json.
 *   npx tsx scripts/diagrams/build.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAll } from './generate';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../diagrams');
const { files, manifest } = generateAll();
for (const [file, xml] of files) {
  writeFileSync(path.join(outDir, file), xml);
  console.log(`wrote diagrams/${file}`);
}
writeFileSync(path.join(outDir, 'manifest.json'), manifest);
console.log('wrote diagrams/manifest.json');
