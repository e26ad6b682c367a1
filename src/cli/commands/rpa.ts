import type { CliIo } from '../io';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ModdleElement } from '../../domain/bpmn/bprAccess';
import { parseDiagram } from '../../domain/bpmn/parseDiagram';
import { participantsProcesses } from '../../domain/bpmn/walk';
import {
  defaultRpaRankingSettings,
  DEFAULT_RPA_REPLICATIONS,
  filterByDepartment,
  filterByMinScore,
  rankParsedProcesses,
  simulateTaskHours,
  type ParsedRpaProcess,
  type RpaCandidate,
  type TaskHoursTable,
} from '../../domain/analysis/rpaCandidates';
import { RPA_FORMULA_JA } from '../../domain/analysis/rpaScore';

const USAGE = '使い方: npm run bpr -- rpa <フォルダまたは.bpmn…> [--json] [--replications N] [--seed S] [--department 担当課] [--min-score 点]';

interface Args {
  paths: string[];
  json: boolean;
  replications: number;
  seed: number;
  departments: string[];
  minScore: number;
}

function parseArgs(args: string[]): Args | string {
  const out: Args = { paths: [], json: false, replications: DEFAULT_RPA_REPLICATIONS, seed: 1, departments: [], minScore: 0 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => args[++i];
    switch (a) {
      case '--json':
        out.json = true;
        break;
      case '--replications': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 1) return `--replications には1以上の整数を指定してください: ${args[i] ?? '(なし)'}`;
        out.replications = v;
        break;
      }
      case '--seed': {
        const v = Number(value());
        if (!Number.isFinite(v)) return `--seed には数値を指定してください: ${args[i] ?? '(なし)'}`;
        out.seed = v;
        break;
      }
      case '--department': {
        const v = value();
        if (!v) return '--department には担当課の名前を指定してください';
        out.departments.push(v);
        break;
      }
      case '--min-score': {
        const v = Number(value());
        if (!Number.isFinite(v) || v < 0 || v > 100) return `--min-score には0〜100を指定してください: ${args[i] ?? '(なし)'}`;
        out.minScore = v;
        break;
      }
      default:
        if (a.startsWith('--')) return `不明なオプションです: ${a}`;
        out.paths.push(a);
    }
  }
  if (out.paths.length === 0) return 'フォルダまたは .bpmn ファイルを指定してください';
  return out;
}

/** diagrams/manifest.json: which file is which process, its 担当課 and whether it is As-Is or To-Be. */
interface ManifestEntry {
  file: string;
  name?: string;
  department?: string;
  kind?: string;
}

async function readManifest(folder: string, warnings: string[]): Promise<Map<string, ManifestEntry>> {
  const path = join(folder, 'manifest.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return new Map();
  }
  try {
    const entries = JSON.parse(text) as unknown;
    if (!Array.isArray(entries)) throw new Error('配列ではありません');
    return new Map(entries.filter((e): e is ManifestEntry => !!e && typeof (e as ManifestEntry).file === 'string').map((e) => [e.file, e]));
  } catch (e) {
    warnings.push(`${path} を読めないため無視しました（${(e as Error).message}）。全ての図を現行（As-Is）として扱います`);
    return new Map();
  }
}

interface DiagramFile {
  path: string;
  manifest?: ManifestEntry;
}

async function collectFiles(paths: string[], warnings: string[]): Promise<DiagramFile[] | string> {
  const files: DiagramFile[] = [];
  const manifests = new Map<string, Map<string, ManifestEntry>>();
  const manifestOf = async (folder: string) => {
    if (!manifests.has(folder)) manifests.set(folder, await readManifest(folder, warnings));
    return manifests.get(folder)!;
  };
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch {
      return `ファイルまたはフォルダが見つかりません: ${p}`;
    }
    if (isDir) {
      const names = (await readdir(p)).filter((n) => n.toLowerCase().endsWith('.bpmn')).sort();
      if (names.length === 0) warnings.push(`${p} に .bpmn ファイルがありません`);
      const m = await manifestOf(p);
      for (const n of names) files.push({ path: join(p, n), manifest: m.get(n) });
    } else {
      files.push({ path: p, manifest: (await manifestOf(dirname(p))).get(basename(p)) });
    }
  }
  return files;
}

function nameOf(defs: ModdleElement, file: string): string {
  const named = participantsProcesses(defs).find((p) => typeof p.name === 'string' && p.name.trim());
  return (named?.name as string | undefined)?.trim() ?? basename(file, '.bpmn');
}

const n0 = (x: number) => Math.round(x).toLocaleString('ja-JP');
const n1 = (x: number) => x.toLocaleString('ja-JP', { maximumFractionDigits: 1 });
const payback = (m: number | null) => (m === null ? '回収不能' : `${n1(m)} か月`);

/** The documented --json shape: figures flattened to numbers, intervals beside them as …Ci95. */
export function toCliCandidate(c: RpaCandidate) {
  return {
    rank: c.rank,
    processId: c.processId,
    processName: c.processName,
    department: c.department,
    taskId: c.taskId,
    taskName: c.taskName,
    role: c.role,
    score: c.score,
    automationPotential: c.automationPotential,
    ease: c.ease,
    assessed: c.assessed,
    assessmentLabel: c.assessmentLabel,
    assessment: c.assessment,
    estimatedFields: c.estimatedFields,
    needsAnswers: c.needsAnswers,
    caution: c.caution,
    annualVolume: c.annualVolume,
    visitsPerCase: c.visitsPerCase,
    staffHoursPerYear: c.staffHoursPerYear?.mean ?? null,
    staffHoursPerYearCi95: c.staffHoursPerYear?.ci95 ?? null,
    hoursSavedPerYear: c.hoursSavedPerYear.mean,
    hoursSavedPerYearCi95: c.hoursSavedPerYear.ci95,
    hourlyCostYen: c.hourlyCostYen,
    yenSavedPerYear: c.yenSavedPerYear.mean,
    yenSavedPerYearCi95: c.yenSavedPerYear.ci95,
    developmentYen: c.developmentYen,
    annualCostYen: c.annualCostYen,
    netAnnualYen: c.netAnnualYen,
    paybackMonths: c.paybackMonths,
    roi3y: c.roi3y,
    notes: c.notes,
  };
}

function printTable(candidates: RpaCandidate[], excludedCount: number, args: Args, io: CliIo): void {
  io.out(
    `RPA候補の順位（評価済みの作業が先、未評価のうち対面・判断の作業は後。その中で年間の純削減額の大きい順、シミュレーション 反復 ${args.replications} 回・シード ${args.seed}）`,
  );
  io.out('順位 | 業務 | 担当課 | 作業 | 適合度 | 自動化可能率 | 職員時間 | 削減時間（95%信頼区間） | 削減額 | 投資回収 | 3年ROI | 評価');
  for (const c of candidates) {
    const h = c.hoursSavedPerYear;
    io.out(
      [
        `${c.rank}`,
        c.processName,
        c.department || '（未設定）',
        `${c.taskName} (${c.taskId})`,
        `${n1(c.score)} 点`,
        `${n1(c.automationPotential * 100)} %`,
        c.staffHoursPerYear ? `${n1(c.staffHoursPerYear.mean)} 時間/年` : '―',
        `${n1(h.mean)} 時間/年（${n1(h.ci95[0])}〜${n1(h.ci95[1])}）`,
        `${n0(c.yenSavedPerYear.mean)} 円/年`,
        payback(c.paybackMonths),
        `${n1(c.roi3y * 100)} %`,
        c.assessmentLabel || '評価済み',
      ].join(' | '),
    );
  }
  io.out(`対象外の作業: ${excludedCount} 件（住民の作業・自動化済み・職員時間なし）`);
  io.out(`計算式: ${RPA_FORMULA_JA}`);
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`${args}\n${USAGE}`);
    return 2;
  }
  const warnings: string[] = [];
  const files = await collectFiles(args.paths, warnings);
  if (typeof files === 'string') {
    io.err(files);
    return 1;
  }

  const processes: ParsedRpaProcess[] = [];
  const hours = new Map<string, TaskHoursTable>();
  for (const f of files) {
    if (f.manifest?.kind === 'to-be') continue;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(f.path));
    } catch {
      warnings.push(`${f.path}: ファイルを読めません`);
      continue;
    }
    const parsed = await parseDiagram(bytes);
    if (!parsed.ok) {
      warnings.push(`${f.path}: 読み込めないため除きました（${parsed.error.message}）`);
      continue;
    }
    const processName = f.manifest?.name ?? nameOf(parsed.definitions, f.path);
    processes.push({ processId: f.path, processName, department: f.manifest?.department ?? '', kind: 'as-is', definitions: parsed.definitions });
    try {
      hours.set(f.path, simulateTaskHours(parsed.definitions, { seed: args.seed, replications: args.replications }));
    } catch (e) {
      warnings.push(`${processName}: シミュレーションできません（${(e as Error).message.split('\n').join(' ')}）`);
    }
  }
  if (processes.length === 0) {
    for (const w of warnings) io.err(w);
    io.err('順位付けできる現行（As-Is）の図がありません');
    return 1;
  }

  const ranking = rankParsedProcesses(processes, (id) => hours.get(id), defaultRpaRankingSettings());
  let candidates = filterByDepartment(ranking.candidates, args.departments);
  candidates = filterByMinScore(candidates, args.minScore);
  const allWarnings = [...warnings, ...ranking.warnings];

  if (args.json) {
    io.out(
      JSON.stringify({
        replications: args.replications,
        seed: args.seed,
        settings: defaultRpaRankingSettings(),
        candidates: candidates.map(toCliCandidate),
        excluded: ranking.excluded,
        warnings: allWarnings,
      }),
    );
  } else {
    printTable(candidates, ranking.excluded.length, args, io);
    for (const w of allWarnings) io.out(`注意: ${w}`);
  }
  return 0;
}
