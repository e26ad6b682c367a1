import type { CliIo } from '../io';
import { readFile } from 'node:fs/promises';
import { parseDiagram } from '../../domain/bpmn/parseDiagram';
import { type LintFinding, lintDefinitions } from '../../domain/lint/lintDiagram';

/**
 * `npm run bpr -- lint <file.bpmn>… [--json]` — the modeler's checks from the command line.
 * Exit code: 0 when no errors (warnings allowed), 1 when any error, 2 when a file cannot be read
 * or parsed (the parse error is printed in Japanese).
 */
const CATEGORY_LABEL: Record<LintFinding['category'], string> = { error: 'エラー', warn: '警告' };

const usage = '使い方: npm run bpr -- lint <ファイル.bpmn> [<ファイル.bpmn> …] [--json]';

export async function run(args: string[], io: CliIo): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length === 0 || files.some((f) => f === '--help' || f === '-h')) {
    io.err(usage);
    return 2;
  }
  let exit = 0;
  const report: Array<{ file: string; findings?: LintFinding[]; error?: string; warnings?: string[] }> = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'ファイルが見つかりません' : code === 'EISDIR' ? 'フォルダーです' : 'ファイルを読めません';
      report.push({ file, error: `${why}（${file}）` });
      exit = 2;
      continue;
    }
    const parsed = await parseDiagram(bytes);
    if (!parsed.ok) {
      report.push({ file, error: `BPMN として読み込めません: ${parsed.error.message}` });
      exit = 2;
      continue;
    }
    const findings = await lintDefinitions(parsed.definitions);
    if (exit < 2 && findings.some((f) => f.category === 'error')) exit = 1;
    report.push({ file, findings, warnings: parsed.warnings });
  }

  if (json) {
    io.out(JSON.stringify(report, null, 2));
    return exit;
  }
  for (const entry of report) {
    if (entry.error) {
      io.err(`${entry.file}: ${entry.error}`);
      continue;
    }
    const findings = entry.findings ?? [];
    io.out(entry.file);
    for (const w of entry.warnings ?? []) io.out(`  読込時の注意  ${w}`);
    for (const f of findings) io.out(`  ${CATEGORY_LABEL[f.category]}  ${f.message}  [${f.rule}]`);
    const errors = findings.filter((f) => f.category === 'error').length;
    io.out(errors || findings.length ? `  → エラー ${errors} 件、警告 ${findings.length - errors} 件` : '  → 問題はありません');
  }
  return exit;
}
