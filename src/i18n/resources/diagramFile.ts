import type { FeatureResources } from '../core';

/**
 * Reading a BPMN file (domain bpmn/readDiagramFile, limits, references, diagrams): the sentences behind
 * the message codes the domain returns. The same words in the import dialog, the workspace import,
 * the worker and every CLI command.
 */
const diagramFile = {
  ja: {
    'limit.maxBytes': 'ファイルが大きすぎます（{value}、上限 {max}）。',
    'limit.maxElements': '要素数が上限を超えているため開けません（{value} 個、上限 {max} 個）。図を分割してから読み込んでください。',
    'limit.maxDepth': '要素の入れ子が深すぎるため開けません（深さ {value}、上限 {max}）。',
    'refs.qnameResolved': '接頭辞付きの参照 {count} 件（例: {example}）を BPMN の要素として解決しました。',
    'diagram.planeOnProcess': '図「{diagram}」はコラボレーション内のプロセス「{process}」を指していたため、コラボレーション（プール）の図として開きました。',
    'diagram.chosen': 'このファイルには図が {count} 枚あります。内容のある図「{diagram}」を開きました。',
    'diagram.empty': '図に描くものがありません: {reason}',
    'diagram.emptyReason.noFlowElements': 'プロセスにタスク・イベント・ゲートウェイが1つもありません。',
    'diagram.emptyReason.unresolved': '図の形（BPMNShape）{count} 件がどの要素も指していません（参照先が見つかりません）。',
    'workspace.processRefused': 'プロセス「{name}」は読み込みませんでした: {reason}',
    'workspace.processesRefused': '{count} 件のプロセスを読み込めなかったため除外し、残りを読み込みました。',
    'workspace.processesWillBeRefused': 'このファイルの {count} 件のプロセスは図を読み込めないため取り込みません（残りは取り込みます）。',
  },
  en: {
    'limit.maxBytes': 'The file is too large ({value}; the limit is {max}).',
    'limit.maxElements': 'The file has too many elements to open ({value}; the limit is {max}). Split the diagram before importing it.',
    'limit.maxDepth': 'The elements are nested too deeply to open (depth {value}; the limit is {max}).',
    'refs.qnameResolved': '{count} prefixed references (e.g. {example}) were resolved as BPMN elements.',
    'diagram.planeOnProcess':
      'Diagram "{diagram}" pointed at process "{process}" inside a collaboration, so it was opened as the collaboration (pools) diagram.',
    'diagram.chosen': 'This file holds {count} diagrams. The diagram with content, "{diagram}", was opened.',
    'diagram.empty': 'The diagram has nothing to draw: {reason}',
    'diagram.emptyReason.noFlowElements': 'the process has no task, event or gateway.',
    'diagram.emptyReason.unresolved': '{count} diagram shapes (BPMNShape) point at no element (the reference cannot be found).',
    'workspace.processRefused': 'Process "{name}" was not imported: {reason}',
    'workspace.processesRefused': '{count} processes could not be read and were left out; the rest were imported.',
    'workspace.processesWillBeRefused': '{count} processes in this file have a diagram that cannot be read and will not be imported (the rest will be).',
  },
} satisfies FeatureResources;

export default diagramFile;
