/**
 * Orders the steps of a diagram the way a reader walks it: from the start events along the
 * sequence flows. Loops are cut where they return to a node already on the current path, so a
 * rework loop lists its steps where they are first reached. When several nodes are ready at once
 * (parallel branches, several starts), the one in the upper lane, then higher up, then further
 * left comes first, which matches how the diagram reads on screen.
 */
export interface FlowNode {
  id: string;
  /** Start events seed the walk; they are not steps themselves. */
  isStart: boolean;
  /** Whether the node is listed in the result (tasks, call activities, sub-processes). */
  isStep: boolean;
  /** Position of the node's lane (or pool) from the top; lower first. */
  laneRank: number;
  x: number;
  y: number;
}

export interface FlowEdge {
  source: string;
  target: string;
}

function compareNodes(a: FlowNode, b: FlowNode): number {
  return a.laneRank - b.laneRank || a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Edges that close a cycle when walking depth-first from the given roots. */
function backEdges(roots: FlowNode[], out: Map<string, string[]>, byId: Map<string, FlowNode>): Set<string> {
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<string>();
  for (const root of roots) {
    if (state.has(root.id)) continue;
    // Iterative DFS: deep diagrams must not overflow the stack.
    const stack: Array<{ id: string; next: number }> = [{ id: root.id, next: 0 }];
    state.set(root.id, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1];
      const targets = out.get(top.id) ?? [];
      if (top.next >= targets.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const t = targets[top.next++];
      if (!byId.has(t)) continue;
      const s = state.get(t);
      if (s === 'open') back.add(`${top.id}\u0000${t}`);
      else if (s === undefined) {
        state.set(t, 'open');
        stack.push({ id: t, next: 0 });
      }
    }
  }
  return back;
}

/** Ids of the step nodes in reading order; every step appears exactly once. */
export function orderSteps(nodes: FlowNode[], edges: FlowEdge[]): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, string[]>();
  for (const e of edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) continue;
    const list = out.get(e.source) ?? [];
    list.push(e.target);
    out.set(e.source, list);
  }
  // Sort successor lists so the depth-first cut is the same whatever order the file lists flows in.
  for (const list of out.values()) list.sort((a, b) => compareNodes(byId.get(a)!, byId.get(b)!));

  const starts = nodes.filter((n) => n.isStart).sort(compareNodes);
  const indegreeFromNothing = nodes.filter((n) => !edges.some((e) => e.target === n.id && byId.has(e.source)));
  // Roots: start events first, then nodes nothing flows into, then anything left (an isolated cycle).
  const roots = [...starts, ...indegreeFromNothing.filter((n) => !n.isStart).sort(compareNodes), ...[...nodes].sort(compareNodes)];
  const back = backEdges(roots, out, byId);

  const indegree = new Map<string, number>(nodes.map((n) => [n.id, 0]));
  for (const [s, targets] of out) {
    for (const t of targets) if (!back.has(`${s}\u0000${t}`)) indegree.set(t, (indegree.get(t) ?? 0) + 1);
  }

  const result: string[] = [];
  const placed = new Set<string>();
  const ready: FlowNode[] = [];
  const seed = (n: FlowNode) => {
    if (!placed.has(n.id) && !ready.includes(n) && (indegree.get(n.id) ?? 0) === 0) ready.push(n);
  };
  // Kahn's algorithm over the acyclic remainder; starts are released first so their branches lead.
  const drain = () => {
    while (ready.length) {
      ready.sort(compareNodes);
      const n = ready.shift()!;
      if (placed.has(n.id)) continue;
      placed.add(n.id);
      if (n.isStep) result.push(n.id);
      for (const t of out.get(n.id) ?? []) {
        if (back.has(`${n.id}\u0000${t}`)) continue;
        const d = (indegree.get(t) ?? 0) - 1;
        indegree.set(t, d);
        if (d === 0) ready.push(byId.get(t)!);
      }
    }
  };
  starts.forEach(seed);
  drain();
  for (const n of [...nodes].sort(compareNodes)) {
    seed(n);
    drain();
  }
  return result;
}
