import { readFile } from 'node:fs/promises';
import type { CliIo } from './io';

/**
 * A command's input file as bytes (the domain decoders detect BOMs and encodings themselves), or
 * undefined after telling the user, in one wording for every command, why it could not be read.
 */
export async function readInputFile(path: string, io: CliIo): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    io.err(`${path}: ファイルを読めません（${(err as NodeJS.ErrnoException).code ?? String(err)}）`);
    return undefined;
  }
}
