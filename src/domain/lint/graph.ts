import { is, isAny } from 'bpmnlint-utils';
import { type Bo, allContainers, flowElementsOf, isFlowNode, messageFlowsOf } from './model';

/**
 * The diagram as a directed graph of flow nodes: how a case (or a message) can move from one
 * element to the next. Shared by no-unreachable (what a case can reach) and loop-has-exit
 * (where it can get stuck).
 */

export interface Edge {
  to: Bo;
  /** The sequence flow behind the edge, when there is one (for its probability). */
  flow?: Bo;
}

export type Graph = Map<Bo, Edge[]>;

const addEdge = (g: Graph, from: Bo, edge: Edge) => {
  const list = g.get(from);
  if (list) list.push(edge);
  else g.set(from, [edge]);
};

const isEventSubProcess = (bo: Bo) => is(bo, 'bpmn:SubProcess') && !!bo.triggeredByEvent;
const linkName = (ev: Bo): string | undefined => (ev.eventDefinitions ?? []).find((d: Bo) => is(d, 'bpmn:LinkEventDefinition'))?.name;

/** Sequence flows, boundary events (as edges from their activity) and link throw → catch, per container. */
export function sequenceGraph(definitions: Bo): Graph {
  const g: Graph = new Map();
  for (const container of allContainers(definitions)) {
    const elements = flowElementsOf(container);
    for (const el of elements) {
      if (is(el, 'bpmn:SequenceFlow') && el.sourceRef && el.targetRef) addEdge(g, el.sourceRef, { to: el.targetRef, flow: el });
      else if (is(el, 'bpmn:BoundaryEvent') && el.attachedToRef) addEdge(g, el.attachedToRef, { to: el });
    }
    const throws = elements.filter((e) => is(e, 'bpmn:IntermediateThrowEvent') && linkName(e) !== undefined);
    const catches = elements.filter((e) => is(e, 'bpmn:IntermediateCatchEvent') && linkName(e) !== undefined);
    for (const t of throws) for (const c of catches) if (linkName(c) === linkName(t)) addEdge(g, t, { to: c });
  }
  return g;
}

/**
 * Where a container starts its work: its start events, or — BPMN's rule for scopes without one —
 * every node without an incoming sequence flow. An ad-hoc sub-process may start anywhere.
 */
export function entryNodes(container: Bo): Bo[] {
  const nodes = flowElementsOf(container).filter((e) => isFlowNode(e) && !is(e, 'bpmn:BoundaryEvent') && !isEventSubProcess(e) && !e.isForCompensation);
  if (is(container, 'bpmn:AdHocSubProcess')) return nodes;
  const starts = nodes.filter((e) => is(e, 'bpmn:StartEvent'));
  if (starts.length) return starts;
  const targets = new Set(
    flowElementsOf(container)
      .filter((e) => is(e, 'bpmn:SequenceFlow'))
      .map((f) => f.targetRef),
  );
  return nodes.filter((n) => !targets.has(n));
}

/** Everything a case can reach from the processes' start events, following sequence and message flows. */
export function reachableNodes(definitions: Bo): Set<Bo> {
  const g = sequenceGraph(definitions);
  const messageTargets: Graph = new Map();
  const externalTriggers: Bo[] = [];
  for (const mf of messageFlowsOf(definitions)) {
    if (!isFlowNode(mf.targetRef)) continue;
    if (isFlowNode(mf.sourceRef)) addEdge(messageTargets, mf.sourceRef, { to: mf.targetRef });
    // A message from a pool drawn as a black box: the outside world can send it at any time.
    else if (is(mf.sourceRef, 'bpmn:Participant')) externalTriggers.push(mf.targetRef);
  }

  const reached = new Set<Bo>();
  const queue: Bo[] = [];
  const reach = (n: Bo) => {
    if (n && !reached.has(n)) {
      reached.add(n);
      queue.push(n);
    }
  };
  const processes = ((definitions?.rootElements ?? []) as Bo[]).filter((r) => is(r, 'bpmn:Process'));
  for (const p of processes) entryNodes(p).forEach(reach);
  externalTriggers.forEach(reach);

  const enteredScopes = new Set<Bo>(processes);
  const enterScope = (scope: Bo) => {
    if (enteredScopes.has(scope)) return;
    enteredScopes.add(scope);
    entryNodes(scope).forEach(reach);
  };
  for (;;) {
    while (queue.length) {
      const n = queue.shift();
      for (const e of g.get(n) ?? []) reach(e.to);
      for (const e of messageTargets.get(n) ?? []) reach(e.to);
      if (is(n, 'bpmn:SubProcess')) enterScope(n);
    }
    // Event sub-processes wake up whenever their scope is running.
    let woke = false;
    for (const scope of [...enteredScopes])
      for (const el of flowElementsOf(scope))
        if (isEventSubProcess(el) && !reached.has(el) && [...reached].some((r) => r.$parent === scope)) {
          reach(el);
          woke = true;
        }
    if (!woke) break;
  }
  return reached;
}

/** Flow nodes that a report should consider: not compensation handlers and not event sub-processes. */
export function isOrdinaryNode(bo: Bo): boolean {
  return isFlowNode(bo) && !bo.isForCompensation && !isEventSubProcess(bo) && !isAny(bo, ['bpmn:DataObject']);
}

/** Tarjan's strongly connected components, iterative so a long process cannot overflow the stack. */
export function stronglyConnected(nodes: Bo[], g: Graph): Bo[][] {
  const index = new Map<Bo, number>();
  const low = new Map<Bo, number>();
  const onStack = new Set<Bo>();
  const stack: Bo[] = [];
  const out: Bo[][] = [];
  let counter = 0;
  const inScope = new Set(nodes);
  for (const root of nodes) {
    if (index.has(root)) continue;
    const succ = (n: Bo) => (g.get(n) ?? []).filter((e) => inScope.has(e.to)).map((e) => e.to);
    const work: Array<{ node: Bo; next: number; succ: Bo[] }> = [{ node: root, next: 0, succ: succ(root) }];
    index.set(root, counter);
    low.set(root, counter);
    counter++;
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      if (frame.next < frame.succ.length) {
        const w = frame.succ[frame.next++];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter);
          counter++;
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, next: 0, succ: succ(w) });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const comp: Bo[] = [];
        let w: Bo;
        do {
          w = stack.pop();
          onStack.delete(w);
          comp.push(w);
        } while (w !== frame.node);
        out.push(comp);
      }
    }
  }
  return out;
}
