import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureCliBuild, repoRoot } from '../scripts/buildCli.mjs';

/** The `bpr` start-up limit (issue 13): a batch of calls must not be dominated by start-up. */
export const CLI_START_LIMIT_MS = 200;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Wall milliseconds of `node <args>` from spawn to exit, median of `runs`; a failed run stops the bench. */
function timeRuns(args: string[], runs: number): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
    ms.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`cli start bench: node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(ms);
}

/**
 * `bpr --help` and `bpr validate` of a sample diagram through the built entry (bin/bpr.mjs), median of 10
 * runs each after the bundle is built, against the same through tsx from source (median of 5).
 */
export async function benchCliStart(): Promise<{ helpMs: number; validateMs: number; tsxHelpMs: number; tsxValidateMs: number }> {
  await ensureCliBuild();
  const bin = join(repoRoot, 'bin/bpr.mjs');
  const tsx = [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'src/cli/main.ts')];
  const sample = join(repoRoot, 'diagrams/tennyu-asis.bpmn');
  timeRuns([bin, '--help'], 1); // warm the file cache
  const helpMs = timeRuns([bin, '--help'], 10);
  const validateMs = timeRuns([bin, 'validate', sample], 10);
  const tsxHelpMs = timeRuns([...tsx, '--help'], 5);
  const tsxValidateMs = timeRuns([...tsx, 'validate', sample], 5);
  const line = (what: string, ms: number, viaTsx: number) =>
    `${what}: ${Math.round(ms)} ms（目標 ${CLI_START_LIMIT_MS} ms 未満; tsx で直接 ${Math.round(viaTsx)} ms、${(viaTsx / ms).toFixed(1)} 倍）`;
  console.log(line('bpr の起動 (--help, 10 回の中央値)', helpMs, tsxHelpMs));
  console.log(line('bpr validate 見本の図 (10 回の中央値)', validateMs, tsxValidateMs));
  return { helpMs, validateMs, tsxHelpMs, tsxValidateMs };
}
