import { readInputFile } from '../readInput';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { CsvError } from '../../domain/exchange/csv';
import { fileNamePart } from '../../domain/exchange/fileName';
import { importSurvey, SurveyImportError } from '../../domain/exchange/survey';
import { XlsxError } from '../../domain/exchange/xlsx';

export const summary =
  '業務量調査 (CSV/.xlsx) を BPMN に変換します: import-survey <調査.csv|xlsx> -o <出力.bpmn>（業務名が複数なら 出力-1.bpmn, 出力-2.bpmn … 、-o にフォルダを指定すると業務名.bpmn）';

const USAGE = '使い方: npm run bpr -- import-survey <調査.csv|調査.xlsx> [-o <出力.bpmn または フォルダ/>]';

const safeFileName = (name: string) => fileNamePart(name) || 'process';

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export async function run(args: string[]): Promise<number> {
  let input: string | undefined;
  let output: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--out') output = args[++i];
    else if (a.startsWith('--out=')) output = a.slice(6);
    else if (a.startsWith('-')) {
      console.error(`不明なオプションです: ${a}\n${USAGE}`);
      return 2;
    } else if (input === undefined) input = a;
    else {
      console.error(`入力ファイルは1つだけ指定してください（${input}, ${a}）\n${USAGE}`);
      return 2;
    }
  }
  if (!input || (args.includes('-o') && !output)) {
    console.error(USAGE);
    return 2;
  }
  const bytes = await readInputFile(input);
  if (!bytes) return 1;
  let processes;
  try {
    processes = await importSurvey(basename(input), bytes);
  } catch (err) {
    if (err instanceof SurveyImportError || err instanceof XlsxError || err instanceof CsvError) {
      console.error(`${input}: ${err.message}`);
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
    console.log(`${file}: 「${p.name}」手順 ${p.stepCount} 件、担当 ${p.roles.length} 件（${p.roles.join('、')}）${volume}`);
    for (const note of p.notes) console.log(`  注意: ${note}`);
  }
  return 0;
}
