import type { CliIo } from '../io';
import { readFile, writeFile } from 'node:fs/promises';
import { exportQbp, QbpExportError, type QbpExportOptions } from '../../domain/bpmn/qbpExport';

/**
 * `npm run bpr -- export-qbp <in.bpmn> -o <out.bpmn>` — the diagram with a BIMP simulation block
 * built from its bpr: annotations. Exit 0 written (warnings allowed), 1 when the diagram cannot be
 * exported, 2 for usage and file errors.
 */
const USAGE =
  '使い方: npm run bpr -- export-qbp <入力.bpmn> -o <出力.bpmn> [--instances N] [--start 2025-04-01T08:30:00+09:00] [--currency JPY] [--bimp-only]\n' +
  '  --bimp-only  bpr: の注釈を除き BIMP の設定だけを残す（bpr simulate が BIMP と同じ設定で計算します）';

interface Args {
  input?: string;
  output?: string;
  options: QbpExportOptions;
}

function parseArgs(args: string[]): Args | string {
  const out: Args = { options: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} の値がありません`);
      return v;
    };
    switch (a) {
      case '-o':
      case '--output':
        out.output = value();
        break;
      case '--instances': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 2) return `--instances には 2 以上の整数を指定してください: ${args[i]}`;
        out.options.processInstances = n;
        break;
      }
      case '--start': {
        const v = value();
        if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.test(v))
          return `--start は 2025-04-01T08:30:00+09:00 の形式で指定してください: ${v}`;
        out.options.startDateTime = /T\d{2}:\d{2}(Z|[+-]|$)/.test(v) ? v.replace(/(T\d{2}:\d{2})/, '$1:00') : v;
        break;
      }
      case '--currency':
        out.options.currency = value();
        break;
      case '--bimp-only':
        out.options.bimpOnly = true;
        break;
      default:
        if (a.startsWith('-')) return `不明なオプションです: ${a}`;
        if (out.input) return `入力ファイルは1つだけ指定してください: ${a}`;
        out.input = a;
    }
  }
  return out;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed: Args | string;
  try {
    parsed = parseArgs(args);
  } catch (err) {
    parsed = (err as Error).message;
  }
  if (typeof parsed === 'string' || !parsed.input || !parsed.output) {
    if (typeof parsed === 'string') io.err(parsed);
    io.err(USAGE);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(parsed.input));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    io.err(`${parsed.input}: ${code === 'ENOENT' ? 'ファイルが見つかりません' : `ファイルを読めません（${code ?? String(err)}）`}`);
    return 2;
  }
  try {
    const result = await exportQbp(bytes, parsed.options);
    await writeFile(parsed.output, result.xml, 'utf8');
    io.out(`${parsed.output} に BIMP のシミュレーション設定（プロセス ${result.processId}）を書き出しました。`);
    for (const w of result.warnings) io.out(`  注意  ${w}`);
    return 0;
  } catch (err) {
    if (err instanceof QbpExportError) {
      io.err(`${parsed.input}: 書き出せません [${err.code}] ${err.message}`);
      return 1;
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code) {
      io.err(`${parsed.output}: 書き込めません（${code}）`);
      return 2;
    }
    throw err;
  }
}
