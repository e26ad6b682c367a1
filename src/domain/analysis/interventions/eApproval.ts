import { sampledMean } from '../sensitivityAnalytic';
import { estimatedNote, flowOrder, fmt, nameOf, num, resolveParams } from './common';
import { describeDistribution } from './editor';
import type { InterventionTemplate, PlannedChange, TemplateParamSpec } from './types';

/**
 * 電子決裁: waits in business days on approval steps (paper carried desk to desk) shrink to an electronic
 * wait; printing, stamping and filing steps go; no step handles paper any more.
 */

const PAPER_WORK = /印刷|押印|ファイリング|綴り|綴じ|保存|編綴/;
/** Steps that also do real work (drafting, review, sending) stay even when they print or stamp. */
const REAL_WORK = /作成|修正|訂正|交付|発送|郵送|送付|審査|決裁|確認/;
const APPROVAL = /決裁|審査|承認|回議|合議|押印/;
// 「決裁文書を印刷」 is printing, not approving.
const isPaperOnly = (name: string) => PAPER_WORK.test(name) && !REAL_WORK.test(name.replace(/決裁(文書|用紙|用)/g, ''));

export const E_APPROVAL_PARAMS: TemplateParamSpec[] = [
  {
    key: 'electronicLagBusinessDays',
    label: '電子決裁の待ち時間（1段階）',
    unit: '営業日',
    type: { kind: 'quantity' },
    default: { value: 0.5, source: 'assumption', derivation: '決裁者が当日〜翌日に処理する前提（紙の持ち回り待ちは不要）' },
  },
];

export const eApprovalTemplate: InterventionTemplate = {
  id: 'e-approval',
  label: '電子決裁',
  description: '紙の回議を電子決裁に切り替え、印刷・押印・ファイリングをなくします。',
  params: E_APPROVAL_PARAMS,
  suggest(editor) {
    return flowOrder(editor).filter((id) => {
      const el = editor.byId(id);
      if (!el || !/Task$/.test(el.$type)) return false;
      return (
        (editor.step(id)?.lag?.unit === 'businessDays' && APPROVAL.test((el.name as string | undefined) ?? '')) ||
        isPaperOnly((el.name as string | undefined) ?? '')
      );
    });
  },
  plan(editor, selection, given) {
    const { values } = resolveParams(E_APPROVAL_PARAMS, given);
    const lagDays = Math.max(0, num(values.electronicLagBusinessDays, 0.5));
    const overridden = typeof given.electronicLagBusinessDays === 'number';
    const ids = selection.length ? selection : this.suggest(editor);
    const approvals = ids.filter((id) => editor.step(id)?.lag?.unit === 'businessDays');
    // What the user ticks is removed as paper work; the automatic pick only takes pure paper steps.
    const paper = ids.filter(
      (id) => !approvals.includes(id) && (selection.length ? PAPER_WORK.test(nameOf(editor, id)) || selection.includes(id) : isPaperOnly(nameOf(editor, id))),
    );
    const warnings = ids
      .filter((id) => !approvals.includes(id) && !paper.includes(id))
      .map((id) => `${nameOf(editor, id)}(${id}) は営業日単位の待ちも、印刷・押印・ファイリングの作業もないため対象外にしました`);
    const changes: PlannedChange[] = [];
    for (const id of approvals) {
      const ann = editor.step(id)!;
      const lag = ann.lag!;
      const before = sampledMean(lag.distribution);
      const after = Math.min(before, lagDays);
      changes.push({
        id: `e-approval:modified:${id}`,
        kind: 'modified',
        elementId: id,
        elementName: nameOf(editor, id),
        description: `「${nameOf(editor, id)}」を電子決裁にします。決裁待ち 平均${fmt(before)}営業日 → ${fmt(after)}営業日${estimatedNote('assumption', overridden)}${ann.paperSheets ? `、紙 ${fmt(ann.paperSheets)}枚 → 0枚` : ''}`,
        before: `待ち時間: ${describeDistribution(lag.distribution).replace(/分/g, '営業日')}`,
        after: `待ち時間: ${fmt(after)}営業日`,
        apply: (ed) =>
          ed.setStep(id, {
            ...ann,
            lag: { distribution: { type: 'fixed', value: after }, unit: 'businessDays', reason: '電子決裁' },
            paperSheets: ann.paperSheets !== undefined ? 0 : undefined,
            automation: 'e-approval',
          }),
      });
    }
    for (const id of paper) {
      const ann = editor.step(id);
      changes.push({
        id: `e-approval:removed:${id}`,
        kind: 'removed',
        elementId: id,
        elementName: nameOf(editor, id),
        description: `紙の作業「${nameOf(editor, id)}」をなくします（職員 平均${fmt(ann?.staffTime ? sampledMean(ann.staffTime) : 0)}分/件）`,
        before: `職員処理時間: ${describeDistribution(ann?.staffTime)}`,
        apply: (ed) => ed.removeNode(id),
      });
    }
    // Paper elsewhere in the process is no longer printed either.
    for (const id of flowOrder(editor)) {
      if (approvals.includes(id) || paper.includes(id)) continue;
      const ann = editor.step(id);
      if (!ann?.paperSheets) continue;
      changes.push({
        id: `e-approval:modified:${id}:paper`,
        kind: 'modified',
        elementId: id,
        elementName: nameOf(editor, id),
        description: `「${nameOf(editor, id)}」の紙 ${fmt(ann.paperSheets)}枚 → 0枚（電子文書で処理）`,
        before: `紙の枚数: ${fmt(ann.paperSheets)}枚`,
        after: '紙の枚数: 0枚',
        apply: (ed) => ed.setStep(id, { ...ed.step(id)!, paperSheets: 0 }),
      });
    }
    return { changes, costs: () => ({}), warnings };
  },
};
