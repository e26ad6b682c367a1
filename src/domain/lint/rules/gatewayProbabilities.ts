import { branchFindingMessage, checkBranchProbabilities, splitRuleOf } from '../../model/branchProbabilities';
import { labelOf } from '../messages';
import { type Bo, nameOf, outgoingOf } from '../model';
import { probabilityOf } from '../read';
import type { Reporter, RuleDefinition } from '../types';

/**
 * bpr/gateway-probabilities — the simulator routes a case by these numbers, so they must add up.
 *
 * The rule itself (exclusive and event-based gateways sum to 100 % ±0.01, the default flow may take
 * the remainder; inclusive flows are independent) is model/branchProbabilities.ts, shared with the
 * panel's validation and the simulator, so lint, validate and simulate never disagree.
 */

export function flowLabel(flow: Bo): string {
  if (nameOf(flow)) return labelOf(flow);
  const target = flow.targetRef;
  return nameOf(target) ? `「→${nameOf(target)}」(${flow.id})` : `(${flow.id})`;
}

export default function gatewayProbabilities(): RuleDefinition {
  return {
    check(node: Bo, reporter: Reporter) {
      const rule = splitRuleOf(node.$type);
      if (!rule) return;
      const flows = outgoingOf(node);
      if (flows.length < 2) return;
      const values = flows.map((f) => ({ label: flowLabel(f), probability: probabilityOf(f), isDefault: f === node.default }));
      const finding = checkBranchProbabilities(rule, values);
      if (!finding) return;
      const message = branchFindingMessage(finding, labelOf(node), values);
      // A number out of range is a property of that flow: select it, not the gateway.
      if (finding.code === 'out-of-range') for (const i of finding.flowIndexes) reporter.report(flows[i].id, message);
      else reporter.report(node.id, message);
    },
  };
}
