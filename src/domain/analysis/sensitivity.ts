import { z } from 'zod';
import type { Distribution } from '../model/annotations';
import { distributionBounds } from '../sim/distributions';
import type { SimFlow, SimModel, SimNode } from '../sim/model';
import { isRobotRole } from './compare';
import { expectedHoursSavedPerYear, sampledMean } from './sensitivityAnalytic';

/**
 * Tornado for 削減した業務時間: each three-point estimate of staff time at its low and high, and each
 * branch probability ±10 points (siblings renormalised), the saving recomputed by the analytic
 * expectation (no sampling noise, so bars of different inputs compare exactly). An input the two
 * scenarios share unchanged moves in both, so an untouched step correctly shows no swing.
 */

export const sensitivityBarSchema = z.object({
  id: z.string(),
  elementId: z.string(),
  elementName: z.string(),
  /** Japanese, e.g. 「本人確認」の職員処理時間（現行・見直し後 共通） */
  label: z.string(),
  scenario: z.enum(['as-is', 'to-be', 'both']),
  parameter: z.enum(['staffTime', 'probability']),
  unit: z.enum(['分', '%']),
  baseInput: z.number(),
  lowInput: z.number(),
  highInput: z.number(),
  hoursSavedAtLow: z.number(),
  hoursSavedAtHigh: z.number(),
  /** |high − low| in h/yr; bars are sorted by it, largest first. */
  swing: z.number(),
});

export const sensitivityResultSchema = z.object({
  method: z.literal('analytic'),
  baselineHoursSavedPerYear: z.number(),
  bars: z.array(sensitivityBarSchema),
});

export type SensitivityBar = z.infer<typeof sensitivityBarSchema>;
export type SensitivityResult = z.infer<typeof sensitivityResultSchema>;

export interface SensitivityOptions {
  /** Percentage points a branch probability moves each way; default 10. */
  probabilityPoints?: number;
  /** Keep only the largest bars. */
  maxBars?: number;
}

/** Percent for display, without binary noise (0.3 × 100 = 30.000000000000004). */
const pct = (p: number) => Math.round(p * 1e11) / 1e9;

const SCENARIO_LABEL = { 'as-is': '現行', 'to-be': '見直し後', both: '現行・見直し後 共通' } as const;

const sameDistribution = (a: Distribution | undefined, b: Distribution | undefined) => JSON.stringify(a) === JSON.stringify(b);

function withStaffTime(model: SimModel, nodeId: string, minutes: number): SimModel {
  return {
    ...model,
    nodes: model.nodes.map((n) => (n.id === nodeId ? { ...n, staffTime: { type: 'fixed', value: minutes } } : n)),
  };
}

/** Probability of `flowId` set to p (0–1); for a one-of split the siblings share the rest in proportion. */
export function withProbability(model: SimModel, flowId: string, p: number): SimModel {
  const flow = model.flows.find((f) => f.id === flowId);
  if (!flow) return model;
  const source = model.nodes[flow.source];
  const flows: SimFlow[] = model.flows.map((f) => ({ ...f }));
  const target = flows[flow.index];
  const clamped = Math.min(1, Math.max(0, p));
  if (source.split === 'one') {
    const siblings = source.outgoing.filter((f) => f !== flow.index);
    const rest = siblings.reduce((s, f) => s + model.flows[f].probability, 0);
    for (const f of siblings) flows[f].probability = rest > 0 ? (model.flows[f].probability / rest) * (1 - clamped) : (1 - clamped) / siblings.length;
  }
  target.probability = clamped;
  return { ...model, flows };
}

const staffNodes = (m: SimModel): SimNode[] => m.nodes.filter((n) => n.staffTime && !(n.role >= 0 && isRobotRole(m.roles[n.role])));

const choosingFlows = (m: SimModel): SimFlow[] => {
  const out: SimFlow[] = [];
  for (const n of m.nodes) {
    if (n.split !== 'one' && n.split !== 'some') continue;
    // A two-way choice moves as one: its second flow is the mirror of the first.
    const flows = n.outgoing.map((f) => m.flows[f]);
    out.push(...(n.split === 'one' && flows.length === 2 ? flows.slice(0, 1) : flows));
  }
  return out;
};

export function sensitivityAnalysis(asIs: SimModel, toBe: SimModel, options: SensitivityOptions = {}): SensitivityResult {
  const points = (options.probabilityPoints ?? 10) / 100;
  const baseline = expectedHoursSavedPerYear(asIs, toBe);
  const bars: SensitivityBar[] = [];
  const saving = (a: SimModel, b: SimModel) => expectedHoursSavedPerYear(a, b);

  const toBeNodes = new Map(toBe.nodes.map((n) => [n.id, n]));
  const shared = new Set<string>();
  for (const n of staffNodes(asIs)) {
    const other = toBeNodes.get(n.id);
    const both = other !== undefined && sameDistribution(other.staffTime, n.staffTime) && other.role >= 0 === n.role >= 0;
    if (both) shared.add(n.id);
    pushStaff(n, both ? 'both' : 'as-is');
  }
  for (const n of staffNodes(toBe)) if (!shared.has(n.id)) pushStaff(n, 'to-be');

  function pushStaff(n: SimNode, scenario: SensitivityBar['scenario']) {
    const d = n.staffTime!;
    const { low, high } = distributionBounds(d);
    if (!(high > low)) return;
    const at = (v: number) => {
      const a = scenario === 'to-be' ? asIs : withStaffTime(asIs, n.id, v);
      const b = scenario === 'as-is' ? toBe : withStaffTime(toBe, n.id, v);
      return saving(a, b);
    };
    const name = n.name?.trim() || n.id;
    const lo = at(low);
    const hi = at(high);
    bars.push({
      id: `${scenario}:staffTime:${n.id}`,
      elementId: n.id,
      elementName: name,
      label: `「${name}」の職員処理時間（${SCENARIO_LABEL[scenario]}）`,
      scenario,
      parameter: 'staffTime',
      unit: '分',
      baseInput: sampledMean(d),
      lowInput: low,
      highInput: high,
      hoursSavedAtLow: lo,
      hoursSavedAtHigh: hi,
      swing: Math.abs(hi - lo),
    });
  }

  const toBeFlows = new Map(toBe.flows.map((f) => [f.id, f]));
  const sharedFlows = new Set<string>();
  for (const f of choosingFlows(asIs)) {
    const other = toBeFlows.get(f.id);
    const both = other !== undefined && Math.abs(other.probability - f.probability) < 1e-12 && toBe.nodes[other.source].id === asIs.nodes[f.source].id;
    if (both) sharedFlows.add(f.id);
    pushFlow(f, asIs, both ? 'both' : 'as-is');
  }
  for (const f of choosingFlows(toBe)) if (!sharedFlows.has(f.id)) pushFlow(f, toBe, 'to-be');

  function pushFlow(f: SimFlow, owner: SimModel, scenario: SensitivityBar['scenario']) {
    const low = Math.max(0, f.probability - points);
    const high = Math.min(1, f.probability + points);
    if (!(high > low)) return;
    const at = (p: number) => {
      const a = scenario === 'to-be' ? asIs : withProbability(asIs, f.id, p);
      const b = scenario === 'as-is' ? toBe : withProbability(toBe, f.id, p);
      return saving(a, b);
    };
    const gw = owner.nodes[f.source];
    const target = owner.nodes[f.target];
    const flowName = f.name?.trim() || `${target.name?.trim() || target.id} へ`;
    const gwName = gw.name?.trim() || gw.id;
    const lo = at(low);
    const hi = at(high);
    bars.push({
      id: `${scenario}:probability:${f.id}`,
      elementId: f.id,
      elementName: flowName,
      label: `「${gwName}」の分岐「${flowName}」の確率（${SCENARIO_LABEL[scenario]}）`,
      scenario,
      parameter: 'probability',
      unit: '%',
      baseInput: pct(f.probability),
      lowInput: pct(low),
      highInput: pct(high),
      hoursSavedAtLow: lo,
      hoursSavedAtHigh: hi,
      swing: Math.abs(hi - lo),
    });
  }

  bars.sort((a, b) => b.swing - a.swing || a.id.localeCompare(b.id));
  return {
    method: 'analytic',
    baselineHoursSavedPerYear: baseline,
    bars: options.maxBars !== undefined ? bars.slice(0, options.maxBars) : bars,
  };
}
