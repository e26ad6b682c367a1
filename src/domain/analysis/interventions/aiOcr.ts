import type { Distribution } from '../../model/annotations';
import { sampledMean } from '../sensitivityAnalytic';
import { annotatedTask, estimatedNote, fmt, nameOf, num, resolveParams } from './common';
import { describeDistribution, scaleDistribution, type DiagramEditor } from './editor';
import type { InterventionTemplate, PlannedChange, TemplateParamSpec } from './types';

/**
 * AI-OCR: the manual data entry becomes machine reading (robot time per sheet, not staff time), staff
 * verify every case, and the cases with a misread sheet get a correction step. The default verification
 * time is what is left of the 別府市 reduction once the expected correction time is taken out.
 */

export const OCR_ROLE = 'AI-OCR';

/** 別府市: 7,627 h → 1,627 h per year. */
const BEPPU_REDUCTION = 1 - 1627 / 7627;

export const AI_OCR_PARAMS: TemplateParamSpec[] = [
  {
    key: 'reductionPercent',
    label: '入力作業時間の削減率',
    unit: '%',
    type: { kind: 'percent' },
    default: { value: Math.round(BEPPU_REDUCTION * 1000) / 10, source: 'beppuRpaOcr', derivation: '1 − 1,627 ÷ 7,627 = 78.7%' },
  },
  {
    key: 'accuracyPercent',
    label: '1枚あたりの認識精度（修正不要の割合）',
    unit: '%',
    type: { kind: 'percent' },
    default: { value: 95, source: 'assumption', derivation: '帳票の様式・手書きの有無で大きく変わるため要確認' },
  },
  {
    key: 'correctionPercent',
    label: '修正1回の時間（元の入力時間に対する割合）',
    unit: '%',
    type: { kind: 'percent' },
    default: { value: 50, source: 'assumption', derivation: '誤読した項目だけを画面で直す前提' },
  },
  {
    key: 'sheetsPerCase',
    label: '1件あたりの帳票枚数',
    unit: '枚',
    type: { kind: 'quantity', integer: true },
    min: 1,
    default: { value: 'auto', source: 'assumption', derivation: '各作業の紙の枚数（未入力なら1枚）' },
  },
  {
    key: 'secondsPerSheet',
    label: 'AI-OCR の読取時間（1枚）',
    unit: '秒',
    type: { kind: 'quantity' },
    default: { value: 20, source: 'assumption', derivation: 'スキャン・読取の機械時間。職員時間には含まれない' },
  },
  {
    key: 'yenPerSheet',
    label: '読取1枚あたりの費用',
    unit: '円/枚',
    type: { kind: 'yen' },
    default: { value: 10, source: 'assumption', derivation: '従量課金の概算' },
  },
  {
    key: 'fixedYenPerYear',
    label: 'AI-OCR の年間固定費',
    unit: '円/年',
    type: { kind: 'yen' },
    default: { value: 1_000_000, source: 'assumption', derivation: 'サービス基本料の概算' },
  },
];

export const aiOcrTemplate: InterventionTemplate = {
  id: 'ai-ocr',
  label: 'AI-OCR（紙の読取）',
  description: '紙からの手入力を AI-OCR の読取に置き換え、職員は読取結果を確認し、誤読があれば修正します。',
  params: AI_OCR_PARAMS,
  suggest(editor) {
    return editor
      .tasks()
      .filter((t) => /入力|転記|データ化/.test((t.name as string | undefined) ?? ''))
      .filter((t) => editor.step(t.id as string)?.staffTime !== undefined)
      .map((t) => t.id as string);
  },
  plan(editor, selection, given) {
    const { values } = resolveParams(AI_OCR_PARAMS, given);
    const over = (k: string) => given[k] !== undefined;
    const r = num(values.reductionPercent) / 100;
    const acc = Math.min(1, Math.max(0, num(values.accuracyPercent) / 100));
    const cf = Math.max(0, num(values.correctionPercent) / 100);
    const warnings: string[] = [];
    const changes: PlannedChange[] = [];
    const perSheet: Array<{ elementId: string; changeId: string; sheets: number }> = [];
    // One service fee however many steps read through it: written into the To-Be with the first step.
    let feeWritten = false;
    const writeFee = (ed: DiagramEditor) => {
      if (feeWritten) return;
      ed.addFixedCostPerYear(num(values.fixedYenPerYear));
      feeWritten = true;
    };
    for (const id of selection) {
      const ann = annotatedTask(editor, id);
      if (!ann?.staffTime) {
        warnings.push(`${nameOf(editor, id)}(${id}) は職員処理時間が入力されたタスクではないため、AI-OCR化の対象から外しました`);
        continue;
      }
      const sheets = typeof values.sheetsPerCase === 'number' ? Math.max(1, values.sheetsPerCase) : Math.max(1, ann.paperSheets ?? 1);
      const planned = planOne(editor, id, ann.staffTime, ann.role, {
        r,
        acc,
        cf,
        sheets,
        seconds: num(values.secondsPerSheet),
        over,
        yenPerCase: sheets * num(values.yenPerSheet),
        writeFee,
      });
      perSheet.push({ elementId: id, changeId: planned[0].id, sheets });
      changes.push(...planned);
    }
    const autoSheets = typeof values.sheetsPerCase === 'number' ? [] : perSheet.map((p) => `「${nameOf(editor, p.elementId)}」${p.sheets}枚`);
    return {
      autoValues: autoSheets.length
        ? { sheetsPerCase: { text: autoSheets.join('、'), source: 'assumption', derivation: '各作業の紙の枚数（未入力なら1枚）' } }
        : undefined,
      changes,
      costs: (applied) => {
        const used = perSheet.filter((p) => applied.has(p.changeId));
        return {
          fixedYenPerYear: used.length ? num(values.fixedYenPerYear) : 0,
          perExecution: used.map((p) => ({ elementId: p.elementId, yen: p.sheets * num(values.yenPerSheet) })),
        };
      },
      warnings,
    };
  },
};

interface OcrNumbers {
  r: number;
  acc: number;
  cf: number;
  sheets: number;
  seconds: number;
  over: (k: string) => boolean;
  /** Reading price of one case (sheets × price per sheet), carried by the OCR step as costPerCase. */
  yenPerCase: number;
  writeFee: (ed: DiagramEditor) => void;
}

function planOne(editor: DiagramEditor, id: string, staff: Distribution, role: string | undefined, p: OcrNumbers): PlannedChange[] {
  const name = nameOf(editor, id);
  const original = editor.step(id)!;
  const T = sampledMean(staff);
  // A case needs correcting when any of its sheets is misread.
  const pCorrect = 1 - p.acc ** p.sheets;
  const verifyK = Math.max(0, 1 - p.r - pCorrect * p.cf);
  const verifyTime = scaleDistribution(staff, verifyK);
  const correctTime = scaleDistribution(staff, p.cf);
  const ocrTime: Distribution = { type: 'fixed', value: Math.round(((p.seconds * p.sheets) / 60) * 1000) / 1000 };
  const expected = sampledMean(verifyTime) + pCorrect * sampledMean(correctTime);
  const mId = `ai-ocr:modified:${id}`;
  const verifyBase = `${id}_OcrVerify`;
  const b = editor.bounds(id) ?? { x: 0, y: 0, width: 100, height: 80 };
  const rowY = b.height + 40;
  const pct = (x: number) => Math.round(x * 1e6) / 1e4;
  return [
    {
      id: mId,
      kind: 'modified',
      elementId: id,
      elementName: name,
      description: `「${name}」を AI-OCR の読取（${p.sheets}枚、${fmt((p.seconds * p.sheets) / 60)}分、職員時間外）に置き換えます。職員の作業時間 平均${fmt(T)}分 → 確認と修正の期待値 ${fmt(expected)}分/件${estimatedNote('beppuRpaOcr', p.over('reductionPercent'))}`,
      before: `担当: ${role ?? '未設定'}、職員処理時間: ${describeDistribution(staff)}`,
      after: `担当: ${OCR_ROLE}（機械読取）、処理時間: ${describeDistribution(ocrTime)}`,
      apply(ed) {
        ed.ensureRobotRole(OCR_ROLE);
        const costPerCase = (original.costPerCase ?? 0) + Math.max(0, p.yenPerCase);
        ed.setStep(id, {
          ...original,
          role: OCR_ROLE,
          staffTime: ocrTime,
          residentTime: undefined,
          automation: 'ai-ocr',
          ...(costPerCase > 0 ? { costPerCase } : {}),
        });
        ed.must(id).name = `${name}（AI-OCR読取）`;
        p.writeFee(ed);
      },
    },
    {
      id: `ai-ocr:added:${id}:verify`,
      kind: 'added',
      elementId: verifyBase,
      elementName: `${name}の読取結果確認`,
      description: `職員（${role ?? '担当未設定'}）が読取結果を画面で確認します: ${describeDistribution(verifyTime)}/件${estimatedNote('beppuRpaOcr', p.over('reductionPercent'))}`,
      after: `職員処理時間: ${describeDistribution(verifyTime)}`,
      dependsOn: [mId],
      apply(ed) {
        const node = ed.insertAfter(id, { type: 'bpmn:UserTask', idBase: verifyBase, name: `${name}の読取結果確認`, dx: 0, dy: rowY });
        ed.setStep(node.id as string, { role, staffTime: verifyTime, automation: 'none' });
      },
    },
    {
      id: `ai-ocr:added:${id}:correction`,
      kind: 'added',
      elementId: `${id}_OcrCorrect`,
      elementName: `${name}の読取誤りの修正`,
      description: `認識精度 ${fmt(p.acc * 100)}%/枚 のため ${fmt(pCorrect * 100)}% の件で誤読を修正します（${describeDistribution(correctTime)}）${estimatedNote('assumption', p.over('accuracyPercent'))}`,
      after: `分岐: 修正あり ${fmt(pCorrect * 100)}% → 修正（${describeDistribution(correctTime)}）`,
      dependsOn: [mId],
      apply(ed) {
        const anchor = ed.byId(verifyBase) ? verifyBase : id;
        const gw = ed.insertAfter(anchor, {
          type: 'bpmn:ExclusiveGateway',
          idBase: `${id}_OcrGateway`,
          name: '読取誤りがあるか',
          dx: b.width + 40,
          dy: rowY + 15,
          near: id,
        });
        const join = ed.insertAfter(gw.id as string, { type: 'bpmn:ExclusiveGateway', idBase: `${id}_OcrJoin`, dx: b.width + 300, dy: rowY + 15, near: id });
        const ok = ed.outgoing(gw)[0];
        ok.name = '誤りなし';
        ed.setProbability(ok, 100 - pct(pCorrect));
        const fix = ed.addNode(ed.must(id), {
          type: 'bpmn:UserTask',
          idBase: `${id}_OcrCorrect`,
          name: `${name}の読取誤りの修正`,
          dx: b.width + 130,
          dy: rowY + 100,
        });
        ed.setStep(fix.id as string, { role, staffTime: correctTime, automation: 'none' });
        ed.addFlow(gw, fix, { probability: pct(pCorrect), name: '誤りあり' });
        ed.addFlow(fix, join);
      },
    },
  ];
}
