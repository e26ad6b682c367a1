import type { Distribution } from '../../model/annotations';
import { annotatedTask, estimatedNote, fmt, isResidentStep, nameOf, num, resolveParams } from './common';
import { describeDistribution, type DiagramEditor } from './editor';
import type { ModdleElement } from '../../bpmn/bprAccess';
import type { InterventionTemplate, TemplateParamSpec } from './types';

/**
 * オンライン申請: a share of the cases applies online and skips the counter. A choice right after the
 * start sends them to an online review by staff, which joins the process after the last counter step.
 */

export const ONLINE_PARAMS: TemplateParamSpec[] = [
  {
    key: 'onlinePercent',
    label: 'オンラインで申請する割合',
    unit: '%',
    type: { kind: 'percent' },
    default: { value: 30, source: 'assumption', derivation: 'マイナポータル等の利用見込み。自団体の実績で上書きしてください' },
  },
  {
    key: 'reviewMinutes',
    label: 'オンライン申請の審査時間（1件）',
    unit: '分',
    type: { kind: 'minutes' },
    default: { value: 10, source: 'assumption', derivation: '画面で申請内容を確認し、基幹システムへ取り込む時間' },
  },
  {
    key: 'reviewRole',
    label: '審査する役割',
    unit: '',
    type: { kind: 'text' },
    default: { value: 'auto', source: 'assumption', derivation: '最初の窓口作業の担当' },
  },
];

export const onlineTemplate: InterventionTemplate = {
  id: 'online',
  label: 'オンライン申請',
  description: '一部の申請をオンラインで受け付け、窓口に来なくてよくします。',
  params: ONLINE_PARAMS,
  suggest(editor) {
    return mainPath(editor).filter((id) => {
      const el = editor.byId(id);
      if (!el || !/Task$/.test(el.$type)) return false;
      return annotatedTask(editor, id)?.residentTime !== undefined || isResidentStep(editor, id);
    });
  },
  plan(editor, selection, given) {
    const { values } = resolveParams(ONLINE_PARAMS, given);
    const share = Math.min(100, Math.max(0, num(values.onlinePercent)));
    const minutes = Math.max(0, num(values.reviewMinutes));
    const path = mainPath(editor);
    const counters = (selection.length ? selection : this.suggest(editor)).filter((id) => path.includes(id));
    const warnings: string[] = [];
    const start = path.length ? editor.byId(path[0]) : undefined;
    if (!start || !counters.length) {
      warnings.push('開始イベントから続く窓口の作業（住民の所要時間がある作業）が見つからないため、オンライン申請の分岐を追加できません');
      return { changes: [], costs: () => ({}), warnings };
    }
    const last = counters.reduce((a, b) => (path.indexOf(b) > path.indexOf(a) ? b : a));
    if (editor.outgoing(editor.must(last)).length !== 1) {
      warnings.push(`${nameOf(editor, last)}(${last}) の後ろに合流点を置けません（出ていくフローが1本ではありません）`);
      return { changes: [], costs: () => ({}), warnings };
    }
    const firstStaff = counters.find((id) => !isResidentStep(editor, id) && editor.step(id)?.staffTime);
    const role =
      values.reviewRole !== 'auto' && typeof values.reviewRole === 'string' ? values.reviewRole : ((firstStaff && editor.roleOf(firstStaff)) ?? undefined);
    const review: Distribution = { type: 'fixed', value: minutes };
    const autoRole =
      values.reviewRole === 'auto'
        ? {
            reviewRole: {
              text: role ?? '担当未設定',
              source: 'assumption' as const,
              derivation: firstStaff ? `最初の窓口作業「${nameOf(editor, firstStaff)}」の担当` : '窓口作業に担当がありません',
            },
          }
        : undefined;
    const startId = start.id as string;
    const b = editor.bounds(startId) ?? { x: 0, y: 0, width: 36, height: 36 };
    const lb = editor.bounds(last) ?? b;
    return {
      changes: [
        {
          id: `online:added:${startId}`,
          kind: 'added',
          elementId: `${startId}_OnlineReview`,
          elementName: 'オンライン申請の審査',
          description: `${fmt(share)}% の件がオンラインで申請し、窓口（${counters.map((id) => `「${nameOf(editor, id)}」`).join('、')}）を通らずに職員（${role ?? '担当未設定'}）が審査します（${fmt(minutes)}分/件）${estimatedNote('assumption', typeof given.onlinePercent === 'number')}`,
          after: `分岐: オンライン ${fmt(share)}% → 審査 ${describeDistribution(review)} → 「${nameOf(editor, last)}」の後に合流`,
          apply(ed) {
            const gw = ed.insertAfter(startId, {
              type: 'bpmn:ExclusiveGateway',
              idBase: `${startId}_OnlineGateway`,
              name: '申請方法',
              dx: b.width + 10,
              dy: -7 - 120,
            });
            const counterFlow = ed.outgoing(gw)[0];
            counterFlow.name = '窓口';
            ed.setProbability(counterFlow, 100 - share);
            const lastOut = ed.outgoing(ed.must(last))[0];
            const join = ed.insertOnFlow(lastOut.id as string, last, {
              type: 'bpmn:ExclusiveGateway',
              idBase: `${last}_OnlineJoin`,
              dx: lb.width + 10,
              dy: lb.height / 2 - 25 - 120,
            });
            const task = ed.addNode(gw, { type: 'bpmn:UserTask', idBase: `${startId}_OnlineReview`, name: 'オンライン申請の審査', dx: 100, dy: -15 });
            ed.setStep(task.id as string, { role, staffTime: review, automation: 'online' });
            ed.addFlow(gw, task, { probability: share, name: 'オンライン' });
            ed.addFlow(task, join);
          },
        },
      ],
      costs: () => ({}),
      warnings,
      autoValues: autoRole,
    };
  },
};

/** From the start with arrivals, the most likely successor each time, until an end or a repeat. */
export function mainPath(editor: DiagramEditor): string[] {
  const starts = editor.flowNodes().filter((n) => n.$type === 'bpmn:StartEvent' && editor.incoming(n).length === 0);
  const start = starts.find((s) => (s.extensionElements?.values ?? []).some((v) => v.$type === 'bpr:Arrivals')) ?? starts[0];
  const path: string[] = [];
  let node: ModdleElement | undefined = start;
  while (node && !path.includes(node.id as string)) {
    path.push(node.id as string);
    const out = editor.outgoing(node);
    if (!out.length) break;
    const prob = (f: ModdleElement) => {
      const p = typeof f.get === 'function' ? (f.get as (k: string) => unknown)('bpr:probability') : undefined;
      return p === undefined || p === null ? -1 : Number(p);
    };
    node = out.reduce((a, f) => (prob(f) > prob(a) ? f : a)).targetRef as ModdleElement;
  }
  return path;
}
