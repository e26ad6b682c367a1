import { elementLabel } from '../model/annotations';
import type { SimIssue, SimModel } from './model';

/**
 * Loops a token can enter but never leave: a strongly connected part of the flow graph with no way out
 * of positive probability (no exiting branch, no boundary timer). Such a model would run forever, so it is
 * reported before any case starts, naming a gateway (or the first element) of the loop.
 */
export function findRunawayLoops(model: SimModel): SimIssue[] {
  const nodes = model.nodes,
    flows = model.flows;
  const N = nodes.length;
  const succ: number[][] = nodes.map(() => []);
  for (const n of nodes) {
    for (const f of n.outgoing)
      if (flows[f].probability > 0 || n.split === 'all' || n.split === 'none' || n.split === 'race') succ[n.index].push(flows[f].target);
    for (const b of n.boundaries) succ[n.index].push(b);
  }
  // Tarjan, iterative.
  const index = new Int32Array(N).fill(-1),
    low = new Int32Array(N),
    onStack = new Uint8Array(N);
  const stack: number[] = [];
  const comp = new Int32Array(N).fill(-1);
  let counter = 0,
    comps = 0;
  for (let root = 0; root < N; root++) {
    if (index[root] >= 0) continue;
    const work: [number, number][] = [[root, 0]];
    while (work.length) {
      const top = work[work.length - 1];
      const [v, i] = top;
      if (i === 0) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
      }
      if (i < succ[v].length) {
        top[1]++;
        const w = succ[v][i];
        if (index[w] < 0) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      work.pop();
      if (work.length) low[work[work.length - 1][0]] = Math.min(low[work[work.length - 1][0]], low[v]);
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp[w] = comps;
        } while (w !== v);
        comps++;
      }
    }
  }
  const members: number[][] = Array.from({ length: comps }, () => []);
  for (let v = 0; v < N; v++) members[comp[v]].push(v);
  const issues: SimIssue[] = [];
  for (const ms of members) {
    const c = comp[ms[0]];
    const cyclic = ms.length > 1 || succ[ms[0]].includes(ms[0]);
    if (!cyclic) continue;
    const exits = ms.some((v) => {
      const n = nodes[v];
      if (n.boundaries.length) return true;
      if (n.kind === 'subprocess') return false;
      const leaving = succ[v].filter((w) => comp[w] !== c);
      if (n.split === 'all') return leaving.length === succ[v].length && leaving.length > 0;
      return leaving.length > 0;
    });
    if (exits) continue;
    const named = ms.map((v) => nodes[v]).find((n) => n.split === 'one' || n.split === 'some') ?? nodes[Math.min(...ms)];
    issues.push({
      severity: 'error',
      code: 'runaway-loop',
      elementId: named.id,
      message: `${elementLabel(named.id, named.name)} を含むループに抜け出る確率がないため、案件が終わりません（無限ループ）。ループから出る分岐に0%より大きい確率を入力してください`,
    });
  }
  return issues;
}
