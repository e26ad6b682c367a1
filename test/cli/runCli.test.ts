import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/runCli';
import { bpr } from '../support/cli';
import { repoRoot } from '../support/paths';

describe('runCli', () => {
  it('given --help, when run, then it exits 0 and gives one line per command with its Japanese summary', async () => {
    const r = await bpr('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('使い方: npm run bpr -- <コマンド>');
    expect(r.out).toMatch(/^ {2}validate +BPMN ファイルを読み込めるか確認し/m);
    expect(r.out.split('\n').filter((l) => /^ {2}\S/.test(l))).toHaveLength(8);
  });

  it('given no command, when run, then the same help goes out and the exit code is 2', async () => {
    const r = await bpr();
    expect(r.code).toBe(2);
    expect(r.out).toContain('使い方');
  });

  it('given an unknown command, when run, then it names it and the commands there are, exit 2', async () => {
    const r = await bpr('simulat', 'x.bpmn');
    expect(r.code).toBe(2);
    expect(r.err).toContain('不明なコマンドです: simulat（利用できるコマンド: compare, export-qbp, import-survey, inventory, lint, rpa, simulate, validate）');
  });

  it('given a name that is an Object property, when run, then it is an unknown command, not a crash', async () => {
    const r = await bpr('toString');
    expect(r.code).toBe(2);
    expect(r.err).toContain('不明なコマンドです: toString');
  });

  it('given the modules in src/cli/commands, when listed, then every one is a command and every command has its module', () => {
    const modules = readdirSync(join(repoRoot, 'src/cli/commands'))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(COMMANDS).sort()).toEqual(modules);
  });
});
