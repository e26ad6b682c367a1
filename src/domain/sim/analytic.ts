import type { Distribution } from '../model/annotations';
import { clampedNormalMean } from './distributions';
import { isRobotRole, type SimModel } from './model';

/**
 * Expected staff time without simulating: visits per node from the flow probabilities times each step's
 * mean sampled staff time. Queues and calendars do not change staff time, so this is the simulation's
 * expectation with any headcount. Visits solve v = source + v·P by fixed-point iteration, so rework
 * loops count their expected repeats; for single-token models (sequences, exclusive splits, loops) that
 * is exact (the absorbing Markov chain v = e_start (I − P)⁻¹). Parallel joins fire once per set of
 * incoming tokens, inclusive joins once per the busiest incoming flow, and event-based races split
 * evenly: approximations where the model is not single-token.
 * One implementation for the engine's tests, the sensitivity analysis and the intervention templates.
 */

/** The mean of what the sampler returns: the engine clamps normal draws at 0 (distributions.ts). */
export function sampledMean(d: Distribution): number {
  switch (d.type) {
    case 'fixed':
      return Math.max(0, d.value);
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'normal':
      return clampedNormalMean(d.mean, d.sd);
    case 'lognormal':
      return d.mean;
    case 'exponential':
      return d.mean;
  }
}

const MAX_ITERATIONS = 100_000;
const TOLERANCE = 1e-13;

/** Expected visits per node for the given inflow at each node (e.g. annual volumes at start events). */
export function expectedVisitsFrom(model: SimModel, source: Float64Array): Float64Array {
  const n = model.nodes.length;
  const scale = Math.max(1, ...source);
  let visits = Float64Array.from(source);
  const inflow = new Float64Array(n);
  const perFlow = new Float64Array(model.flows.length);
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    inflow.fill(0);
    perFlow.fill(0);
    for (const node of model.nodes) {
      const v = visits[node.index];
      if (v === 0) continue;
      const out = node.outgoing;
      for (const f of out) {
        const flow = model.flows[f];
        let share = 1;
        if (node.split === 'one' || node.split === 'some') share = flow.probability;
        else if (node.split === 'race') share = 1 / out.length;
        perFlow[f] = v * share;
        inflow[flow.target] += v * share;
      }
      if (node.kind === 'subprocess') for (const s of node.innerStarts) inflow[s] += v;
    }
    const next = Float64Array.from(source);
    for (const node of model.nodes) {
      if (node.incoming.length > 1 && node.kind === 'parallel') next[node.index] += inflow[node.index] / node.incoming.length;
      else if (node.incoming.length > 1 && node.kind === 'inclusive') next[node.index] += Math.max(...node.incoming.map((f) => perFlow[f]));
      else next[node.index] += inflow[node.index];
    }
    let delta = 0;
    for (let i = 0; i < n; i++) delta = Math.max(delta, Math.abs(next[i] - visits[i]));
    visits = next;
    if (delta < TOLERANCE * scale) break;
  }
  return visits;
}

/** Expected visits per node per year (arrival volumes at the start nodes). */
export function expectedAnnualVisits(model: SimModel): Float64Array {
  const source = new Float64Array(model.nodes.length);
  for (const a of model.arrivals) source[a.startNode] += a.annualVolume;
  return expectedVisitsFrom(model, source);
}

/** Expected visits per node for one case entering at `startNode` (default: the first arrival stream). */
export function expectedVisits(model: SimModel, startNode = model.arrivals[0]?.startNode ?? 0): number[] {
  const source = new Float64Array(model.nodes.length);
  source[startNode] = 1;
  return Array.from(expectedVisitsFrom(model, source));
}

/** Σ visits × mean staff time, robot roles excluded: their time is run time, not staff time. */
function staffMinutesOf(model: SimModel, visits: ArrayLike<number>): number {
  let total = 0;
  for (const node of model.nodes) {
    if (!node.staffTime) continue;
    if (node.role >= 0 && isRobotRole(model.roles[node.role])) continue;
    total += visits[node.index] * sampledMean(node.staffTime);
  }
  return total;
}

/** Expected staff minutes per year over all arrival streams. */
export function expectedAnnualStaffMinutes(model: SimModel): number {
  return staffMinutesOf(model, expectedAnnualVisits(model));
}

/** Expected staff minutes per case (volume-weighted over the start events). */
export function expectedStaffMinutesPerCase(model: SimModel): number {
  const volume = model.arrivals.reduce((s, a) => s + a.annualVolume, 0);
  return volume > 0 ? expectedAnnualStaffMinutes(model) / volume : 0;
}

/** Expected staff minutes of one case entering at the first arrival stream's start event. */
export function expectedStaffMinutes(model: SimModel): number {
  return staffMinutesOf(model, expectedVisits(model));
}
