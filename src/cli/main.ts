#!/usr/bin/env node
/**
 * `npm run bpr -- <command> …` — each command is a module in ./commands exporting
 * `summary` (one Japanese line for the help) and `run(args): Promise<number>` (the exit code),
 * so a new command is a new file and nothing here changes.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CliCommand {
  summary: string;
  run(args: string[]): Promise<number>;
}

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

function available(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
}

async function load(name: string): Promise<CliCommand> {
  return (await import(join(commandsDir, `${name}.ts`))) as CliCommand;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const names = available();
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log('使い方: npm run bpr -- <コマンド> [引数…]\n');
    for (const n of names) console.log(`  ${n.padEnd(14)} ${(await load(n)).summary}`);
    return name ? 0 : 2;
  }
  if (!names.includes(name)) {
    console.error(`不明なコマンドです: ${name}（利用できるコマンド: ${names.join(', ')}）`);
    return 2;
  }
  return (await load(name)).run(args);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    console.error(`エラー: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
