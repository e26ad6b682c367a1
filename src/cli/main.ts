/**
 * The `bpr` process: runCli on the process's arguments and streams. bin/bpr.mjs runs the bundle built from
 * this file (scripts/buildCli.mjs); `npx tsx src/cli/main.ts` runs it from source.
 */
import { processIo } from './io';
import { runCli } from './runCli';

process.exitCode = await runCli(process.argv.slice(2), processIo);
