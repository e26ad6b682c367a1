import type { CliCommandRun, CliIo } from './io';

/**
 * The `bpr` commands: a fixed list, each with its one Japanese help line and a loader, so that `bpr --help`
 * reads no command module and each command loads only its own dependencies (bpmn-moddle, zod, the
 * simulator…). A new command is a new module in ./commands and one entry here.
 */
interface CommandEntry {
  summary: string;
  load(): Promise<{ run: CliCommandRun }>;
}

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  compare: {
    summary: '現行（As-Is）と見直し後（To-Be）を同じ乱数で比較し、削減した業務時間を信頼区間つきで表示します',
    load: () => import('./commands/compare'),
  },
  'export-qbp': {
    summary: 'BPMN の注釈から BIMP（QBP）のシミュレーション設定を書き出します',
    load: () => import('./commands/export-qbp'),
  },
  'import-survey': {
    summary:
      '業務量調査 (CSV/.xlsx) を BPMN に変換します: import-survey <調査.csv|xlsx> -o <出力.bpmn>（業務名が複数なら 出力-1.bpmn, 出力-2.bpmn … 、-o にフォルダを指定すると業務名.bpmn）',
    load: () => import('./commands/import-survey'),
  },
  inventory: {
    summary: "業務量調査の一覧 (CSV/.xlsx) を集計します: inventory <調査.csv|xlsx> [--json] [--map '見出し=項目,…'] [--hours-per-fte 1860]",
    load: () => import('./commands/inventory'),
  },
  lint: {
    summary: 'BPMN ファイルを検査し、分岐確率・処理時間・人数などの問題を表示します',
    load: () => import('./commands/lint'),
  },
  rpa: {
    summary: 'As-Is の全作業をRPA候補として順位付けし、削減時間・削減額・投資回収を表示します',
    load: () => import('./commands/rpa'),
  },
  simulate: {
    summary: 'BPMN をシミュレーションし、職員時間・リードタイム・待ち時間などを95%信頼区間付きで表示する',
    load: () => import('./commands/simulate'),
  },
  validate: {
    summary: 'BPMN ファイルを読み込めるか確認し、内容の概要・警告・注釈の問題を表示します',
    load: () => import('./commands/validate'),
  },
};

/**
 * `bpr <command> [arguments…]` in this process: the exit code (0 done, 1 the input was refused, 2 usage),
 * everything written through `io`. An unexpected error is reported as one Japanese line with exit 1.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const names = Object.keys(COMMANDS);
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out('使い方: npm run bpr -- <コマンド> [引数…]\n');
    for (const n of names) io.out(`  ${n.padEnd(14)} ${COMMANDS[n].summary}`);
    return name ? 0 : 2;
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    io.err(`不明なコマンドです: ${name}（利用できるコマンド: ${names.join(', ')}）`);
    return 2;
  }
  try {
    const { run } = await COMMANDS[name].load();
    return await run(args, io);
  } catch (err) {
    io.err(`エラー: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
