import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where package.json is). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Outside BPMN files shared by the team, next to the project: ../shared/corpus. */
export const corpusRoot = resolve(repoRoot, '../shared/corpus');
/** Sample diagrams shipped with the app. */
export const diagramsRoot = resolve(repoRoot, 'diagrams');

/** Whether the corpus (or one folder of it) is present; tests skip with a message when not. */
export function corpusAvailable(sub = ''): boolean {
  return existsSync(resolve(corpusRoot, sub));
}
