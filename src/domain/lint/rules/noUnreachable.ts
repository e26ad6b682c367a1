import { is } from 'bpmnlint-utils';
import { isOrdinaryNode, reachableNodes } from '../graph';
import { kindOf, labelOf } from '../messages';
import { type Bo, allContainers, flowElementsOf } from '../model';
import type { Reporter, RuleDefinition } from '../types';

/**
 * bpr/no-unreachable — a step no case can reach is either a drawing mistake (a missing flow) or
 * dead work the simulation would silently ignore. Reachability follows sequence flows, message
 * flows, boundary events, link events and the start of sub-processes; inside a sub-process that
 * is itself unreachable only the sub-process is reported, not each of its children.
 */
export default function noUnreachable(): RuleDefinition {
  return {
    check(node: Bo, reporter: Reporter) {
      if (!is(node, 'bpmn:Definitions')) return;
      const reached = reachableNodes(node);
      for (const container of allContainers(node)) {
        if (is(container, 'bpmn:SubProcess') && !reached.has(container)) continue;
        for (const el of flowElementsOf(container))
          if (isOrdinaryNode(el) && !reached.has(el))
            reporter.report(el.id, `${kindOf(el)}${labelOf(el)} は開始イベントから到達できません（どの経路からもたどり着けません）`);
      }
      return false;
    },
  };
}
