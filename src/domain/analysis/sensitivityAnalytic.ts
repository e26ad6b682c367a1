import type { Distribution } from '../model/annotations';
import { clampedNormalMean } from '../sim/distributions';
import type { SimModel } from '../sim/model';
import { isRobotRole } from './compare';

/**
 * Expected staff minutes without simulating: visits per node from the flow probabilities (a linear
 * system solved by iteration, so rework loops count their expected repeats) times each step's mean
 * staff time. Queues and calendars do not change staff time, so this is the simulation's expectation;
 * inclusive joins and races are approximated (max of the incoming branches, equal chances).
 */

/** The mean of what the sampler returns: the normal is clamped at 0 by the engine. */
export function sampledMean(d: Distribution): number {
  switch (d.type) {
    case 'fixed': return Math.max(0, d.value);
    case 'triangular': return (d.min + d.mode + d.max) / 3;
    case 'uniform': return (d.min + d.max) / 2;
    case 'normal': return clampedNormalMean(d.mean, d.sd);
    case 'lognormal': return d.mean;
    case 'exponential': return d.mean;
  }
}

const MAX_ITERATIONS = 10_000;
const TOLERANCE = 1e-10;

/** Expected visits per node per year (arrival volumes at the start nodes). */
export function expectedVisits(model: SimModel): Float64Array {
  const n = model.nodes.length;
  const source = new Float64Array(n);
  for (const a of model.arrivals) source[a.startNode] += a.annualVolume;
  let visits = Float64Array.from(source);
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    const inflow = new Float64Array(n);
    const perFlow = new Float64Array(model.flows.length);
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
    if (delta < TOLERANCE * Math.max(1, ...source)) break;
  }
  return visits;
}

/** Expected staff minutes per year (robot roles excluded: their time is not staff time). */
export function expectedAnnualStaffMinutes(model: SimModel): number {
  const visits = expectedVisits(model);
  let total = 0;
  for (const node of model.nodes) {
    if (!node.staffTime) continue;
    if (node.role >= 0 && isRobotRole(model.roles[node.role])) continue;
    total += visits[node.index] * sampledMean(node.staffTime);
  }
  return total;
}

/** Expected staff minutes per case (volume-weighted over the start events). */
export function expectedStaffMinutesPerCase(model: SimModel): number {
  const volume = model.arrivals.reduce((s, a) => s + a.annualVolume, 0);
  return volume > 0 ? expectedAnnualStaffMinutes(model) / volume : 0;
}

/** 削減した業務時間 (h/yr) by the analytic expectation. */
export function expectedHoursSavedPerYear(asIs: SimModel, toBe: SimModel): number {
  return (expectedAnnualStaffMinutes(asIs) - expectedAnnualStaffMinutes(toBe)) / 60;
}
