import { is } from 'bpmnlint-utils';
import { type Graph, sequenceGraph, stronglyConnected } from '../graph';
import { labelOf } from '../messages';
import { type Bo, allContainers, flowElementsOf, isFlowNode } from '../model';
import { probabilityOf } from '../read';
import type { Reporter, RuleDefinition } from '../types';

/**
 * bpr/loop-has-exit — a rework loop that a case can enter but never leave makes the simulation
 * run until its time limit. A flow with probability 0% is never taken, so it neither closes a
 * loop nor opens a way out; a flow without a probability counts as taken (gateway-probabilities
 * reports the missing number). A loop is reported once, on its first gateway.
 */

const MAX_NAMED = 5;

function withoutNeverTaken(g: Graph): Graph {
  const out: Graph = new Map();
  for (const [from, edges] of g)
    out.set(
      from,
      edges.filter((e) => !(e.flow && probabilityOf(e.flow) === 0)),
    );
  return out;
}

export default function loopHasExit(): RuleDefinition {
  return {
    check(node: Bo, reporter: Reporter) {
      if (!is(node, 'bpmn:Definitions')) return;
      const g = withoutNeverTaken(sequenceGraph(node));
      const nodes = allContainers(node).flatMap((c) => flowElementsOf(c).filter(isFlowNode));
      const order = new Map(nodes.map((n, i) => [n, i]));
      for (const comp of stronglyConnected(nodes, g)) {
        const members = new Set(comp);
        const cyclic = comp.length > 1 || (g.get(comp[0]) ?? []).some((e) => e.to === comp[0]);
        if (!cyclic) continue;
        const leaves = comp.some((n) => (g.get(n) ?? []).some((e) => !members.has(e.to)));
        if (leaves) continue;
        const sorted = [...comp].sort((a, b) => order.get(a)! - order.get(b)!);
        const anchor = sorted.find((n) => is(n, 'bpmn:Gateway')) ?? sorted[0];
        const named = sorted
          .slice(0, MAX_NAMED)
          .map((n) => labelOf(n))
          .join('、');
        const more = sorted.length > MAX_NAMED ? ` ほか ${sorted.length - MAX_NAMED} 個` : '';
        reporter.report(anchor.id, `${named}${more} のループから抜け出す経路がありません（ループの外へ出るフローがないか、その分岐確率がすべて 0% です）`);
      }
      return false;
    },
  };
}
