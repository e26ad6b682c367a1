import { EventHeap } from '../src/domain/sim/heap';
import type { SimModel } from '../src/domain/sim/model';
import { createRng, type Rng } from '../src/domain/sim/prng';
import { prepareModel, type StartDate } from '../src/domain/sim/scheduler';

/**
 * Plain-JavaScript reference scheduler for the bench: the same model, calendars, samplers, role queues
 * and arrival process as the engine, but routing is hand-written for single-token models (sequence and
 * exclusive gateways) with no state machine. It is what the engine's fast mode is measured against.
 */
export function runBaseline(model: SimModel, seed: number, cases: number, start: StartDate): { events: number; completed: number } {
  const p = prepareModel(model, start, Math.ceil((cases / model.arrivals[0].annualVolume) * 366) + 30);
  const rng = createRng(seed);
  const rngDur = rng.fork(2),
    rngDecide = rng.fork(3),
    rngArr = rng.fork(100);
  const heap = new EventHeap<number>(4096);
  const nodes = model.nodes,
    flows = model.flows;
  const servers = p.servers;
  const busy = new Int32Array(servers.length);
  const queues: number[][] = servers.map(() => []);
  const caseNode = new Int32Array(cases);
  const caseStaff = new Float64Array(cases);
  const arrivalCal = p.arrivalCalendars[0];
  const rate = model.arrivals[0].annualVolume / arrivalCal.workingMinutesBetween(0, 525_600);
  let arrived = 0,
    completed = 0,
    events = 0,
    now = 0,
    arrivalPos = 0;

  const nextArrival = (r: Rng) => {
    arrivalPos = arrivalCal.addWorkingMinutes(arrivalPos, -Math.log(1 - r.next()) / rate);
    return arrivalPos;
  };
  const startService = (c: number, role: number) => {
    const cal = p.roleCalendars[role];
    const s = cal.nextOpen(now);
    heap.push(cal.addWorkingMinutes(s, caseStaff[c]), c);
  };
  const route = (c: number, n: number) => {
    for (;;) {
      const node = nodes[n];
      if (node.kind === 'end') {
        completed++;
        return;
      }
      if (node.kind === 'task') {
        caseNode[c] = n;
        const staff = p.staff[n];
        caseStaff[c] = staff ? Math.max(0, staff(rngDur)) : 0;
        const role = p.roleOf[n];
        if (busy[role] < servers[role]) {
          busy[role]++;
          startService(c, role);
        } else queues[role].push(c);
        return;
      }
      if (node.split === 'one') {
        const cum = p.cumulative[n];
        const u = rngDecide.next() * cum[cum.length - 1];
        let i = 0;
        while (i < cum.length - 1 && u >= cum[i]) i++;
        n = flows[node.outgoing[i]].target;
      } else n = flows[node.outgoing[0]].target;
    }
  };

  heap.push(nextArrival(rngArr), -1);
  const startNode = model.arrivals[0].startNode;
  while (heap.size > 0) {
    const item = heap.popItem()!;
    now = heap.lastTime;
    events++;
    if (item < 0) {
      const c = arrived++;
      route(c, startNode);
      if (arrived < cases) heap.push(nextArrival(rngArr), -1);
      continue;
    }
    const n = caseNode[item];
    const role = p.roleOf[n];
    busy[role]--;
    const q = queues[role];
    if (q.length > 0) {
      busy[role]++;
      startService(q.shift()!, role);
    }
    route(item, flows[nodes[n].outgoing[0]].target);
  }
  return { events, completed };
}
