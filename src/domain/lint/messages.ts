import { isAny } from 'bpmnlint-utils';
import { elementLabel } from '../model/annotations';
import { type Bo, nameOf } from './model';

/** 「審査」(Gateway_1) or (Gateway_1): how every lint message names its element. */
export function labelOf(bo: Bo | undefined, id?: string): string {
  const elementId = (bo?.id as string | undefined) ?? id ?? '';
  return elementLabel(elementId || '(不明)', nameOf(bo));
}

const KINDS: Array<[string, string]> = [
  ['bpmn:SubProcess', 'サブプロセス'],
  ['bpmn:CallActivity', '呼び出しアクティビティ'],
  ['bpmn:Task', 'タスク'],
  ['bpmn:Gateway', 'ゲートウェイ'],
  ['bpmn:StartEvent', '開始イベント'],
  ['bpmn:EndEvent', '終了イベント'],
  ['bpmn:BoundaryEvent', '境界イベント'],
  ['bpmn:Event', 'イベント'],
  ['bpmn:SequenceFlow', 'シーケンスフロー'],
  ['bpmn:MessageFlow', 'メッセージフロー'],
  ['bpmn:Process', 'プロセス'],
  ['bpmn:Participant', 'プール'],
  ['bpmn:Lane', 'レーン'],
  ['bpmn:Message', 'メッセージ'],
  ['bpmn:Signal', 'シグナル'],
  ['bpmn:Error', 'エラー'],
  ['bpmn:Escalation', 'エスカレーション'],
];

/** Japanese word for the kind of element, e.g. タスク, so a message reads naturally. */
export function kindOf(bo: Bo | undefined): string {
  if (!bo) return '要素';
  for (const [type, word] of KINDS) if (isAny(bo, [type])) return word;
  return '要素';
}

/**
 * Japanese text for what bpmnlint's own rules report (they report in English).
 * Keyed by rule, then by the exact English message; an unknown message keeps the English
 * after the element's label so nothing is silently lost.
 */
const BUILTIN: Record<string, Record<string, (label: string, kind: string) => string>> = {
  'no-disconnected': {
    'Element is not connected': (l, k) => `${k}${l} がどのシーケンスフローにもつながっていません`,
  },
  'start-event-required': {
    'Process is missing start event': (l) => `プロセス${l} に開始イベントがありません`,
    'Sub process is missing start event': (l) => `サブプロセス${l} に開始イベントがありません`,
  },
  'end-event-required': {
    'Process is missing end event': (l) => `プロセス${l} に終了イベントがありません`,
    'Sub process is missing end event': (l) => `サブプロセス${l} に終了イベントがありません`,
  },
  'label-required': {
    'Element is missing label/name': (l, k) => `${k}${l} に名前がありません（図の上で何の${k}か分かるように名前を付けてください）`,
  },
  'no-duplicate-sequence-flows': {
    'SequenceFlow is a duplicate': (l) => `シーケンスフロー${l} は同じ接続元・接続先・条件のフローと重複しています`,
    'Duplicate outgoing sequence flows': (l, k) => `${k}${l} から重複したシーケンスフローが出ています`,
    'Duplicate incoming sequence flows': (l, k) => `${k}${l} に重複したシーケンスフローが入っています`,
  },
  'no-bpmndi': {
    'Element is missing bpmndi': (l, k) => `${k}${l} は図に描かれていません（図形の位置情報がありません）`,
  },
  global: {
    'Element is missing name': (l, k) => `${k}${l} に名前がありません`,
    'Element is unused': (l, k) => `${k}${l} はどこからも使われていません`,
    'Element name is not unique': (l, k) => `${k}${l} と同じ名前の${k}が他にもあります`,
  },
};

export function translateBuiltin(rule: string, message: string, bo: Bo | undefined, id: string | undefined): string {
  const say = BUILTIN[rule]?.[message];
  const label = labelOf(bo, id);
  return say ? say(label, kindOf(bo)) : `${label}: ${message}`;
}

export const isBuiltinRule = (rule: string): boolean => rule in BUILTIN;

export function crashMessage(rule: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `ルール ${rule} の実行中にエラーが発生したため、このルールの検査を中断しました（${detail}）`;
}
