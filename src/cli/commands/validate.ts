import type { CliIo } from '../io';
import { readInputFile } from '../readInput';
import { readDiagramAnnotations } from '../../domain/bpmn/annotationsRead';
import { isA, type ModdleElement } from '../../domain/bpmn/bprAccess';
import { parseDiagram } from '../../domain/bpmn/parseDiagram';
import { readQbpAll } from '../../domain/bpmn/qbpImport';
import { allFlowElements, allLanes, participantsProcesses } from '../../domain/bpmn/walk';

export async function run(args: string[], io: CliIo): Promise<number> {
  const files = args.filter((a) => !a.startsWith('-'));
  if (files.length === 0) {
    io.err('使い方: npm run bpr -- validate <ファイル.bpmn> [...]');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const bytes = await readInputFile(file, io);
    if (!bytes) {
      failed++;
      continue;
    }
    const r = await parseDiagram(bytes);
    if (!r.ok) {
      io.err(`${file}: 読み込めません [${r.error.code}] ${r.error.message}`);
      failed++;
      continue;
    }
    const defs = r.definitions as ModdleElement;
    const roots = (defs.rootElements as ModdleElement[] | undefined) ?? [];
    const pools = roots.filter((x) => isA(x, 'bpmn:Collaboration')).reduce((n, c) => n + ((c.participants as unknown[] | undefined)?.length ?? 0), 0);
    const elements = allFlowElements(defs);
    const { annotations, issues } = readDiagramAnnotations(defs);
    const qbp = readQbpAll(r.xml);
    io.out(`${file}: 読み込みOK`);
    io.out(`  プロセス: ${participantsProcesses(defs).length} 個、プール: ${pools} 個、レーン: ${allLanes(defs).length} 個`);
    io.out(
      `  フロー要素: ${elements.length} 個（タスク等 ${elements.filter((e) => isA(e, 'bpmn:Activity')).length}、` +
        `ゲートウェイ ${elements.filter((e) => isA(e, 'bpmn:Gateway')).length}、イベント ${elements.filter((e) => isA(e, 'bpmn:Event')).length}、` +
        `シーケンスフロー ${elements.filter((e) => isA(e, 'bpmn:SequenceFlow')).length}）`,
    );
    io.out(
      `  注釈: 作業 ${Object.keys(annotations.steps).length} 件、分岐確率 ${Object.keys(annotations.flows).length} 件、` +
        `到着 ${Object.keys(annotations.starts).length} 件、役割 ${annotations.settings.roles.length} 件`,
    );
    if (qbp.length)
      io.out(
        `  BIMP シミュレーション設定: ${qbp.length} 件（${qbp.map((q) => (q.placement === 'definitions' ? 'definitions 直下' : 'extensionElements 内')).join('、')}）`,
      );
    io.out(`  警告: ${r.warnings.length} 件`);
    for (const w of r.warnings) io.out(`    - ${w}`);
    io.out(`  注釈の問題: ${issues.length} 件`);
    for (const i of issues) io.out(`    - ${i.message}`);
  }
  return failed ? 1 : 0;
}
