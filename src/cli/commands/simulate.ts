import type { CliIo } from '../io';
import { readFile } from 'node:fs/promises';
import { loadSimModel } from '../../domain/sim/loadDiagram';
import { RunawayError, SimValidationError } from '../../domain/sim/errors';
import { runSimulation, type SimulationOptions } from '../../domain/sim/runSimulation';
import type { RoleResult, SimulationResult } from '../../domain/sim/result';
import type { Estimate } from '../../domain/sim/stats';
import inputRangeText from '../../i18n/resources/inputRange';
import type { RunLimitField } from '../../domain/sim/runLimits';
import { runLimitArg } from '../runLimitText';

const USAGE =
  '使い方: npm run bpr -- simulate <file.bpmn> [--replications N] [--seed S] [--cases N | --years Y] [--start YYYY-MM-DD] [--mode fast|actor] [--no-input-range] [--json]\n  --no-input-range: 想定の幅（各工程の時間を見積りの楽観・悲観の端にした場合の幅）を計算しない\n  --start: 到着の開始日（省略時はファイルの開始日、なければ次の4月1日。結果に表示します）';

interface Args {
  file?: string;
  json: boolean;
  options: SimulationOptions;
}

export function parseArgs(args: string[]): Args | string {
  const out: Args = { json: false, options: { inputRange: true } };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const num = (name: string) => {
      const v = Number(args[++i]);
      if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} には正の数を指定してください: ${args[i] ?? '(なし)'}`);
      return v;
    };
    switch (a) {
      case '--json':
        out.json = true;
        break;
      case '--no-input-range':
        out.options.inputRange = false;
        break;
      case '--replications':
      case '--seed':
      case '--cases':
      case '--years': {
        const v = runLimitArg(a.slice(2) as RunLimitField, args[++i]);
        if (typeof v === 'string') return v;
        out.options[a.slice(2) as RunLimitField] = v;
        break;
      }
      case '--start': {
        const d = args[++i];
        if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return `--start は YYYY-MM-DD 形式で指定してください: ${d ?? '(なし)'}`;
        out.options.startDate = d;
        break;
      }
      case '--warmup':
        out.options.warmupCases = Math.floor(num(a));
        break;
      case '--mode': {
        const m = args[++i];
        if (m !== 'fast' && m !== 'actor') return `--mode は fast か actor です: ${m ?? '(なし)'}`;
        out.options.mode = m;
        break;
      }
      default:
        if (a.startsWith('--')) return `不明なオプションです: ${a}`;
        if (out.file) return `ファイルは1つだけ指定してください: ${a}`;
        out.file = a;
    }
  }
  if (out.options.cases !== undefined && out.options.years !== undefined) return '--cases と --years は同時に指定できません';
  return out;
}

const sec = (e: Estimate | null | undefined, k = 60): Estimate =>
  e
    ? {
        mean: e.mean * k,
        ci95: [e.ci95[0] * k, e.ci95[1] * k],
        ...(e.inputRange ? { inputRange: [e.inputRange[0] * k, e.inputRange[1] * k] as [number, number] } : {}),
      }
    : { mean: 0, ci95: [0, 0] };

/** The documented --json shape (README): the headline figures plus the full result under `result`. */
export function toCliJson(r: SimulationResult) {
  return {
    replications: r.replications,
    cases: r.cases,
    seed: r.seed,
    mode: r.mode,
    simulatedYears: r.simulatedYears,
    startDate: r.startDate,
    staffHoursPerYear: r.kpis.staffHoursPerYear,
    staffMinutesPerCase: r.kpis.staffMinutesPerCase,
    ...(r.kpis.robotHoursPerYear ? { robotHoursPerYear: r.kpis.robotHoursPerYear } : {}),
    meanCycleTimeSeconds: sec(r.kpis.leadTimeMinutes),
    meanWaitingTimeSeconds: sec(r.kpis.waitingMinutesPerCase),
    leadTimeBusinessDays: r.kpis.leadTimeBusinessDays,
    residentMinutesPerVisit: r.kpis.residentMinutesPerVisit,
    costYenPerYear: r.kpis.costYenPerYear,
    paperSheetsPerYear: r.kpis.paperSheetsPerYear,
    casesCompleted: r.kpis.casesCompleted,
    tasks: r.tasks.map((t) => ({
      id: t.id,
      name: t.name,
      role: t.role,
      count: t.count.mean,
      meanWaitSeconds: (t.waitMinutes?.mean ?? 0) * 60,
      meanProcessingSeconds: (t.processingMinutes?.mean ?? 0) * 60,
      processingHoursPerYear: t.staffHoursPerYear.mean,
    })),
    roles: r.roles.map((x) => ({
      name: x.name,
      robot: x.robot === true,
      servers: x.servers,
      utilisation: x.utilisation?.mean ?? null,
      load: x.load?.mean ?? null,
      staffHoursPerYear: x.staffHoursPerYear.mean,
      overtimeHoursPerYear: x.overtimeHoursPerYear?.mean ?? 0,
      fte: x.fte.mean,
    })),
    warnings: r.warnings,
    result: r,
  };
}

const f1 = (x: number) => x.toLocaleString('ja-JP', { maximumFractionDigits: 1 });
const range = (e: Estimate, unit: string) => (e.inputRange ? `、想定の幅 ${f1(e.inputRange[0])}〜${f1(e.inputRange[1])} ${unit}` : '');
const ci = (e: Estimate, unit: string) => `${f1(e.mean)} ${unit}（95%信頼区間 ${f1(e.ci95[0])}〜${f1(e.ci95[1])}${range(e, unit)}）`;

/** The one-sentence difference between the two ranges: the UI's own sentence (i18n resource, Japanese). */
export const INPUT_RANGE_NOTE = inputRangeText.ja.explain;

/** Robot roles run on the 24-hour calendar: their hours are run time, so the label must not read as staff. */
const roleLabel = (x: RoleResult) => (x.robot ? `${x.name}（ロボット）` : x.name);

function printSummary(file: string, r: SimulationResult, io: CliIo): void {
  const k = r.kpis;
  const hasRobots = r.roles.some((x) => x.robot);
  const lines = [
    `シミュレーション結果: ${file}`,
    `  反復 ${r.replications} 回 × 平均 ${f1(r.cases)} 件（${r.startDate} から ${f1(r.simulatedYears)} 年分, シード ${r.seed}, ${r.mode} モード）`,
    hasRobots ? `  年間職員時間（ロボットを除く）: ${ci(k.staffHoursPerYear, '時間/年')}` : `  年間職員時間:       ${ci(k.staffHoursPerYear, '時間/年')}`,
    ...(k.robotHoursPerYear && hasRobots ? [`  ロボット稼働時間:   ${ci(k.robotHoursPerYear, '時間/年')}`] : []),
    `  必要人員 (FTE):     ${ci(k.fte, '人')}`,
    `  1件あたり職員時間:  ${ci(k.staffMinutesPerCase, '分/件')}`,
    `  リードタイム:       ${ci(k.leadTimeBusinessDays, '営業日')} / ${ci(k.leadTimeMinutes, '分')}`,
    `  1件あたり待ち時間:  ${ci(k.waitingMinutesPerCase, '分/件')}`,
    ...(k.residentMinutesPerVisit ? [`  住民の来庁1回あたり: ${ci(k.residentMinutesPerVisit, '分')}`] : []),
    `  年間人件費:         ${ci(k.costYenPerYear, '円/年')}`,
    `  年間紙枚数:         ${ci(k.paperSheetsPerYear, '枚/年')}`,
    '  役割:',
    ...r.roles.map(
      (x) =>
        `    ${roleLabel(x)}: ${f1(x.staffHoursPerYear.mean)} 時間/年${x.robot ? '（稼働時間）' : ''}, 稼働率 ${x.utilisation ? `${f1(x.utilisation.mean * 100)} %` : '―（人数無制限）'}${x.overtimeHoursPerYear && x.overtimeHoursPerYear.mean > 0 ? `, うち時間外 ${f1(x.overtimeHoursPerYear.mean)} 時間/年` : ''}`,
    ),
    '  タスク:',
    ...r.tasks.map(
      (t) =>
        `    ${t.name} (${t.id}): ${f1(t.count.mean)} 回, 待ち ${f1(t.waitMinutes?.mean ?? 0)} 分, 処理 ${f1(t.processingMinutes?.mean ?? 0)} 分, ${f1(t.staffHoursPerYear.mean)} 時間/年`,
    ),
    ...(k.staffHoursPerYear.inputRange ? [`  ${INPUT_RANGE_NOTE}`] : []),
    ...r.warnings.map((w) => `  注意: ${w}`),
  ];
  io.out(lines.join('\n'));
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let parsed: Args | string;
  try {
    parsed = parseArgs(args);
  } catch (e) {
    parsed = (e as Error).message;
  }
  if (typeof parsed === 'string' || !parsed.file) {
    io.err(typeof parsed === 'string' ? `${parsed}\n${USAGE}` : USAGE);
    return 2;
  }
  // Bytes, not 'utf8' text: the domain decoder detects UTF-16 BOMs and declared encodings as validate and lint do.
  let xml: Uint8Array;
  try {
    xml = new Uint8Array(await readFile(parsed.file));
  } catch {
    io.err(`ファイルを読めません: ${parsed.file}`);
    return 1;
  }
  const loaded = await loadSimModel(xml);
  if (!loaded.ok) {
    io.err(`読み込みエラー: ${loaded.message}`);
    return 1;
  }
  try {
    const result = runSimulation(loaded.model, parsed.options);
    if (parsed.json) io.out(JSON.stringify(toCliJson(result)));
    else printSummary(parsed.file, result, io);
    return 0;
  } catch (e) {
    if (e instanceof SimValidationError) {
      io.err(`シミュレーションできません（${e.issues.length}件の問題）:`);
      for (const i of e.issues) io.err(`  ・${i.message}`);
      return 1;
    }
    if (e instanceof RunawayError) {
      io.err(`シミュレーションを中断しました: ${e.message}`);
      return 1;
    }
    // Impossible settings (a start date that does not exist, a run past the holiday tables) are refused before the run.
    if (e instanceof RangeError) {
      io.err(`シミュレーションできません: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
