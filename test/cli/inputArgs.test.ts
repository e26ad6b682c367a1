import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { singleInputArgs, type OptionHandler } from '../../src/cli/inputArgs';

const USAGE = '使い方: npm run bpr -- x <入力>';

function parse(args: string[]) {
  const err: string[] = [];
  const io: CliIo = { out: () => undefined, err: (t) => void err.push(t) };
  const seen: Record<string, string | true> = {};
  const option: OptionHandler = (a, value) => {
    if (a === '--json') seen.json = true;
    else if (a === '-o') {
      const v = value();
      if (!v) return '-o の値がありません';
      seen.o = v;
    } else return false;
    return true;
  };
  return { input: singleInputArgs(args, option, USAGE, io), seen, err };
}

describe('singleInputArgs', () => {
  it("given a file among the command's own flags, when parsed, then the file is the input and each flag got its value", () => {
    const r = parse(['--json', 'a.csv', '-o', 'out.bpmn']);
    expect(r.input).toBe('a.csv');
    expect(r.seen).toEqual({ json: true, o: 'out.bpmn' });
    expect(r.err).toEqual([]);
  });

  it('given an option the command does not know, when parsed, then it is named above the usage', () => {
    const r = parse(['a.csv', '--jsn']);
    expect(r.input).toBeUndefined();
    expect(r.err).toEqual([`不明なオプションです: --jsn\n${USAGE}`]);
  });

  it('given two files, when parsed, then both are named above the usage', () => {
    const r = parse(['a.csv', 'b.csv']);
    expect(r.input).toBeUndefined();
    expect(r.err).toEqual([`入力ファイルは1つだけ指定してください（a.csv, b.csv）\n${USAGE}`]);
  });

  it("given a flag whose value is refused, when parsed, then the command's sentence goes above the usage", () => {
    const r = parse(['a.csv', '-o']);
    expect(r.input).toBeUndefined();
    expect(r.err).toEqual([`-o の値がありません\n${USAGE}`]);
  });

  it('given no file, when parsed, then only the usage is written', () => {
    const r = parse(['--json']);
    expect(r.input).toBeUndefined();
    expect(r.err).toEqual([USAGE]);
  });
});
