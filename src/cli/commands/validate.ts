import { readInputFile } from '../readInput';
import { readDiagramAnnotations } from '../../domain/bpmn/annotationsRead';
import { isA, type ModdleElement } from '../../domain/bpmn/bprAccess';
import { parseDiagram } from '../../domain/bpmn/parseDiagram';
import { readQbpAll } from '../../domain/bpmn/qbpImport';
import { allFlowElements, allLanes, participantsProcesses } from '../../domain/bpmn/walk';

export const summary = 'BPMN ファイルを読み込めるか確認し、内容の概要・警告・注釈の問題を表示します';

export async function run(args: string[]): Promise<number> {
  const files = args.filter((a) => !a.startsWith('-'));
  if (files.length === 0) {
    console.error('使い方: npm run bpr -- validate <ファイル.bpmn> [...]');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const bytes = await readInputFile(file);
    if (!bytes) {
      failed++;
      continue;
    }
    const r = await parseDiagram(bytes);
    if (!r.ok) {
      console.error(`${file}: 読み込めません [${r.error.code}] ${r.error.message}`);
      failed++;
      continue;
    }
    const defs = r.definitions as ModdleElement;
    const roots = (defs.rootElements as ModdleElement[] | undefined) ?? [];
    const pools = roots
      .filter((x) => isA(x, 'bpmn:Collaboration'))
      .reduce((n, c) => n + ((c.participants as unknown[] | undefined)?.length ?? 0), 0);
    const elements = allFlowElements(defs);
    const { annotations, issues } = readDiagramAnnotations(defs);
    const qbp = readQbpAll(r.xml);
    console.log(`${file}: 読み込みOK`);
    console.log(`  プロセス: ${participantsProcesses(defs).length} 個、プール: ${pools} 個、レーン: ${allLanes(defs).length} 個`);
    console.log(
      `  フロー要素: ${elements.length} 個（タスク等 ${elements.filter((e) => isA(e, 'bpmn:Activity')).length}、` +
        `ゲートウェイ ${elements.filter((e) => isA(e, 'bpmn:Gateway')).length}、イベント ${elements.filter((e) => isA(e, 'bpmn:Event')).length}、` +
        `シーケンスフロー ${elements.filter((e) => isA(e, 'bpmn:SequenceFlow')).length}）`,
    );
    console.log(
      `  注釈: 作業 ${Object.keys(annotations.steps).length} 件、分岐確率 ${Object.keys(annotations.flows).length} 件、` +
        `到着 ${Object.keys(annotations.starts).length} 件、役割 ${annotations.settings.roles.length} 件`,
    );
    if (qbp.length) console.log(`  BIMP シミュレーション設定: ${qbp.length} 件（${qbp.map((q) => (q.placement === 'definitions' ? 'definitions 直下' : 'extensionElements 内')).join('、')}）`);
    console.log(`  警告: ${r.warnings.length} 件`);
    for (const w of r.warnings) console.log(`    - ${w}`);
    console.log(`  注釈の問題: ${issues.length} 件`);
    for (const i of issues) console.log(`    - ${i.message}`);
  }
  return failed ? 1 : 0;
}
