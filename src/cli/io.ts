/**
 * Where a command writes: each call is one piece of text ending a line, to standard output (`out`) or to
 * standard error (`err`). The `bpr` process writes them to its streams; an in-process caller (the tests,
 * a batch script) collects them.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** A command: its arguments after the command name in, the exit code out; it never exits the process. */
export type CliCommandRun = (args: string[], io: CliIo) => Promise<number>;

/** The process's own streams, for the `bpr` entry (through console, which ignores a closed pipe such as `| head`). */
export const processIo: CliIo = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
};
