import type { FeatureResources } from '../core';

/** The import report dialog: what an import read against what the file holds (domain/bpmn/importReport). */
const importReport: FeatureResources = {
  ja: {
    title: '「{file}」のインポート結果',
    lead: '「{file}」をプロセス「{name}」としてインポートしました。次の点を確認してください。',
    leadReplaced: '「{file}」で図を置き換えました。次の点を確認してください。',
    close: '閉じる',
    open: 'プロセスを開く',

    'counts.caption': 'ファイルの内容と読み込んだ内容',
    'counts.item': '項目',
    'counts.file': 'ファイル',
    'counts.read': '読み込み・表示',
    'counts.elements': '要素（すべての名前空間）',
    'counts.bpmn': 'BPMN の要素（作業・イベント・フロー・レーンなど）',
    'counts.diagrams': '図（BPMNDiagram）',
    'counts.shapes': '図形（開く図に表示）',
    'counts.edges': '接続線（開く図に表示）',
    'counts.kept': '他のツールの拡張（そのまま保持）',
    'counts.keptValue': '要素 {elements}・属性 {attributes}',

    'nothing.heading': 'この図には何も表示されません',
    'nothing.no-shapes': '開く図に図形（配置情報）がありません。',
    'nothing.unresolved': '図形 {count} 個の参照先（例: {example}）がモデルの要素に見つかりません。',
    'nothing.outside-root': '図の面（BPMNPlane）が「{root}」を指していますが、図形 {count} 個はその外の要素を描いています。',
    hidden: '開く図の図形 {count} 個は、図の面が指す要素の外にあるか参照先が見つからないため表示されません。',

    'repairs.heading': '読み替えた内容（ファイルの内容は失われていません）',
    'repairs.qname': '「{prefixes}:」付きで書かれた参照 {count} 件を、その ID への参照として読みました。',
    'repairs.retargeted': '図「{diagram}」の面がプロセス「{from}」を指していたため、図形が属するコラボレーション「{to}」を表示します。',
    'repairs.openedInstead': '最初の図には何も描かれていないため、図「{diagram}」を開きます。',

    'others.heading': 'このファイルには他にも図があります（開くのは最初の図だけです）',
    'others.item': '「{name}」（図形 {shapes} 個）',

    'warnings.heading': '警告（{count} 件）',
    'warnings.element': '「{name}」（{id}）',
    'warnings.elementId': '（{id}）',
    'warnings.noElement': '（要素不明）',
    'warnings.line': '（{line}行目）',
    'warnings.detail': '詳細',
    'warning.unresolved-reference': '参照先 {subject} が見つからないため、その参照は無視しました。',
    'warning.unparsable': '{subject} を読み込めなかったため無視しました。',
    'warning.unknown-attribute': '未知の属性 {subject} は無視しました。',
    'warning.duplicate-id': 'ID {subject} が重複しているため、片方を無視しました。',
    'warning.other': '{detail}',

    'lost.heading': '保存すると失われる内容（{count} 件）',
    'lost.item': '{qname} × {count}（{owner}）',
    'lost.noOwner': 'ファイル全体',
    unsavable: 'このままでは保存できません: {message}',
  },
  en: {
    title: 'Import report for "{file}"',
    lead: 'Imported "{file}" as process "{name}". Please check the following.',
    leadReplaced: 'Replaced the diagram with "{file}". Please check the following.',
    close: 'Close',
    open: 'Open the process',

    'counts.caption': 'What the file holds and what was read',
    'counts.item': 'Item',
    'counts.file': 'File',
    'counts.read': 'Read / shown',
    'counts.elements': 'Elements (all namespaces)',
    'counts.bpmn': 'BPMN elements (tasks, events, flows, lanes …)',
    'counts.diagrams': 'Diagrams (BPMNDiagram)',
    'counts.shapes': 'Shapes (shown in the opened diagram)',
    'counts.edges': 'Connections (shown in the opened diagram)',
    'counts.kept': 'Other tools’ extensions (kept as they are)',
    'counts.keptValue': '{elements} elements, {attributes} attributes',

    'nothing.heading': 'This diagram will show nothing',
    'nothing.no-shapes': 'The opened diagram has no shapes (no layout information).',
    'nothing.unresolved': '{count} shapes refer to elements that are not in the model (e.g. {example}).',
    'nothing.outside-root': 'The diagram plane (BPMNPlane) points at "{root}", but {count} shapes draw elements outside it.',
    hidden: '{count} shapes of the opened diagram are not shown: they lie outside the element the plane points at, or their element is missing.',

    'repairs.heading': 'Read differently (nothing in the file is lost)',
    'repairs.qname': 'Read {count} references written with the prefix "{prefixes}:" as references to those ids.',
    'repairs.retargeted': 'The plane of diagram "{diagram}" pointed at process "{from}"; showing collaboration "{to}", which its shapes belong to.',
    'repairs.openedInstead': 'The first diagram draws nothing; opening diagram "{diagram}" instead.',

    'others.heading': 'The file holds further diagrams (only the first one opens)',
    'others.item': '"{name}" ({shapes} shapes)',

    'warnings.heading': 'Warnings ({count})',
    'warnings.element': '"{name}" ({id})',
    'warnings.elementId': '({id})',
    'warnings.noElement': '(element unknown)',
    'warnings.line': '(line {line})',
    'warnings.detail': 'Details',
    'warning.unresolved-reference': 'The reference {subject} was not found and was ignored.',
    'warning.unparsable': '{subject} could not be read and was ignored.',
    'warning.unknown-attribute': 'The unknown attribute {subject} was ignored.',
    'warning.duplicate-id': 'The id {subject} is used twice; one of them was ignored.',
    'warning.other': '{detail}',

    'lost.heading': 'Content a save would drop ({count})',
    'lost.item': '{qname} × {count} ({owner})',
    'lost.noOwner': 'the whole file',
    unsavable: 'This diagram cannot be saved as it is: {message}',
  },
};

export default importReport;
