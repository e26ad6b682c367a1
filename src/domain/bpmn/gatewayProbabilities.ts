import { elementLabel, type AnnotationIssue, type FlowAnnotation } from '../model/annotations';
import { branchFindingMessage, checkBranchProbabilities, splitRuleOf } from '../model/branchProbabilities';
import { isA, type ModdleElement } from './bprAccess';
import { allFlowElements } from './walk';

/**
 * Gateway probabilities checked on the model (panel edits, reading a file, BIMP import) through the one
 * rule in model/branchProbabilities.ts, which lint and the simulator's compile step use too.
 */
export const EXCLUSIVE_SPLITS = ['bpmn:ExclusiveGateway', 'bpmn:EventBasedGateway'] as const;

export function isExclusiveSplit(bo: ModdleElement): boolean {
  return EXCLUSIVE_SPLITS.some((t) => isA(bo, t)) && ((bo.outgoing as unknown[] | undefined)?.length ?? 0) > 1;
}

const isSplit = (bo: ModdleElement) => splitRuleOf(bo.$type as string) !== null && ((bo.outgoing as unknown[] | undefined)?.length ?? 0) > 1;

/**
 * Issues of one gateway, or of every split of the definitions, by the shared rule in
 * model/branchProbabilities.ts. `flows` overrides what the model holds (absent key = use the model; key
 * with no probability = cleared), so an edit can be checked before it is applied. A split with no
 * probability entered at all is left to lint and the simulator, which report it as missing.
 */
export function validateGatewayProbabilities(target: ModdleElement, flows?: Record<string, FlowAnnotation | undefined>): AnnotationIssue[] {
  const gateways = isA(target, 'bpmn:Definitions') ? allFlowElements(target).filter(isSplit) : isSplit(target) ? [target] : [];
  const issues: AnnotationIssue[] = [];
  for (const gw of gateways) {
    const outgoing = (gw.outgoing as ModdleElement[]).filter(Boolean);
    const defaultId = (gw.default as ModdleElement | undefined)?.id;
    const values = outgoing.map((f) => {
      const fromModel = typeof f.get === 'function' ? f.get('bpr:probability') : f.probability;
      const p = flows && f.id && f.id in flows ? flows[f.id]?.probability : fromModel;
      return {
        label: elementLabel(f.id as string, f.name as string | undefined),
        probability: p === undefined || p === null ? undefined : Number(p),
        isDefault: f.id === defaultId,
      };
    });
    if (values.every((v) => v.probability === undefined)) continue;
    const finding = checkBranchProbabilities(splitRuleOf(gw.$type as string)!, values);
    if (!finding) continue;
    issues.push({
      elementId: gw.id as string,
      elementName: gw.name as string | undefined,
      path: 'probability',
      message: branchFindingMessage(finding, elementLabel(gw.id as string, gw.name as string | undefined), values),
    });
  }
  return issues;
}
