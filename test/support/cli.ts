import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../../src/cli/runCli';
import { repoRoot } from './paths';

/** What one `bpr` call left: its exit code and the text of its standard output and error, lines ending in "\n". */
export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/** `bpr …` in this process (runCli, as bin/bpr.mjs runs it), its output collected. */
export async function bpr(...args: string[]): Promise<CliRun> {
  let out = '',
    err = '';
  const code = await runCli(args, { out: (t) => void (out += `${t}\n`), err: (t) => void (err += `${t}\n`) });
  return { code, out, err };
}

/** The `bpr` command as a person types it: the built entry bin/bpr.mjs in a process of its own. */
export const bprEntry = join(repoRoot, 'bin/bpr.mjs');

/** `bpr …` as a child process; the timeout turns a hang into a failed assertion, not a stuck run. */
export function spawnBpr(args: string[], timeoutMs = 60_000): CliRun & { signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, [bprEntry, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
}
