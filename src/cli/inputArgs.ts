import type { CliIo } from './io';

/**
 * One flag of a command: `value()` takes the next argument as the flag's value. True when the flag is the
 * command's own, false when it is not, a sentence when it is but its value is refused.
 */
export type OptionHandler = (flag: string, value: () => string | undefined) => boolean | string;

/**
 * The argument loop of a command that reads one input file: the command's own flags go to `option`, any other
 * argument starting with '-' and a second file are refused. Returns the input file, or undefined after the
 * refusal and the usage were written to standard error (the command then exits 2).
 */
export function singleInputArgs(args: string[], option: OptionHandler, usage: string, io: CliIo): string | undefined {
  let input: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const own = option(a, () => args[++i]);
    if (own === true) continue;
    let problem: string;
    if (typeof own === 'string') problem = own;
    else if (a.startsWith('-')) problem = `不明なオプションです: ${a}`;
    else if (input === undefined) {
      input = a;
      continue;
    } else problem = `入力ファイルは1つだけ指定してください（${input}, ${a}）`;
    io.err(`${problem}\n${usage}`);
    return undefined;
  }
  if (input === undefined) io.err(usage);
  return input;
}
