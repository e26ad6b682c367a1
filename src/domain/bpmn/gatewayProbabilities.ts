import { elementLabel, type AnnotationIssue, type FlowAnnotation } from '../model/annotations';
import { isA, type ModdleElement } from './bprAccess';
import { allFlowElements } from './walk';

/**
 * Where exactly one outgoing flow is taken, the workshop's percentages must add up to 100.
 * The gateway's default flow may be left empty: it takes the remainder, so the others may not exceed 100.
 * Inclusive gateways take several flows at once, so their percentages are independent.
 * The lint rule bpr/gateway-probabilities and the simulator's compile step read gateways the same way.
 */
export const EXCLUSIVE_SPLITS = ['bpmn:ExclusiveGateway', 'bpmn:EventBasedGateway'] as const;

const TOLERANCE = 1e-6;

const formatPct = (n: number) => `${Math.round(n * 1000) / 1000}%`;

export function isExclusiveSplit(bo: ModdleElement): boolean {
  return EXCLUSIVE_SPLITS.some((t) => isA(bo, t)) && ((bo.outgoing as unknown[] | undefined)?.length ?? 0) > 1;
}

/**
 * Issues of one gateway, or of every exclusive split of the definitions. `flows` overrides what the
 * model holds (absent key = use the model; key with no probability = cleared), so an edit can be
 * checked before it is applied.
 */
export function validateGatewayProbabilities(
  target: ModdleElement,
  flows?: Record<string, FlowAnnotation | undefined>,
): AnnotationIssue[] {
  const gateways = isA(target, 'bpmn:Definitions') ? allFlowElements(target).filter(isExclusiveSplit) : isExclusiveSplit(target) ? [target] : [];
  const issues: AnnotationIssue[] = [];
  for (const gw of gateways) {
    const outgoing = (gw.outgoing as ModdleElement[]).filter(Boolean);
    const values = outgoing.map((f) => {
      const fromModel = typeof f.get === 'function' ? f.get('bpr:probability') : f.probability;
      const p = flows && f.id && f.id in flows ? flows[f.id]?.probability : fromModel;
      return { id: f.id as string, name: f.name as string | undefined, p: p === undefined || p === null ? undefined : Number(p) };
    });
    const defaultId = (gw.default as ModdleElement | undefined)?.id;
    const openDefault = values.find((v) => v.id === defaultId && v.p === undefined);
    const set = values.filter((v) => v.p !== undefined);
    if (set.length === 0) continue;
    const where = `${elementLabel(gw.id as string, gw.name as string | undefined)}の分岐確率`;
    const list = values.map((v) => `${elementLabel(v.id, v.name)} ${v.p === undefined ? '未入力' : formatPct(v.p)}`).join('、');
    if (set.length < values.length - (openDefault ? 1 : 0)) {
      issues.push({
        elementId: gw.id as string,
        elementName: gw.name as string | undefined,
        path: 'probability',
        message: `${where}: 確率が未入力の流れがあります（${list}）。すべての流れに入力するか、すべて空にしてください`,
      });
      continue;
    }
    const sum = set.reduce((a, v) => a + (v.p as number), 0);
    if (openDefault && sum > 100 + TOLERANCE)
      issues.push({
        elementId: gw.id as string,
        elementName: gw.name as string | undefined,
        path: 'probability',
        message: `${where}: 既定の流れ以外の合計が ${formatPct(sum)} で 100% を超えています（${list}）`,
      });
    else if (!openDefault && Math.abs(sum - 100) > TOLERANCE)
      issues.push({
        elementId: gw.id as string,
        elementName: gw.name as string | undefined,
        path: 'probability',
        message: `${where}: 合計が ${formatPct(sum)} です。合計を 100% にしてください（${list}）`,
      });
  }
  return issues;
}
