import type { Distribution } from '../../model/annotations';
import { DEFAULT_AUTOMATION_COSTS } from '../roi';
import { describeDistribution, scaleDistribution, type DiagramEditor } from './editor';
import { annotatedTask, estimatedNote, fmt, nameOf, num, resolveParams, type ParamValues } from './common';
import type { InterventionTemplate, PlannedChange, TemplateParamSpec } from './types';
import { sampledMean } from '../sensitivityAnalytic';

/**
 * RPA: the robot does the input; staff check the result; an exception share falls back to the manual
 * step. Expected staff minutes per case afterwards = check + exception × original, so with the default
 * check time (1 − reduction − exception) × original the published reduction holds on average.
 */

export const RPA_ROLE = 'RPA';

export const RPA_PARAMS: TemplateParamSpec[] = [
  {
    key: 'reductionPercent',
    label: '入力作業時間の削減率',
    unit: '%',
    type: { kind: 'percent' },
    default: { value: 84.9, source: 'yokohamaRpa', derivation: '横浜市 RPA 実証の平均削減率。自治体事例の幅は 45〜90%' },
    range: [45, 90],
  },
  {
    key: 'exceptionPercent',
    label: '例外で手作業に戻る割合',
    unit: '%',
    type: { kind: 'percent' },
    default: { value: 10, source: 'assumption', derivation: '読めないデータ・システムエラー等で手作業に戻る件数の見込み' },
  },
  {
    key: 'checkMinutes',
    label: '職員による確認時間（1件）',
    unit: '分',
    type: { kind: 'minutes' },
    default: { value: 'auto', source: 'yokohamaRpa', derivation: '元の作業時間 ×（1 − 削減率 − 例外率）。例外分の手作業と合わせて削減率どおりになる' },
  },
  {
    key: 'robotTimePercent',
    label: 'ロボットの処理時間（手作業に対する割合）',
    unit: '%',
    type: { kind: 'percent' },
    default: { value: 30, source: 'assumption', derivation: 'ロボットの処理は手作業より速い前提。職員時間には含まれない' },
  },
  {
    key: 'licenceYenPerRobotYear',
    label: 'ロボット1台の年間ライセンス料',
    unit: '円/年',
    type: { kind: 'yen' },
    default: DEFAULT_AUTOMATION_COSTS.licenceYenPerRobotYear,
  },
  {
    key: 'robots',
    label: 'ロボット台数',
    unit: '台',
    type: { kind: 'quantity', integer: true },
    min: 1,
    default: { value: 1, source: 'assumption', derivation: '選択した作業を1台で時間帯をずらして実行' },
  },
];

export const rpaTemplate: InterventionTemplate = {
  id: 'rpa',
  label: 'RPA（ロボットによる入力）',
  description: '職員の入力作業をロボットが行い、職員は結果を確認します。例外は手作業に戻ります。',
  params: RPA_PARAMS,
  suggest(editor) {
    return editor
      .tasks()
      .filter((t) => /入力|登録|転記|照合|集計/.test((t.name as string | undefined) ?? ''))
      .filter((t) => (editor.step(t.id as string)?.staffTime ? true : false))
      .map((t) => t.id as string);
  },
  plan(editor, selection, given) {
    const { values } = resolveParams(RPA_PARAMS, given);
    const overridden = (k: string) => given[k] !== undefined;
    const r = num(values.reductionPercent) / 100;
    const e = Math.min(1, Math.max(0, num(values.exceptionPercent) / 100));
    const robotK = num(values.robotTimePercent) / 100;
    const robots = Math.max(1, Math.ceil(num(values.robots, 1)));
    const warnings: string[] = [];
    const changes: PlannedChange[] = [];
    const licenceYen = robots * num(values.licenceYenPerRobotYear);
    // The robots are shared by every selected step: their licence goes into the To-Be once, with the first step.
    let licenceWritten = false;
    const writeLicence = (ed: DiagramEditor) => {
      if (licenceWritten) return;
      ed.addFixedCostPerYear(licenceYen);
      licenceWritten = true;
    };
    const autoCheck: string[] = [];
    for (const id of selection) {
      const ann = annotatedTask(editor, id);
      if (!ann?.staffTime) {
        warnings.push(`${nameOf(editor, id)}(${id}) は職員処理時間が入力されたタスクではないため、RPA化の対象から外しました`);
        continue;
      }
      if (typeof values.checkMinutes !== 'number')
        autoCheck.push(`「${nameOf(editor, id)}」${fmt(sampledMean(scaleDistribution(ann.staffTime, Math.max(0, 1 - r - e))))}分`);
      changes.push(...planOne(editor, id, ann.staffTime, ann.role, { r, e, robotK, robots, check: values.checkMinutes, overridden, writeLicence }));
    }
    const checkSpec = RPA_PARAMS.find((p) => p.key === 'checkMinutes')!;
    return {
      autoValues: autoCheck.length
        ? {
            checkMinutes: {
              text: autoCheck.join('、'),
              source: checkSpec.default.source,
              derivation: `元の作業時間 ×（1 − ${fmt(r * 100)}% − ${fmt(e * 100)}%）`,
            },
          }
        : undefined,
      changes,
      costs: (applied) => ({
        fixedYenPerYear: changes.some((c) => c.kind === 'modified' && applied.has(c.id)) ? licenceYen : 0,
      }),
      warnings,
    };
  },
};

interface RpaNumbers {
  r: number;
  e: number;
  robotK: number;
  robots: number;
  check: number | boolean | string;
  overridden: (key: string) => boolean;
  writeLicence: (ed: DiagramEditor) => void;
}

function planOne(editor: DiagramEditor, id: string, staff: Distribution, role: string | undefined, p: RpaNumbers): PlannedChange[] {
  const name = nameOf(editor, id);
  const original = editor.step(id)!;
  const robotTime = scaleDistribution(staff, p.robotK);
  const checkTime =
    typeof p.check === 'number' && p.check >= 0 ? { type: 'fixed' as const, value: p.check } : scaleDistribution(staff, Math.max(0, 1 - p.r - p.e));
  const T = sampledMean(staff);
  const c = sampledMean(checkTime);
  const expected = c + p.e * T;
  const mId = `rpa:modified:${id}`;
  const checkChange = `rpa:added:${id}:check`;
  const excChange = `rpa:added:${id}:exception`;
  const checkIdBase = `${id}_RpaCheck`;
  const b = editor.bounds(id) ?? { x: 0, y: 0, width: 100, height: 80 };
  const rowY = b.height + 40;

  return [
    {
      id: mId,
      kind: 'modified',
      elementId: id,
      elementName: name,
      description: `「${name}」をロボット（${RPA_ROLE}、24時間稼働）が実行します。職員の作業時間 平均${fmt(T)}分 → 確認${fmt(c)}分＋例外時の手作業 ${fmt(p.e * 100)}%（期待値 ${fmt(expected)}分/件）${estimatedNote('yokohamaRpa', p.overridden('reductionPercent') || p.overridden('checkMinutes'))}`,
      before: `担当: ${role ?? '未設定'}、職員処理時間: ${describeDistribution(staff)}`,
      after: `担当: ${RPA_ROLE}（ロボット）、ロボット処理時間: ${describeDistribution(robotTime)}`,
      apply(ed) {
        ed.ensureRobotRole(RPA_ROLE, p.robots);
        ed.setStep(id, { ...original, role: RPA_ROLE, staffTime: robotTime, residentTime: undefined, automation: 'rpa' });
        ed.must(id).name = `${name}（RPA）`;
        p.writeLicence(ed);
      },
    },
    {
      id: checkChange,
      kind: 'added',
      elementId: checkIdBase,
      elementName: `${name}の結果確認`,
      description: `ロボットの処理結果を職員（${role ?? '担当未設定'}）が確認します: ${describeDistribution(checkTime)}/件${estimatedNote('yokohamaRpa', p.overridden('checkMinutes') || p.overridden('reductionPercent'))}`,
      after: `職員処理時間: ${describeDistribution(checkTime)}`,
      dependsOn: [mId],
      apply(ed) {
        const node = ed.insertAfter(id, { type: 'bpmn:UserTask', idBase: checkIdBase, name: `${name}の結果確認`, dx: 0, dy: rowY });
        ed.setStep(node.id as string, { role, staffTime: checkTime, automation: 'none' });
      },
    },
    {
      id: excChange,
      kind: 'added',
      elementId: `${id}_RpaException`,
      elementName: `${name}（例外時の手作業）`,
      description: `ロボットで処理できない ${fmt(p.e * 100)}% の件は、職員が従来どおり手作業で「${name}」を行います${estimatedNote('assumption', p.overridden('exceptionPercent'))}`,
      after: `分岐: 例外 ${fmt(p.e * 100)}% → 手作業（${describeDistribution(staff)}）`,
      dependsOn: [mId],
      apply(ed) {
        const checkNode = ed.byId(checkIdBase) ? checkIdBase : undefined;
        const anchor = checkNode ?? id;
        const gw = ed.insertAfter(anchor, {
          type: 'bpmn:ExclusiveGateway',
          idBase: `${id}_RpaExceptionGateway`,
          name: 'ロボットで処理できたか',
          dx: b.width + 40,
          dy: rowY + 15,
          near: id,
        });
        const join = ed.insertAfter(gw.id as string, {
          type: 'bpmn:ExclusiveGateway',
          idBase: `${id}_RpaExceptionJoin`,
          dx: b.width + 300,
          dy: rowY + 15,
          near: id,
        });
        const normal = ed.outgoing(gw)[0];
        normal.name = '処理できた';
        ed.setProbability(normal, 100 - round6(p.e * 100));
        const manual = ed.addNode(ed.must(id), {
          type: 'bpmn:UserTask',
          idBase: `${id}_RpaException`,
          name: `${name}（例外時の手作業）`,
          dx: b.width + 130,
          dy: rowY + 100,
        });
        ed.setStep(manual.id as string, { ...original, residentTime: undefined, automation: 'none' });
        ed.addFlow(gw, manual, { probability: round6(p.e * 100), name: '例外' });
        ed.addFlow(manual, join);
      },
    },
  ];
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export type { ParamValues };
