import type { CliIo } from '../io';
import { singleInputArgs } from '../inputArgs';
import { readInputFile } from '../readInput';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { CsvError } from '../../domain/exchange/csv';
import { fileNamePart } from '../../domain/exchange/fileName';
import { importSurvey, SurveyImportError } from '../../domain/exchange/survey';
import { XlsxError } from '../../domain/exchange/xlsx';

const USAGE = '使い方: npm run bpr -- import-survey <調査.csv|調査.xlsx> [-o <出力.bpmn または フォルダ/>]';

const safeFileName = (name: string) => fileNamePart(name) || 'process';

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let output: string | undefined;
  const input = singleInputArgs(
    args,
    (a, value) => {
      if (a === '-o' || a === '--out') {
        output = value();
        if (!output) return `${a} の値（出力ファイルまたはフォルダ）がありません`;
      } else if (a.startsWith('--out=')) output = a.slice(6);
      else return false;
      return true;
    },
    USAGE,
    io,
  );
  if (input === undefined) return 2;
  const bytes = await readInputFile(input, io);
  if (!bytes) return 1;
  let processes;
  try {
    processes = await importSurvey(basename(input), bytes);
  } catch (err) {
    if (err instanceof SurveyImportError || err instanceof XlsxError || err instanceof CsvError) {
      io.err(`${input}: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const target = output ?? join(dirname(input), `${basename(input, extname(input))}.bpmn`);
  const toFolder = target.endsWith('/') || target.endsWith('\\') || (await isDirectory(target));
  if (toFolder) await mkdir(target, { recursive: true });
  const stem = target.replace(/\.bpmn$/i, '');
  const used = new Set<string>();
  for (const [i, p] of processes.entries()) {
    let file: string;
    if (toFolder) {
      let name = safeFileName(p.name);
      for (let k = 2; used.has(name); k++) name = `${safeFileName(p.name)}_${k}`;
      used.add(name);
      file = join(target, `${name}.bpmn`);
    } else file = processes.length === 1 ? (target.toLowerCase().endsWith('.bpmn') ? target : `${target}.bpmn`) : `${stem}-${i + 1}.bpmn`;
    await writeFile(file, p.xml, 'utf8');
    const volume = p.annualVolume !== undefined ? `、年間 ${p.annualVolume.toLocaleString('ja-JP')} 件` : '';
    io.out(`${file}: 「${p.name}」手順 ${p.stepCount} 件、担当 ${p.roles.length} 件（${p.roles.join('、')}）${volume}`);
    for (const note of p.notes) io.out(`  注意: ${note}`);
  }
  return 0;
}
