import { robotCalendar } from '../src/domain/model/annotations';
import type { SimModel } from '../src/domain/sim/model';
import { buildSimModel, type FlowSpec, type NodeSpec } from '../src/domain/sim/modelBuilder';

/**
 * The bench model: 20 tasks, one exclusive gateway (80/20), three role pools (two on office hours,
 * one RPA robot on the 24-hour calendar), 10,000 cases a year.
 *   Start → T1 … T10 → Gateway ─80%→ T11 … T15 ─┐
 *                               └20%→ T16 … T20 ─┴→ Merge → End
 */
export const BENCH_CASES = 10_000;

export function benchModel(): SimModel {
  const roles = ['窓口担当', '審査担当', 'RPA'];
  const nodes: NodeSpec[] = [{ id: 'Start', kind: 'start' }];
  for (let i = 1; i <= 20; i++) {
    const role = i <= 7 ? roles[0] : i % 5 === 0 ? roles[2] : roles[1];
    nodes.push({
      id: `T${i}`,
      name: `業務${i}`,
      kind: 'task',
      roleName: role,
      staffTime: role === 'RPA' ? { type: 'fixed', value: 1 } : { type: 'triangular', min: 2, mode: 4, max: 9 },
      paperSheets: 1,
    });
  }
  nodes.push({ id: 'Gateway', kind: 'exclusive', name: '審査結果' }, { id: 'Merge', kind: 'exclusive' }, { id: 'End', kind: 'end' });
  const flows: FlowSpec[] = [{ from: 'Start', to: 'T1' }];
  for (let i = 1; i < 10; i++) flows.push({ from: `T${i}`, to: `T${i + 1}` });
  flows.push({ from: 'T10', to: 'Gateway' }, { from: 'Gateway', to: 'T11', probability: 0.8 }, { from: 'Gateway', to: 'T16', probability: 0.2 });
  for (let i = 11; i < 15; i++) flows.push({ from: `T${i}`, to: `T${i + 1}` });
  for (let i = 16; i < 20; i++) flows.push({ from: `T${i}`, to: `T${i + 1}` });
  flows.push({ from: 'T15', to: 'Merge' }, { from: 'T20', to: 'Merge' }, { from: 'Merge', to: 'End' });
  return buildSimModel({
    nodes,
    flows,
    roles: [
      { name: roles[0], headcount: 4, hourlyCost: 3000 },
      { name: roles[1], headcount: 3, hourlyCost: 3500 },
      { name: roles[2], headcount: 1, hourlyCost: 500, calendar: robotCalendar() },
    ],
    arrivals: [{ start: 'Start', annualVolume: BENCH_CASES }],
  });
}
