import { distributionMean } from '../model/annotations';
import type { SimModel } from './model';

/**
 * Exact expected staff minutes per case for single-token models (sequence flows, exclusive splits,
 * loops), by the absorbing Markov chain over nodes: expected visits v = e_start (I − Q)⁻¹, where Q holds
 * the branch probabilities between transient nodes; staff minutes = Σ v_n · E[staff time of n].
 * Queues do not change staff time, so this is also the simulation's expectation with any headcount.
 * Parallel or inclusive splits are not single-token: the function throws for them.
 */
export function expectedVisits(model: SimModel, startNode = model.arrivals[0]?.startNode ?? 0): number[] {
  const N = model.nodes.length;
  const Q: number[][] = Array.from({ length: N }, () => new Array<number>(N).fill(0));
  for (const n of model.nodes) {
    if (n.split === 'all' || n.split === 'some' || n.split === 'race' || n.boundaries.length || n.kind === 'subprocess')
      throw new Error(`解析解は単一トークンのモデルだけが対象です: ${n.id}`);
    for (const f of n.outgoing) Q[n.index][model.flows[f].target] += n.split === 'one' ? model.flows[f].probability : 1;
  }
  // Solve v (I − Q) = e_start, i.e. (I − Q)ᵀ vᵀ = e_startᵀ, by Gaussian elimination with partial pivoting.
  const A = Array.from({ length: N }, (_, i) => Array.from({ length: N + 1 }, (_, j) => (j === N ? (i === startNode ? 1 : 0) : (i === j ? 1 : 0) - Q[j][i])));
  for (let c = 0; c < N; c++) {
    let p = c;
    for (let r = c + 1; r < N; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    if (Math.abs(A[p][c]) < 1e-12) throw new Error('ループから抜け出せないため期待訪問回数が発散します');
    [A[c], A[p]] = [A[p], A[c]];
    for (let r = 0; r < N; r++) {
      if (r === c) continue;
      const k = A[r][c] / A[c][c];
      if (k !== 0) for (let j = c; j <= N; j++) A[r][j] -= k * A[c][j];
    }
  }
  return A.map((row, i) => row[N] / A[i][i]);
}

export function expectedStaffMinutes(model: SimModel): number {
  const v = expectedVisits(model);
  return model.nodes.reduce((s, n) => s + (n.staffTime ? v[n.index] * distributionMean(n.staffTime) : 0), 0);
}
