import { sampledMean } from '../sensitivityAnalytic';
import { annotatedTask, estimatedNote, flowOrder, fmt, isResidentStep, nameOf, num, resolveParams } from './common';
import { describeDistribution, scaleDistribution, type DiagramEditor } from './editor';
import type { ModdleElement } from '../../bpmn/bprAccess';
import type { InterventionTemplate, PlannedChange, TemplateParamSpec } from './types';

/**
 * 書かない窓口: the resident no longer fills in forms; the counter staff listen and enter. The writing
 * steps disappear and the counter step takes the published before/after ratio (浜松市 届出 54 → 45 分,
 * 岩見沢市 証明書 18 → 10 分). ワンストップ also removes the forms written again at later counters.
 */

const WRITING = /記入|記載|書く|書き/;

const FACTOR = {
  notification: { value: (45 / 54) * 100, source: 'hamamatsuKakanai' as const, derivation: '浜松市 届出 54分 → 45分（45 ÷ 54）' },
  certificate: { value: (10 / 18) * 100, source: 'iwamizawaKakanai' as const, derivation: '岩見沢市 証明書交付 18分 → 10分（10 ÷ 18）' },
};

const KIND_OPTIONS = [
  { value: 'notification', label: '届出' },
  { value: 'certificate', label: '証明書' },
] as const;
const KIND_LABEL: Record<keyof typeof FACTOR, string> = { notification: '届出', certificate: '証明書' };

export const KAKANAI_PARAMS: TemplateParamSpec[] = [
  {
    key: 'counterKind',
    label: '窓口の種類',
    unit: '',
    type: { kind: 'choice', options: KIND_OPTIONS },
    default: { value: 'notification', source: 'hamamatsuKakanai', derivation: '届出は浜松市、証明書は岩見沢市の実績を使う' },
  },
  {
    key: 'counterFactorPercent',
    label: '窓口の処理時間（現行に対する割合）',
    unit: '%',
    type: { kind: 'percent' },
    max: 200,
    default: { value: 'auto', source: 'hamamatsuKakanai', derivation: '届出 45 ÷ 54 = 83.33%（浜松市）、証明書 10 ÷ 18 = 55.56%（岩見沢市）' },
  },
  {
    key: 'oneStop',
    label: 'ワンストップ（後の窓口での書き直しもなくす）',
    unit: '',
    type: { kind: 'boolean' },
    default: { value: false, source: 'assumption', derivation: '関係課の申請書も同じ窓口で作成する場合に選ぶ' },
  },
];

export const kakanaiTemplate: InterventionTemplate = {
  id: 'kakanai',
  label: '書かない窓口',
  description: '住民が申請書を書く作業をなくし、窓口の職員が聞き取って入力します。',
  params: KAKANAI_PARAMS,
  suggest(editor) {
    return writingSteps(editor, true);
  },
  plan(editor, selection, given) {
    const { values } = resolveParams(KAKANAI_PARAMS, given);
    const kind = values.counterKind === 'certificate' ? 'certificate' : 'notification';
    const factorSource = FACTOR[kind];
    const factor = (typeof values.counterFactorPercent === 'number' ? values.counterFactorPercent : factorSource.value) / 100;
    const overridden = typeof given.counterFactorPercent === 'number';
    const selectedWriting = selection.filter((id) => isResidentStep(editor, id));
    const selectedCounters = selection.filter((id) => !isResidentStep(editor, id) && annotatedTask(editor, id)?.staffTime);
    const writing = selectedWriting.length ? selectedWriting : writingSteps(editor, values.oneStop === true);
    const counters = selectedCounters.length ? selectedCounters : unique(writing.map((w) => nextCounter(editor, w)).filter((x): x is string => !!x));
    const warnings: string[] = [];
    if (!writing.length) warnings.push('住民が記入する作業（担当が「住民」で名前に「記入」「記載」「書く」を含むタスク）が見つかりませんでした');
    const changes: PlannedChange[] = [];
    for (const id of writing) {
      const name = nameOf(editor, id);
      const ann = editor.step(id);
      const resident = ann?.residentTime ? sampledMean(ann.residentTime) : 0;
      changes.push({
        id: `kakanai:removed:${id}`,
        kind: 'removed',
        elementId: id,
        elementName: name,
        description: `住民による「${name}」をなくします（住民の記入時間 平均${fmt(resident)}分 → 0分）`,
        before: `住民の所要時間: ${describeDistribution(ann?.residentTime)}`,
        apply: (ed) => ed.removeNode(id),
      });
    }
    for (const id of counters) {
      const name = nameOf(editor, id);
      const ann = editor.step(id)!;
      const staff = ann.staffTime ? scaleDistribution(ann.staffTime, factor) : undefined;
      const resident = ann.residentTime ? scaleDistribution(ann.residentTime, factor) : undefined;
      changes.push({
        id: `kakanai:modified:${id}`,
        kind: 'modified',
        elementId: id,
        elementName: name,
        description: `「${name}」で職員が聞き取って入力します。窓口の処理時間 × ${fmt(factor * 100)}%（職員 平均${fmt(ann.staffTime ? sampledMean(ann.staffTime) : 0)}分 → ${fmt(staff ? sampledMean(staff) : 0)}分）${estimatedNote(factorSource.source, overridden)}`,
        before: `職員処理時間: ${describeDistribution(ann.staffTime)}、住民の所要時間: ${describeDistribution(ann.residentTime)}`,
        after: `職員処理時間: ${describeDistribution(staff)}、住民の所要時間: ${describeDistribution(resident)}`,
        apply: (ed) => ed.setStep(id, { ...ann, staffTime: staff, residentTime: resident, automation: 'kakanai' }),
      });
    }
    const kindLabel = KIND_LABEL[kind];
    return {
      changes,
      costs: () => ({}),
      warnings,
      autoValues: overridden
        ? undefined
        : { counterFactorPercent: { text: `${fmt(factorSource.value)}%（${kindLabel}）`, source: factorSource.source, derivation: factorSource.derivation } },
    };
  },
};

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** Resident writing steps in the order the process reaches them; only the first unless ワンストップ. */
export function writingSteps(editor: DiagramEditor, all: boolean): string[] {
  const found = flowOrder(editor).filter((id) => {
    const el = editor.byId(id);
    return el && /Task$/.test(el.$type) && isResidentStep(editor, id) && WRITING.test((el.name as string | undefined) ?? '');
  });
  return all ? found : found.slice(0, 1);
}

/** The first staff step after a writing step: the counter where the form is handed in. */
function nextCounter(editor: DiagramEditor, from: string): string | undefined {
  const seen = new Set<string>([from]);
  const queue = editor.outgoing(editor.must(from)).map((f) => f.targetRef as ModdleElement);
  while (queue.length) {
    const n = queue.shift()!;
    const id = n.id as string;
    if (seen.has(id)) continue;
    seen.add(id);
    if (/Task$/.test(n.$type) && !isResidentStep(editor, id) && editor.step(id)?.staffTime && num(sampledMean(editor.step(id)!.staffTime!)) > 0) return id;
    for (const f of editor.outgoing(n)) queue.push(f.targetRef as ModdleElement);
  }
  return undefined;
}
