import type { Calendar } from '../model/annotations';
import { buildWorkCalendar, type WorkCalendar } from './calendar';
import {
  EV_COMPLETED, EV_DECIDED, EV_START, EV_TIMER, EVENT_TYPES, WORK_ARM_TIMER, WORK_CANCEL_TASK, WORK_CANCEL_TIMER,
  WORK_DECIDE, WORK_KIND_NAMES, WORK_REACHED_END, WORK_START_TASK,
} from './caseMachine';
import { STATUS_DONE, STATUS_FAILED, type CaseDriver } from './caseDrivers';
import { compileDistribution, type Sampler } from './distributions';
import { RunawayError, SimCancelledError } from './errors';
import { EventHeap } from './heap';
import { nodeLabel, type SimModel } from './model';
import { createRng, type Rng } from './prng';

/**
 * Discrete-event loop of one replication. Cases are driven by the case machine (through a CaseDriver);
 * this file only performs the work the machine asks for: arrivals, role queues, service in office hours,
 * lags, timers and branch draws. All per-event storage is in growable typed arrays (struct of arrays),
 * so the hot loop allocates nothing.
 *
 * Conventions:
 * - Time is minutes since 00:00 of the start date.
 * - A role with headcount h has ceil(h) servers (a 0.5-person role still serves one case at a time; its
 *   utilisation is measured against ceil(h) servers). A role without headcount has no queue.
 * - A task runs: resident's own time (clock minutes, no staff) → FIFO queue of the role → staff time
 *   (working minutes of the role's calendar, pausing outside office hours) → lag (business days of that
 *   calendar, or clock minutes) → completed.
 * - Queue wait = start of service (the moment the role's calendar is open and a server is free) − arrival
 *   in the queue, so waiting overnight for the office to open counts as waiting.
 */

export interface StartDate { y: number; m: number; d: number }

export interface CaseTrace {
  case: number;
  entries: [time: number, what: string, elementId: string, detail?: number][];
}

export interface PreparedModel {
  model: SimModel;
  staff: (Sampler | null)[];
  resident: (Sampler | null)[];
  lag: (Sampler | null)[];
  /** Role index per node, roles.length for "no role". */
  roleOf: Int32Array;
  roleCalendars: WorkCalendar[];
  servers: number[];
  defaultCalendar: WorkCalendar;
  arrivalCalendars: WorkCalendar[];
  /** Cumulative branch probabilities for 'one' splits. */
  cumulative: Float64Array[];
  defaultBranch: Int32Array;
}

export function prepareModel(model: SimModel, startDate: StartDate, horizonDays: number): PreparedModel {
  const cache = new Map<string, WorkCalendar>();
  const cal = (c: Calendar) => {
    const key = JSON.stringify(c);
    let w = cache.get(key);
    if (!w) {
      w = buildWorkCalendar(c, startDate, horizonDays);
      cache.set(key, w);
    }
    return w;
  };
  const sampler = (d: Parameters<typeof compileDistribution>[0] | undefined) => (d ? compileDistribution(d) : null);
  const R = model.roles.length;
  const defaultCalendar = cal(model.defaultCalendar);
  return {
    model,
    staff: model.nodes.map((n) => sampler(n.staffTime)),
    resident: model.nodes.map((n) => sampler(n.residentTime)),
    lag: model.nodes.map((n) => sampler(n.lag?.distribution)),
    roleOf: Int32Array.from(model.nodes.map((n) => (n.role >= 0 ? n.role : R))),
    roleCalendars: [...model.roles.map((r) => cal(r.calendar)), defaultCalendar],
    servers: [...model.roles.map((r) => r.servers), Infinity],
    defaultCalendar,
    arrivalCalendars: model.arrivals.map((a) => cal(a.calendar)),
    cumulative: model.nodes.map((n) => {
      const c = new Float64Array(n.outgoing.length);
      let s = 0;
      n.outgoing.forEach((f, i) => { s += model.flows[f].probability; c[i] = s; });
      return c;
    }),
    defaultBranch: Int32Array.from(model.nodes.map((n) => {
      const i = n.outgoing.findIndex((f) => model.flows[f].isDefault);
      if (i >= 0) return i;
      let best = 0;
      n.outgoing.forEach((f, k) => { if (model.flows[f].probability > model.flows[n.outgoing[best]].probability) best = k; });
      return best;
    })),
  };
}

export interface ReplicationConfig {
  prepared: PreparedModel;
  driver: CaseDriver;
  seed: number;
  startDate: StartDate;
  /** Arrivals stop after this many cases (Infinity: by time). */
  maxCases: number;
  /** Arrivals stop at this time in minutes (Infinity: by count). */
  arrivalEnd: number;
  warmupCases: number;
  maxEventsPerCase: number;
  traceCases: number;
  isCancelled?: () => boolean;
}

/** Raw sums of one replication; kpis.ts turns them into per-year and per-case figures. */
export interface ReplicationRaw {
  casesStarted: number;
  casesCompleted: number;
  /** Completed cases after the warm-up (the base of per-case figures). */
  casesCounted: number;
  events: number;
  /** End of the arrival period (minutes): the base of utilisation and annualisation. */
  horizonMinutes: number;
  endTime: number;
  staffMinutesTotal: number;
  paperSheetsTotal: number;
  leadTimes: number[];
  leadBusinessDays: number[];
  waitMinutesSum: number;
  staffMinutesCountedSum: number;
  residentMinutesSum: number;
  residentVisits: number;
  /** Time integral of cases in the system, for the mean work in progress. */
  wipArea: number;
  taskCount: Float64Array;
  taskWaitSum: Float64Array;
  taskStaffSum: Float64Array;
  taskCountCounted: Float64Array;
  roleStaffMinutes: Float64Array;
  roleBusyMinutes: Float64Array;
  roleAvailableMinutes: Float64Array;
  endCount: Float64Array;
  traces: CaseTrace[];
}

const K_ARRIVAL = 0, K_RESIDENT = 1, K_SERVICE = 2, K_LAG = 3, K_TIMER = 4;
const ST_FREE = 0, ST_RESIDENT = 1, ST_QUEUED = 2, ST_SERVICE = 3, ST_LAG = 4, ST_TIMER = 5;
const MINUTES_PER_DAY = 1440;

function growF64(a: Float64Array, n: number): Float64Array<ArrayBuffer> { const b = new Float64Array(n); b.set(a); return b; }
function growI32(a: Int32Array, n: number, fill = 0): Int32Array<ArrayBuffer> { const b = new Int32Array(n); if (fill) b.fill(fill); b.set(a); return b; }
function growU8(a: Uint8Array, n: number): Uint8Array<ArrayBuffer> { const b = new Uint8Array(n); b.set(a); return b; }

/** Piecewise-constant Poisson arrivals: volume × month weight spread over the open minutes of each month. */
class ArrivalStream {
  private segEnd = 0;
  private pos = 0;
  private rate = 0;
  private month: number;
  private year: number;
  private readonly epoch: number;
  private readonly weightSum: number;

  constructor(
    private readonly annualVolume: number,
    private readonly seasonality: number[],
    private readonly cal: WorkCalendar,
    start: StartDate,
    private readonly rng: Rng,
  ) {
    this.epoch = Date.UTC(start.y, start.m - 1, start.d);
    this.weightSum = seasonality.reduce((a, b) => a + b, 0);
    this.year = start.y;
    this.month = start.m; // 1-based
    this.pos = 0;
    this.openSegment(0);
  }

  private minutesTo(y: number, m: number): number {
    return (Date.UTC(y, m - 1, 1) - this.epoch) / 60000;
  }

  /** Segment [from, first day of next month): rate per open minute for this month's share of the volume. */
  private openSegment(from: number): void {
    let ny = this.year, nm = this.month + 1;
    if (nm > 12) { nm = 1; ny++; }
    const monthStart = this.minutesTo(this.year, this.month);
    const end = this.minutesTo(ny, nm);
    const share = (end - from) / (end - monthStart);
    const volume = this.weightSum > 0 ? (this.annualVolume * this.seasonality[this.month - 1] * share) / this.weightSum : 0;
    const open = this.cal.workingMinutesBetween(from, end);
    this.rate = open > 0 ? volume / open : 0;
    this.pos = from;
    this.segEnd = end;
  }

  next(): number {
    let need = -Math.log(1 - this.rng.next());
    for (let guard = 0; guard < 1200; guard++) {
      if (this.rate > 0) {
        const remaining = this.rate * this.cal.workingMinutesBetween(this.pos, this.segEnd);
        if (need <= remaining) {
          this.pos = this.cal.addWorkingMinutes(this.pos, need / this.rate);
          return this.pos;
        }
        need -= remaining;
      }
      this.month++;
      if (this.month > 12) { this.month = 1; this.year++; }
      this.openSegment(this.segEnd);
    }
    return Infinity;
  }
}

export function runReplication(cfg: ReplicationConfig): ReplicationRaw {
  return new Replication(cfg).run();
}

class Replication {
  private readonly p: PreparedModel;
  private readonly m: SimModel;
  private readonly driver: CaseDriver;
  private readonly N: number;
  private readonly heap = new EventHeap<number>(4096);
  private readonly rngDur: Rng;
  private readonly rngDecide: Rng;
  private readonly streams: ArrivalStream[];
  private now = 0;

  // records: jobs and timers of live cases
  private cap = 1024;
  private recCase = new Int32Array(this.cap);
  private recNode = new Int32Array(this.cap);
  private recStage = new Uint8Array(this.cap);
  private recCancelled = new Uint8Array(this.cap);
  private recQueuedAt = new Float64Array(this.cap);
  private recStart = new Float64Array(this.cap);
  private recStaff = new Float64Array(this.cap);
  private recNextInCase = new Int32Array(this.cap);
  private recLink = new Int32Array(this.cap);
  private recUsed = 0;
  private freeHead = -1;

  // cases
  private caseCap = 1024;
  private caseArrive = new Float64Array(this.caseCap);
  private caseStaff = new Float64Array(this.caseCap);
  private caseWait = new Float64Array(this.caseCap);
  private caseResident = new Float64Array(this.caseCap);
  private caseVisit = new Uint8Array(this.caseCap);
  /** 1 while the resident is in the building: from their first own step until a lag of business days. */
  private casePresent = new Uint8Array(this.caseCap);
  private caseEvents = new Int32Array(this.caseCap);
  private caseHead = new Int32Array(this.caseCap).fill(-1);
  private cases = 0;
  private inSystem = 0;
  private lastWipTime = 0;

  // roles (last = no role)
  private readonly busy: Int32Array;
  private readonly qHead: Int32Array;
  private readonly qTail: Int32Array;

  // immediate events of the current instant: case, type, node, choice
  private immCase = new Int32Array(256);
  private immType = new Int32Array(256);
  private immNode = new Int32Array(256);
  private immChoice = new Float64Array(256);
  private immLen = 0;

  private readonly traceOf: (CaseTrace | undefined)[] = [];
  private readonly raw: ReplicationRaw;

  constructor(private readonly cfg: ReplicationConfig) {
    this.p = cfg.prepared;
    this.m = cfg.prepared.model;
    this.driver = cfg.driver;
    this.N = this.m.nodes.length;
    const rng = createRng(cfg.seed);
    this.rngDur = rng.fork(2);
    this.rngDecide = rng.fork(3);
    this.streams = this.m.arrivals.map(
      (a, i) => new ArrivalStream(a.annualVolume, a.seasonality, this.p.arrivalCalendars[i], cfg.startDate, rng.fork(100 + i)),
    );
    const R = this.m.roles.length + 1;
    this.busy = new Int32Array(R);
    this.qHead = new Int32Array(R).fill(-1);
    this.qTail = new Int32Array(R).fill(-1);
    const N = this.N;
    this.raw = {
      casesStarted: 0, casesCompleted: 0, casesCounted: 0, events: 0, horizonMinutes: 0, endTime: 0,
      staffMinutesTotal: 0, paperSheetsTotal: 0, leadTimes: [], leadBusinessDays: [], waitMinutesSum: 0,
      staffMinutesCountedSum: 0, residentMinutesSum: 0, residentVisits: 0, wipArea: 0,
      taskCount: new Float64Array(N), taskWaitSum: new Float64Array(N), taskStaffSum: new Float64Array(N),
      taskCountCounted: new Float64Array(N),
      roleStaffMinutes: new Float64Array(R), roleBusyMinutes: new Float64Array(R), roleAvailableMinutes: new Float64Array(R),
      endCount: new Float64Array(N), traces: [],
    };
  }

  run(): ReplicationRaw {
    const cfg = this.cfg;
    this.driver.reset();
    let lastArrival = 0;
    for (let s = 0; s < this.streams.length; s++) {
      const t = this.streams[s].next();
      if (t < cfg.arrivalEnd) this.heap.push(t, s * 8 + K_ARRIVAL);
    }
    const heap = this.heap;
    let events = 0;
    while (heap.size > 0) {
      const item = heap.popItem()!;
      const t = heap.lastTime;
      this.now = t;
      events++;
      if ((events & 0xffff) === 0 && cfg.isCancelled?.()) throw new SimCancelledError();
      const kind = item & 7;
      const id = (item - kind) / 8;
      switch (kind) {
        case K_ARRIVAL: {
          if (this.raw.casesStarted < cfg.maxCases) {
            lastArrival = t;
            this.arrive(id, t);
            const next = this.streams[id].next();
            if (next < cfg.arrivalEnd && this.raw.casesStarted < cfg.maxCases) heap.push(next, id * 8 + K_ARRIVAL);
          }
          break;
        }
        case K_RESIDENT:
          if (this.recCancelled[id]) this.freeRec(id);
          else this.enqueue(id);
          break;
        case K_SERVICE:
          this.serviceDone(id);
          break;
        case K_LAG:
          if (this.recCancelled[id]) this.freeRec(id);
          else this.complete(id);
          break;
        case K_TIMER:
          if (this.recCancelled[id]) this.freeRec(id);
          else {
            const c = this.recCase[id], n = this.recNode[id];
            this.unlinkFromCase(id);
            this.freeRec(id);
            this.pushImmediate(c, EV_TIMER, n, 0);
          }
          break;
      }
      if (this.immLen > 0) this.flushImmediate();
    }
    const raw = this.raw;
    raw.events = events;
    raw.endTime = this.now;
    raw.horizonMinutes = Number.isFinite(cfg.arrivalEnd) ? cfg.arrivalEnd : lastArrival;
    this.accountWip(this.now);
    const R = this.m.roles.length + 1;
    for (let r = 0; r < R; r++) {
      const servers = this.p.servers[r];
      raw.roleAvailableMinutes[r] = Number.isFinite(servers)
        ? servers * this.p.roleCalendars[r].workingMinutesBetween(0, raw.horizonMinutes)
        : 0;
    }
    raw.traces = this.traceOf.filter((t): t is CaseTrace => t !== undefined);
    return raw;
  }

  // ---- cases -----------------------------------------------------------------------------------------

  private accountWip(t: number): void {
    this.raw.wipArea += this.inSystem * (t - this.lastWipTime);
    this.lastWipTime = t;
  }

  private arrive(stream: number, t: number): void {
    const c = this.cases++;
    if (c >= this.caseCap) this.growCases();
    this.caseArrive[c] = t;
    this.caseStaff[c] = 0;
    this.caseWait[c] = 0;
    this.caseResident[c] = 0;
    this.caseVisit[c] = 0;
    this.casePresent[c] = 0;
    this.caseEvents[c] = 0;
    this.caseHead[c] = -1;
    this.raw.casesStarted++;
    this.accountWip(t);
    this.inSystem++;
    if (c < this.cfg.traceCases) this.traceOf[c] = { case: c, entries: [] };
    this.pushImmediate(c, EV_START, this.m.arrivals[stream].startNode, 0);
  }

  private growCases(): void {
    const n = this.caseCap * 2;
    this.caseArrive = growF64(this.caseArrive, n);
    this.caseStaff = growF64(this.caseStaff, n);
    this.caseWait = growF64(this.caseWait, n);
    this.caseResident = growF64(this.caseResident, n);
    this.caseVisit = growU8(this.caseVisit, n);
    this.casePresent = growU8(this.casePresent, n);
    this.caseEvents = growI32(this.caseEvents, n);
    this.caseHead = growI32(this.caseHead, n, -1);
    this.caseCap = n;
  }

  private finishCase(c: number): void {
    const raw = this.raw;
    const t = this.now;
    raw.casesCompleted++;
    this.accountWip(t);
    this.inSystem--;
    if (c >= this.cfg.warmupCases) {
      raw.casesCounted++;
      const lead = t - this.caseArrive[c];
      raw.leadTimes.push(lead);
      raw.leadBusinessDays.push(this.p.defaultCalendar.businessDaysBetween(this.caseArrive[c], t));
      raw.waitMinutesSum += this.caseWait[c];
      raw.staffMinutesCountedSum += this.caseStaff[c];
      if (this.caseVisit[c]) {
        raw.residentVisits++;
        raw.residentMinutesSum += this.caseResident[c];
      }
    }
    const tr = c < this.traceOf.length ? this.traceOf[c] : undefined;
    if (tr) tr.entries.push([round6(t), 'case.done', '']);
  }

  // ---- machine events ----------------------------------------------------------------------------------

  private pushImmediate(c: number, type: number, node: number, choice: number): void {
    if (this.immLen === this.immCase.length) {
      const n = this.immLen * 2;
      this.immCase = growI32(this.immCase, n);
      this.immType = growI32(this.immType, n);
      this.immNode = growI32(this.immNode, n);
      this.immChoice = growF64(this.immChoice, n);
    }
    const i = this.immLen++;
    this.immCase[i] = c;
    this.immType[i] = type;
    this.immNode[i] = node;
    this.immChoice[i] = choice;
  }

  /** Events of the current instant in FIFO order (decisions, zero-time tasks, timers). */
  private flushImmediate(): void {
    for (let i = 0; i < this.immLen; i++) this.dispatch(this.immCase[i], this.immType[i], this.immNode[i], this.immChoice[i]);
    this.immLen = 0;
  }

  private dispatch(c: number, type: number, node: number, choice: number): void {
    const N = this.N;
    const nodes = this.m.nodes;
    if (++this.caseEvents[c] > this.cfg.maxEventsPerCase) {
      throw new RunawayError(
        `案件1件あたりのイベント数が上限 (${this.cfg.maxEventsPerCase}) を超えました。${nodeLabel(nodes[node])} の付近で終わらないループか分岐の増殖があります`,
        nodes[node].id,
      );
    }
    const step = this.driver.apply(c, type, node, choice);
    // Reading past the end of a JS array is slow in V8; only traced cases are stored.
    const tr = c < this.traceOf.length ? this.traceOf[c] : undefined;
    if (tr) tr.entries.push(type === EV_DECIDED ? [round6(this.now), EVENT_TYPES[type], nodes[node].id, choice] : [round6(this.now), EVENT_TYPES[type], nodes[node].id]);
    const work = step.work;
    for (let i = 0; i < work.length; i++) {
      const w = work[i];
      const n = w % N;
      const kind = (w - n) / N;
      if (tr) tr.entries.push([round6(this.now), WORK_KIND_NAMES[kind], nodes[n].id]);
      switch (kind) {
        case WORK_START_TASK: this.startJob(c, n); break;
        case WORK_ARM_TIMER: this.armTimer(c, n); break;
        case WORK_CANCEL_TIMER: this.cancel(c, n, true); break;
        case WORK_CANCEL_TASK: this.cancel(c, n, false); break;
        case WORK_DECIDE: this.pushImmediate(c, EV_DECIDED, n, this.decide(n)); break;
        case WORK_REACHED_END: this.raw.endCount[n]++; break;
      }
    }
    if (step.status === STATUS_DONE) this.finishCase(c);
    else if (step.status === STATUS_FAILED) {
      const err = step.error!;
      const el = nodes[err.node];
      throw new RunawayError(
        err.code === 'tokens'
          ? `${nodeLabel(el)} でトークンが上限を超えて増え続けています（並列分岐かループが終わりません）`
          : `${nodeLabel(el)} を含む、時間のかからない要素だけのループが終わりません`,
        el.id,
      );
    }
  }

  private decide(n: number): number {
    const node = this.m.nodes[n];
    const out = node.outgoing;
    if (node.split === 'some') {
      let mask = 0;
      for (let i = 0; i < out.length; i++) if (this.rngDecide.next() < this.m.flows[out[i]].probability) mask |= 1 << i;
      return mask === 0 ? 1 << this.p.defaultBranch[n] : mask;
    }
    const cum = this.p.cumulative[n];
    const u = this.rngDecide.next() * cum[cum.length - 1];
    for (let i = 0; i < cum.length - 1; i++) if (u < cum[i]) return i;
    return cum.length - 1;
  }

  // ---- records ---------------------------------------------------------------------------------------

  private allocRec(c: number, n: number, stage: number): number {
    let r = this.freeHead;
    if (r >= 0) this.freeHead = this.recLink[r];
    else {
      if (this.recUsed === this.cap) this.growRecs();
      r = this.recUsed++;
    }
    this.recCase[r] = c;
    this.recNode[r] = n;
    this.recStage[r] = stage;
    this.recCancelled[r] = 0;
    this.recLink[r] = -1;
    this.recNextInCase[r] = this.caseHead[c];
    this.caseHead[c] = r;
    return r;
  }

  private growRecs(): void {
    const n = this.cap * 2;
    this.recCase = growI32(this.recCase, n);
    this.recNode = growI32(this.recNode, n);
    this.recStage = growU8(this.recStage, n);
    this.recCancelled = growU8(this.recCancelled, n);
    this.recQueuedAt = growF64(this.recQueuedAt, n);
    this.recStart = growF64(this.recStart, n);
    this.recStaff = growF64(this.recStaff, n);
    this.recNextInCase = growI32(this.recNextInCase, n);
    this.recLink = growI32(this.recLink, n);
    this.cap = n;
  }

  private freeRec(r: number): void {
    this.recStage[r] = ST_FREE;
    this.recLink[r] = this.freeHead;
    this.freeHead = r;
  }

  private unlinkFromCase(r: number): void {
    const c = this.recCase[r];
    let prev = -1;
    for (let x = this.caseHead[c]; x >= 0; x = this.recNextInCase[x]) {
      if (x === r) {
        if (prev < 0) this.caseHead[c] = this.recNextInCase[x];
        else this.recNextInCase[prev] = this.recNextInCase[x];
        return;
      }
      prev = x;
    }
  }

  /** Oldest live record of the case at node n (the machine cancels instances first-in first-out). */
  private cancel(c: number, n: number, timer: boolean): void {
    let found = -1;
    for (let x = this.caseHead[c]; x >= 0; x = this.recNextInCase[x]) {
      if (this.recNode[x] === n && !this.recCancelled[x] && (this.recStage[x] === ST_TIMER) === timer) found = x;
    }
    if (found < 0) return;
    this.unlinkFromCase(found);
    this.recCancelled[found] = 1;
    if (this.recStage[found] === ST_SERVICE) {
      // The server stops now; only the work actually done counts.
      const r = this.p.roleOf[n];
      const done = Math.max(0, this.p.roleCalendars[r].workingMinutesBetween(this.recStart[found], this.now));
      const worked = Math.min(done, this.recStaff[found]);
      this.raw.roleBusyMinutes[r] += worked;
      this.raw.roleStaffMinutes[r] += worked;
      this.raw.staffMinutesTotal += worked;
      this.caseStaff[c] += worked;
      this.busy[r]--;
      this.pullNext(r);
    }
  }

  private armTimer(c: number, n: number): void {
    const r = this.allocRec(c, n, ST_TIMER);
    this.heap.push(this.now + this.m.nodes[n].timerMinutes, r * 8 + K_TIMER);
  }

  // ---- tasks -----------------------------------------------------------------------------------------

  private startJob(c: number, n: number): void {
    const r = this.allocRec(c, n, ST_RESIDENT);
    const staff = this.p.staff[n];
    this.recStaff[r] = staff === null ? 0 : Math.max(0, staff(this.rngDur));
    const res = this.p.resident[n];
    if (res !== null) {
      const rt = Math.max(0, res(this.rngDur));
      this.caseVisit[c] = 1;
      this.casePresent[c] = 1;
      this.caseResident[c] += rt;
      if (rt > 0) {
        this.heap.push(this.now + rt, r * 8 + K_RESIDENT);
        return;
      }
    }
    this.enqueue(r);
  }

  private enqueue(rec: number): void {
    const staff = this.recStaff[rec];
    this.recQueuedAt[rec] = this.now;
    if (staff <= 0) { this.afterService(rec); return; }
    const r = this.p.roleOf[this.recNode[rec]];
    if (this.busy[r] < this.p.servers[r]) {
      this.busy[r]++;
      this.startService(rec, r);
    } else {
      this.recStage[rec] = ST_QUEUED;
      this.recLink[rec] = -1;
      if (this.qTail[r] < 0) this.qHead[r] = rec;
      else this.recLink[this.qTail[r]] = rec;
      this.qTail[r] = rec;
    }
  }

  private startService(rec: number, r: number): void {
    const cal = this.p.roleCalendars[r];
    const c = this.recCase[rec];
    // While the resident is in the building their case is finished even past closing time or over
    // lunch: counters rotate staff and do not send people home. Back-office work waits for the calendar.
    const present = this.casePresent[c] === 1;
    const start = present ? this.now : cal.nextOpen(this.now);
    const end = present ? start + this.recStaff[rec] : cal.addWorkingMinutes(start, this.recStaff[rec]);
    this.recStage[rec] = ST_SERVICE;
    this.recStart[rec] = start;
    const wait = start - this.recQueuedAt[rec];
    this.caseWait[c] += wait;
    if (this.caseVisit[c] && this.p.resident[this.recNode[rec]] !== null) this.caseResident[c] += wait + (end - start);
    if (c >= this.cfg.warmupCases) this.raw.taskWaitSum[this.recNode[rec]] += wait;
    this.heap.push(end, rec * 8 + K_SERVICE);
  }

  private pullNext(r: number): void {
    while (this.qHead[r] >= 0) {
      const next = this.qHead[r];
      this.qHead[r] = this.recLink[next];
      if (this.qHead[r] < 0) this.qTail[r] = -1;
      if (this.recCancelled[next]) { this.freeRec(next); continue; }
      this.busy[r]++;
      this.startService(next, r);
      return;
    }
  }

  private serviceDone(rec: number): void {
    if (this.recCancelled[rec]) { this.freeRec(rec); return; }
    const n = this.recNode[rec];
    const r = this.p.roleOf[n];
    const staff = this.recStaff[rec];
    const raw = this.raw;
    raw.roleBusyMinutes[r] += staff;
    this.busy[r]--;
    this.pullNext(r);
    this.afterService(rec);
  }

  private afterService(rec: number): void {
    const n = this.recNode[rec];
    const c = this.recCase[rec];
    const staff = this.recStaff[rec];
    const raw = this.raw;
    const r = this.p.roleOf[n];
    raw.taskCount[n]++;
    raw.taskStaffSum[n] += staff;
    raw.roleStaffMinutes[r] += staff;
    raw.staffMinutesTotal += staff;
    raw.paperSheetsTotal += this.m.nodes[n].paperSheets;
    this.caseStaff[c] += staff;
    if (c >= this.cfg.warmupCases) raw.taskCountCounted[n]++;
    const lag = this.p.lag[n];
    if (lag !== null) {
      const amount = Math.max(0, lag(this.rngDur));
      let until: number;
      if (this.m.nodes[n].lag!.unit === 'minutes') until = this.now + amount;
      else {
        this.casePresent[c] = 0;
        const cal = this.p.roleCalendars[r];
        const whole = Math.floor(amount);
        until = cal.addBusinessDays(this.now, whole);
        const frac = amount - whole;
        if (frac > 0) until = cal.addWorkingMinutes(until, frac * (cal.openMinutesPerDay || MINUTES_PER_DAY));
      }
      if (until > this.now) {
        this.recStage[rec] = ST_LAG;
        this.heap.push(until, rec * 8 + K_LAG);
        return;
      }
    }
    this.complete(rec);
  }

  private complete(rec: number): void {
    const c = this.recCase[rec], n = this.recNode[rec];
    this.unlinkFromCase(rec);
    this.freeRec(rec);
    this.pushImmediate(c, EV_COMPLETED, n, 0);
  }
}

function round6(t: number): number {
  return Math.round(t * 1e6) / 1e6;
}
