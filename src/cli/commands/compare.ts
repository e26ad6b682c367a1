import type { CliIo } from '../io';
import { readInputFile } from '../readInput';
import { writeFile } from 'node:fs/promises';
import type { ComparisonResult } from '../../domain/analysis/compare';
import { compareDiagrams } from '../../domain/analysis/compareDiagrams';
import type { Estimate } from '../../domain/analysis/compareStats';
import { comparisonToCsv, comparisonToXlsx } from '../../domain/analysis/comparisonExport';
import { COMPARE_MIN_REPLICATIONS } from '../../domain/sim/runLimits';
import { runLimitArg } from '../runLimitText';
import { INPUT_RANGE_NOTE } from './simulate';

const USAGE =
  '使い方: npm run bpr -- compare <現行.bpmn> <見直し後.bpmn> [--replications N] [--seed S] [--no-input-range] [--json] [--csv 出力.csv] [--xlsx 出力.xlsx]';

interface Args {
  files: string[];
  replications?: number;
  seed?: number;
  json: boolean;
  inputRange: boolean;
  csv?: string;
  xlsx?: string;
}

export function parseArgs(args: string[]): Args | string {
  const out: Args = { files: [], json: false, inputRange: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} の値がありません`);
      return v;
    };
    try {
      if (a === '--json') out.json = true;
      else if (a === '--no-input-range') out.inputRange = false;
      else if (a === '--replications' || a === '-r') {
        const n = runLimitArg('replications', value(), COMPARE_MIN_REPLICATIONS);
        if (typeof n === 'string') return n;
        out.replications = n;
      } else if (a === '--seed') {
        const n = runLimitArg('seed', value());
        if (typeof n === 'string') return n;
        out.seed = n;
      } else if (a === '--csv') out.csv = value();
      else if (a === '--xlsx') out.xlsx = value();
      else if (a.startsWith('-')) return `不明なオプションです: ${a}`;
      else out.files.push(a);
    } catch (err) {
      return (err as Error).message;
    }
  }
  if (out.files.length !== 2) return '比較する BPMN ファイルを2つ（現行、見直し後の順）指定してください';
  return out;
}

const n = (x: number, digits = 1) => x.toLocaleString('ja-JP', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const range = (e: Estimate, unit: string, digits: number) =>
  e.inputRange ? `、想定の幅 ${n(e.inputRange[0], digits)}〜${n(e.inputRange[1], digits)}${unit}` : '';
const ci = (e: Estimate, unit: string, digits = 1) =>
  `${n(e.mean, digits)}${unit}（95%信頼区間 ${n(e.ci95[0], digits)}〜${n(e.ci95[1], digits)}${unit}${range(e, unit, digits)}）`;
const pairLine = (label: string, a: Estimate | null, b: Estimate | null, unit: string, digits = 1) =>
  `  ${label}: ${a ? ci(a, unit, digits) : '—'} → ${b ? ci(b, unit, digits) : '—'}`;

/** The JSON shape documented for scripts: the headline figures first, the full result under `detail`. */
export function toJson(r: ComparisonResult): Record<string, unknown> {
  return {
    hoursSavedPerYear: r.hoursSavedPerYear,
    percentSaved: r.percentSaved,
    fte: r.fte,
    yenSavedPerYear: r.yenSavedPerYear,
    staffMinutesPerCase: r.staffMinutesPerCase,
    residentMinutesPerVisit: r.residentMinutesPerVisit,
    leadTimeBusinessDays: r.leadTimeBusinessDays,
    detail: r,
  };
}

function printSummary(r: ComparisonResult, files: string[], io: CliIo): void {
  io.out(`現行: ${files[0]}\n見直し後: ${files[1]}`);
  io.out(`（推計: 共通乱数による ${r.replications} 回の対のシミュレーション、シード ${r.seed}）\n`);
  io.out(`削減した業務時間: ${ci(r.hoursSavedPerYear, '時間/年')}`);
  io.out(`削減率: ${ci(r.percentSaved, '%')}`);
  io.out(`削減人工: ${ci(r.fte, '人', 2)}（1人 ${n(r.hoursPerFte, 0)}時間/年）`);
  io.out(`削減額: ${ci(r.yenSavedPerYear, '円/年', 0)}`);
  io.out('');
  io.out(pairLine('1件あたり職員時間', r.staffMinutesPerCase.asIs, r.staffMinutesPerCase.toBe, '分'));
  io.out(pairLine('住民の来庁1回あたり所要時間', r.residentMinutesPerVisit.asIs, r.residentMinutesPerVisit.toBe, '分'));
  io.out(pairLine('処理日数', r.leadTimeBusinessDays.asIs, r.leadTimeBusinessDays.toBe, '営業日', 2));
  const top = [...r.tasks].sort((a, b) => Math.abs(b.hoursSavedPerYear.mean) - Math.abs(a.hoursSavedPerYear.mean)).slice(0, 8);
  if (top.length) {
    io.out('\n作業別の削減（上位）:');
    for (const t of top)
      io.out(`  ${t.name}${t.status === 'matched' ? '' : t.status === 'removed' ? '（廃止）' : '（新設）'}: ${ci(t.hoursSavedPerYear, '時間/年')}`);
  }
  if (r.hoursSavedPerYear.inputRange) io.out(`\n${INPUT_RANGE_NOTE}`);
  if (r.warnings.length) {
    io.out('\n注意:');
    for (const w of r.warnings) io.out(`  - ${w}`);
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n${USAGE}`);
    return 2;
  }
  // Bytes, not 'utf8' text: the domain decoder detects UTF-16 BOMs and declared encodings.
  const texts: Uint8Array[] = [];
  for (const f of parsed.files) {
    const bytes = await readInputFile(f, io);
    if (!bytes) return 1;
    texts.push(bytes);
  }
  const out = await compareDiagrams(texts[0], texts[1], { replications: parsed.replications, seed: parsed.seed, inputRange: parsed.inputRange });
  if (!out.ok) {
    io.err(out.message);
    return 1;
  }
  if (parsed.csv) await writeFile(parsed.csv, comparisonToCsv(out.result), 'utf8');
  if (parsed.xlsx) await writeFile(parsed.xlsx, comparisonToXlsx(out.result));
  if (parsed.json) io.out(JSON.stringify(toJson(out.result), null, 2));
  else printSummary(out.result, parsed.files, io);
  return 0;
}
