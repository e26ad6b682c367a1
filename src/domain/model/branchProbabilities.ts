/**
 * The one rule for the probabilities on the flows out of a split, used by lint (bpr/gateway-probabilities),
 * the panel's and the importer's validation (bpmn/gatewayProbabilities.ts), the simulator's compile step
 * and therefore the worker and the CLI.
 *
 * - Exclusive split (exclusive gateway, event-based gateway): exactly one flow is taken, so the
 *   percentages add up to 100 within ±0.01 points (33.33 × 3 passes). The default flow may be left empty:
 *   it takes the remainder, and the others may not exceed 100.
 * - Inclusive split: each flow is taken on its own, so each needs a percentage (the default flow may be
 *   empty: it is taken when no other is) and, without a default flow, at least one must be above 0.
 * - Every percentage lies in 0–100.
 */

/** ±0.01 percentage points, inclusive; the epsilon absorbs binary rounding of 33.33 + 33.33 + 33.34. */
export const BRANCH_SUM_TOLERANCE = 0.01 + 1e-9;

export type SplitRule = 'exclusive' | 'inclusive';

/** Which rule a BPMN element type follows as a split, or null when it is not a probabilistic split. */
export function splitRuleOf(bpmnType: string): SplitRule | null {
  if (bpmnType === 'bpmn:ExclusiveGateway' || bpmnType === 'bpmn:EventBasedGateway') return 'exclusive';
  if (bpmnType === 'bpmn:InclusiveGateway') return 'inclusive';
  return null;
}

export interface BranchInput {
  /** Percentage 0–100, undefined when not entered. */
  probability: number | undefined;
  isDefault: boolean;
}

export type BranchFinding =
  | { code: 'out-of-range'; flowIndexes: number[] }
  | { code: 'missing'; flowIndexes: number[] }
  | { code: 'over-100-besides-default'; sum: number }
  | { code: 'sum-not-100'; sum: number }
  | { code: 'all-zero' };

/** The first problem of one split's flows (a split has one), or null when the numbers can be used as they are. */
export function checkBranchProbabilities(rule: SplitRule, flows: readonly BranchInput[]): BranchFinding | null {
  if (flows.length < 2) return null;
  const outOfRange = flows.flatMap((f, i) => (f.probability !== undefined && !(f.probability >= 0 && f.probability <= 100) ? [i] : []));
  if (outOfRange.length) return { code: 'out-of-range', flowIndexes: outOfRange };
  const openDefault = flows.some((f) => f.isDefault && f.probability === undefined);
  const missing = flows.flatMap((f, i) => (f.probability === undefined && !f.isDefault ? [i] : []));
  if (missing.length) return { code: 'missing', flowIndexes: missing };
  const sum = flows.reduce((s, f) => s + (f.probability ?? 0), 0);
  if (rule === 'inclusive') {
    if (!openDefault && flows.every((f) => (f.probability ?? 0) <= 0)) return { code: 'all-zero' };
    return null;
  }
  if (openDefault) return sum > 100 + BRANCH_SUM_TOLERANCE ? { code: 'over-100-besides-default', sum } : null;
  return Math.abs(sum - 100) > BRANCH_SUM_TOLERANCE ? { code: 'sum-not-100', sum } : null;
}

const pct = (x: number) => `${Math.round(x * 100) / 100}%`;

/**
 * The finding in Japanese, the same words wherever it is shown. `gateway` is the split's label and
 * `flows` the label and value of each flow, in the order given to checkBranchProbabilities.
 */
export function branchFindingMessage(finding: BranchFinding, gateway: string, flows: readonly { label: string; probability: number | undefined }[]): string {
  const list = flows.map((f) => `${f.label} ${f.probability === undefined ? '未入力' : pct(f.probability)}`).join('、');
  switch (finding.code) {
    case 'out-of-range':
      return `${gateway}の分岐確率: ${finding.flowIndexes.map((i) => `${flows[i].label} ${pct(flows[i].probability ?? 0)}`).join('、')} は 0〜100% の範囲外です`;
    case 'missing':
      return `${gateway}の分岐確率: ${finding.flowIndexes.map((i) => flows[i].label).join('、')} が未入力です（${list}）。合計 100% になるよう入力してください`;
    case 'over-100-besides-default':
      return `${gateway}の分岐確率: 既定の流れ以外の合計が ${pct(finding.sum)} で 100% を超えています（${list}）`;
    case 'sum-not-100':
      return `${gateway}の分岐確率: 合計が ${pct(finding.sum)} です。合計を 100% にしてください（${list}）`;
    case 'all-zero':
      return `${gateway}の分岐確率がすべて 0% です。少なくとも 1 つは 0% より大きくするか、既定の流れを設けてください（${list}）`;
  }
}
