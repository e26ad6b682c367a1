import type { Calendar } from '../model/annotations';
import { buildWorkCalendar, minutesAfterYears, type WorkCalendar } from './calendar';
import * as cm from './caseMachine';
import * as drv from './caseDrivers';
import type { CaseDriver } from './caseDrivers';
import { compileDistribution, type Sampler } from './distributions';
import { RunawayError, SimCancelledError } from './errors';
import { EventHeap } from './heap';
import { FineHistogram } from './stats';
import { isRobotRole, nodeLabel, type SimModel } from './model';
import * as prng from './prng';
import type { KeyedRng, Rng } from './prng';

// Imported constants copied into module locals once: a bundler inlines them, but under tsx/vitest an
// imported binding is a getter call, which in the event loop cost ~10 % of the time.
const { EV_COMPLETED, EV_DECIDED, EV_START, EV_TIMER, EVENT_TYPES, WORK_ARM_TIMER, WORK_CANCEL_TASK, WORK_CANCEL_TIMER } = cm;
const { WORK_DECIDE, WORK_KIND_NAMES, WORK_REACHED_END, WORK_START_TASK } = cm;
const { STATUS_DONE, STATUS_FAILED } = drv;
const { createRng, hashString, mixKey, seedKey } = prng;

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
 *   in the queue, so waiting overnight for the office to open counts as waiting. A task cancelled while
 *   queued (a boundary timer, a race) has waited until the cancel: that wait counts for the case and the task.
 * - Office hours bind every step except those the resident attends: a step with resident time, or a step
 *   the resident waits for in the building (a later resident step is reachable without a lag of business
 *   days). Those run on to the end even past closing; the part outside the role's calendar is 時間外
 *   (overtime), reported per role. Utilisation counts busy minutes inside the role's calendar and the
 *   arrival period only, so it never exceeds 100 %.
 * - Random numbers (common random numbers across scenarios): arrivals draw from their own stream per start
 *   event; every other draw is keyed by (replication, element id, purpose, case index, the case's visit to
 *   the element) — see KeyedRng. An As-Is and its To-Be run on one seed therefore give the same case the
 *   same durations and branch choices at the steps and gateways they share, whatever was added or
 *   removed elsewhere and whatever order events happen in.
 * - Staff time and robot time are summed apart: roles on the 24-hour robot calendar are robots.
 */

export interface StartDate {
  y: number;
  m: number;
  d: number;
}

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
  /**
   * The role's opening hours without the lunch break: work outside them is 時間外. A resident served over
   * lunch is normal counter work (staff take turns), one served after closing is overtime.
   */
  roleOfficeHours: WorkCalendar[];
  servers: number[];
  /** 1 for robot roles (24-hour robot calendar): their time is run time, not staff time. */
  robot: Uint8Array;
  defaultCalendar: WorkCalendar;
  arrivalCalendars: WorkCalendar[];
  /** Per arrival stream: the interarrival sampler (open minutes) of a renewal stream, null for Poisson. */
  interarrival: (Sampler | null)[];
  /** Cumulative branch probabilities for 'one' splits. */
  cumulative: Float64Array[];
  defaultBranch: Int32Array;
  /**
   * Per node, the slot of its per-case visit counter, or -1 when the node draws nothing or a case can
   * reach it only once (then every draw is the case's first visit and no counter is kept).
   */
  drawSlot: Int32Array;
  drawNodes: number;
  /** Per node × purpose (staff, resident, lag, decision): the element's key, from its id. */
  elementKeys: Int32Array;
  /** Whether any element can cancel a timer or a task (timers, boundary events, terminate, races). */
  hasCancels: boolean;
  /**
   * Per node: 1 when the resident attends the step (it has resident time), 2 when the resident waits in the
   * building for it (a resident step follows without a lag of business days in between), 0 otherwise.
   */
  attended: Uint8Array;
}

/**
 * Which steps the resident attends or waits for (see PreparedModel.attended). A search backwards from
 * every resident step marks the steps before it, stopping at steps whose lag is in business days: after
 * such a lag the resident has gone home and comes back another day.
 */
function attendedSteps(model: SimModel): Uint8Array {
  const nodes = model.nodes;
  const out = new Uint8Array(nodes.length);
  const pred: number[][] = nodes.map(() => []);
  for (const f of model.flows) pred[f.target].push(f.source);
  const leavesBuilding = (i: number) => nodes[i].lag !== undefined && nodes[i].lag!.unit !== 'minutes';
  const stack: number[] = [];
  for (const n of nodes)
    if (n.residentTime) {
      out[n.index] = 1;
      stack.push(n.index);
    }
  const seen = new Uint8Array(nodes.length);
  while (stack.length) {
    const k = stack.pop()!;
    for (const p of pred[k]) {
      if (seen[p] || leavesBuilding(p)) continue;
      seen[p] = 1;
      if (out[p] === 0) out[p] = 2;
      stack.push(p);
    }
  }
  return out;
}

export const PURPOSE_STAFF = 0;
export const PURPOSE_RESIDENT = 1;
export const PURPOSE_LAG = 2;
export const PURPOSE_DECIDE = 3;
const PURPOSES = 4;

/**
 * Nodes a case may pass more than once: on a cycle of sequence flows, or anywhere when a case can hold
 * several tokens (parallel/inclusive splits, boundary timers, messages, sub-processes) — two tokens may
 * then meet at one step without a loop. Conservative: a false "yes" only costs a counter.
 */
function revisitableNodes(model: SimModel): boolean[] {
  const nodes = model.nodes;
  const multiToken =
    nodes.some(
      (n) => n.split === 'all' || n.split === 'some' || n.boundaries.length > 0 || n.messageTargets.length > 0 || n.kind === 'subprocess' || n.scope >= 0,
    ) || model.arrivals.length > 1;
  if (multiToken) return nodes.map(() => true);
  const succ = nodes.map((n) => n.outgoing.map((f) => model.flows[f].target));
  return nodes.map((n) => {
    const seen = new Uint8Array(nodes.length);
    const stack = [...succ[n.index]];
    while (stack.length) {
      const k = stack.pop()!;
      if (k === n.index) return true;
      if (seen[k]) continue;
      seen[k] = 1;
      for (const t of succ[k]) stack.push(t);
    }
    return false;
  });
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
  const staff = model.nodes.map((n) => sampler(n.staffTime));
  const resident = model.nodes.map((n) => sampler(n.residentTime));
  const lag = model.nodes.map((n) => sampler(n.lag?.distribution));
  let drawNodes = 0;
  const revisitable = revisitableNodes(model);
  const drawSlot = Int32Array.from(
    model.nodes.map((n, i) => ((staff[i] || resident[i] || lag[i] || n.split === 'one' || n.split === 'some') && revisitable[i] ? drawNodes++ : -1)),
  );
  const elementKeys = new Int32Array(model.nodes.length * PURPOSES);
  model.nodes.forEach((n, i) => {
    const h = hashString(n.id);
    for (let k = 0; k < PURPOSES; k++) elementKeys[i * PURPOSES + k] = mixKey(h, k + 1);
  });
  return {
    model,
    staff,
    resident,
    lag,
    roleOf: Int32Array.from(model.nodes.map((n) => (n.role >= 0 ? n.role : R))),
    roleCalendars: [...model.roles.map((r) => cal(r.calendar)), defaultCalendar],
    roleOfficeHours: [...model.roles.map((r) => r.calendar), model.defaultCalendar].map((c) => {
      const { lunchStart: _s, lunchEnd: _e, ...withoutLunch } = c;
      return cal(withoutLunch);
    }),
    servers: [...model.roles.map((r) => r.servers), Infinity],
    robot: Uint8Array.from([...model.roles.map((r) => (isRobotRole(r) ? 1 : 0)), 0]),
    defaultCalendar,
    arrivalCalendars: model.arrivals.map((a) => cal(a.calendar)),
    interarrival: model.arrivals.map((a) => sampler(a.interarrival)),
    cumulative: model.nodes.map((n) => {
      const c = new Float64Array(n.outgoing.length);
      let s = 0;
      n.outgoing.forEach((f, i) => {
        s += model.flows[f].probability;
        c[i] = s;
      });
      return c;
    }),
    defaultBranch: Int32Array.from(
      model.nodes.map((n) => {
        const i = n.outgoing.findIndex((f) => model.flows[f].isDefault);
        if (i >= 0) return i;
        let best = 0;
        n.outgoing.forEach((f, k) => {
          if (model.flows[f].probability > model.flows[n.outgoing[best]].probability) best = k;
        });
        return best;
      }),
    ),
    drawSlot,
    drawNodes,
    elementKeys,
    hasCancels: model.nodes.some((n) => n.kind === 'timer' || n.kind === 'boundaryTimer' || n.kind === 'terminate' || n.kind === 'eventBased'),
    attended: attendedSteps(model),
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
  /** Staff (non-robot) minutes of every case, warm-up included. */
  staffMinutesTotal: number;
  /** Robot run minutes (roles on the 24-hour robot calendar). */
  robotMinutesTotal: number;
  paperSheetsTotal: number;
  /** Sums over counted cases (memory stays flat however many cases run). */
  leadTimeMinutesSum: number;
  leadBusinessDaysSum: number;
  /** Lead times in business days of counted cases, binned finely for the pooled histogram. */
  leadBusinessDayBins: FineHistogram;
  waitMinutesSum: number;
  staffMinutesCountedSum: number;
  robotMinutesCountedSum: number;
  residentMinutesSum: number;
  residentVisits: number;
  /** Time integral of cases in the system, for the mean work in progress. */
  wipArea: number;
  taskCount: Float64Array;
  taskWaitSum: Float64Array;
  /** Task instances whose queue wait ended (service started or cancelled while queued), after the warm-up. */
  taskWaitCount: Float64Array;
  taskStaffSum: Float64Array;
  taskCountCounted: Float64Array;
  roleStaffMinutes: Float64Array;
  /** Busy minutes inside the role's calendar and the arrival period (the numerator of utilisation). */
  roleBusyMinutes: Float64Array;
  roleAvailableMinutes: Float64Array;
  /** Minutes worked outside the role's calendar on steps the resident attends (時間外), all run long. */
  roleOvertimeMinutes: Float64Array;
  /** Tasks waiting in the role's queue when the arrival period ended (a growing queue means overload). */
  roleQueueAtHorizon: Float64Array;
  endCount: Float64Array;
  traces: CaseTrace[];
}

const K_ARRIVAL = 0,
  K_RESIDENT = 1,
  K_SERVICE = 2,
  K_LAG = 3,
  K_TIMER = 4;
const ST_FREE = 0,
  ST_RESIDENT = 1,
  ST_QUEUED = 2,
  ST_SERVICE = 3,
  ST_LAG = 4,
  ST_TIMER = 5;
const MINUTES_PER_DAY = 1440;

function growF64(a: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}
function growI32(a: Int32Array, n: number, fill = 0): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  if (fill) b.fill(fill);
  b.set(a);
  return b;
}
function growU8(a: Uint8Array, n: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(n);
  b.set(a);
  return b;
}

/**
 * Arrivals of one start event, in the open time of its arrival calendar.
 *
 * Poisson (the default): the annual volume is spread in proportion to open time, so every open minute of
 * a year has the same rate under flat seasonality (a 31-day month with 21 open days gets 21/243 of the
 * year, not 1/12). Seasonality weights scale that rate month by month: in calendar month m the rate is
 * V·w(m) / Σ w(k)·open(k), the sum over the months of the current year window [start + j years,
 * start + j+1 years), so each simulated year receives V cases on average whatever its holidays.
 *
 * Evenly spaced (interArrival 'fixed', BIMP's FIXED): the same spreading without randomness.
 * Renewal (an interarrival distribution): the gaps are drawn from it and counted in open minutes;
 * volume and seasonality are then not used.
 */
class ArrivalStream {
  private pos = 0;
  private segEnd = 0;
  private rate = 0;
  private windowIndex = -1;
  private windowEnd = 0;
  /** Σ w(month)·open minutes over the current year window. */
  private windowWeight = 0;

  constructor(
    private readonly annualVolume: number,
    private readonly seasonality: number[],
    private readonly cal: WorkCalendar,
    private readonly start: StartDate,
    private readonly rng: Rng,
    private readonly interarrival: Sampler | null = null,
    private readonly evenlySpaced = false,
  ) {
    if (!interarrival) this.openSegment(0);
  }

  /** Calendar month (1-based) of simulated minute t, and the minute its next month begins. */
  private monthAt(t: number): { month: number; nextMonth: number } {
    const at = new Date(Date.UTC(this.start.y, this.start.m - 1, this.start.d) + t * 60_000);
    const next = Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1);
    return { month: at.getUTCMonth() + 1, nextMonth: (next - Date.UTC(this.start.y, this.start.m - 1, this.start.d)) / 60_000 };
  }

  private enterWindow(j: number): void {
    this.windowIndex = j;
    const from = minutesAfterYears(this.start, j);
    this.windowEnd = minutesAfterYears(this.start, j + 1);
    let weight = 0;
    for (let t = from; t < this.windowEnd;) {
      const { month, nextMonth } = this.monthAt(t);
      const end = Math.min(nextMonth, this.windowEnd);
      weight += this.seasonality[month - 1] * this.cal.workingMinutesBetween(t, end);
      t = end;
    }
    this.windowWeight = weight;
  }

  /** The segment from `from` to the next month start or year-window end, with its rate per open minute. */
  private openSegment(from: number): void {
    if (this.windowIndex < 0 || from >= this.windowEnd) this.enterWindow(this.windowIndex + 1);
    const { month, nextMonth } = this.monthAt(from);
    this.pos = from;
    this.segEnd = Math.min(nextMonth, this.windowEnd);
    this.rate = this.windowWeight > 0 ? (this.annualVolume * this.seasonality[month - 1]) / this.windowWeight : 0;
  }

  next(): number {
    if (this.interarrival) {
      const gap = Math.max(0, this.interarrival(this.rng));
      this.pos = this.cal.addWorkingMinutes(this.cal.nextOpen(this.pos), gap);
      return this.pos;
    }
    // Evenly spaced (BIMP FIXED): every case is one unit of the same cumulative rate, so a year still
    // receives its volume and seasonality still shapes the months.
    let need = this.evenlySpaced ? 1 : -Math.log(1 - this.rng.next());
    // 100 years of monthly segments: a calendar that never opens gives no arrivals rather than a hang.
    for (let guard = 0; guard < 1400; guard++) {
      if (this.rate > 0) {
        const remaining = this.rate * this.cal.workingMinutesBetween(this.pos, this.segEnd);
        if (need <= remaining) {
          this.pos = this.cal.addWorkingMinutes(this.pos, need / this.rate);
          return this.pos;
        }
        need -= remaining;
      }
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
  /** One generator re-keyed per sample: (replication, element, purpose, case, visit). */
  private readonly keyed: KeyedRng = new prng.KeyedRng();
  private readonly repKey0: number;
  private readonly repKey1: number;
  private readonly streams: ArrivalStream[];
  private readonly hasCancels: boolean;
  private readonly drawNodes: number;
  // Hot fields of the prepared model and the sums, held directly (one load instead of two).
  private readonly drawSlot: Int32Array;
  private readonly elementKeys: Int32Array;
  private readonly roleOf: Int32Array;
  private readonly servers: Float64Array;
  private readonly robot: Uint8Array;
  private readonly paper: Float64Array;
  private readonly staffOf: (Sampler | null)[];
  private readonly residentOf: (Sampler | null)[];
  private readonly lagOf: (Sampler | null)[];
  private readonly roleCalendars: WorkCalendar[];
  private readonly taskCount: Float64Array;
  private readonly taskStaffSum: Float64Array;
  private readonly taskWaitSum: Float64Array;
  private readonly taskCountCounted: Float64Array;
  private readonly roleStaffMinutes: Float64Array;
  private readonly roleBusyMinutes: Float64Array;
  private readonly warmupCases: number;
  private readonly traceCases: number;
  private readonly maxEventsPerCase: number;
  private now = 0;
  /** Depth of machine dispatches in progress: completions found outside one are dispatched at once. */
  private dispatching = 0;

  // records: jobs and timers of live cases
  private cap = 1024;
  private recCase = new Int32Array(this.cap);
  private recNode = new Int32Array(this.cap);
  private recStage = new Uint8Array(this.cap);
  private recCancelled = new Uint8Array(this.cap);
  private recQueuedAt = new Float64Array(this.cap);
  private recStart = new Float64Array(this.cap);
  private recStaff = new Float64Array(this.cap);
  /** Service end of the record (clock minutes), for busy time inside the arrival period. */
  private recEnd = new Float64Array(this.cap);
  /** 1 when the service runs in clock time because the resident attends it (see startService). */
  private recAttended = new Uint8Array(this.cap);
  private recNextInCase = new Int32Array(this.cap);
  /** The case's visit to the element that started the job: the key of its lag draw. */
  private recVisit = new Int32Array(this.cap);
  private recLink = new Int32Array(this.cap);
  private recUsed = 0;
  private freeHead = -1;

  // cases
  private caseCap = 1024;
  private caseArrive = new Float64Array(this.caseCap);
  private caseStaff = new Float64Array(this.caseCap);
  private caseRobot = new Float64Array(this.caseCap);
  private caseWait = new Float64Array(this.caseCap);
  private caseResident = new Float64Array(this.caseCap);
  private caseVisit = new Uint8Array(this.caseCap);
  /** 1 while the resident is in the building: from their first own step until a lag of business days. */
  private casePresent = new Uint8Array(this.caseCap);
  private caseEvents = new Int32Array(this.caseCap);
  private caseHead = new Int32Array(this.caseCap).fill(-1);
  /** Per case: the replication's key mixed with the case index (the root of its draws). */
  private caseKey = new Int32Array(this.caseCap);
  /** Per case × drawing element: visits so far, the last part of a draw's key (rework loops). */
  private caseVisits: Uint16Array<ArrayBuffer>;
  /** Cases started so far: the case number (draw keys, warm-up, traces); slots are reused once a case ends. */
  private cases = 0;
  /** Slots in use or freed; a freed slot is reused by the next arrival, so memory follows the cases in the system. */
  private slotsUsed = 0;
  private freeSlots: number[] = [];
  /** Per slot: the number of the case in it. */
  private caseNo = new Int32Array(this.caseCap);
  private inSystem = 0;
  private lastWipTime = 0;

  // roles (last = no role)
  private readonly busy: Int32Array;
  /** Tasks in each role's queue (cancelled ones still in it included until they are pulled). */
  private readonly qLen: Int32Array;
  /** End of the arrival period once known: arrivalEnd, or the last arrival of a run bounded by cases. */
  private horizon = Infinity;
  private horizonMarked = false;
  private readonly attended: Uint8Array;
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
    this.hasCancels = this.p.hasCancels;
    this.drawNodes = this.p.drawNodes;
    this.caseVisits = new Uint16Array(this.caseCap * this.drawNodes);
    this.drawSlot = this.p.drawSlot;
    this.elementKeys = this.p.elementKeys;
    this.roleOf = this.p.roleOf;
    this.servers = Float64Array.from(this.p.servers);
    this.robot = this.p.robot;
    this.paper = Float64Array.from(this.m.nodes, (n) => n.paperSheets);
    this.staffOf = this.p.staff;
    this.residentOf = this.p.resident;
    this.lagOf = this.p.lag;
    this.roleCalendars = this.p.roleCalendars;
    this.warmupCases = cfg.warmupCases;
    this.traceCases = cfg.traceCases;
    this.maxEventsPerCase = cfg.maxEventsPerCase;
    const rng = createRng(cfg.seed);
    [this.repKey0, this.repKey1] = seedKey(cfg.seed);
    // Arrivals keep their own stream per start event, so both scenarios of a comparison see the same cases.
    this.streams = this.m.arrivals.map(
      (a, i) =>
        new ArrivalStream(
          a.annualVolume,
          a.seasonality,
          this.p.arrivalCalendars[i],
          cfg.startDate,
          rng.fork(100 + i),
          this.p.interarrival[i],
          a.interArrival === 'fixed',
        ),
    );
    const R = this.m.roles.length + 1;
    this.busy = new Int32Array(R);
    this.qLen = new Int32Array(R);
    this.attended = this.p.attended;
    this.horizon = cfg.arrivalEnd;
    this.qHead = new Int32Array(R).fill(-1);
    this.qTail = new Int32Array(R).fill(-1);
    const N = this.N;
    this.raw = {
      casesStarted: 0,
      casesCompleted: 0,
      casesCounted: 0,
      events: 0,
      horizonMinutes: 0,
      endTime: 0,
      staffMinutesTotal: 0,
      robotMinutesTotal: 0,
      paperSheetsTotal: 0,
      leadTimeMinutesSum: 0,
      leadBusinessDaysSum: 0,
      leadBusinessDayBins: new FineHistogram(),
      waitMinutesSum: 0,
      staffMinutesCountedSum: 0,
      robotMinutesCountedSum: 0,
      residentMinutesSum: 0,
      residentVisits: 0,
      wipArea: 0,
      taskCount: new Float64Array(N),
      taskWaitSum: new Float64Array(N),
      taskWaitCount: new Float64Array(N),
      taskStaffSum: new Float64Array(N),
      taskCountCounted: new Float64Array(N),
      roleStaffMinutes: new Float64Array(R),
      roleBusyMinutes: new Float64Array(R),
      roleAvailableMinutes: new Float64Array(R),
      roleOvertimeMinutes: new Float64Array(R),
      roleQueueAtHorizon: new Float64Array(R),
      endCount: new Float64Array(N),
      traces: [],
    };
    this.taskCount = this.raw.taskCount;
    this.taskStaffSum = this.raw.taskStaffSum;
    this.taskWaitSum = this.raw.taskWaitSum;
    this.taskCountCounted = this.raw.taskCountCounted;
    this.roleStaffMinutes = this.raw.roleStaffMinutes;
    this.roleBusyMinutes = this.raw.roleBusyMinutes;
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
      if (t >= this.horizon && !this.horizonMarked) this.markHorizon();
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
            if (this.raw.casesStarted >= cfg.maxCases) {
              // A run bounded by cases: its arrival period ends with the last case.
              this.horizon = t;
              if (this.immLen > 0) this.flushImmediate();
              this.markHorizon();
            }
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
            const c = this.recCase[id],
              n = this.recNode[id];
            this.unlinkFromCase(id);
            this.freeRec(id);
            this.dispatch(c, EV_TIMER, n, 0);
          }
          break;
      }
      if (this.immLen > 0) this.flushImmediate();
    }
    if (!this.horizonMarked) this.markHorizon();
    const raw = this.raw;
    raw.events = events;
    raw.endTime = this.now;
    raw.horizonMinutes = Number.isFinite(cfg.arrivalEnd) ? cfg.arrivalEnd : lastArrival;
    this.accountWip(this.now);
    const R = this.m.roles.length + 1;
    for (let r = 0; r < R; r++) {
      const servers = this.p.servers[r];
      raw.roleAvailableMinutes[r] = Number.isFinite(servers) ? servers * this.p.roleCalendars[r].workingMinutesBetween(0, raw.horizonMinutes) : 0;
    }
    raw.traces = this.traceOf.filter((t): t is CaseTrace => t !== undefined);
    return raw;
  }

  /** Queue lengths when the arrival period ends: what is still waiting then is the backlog of overload. */
  private markHorizon(): void {
    this.horizonMarked = true;
    for (let r = 0; r < this.qLen.length; r++) this.raw.roleQueueAtHorizon[r] = this.qLen[r];
  }

  /**
   * Accounts a service of role r on [start, end): its busy minutes inside the calendar and the arrival
   * period (utilisation), and for a step the resident attends, the minutes outside opening hours (時間外).
   */
  private accountService(r: number, start: number, end: number, attended: boolean): void {
    const cal = this.roleCalendars[r];
    const inHorizonEnd = Math.min(end, this.horizon);
    if (inHorizonEnd > start) this.roleBusyMinutes[r] += Math.max(0, cal.workingMinutesBetween(start, inHorizonEnd));
    if (attended && end > start) this.raw.roleOvertimeMinutes[r] += Math.max(0, end - start - this.p.roleOfficeHours[r].workingMinutesBetween(start, end));
  }

  // ---- cases -----------------------------------------------------------------------------------------

  private accountWip(t: number): void {
    this.raw.wipArea += this.inSystem * (t - this.lastWipTime);
    this.lastWipTime = t;
  }

  private arrive(stream: number, t: number): void {
    const no = this.cases++;
    let c: number;
    if (this.freeSlots.length > 0) {
      c = this.freeSlots.pop()!;
      if (this.drawNodes > 0) this.caseVisits.fill(0, c * this.drawNodes, (c + 1) * this.drawNodes);
      this.driver.release(c);
    } else {
      c = this.slotsUsed++;
      if (c >= this.caseCap) this.growCases();
    }
    this.caseNo[c] = no;
    this.caseArrive[c] = t;
    this.caseStaff[c] = 0;
    this.caseRobot[c] = 0;
    this.caseWait[c] = 0;
    this.caseResident[c] = 0;
    this.caseVisit[c] = 0;
    this.casePresent[c] = 0;
    this.caseEvents[c] = 0;
    this.caseHead[c] = -1;
    this.caseKey[c] = mixKey(this.repKey1, no);
    this.raw.casesStarted++;
    this.accountWip(t);
    this.inSystem++;
    if (no < this.cfg.traceCases) this.traceOf[no] = { case: no, entries: [] };
    this.dispatch(c, EV_START, this.m.arrivals[stream].startNode, 0);
  }

  private growCases(): void {
    const n = this.caseCap * 2;
    this.caseArrive = growF64(this.caseArrive, n);
    this.caseStaff = growF64(this.caseStaff, n);
    this.caseRobot = growF64(this.caseRobot, n);
    this.caseWait = growF64(this.caseWait, n);
    this.caseResident = growF64(this.caseResident, n);
    this.caseVisit = growU8(this.caseVisit, n);
    this.casePresent = growU8(this.casePresent, n);
    this.caseEvents = growI32(this.caseEvents, n);
    this.caseHead = growI32(this.caseHead, n, -1);
    this.caseKey = growI32(this.caseKey, n);
    this.caseNo = growI32(this.caseNo, n);
    const visits = new Uint16Array(n * this.drawNodes);
    visits.set(this.caseVisits);
    this.caseVisits = visits;
    this.caseCap = n;
  }

  private finishCase(c: number): void {
    const raw = this.raw;
    const t = this.now;
    raw.casesCompleted++;
    this.accountWip(t);
    this.inSystem--;
    const no = this.caseNo[c];
    if (no >= this.cfg.warmupCases) {
      raw.casesCounted++;
      raw.leadTimeMinutesSum += t - this.caseArrive[c];
      const days = this.p.defaultCalendar.businessDaysBetween(this.caseArrive[c], t);
      raw.leadBusinessDaysSum += days;
      raw.leadBusinessDayBins.add(days);
      raw.waitMinutesSum += this.caseWait[c];
      raw.staffMinutesCountedSum += this.caseStaff[c];
      raw.robotMinutesCountedSum += this.caseRobot[c];
      if (this.caseVisit[c]) {
        raw.residentVisits++;
        raw.residentMinutesSum += this.caseResident[c];
      }
    }
    const tr = no < this.traceOf.length ? this.traceOf[no] : undefined;
    if (tr) tr.entries.push([round6(t), 'case.done', '']);
    this.freeSlots.push(c);
  }

  // ---- random numbers --------------------------------------------------------------------------------

  /**
   * The generator for one sample of element n for case c: keyed by the replication, the element's id,
   * the purpose and the case's visit to the element, so that draws do not depend on event order.
   * `visit` is the case's visit counter for n, read before it is advanced by `nextVisit`.
   */
  private rngFor(c: number, n: number, purpose: number, visit: number): KeyedRng {
    // The case key is mixed once at arrival; the element key is a mixed word too, so their xor differs
    // for every (case, element, purpose) and the finaliser in next() spreads it.
    const k = this.elementKeys[n * PURPOSES + purpose];
    return this.keyed.setKey((this.repKey0 ^ Math.imul(visit, 0x27d4eb2f)) | 0, this.caseKey[c] ^ k);
  }

  /** Visit number of case c at drawing element n (0 on the first visit); advances the counter. */
  private nextVisit(c: number, n: number): number {
    const i = c * this.drawNodes + this.drawSlot[n];
    return this.caseVisits[i]++;
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

  /** Events raised while a dispatch was in progress, in FIFO order (decisions, zero-time tasks). */
  private flushImmediate(): void {
    for (let i = 0; i < this.immLen; i++) this.dispatch(this.immCase[i], this.immType[i], this.immNode[i], this.immChoice[i]);
    this.immLen = 0;
  }

  /**
   * A machine event now, or — when raised during another dispatch — after the events already queued for
   * this instant. Dispatching at once when nothing is in progress gives the same order as queueing, since
   * the queue is empty then, without the round trip through it.
   */
  private raise(c: number, type: number, node: number, choice: number): void {
    if (this.dispatching > 0 || this.immLen > 0) this.pushImmediate(c, type, node, choice);
    else this.dispatch(c, type, node, choice);
  }

  private dispatch(c: number, type: number, node: number, choice: number): void {
    if (++this.caseEvents[c] > this.maxEventsPerCase) {
      const nodes = this.m.nodes;
      throw new RunawayError(
        `案件1件あたりのイベント数が上限 (${this.cfg.maxEventsPerCase}) を超えました。${nodeLabel(nodes[node])} の付近で終わらないループか分岐の増殖があります`,
        nodes[node].id,
      );
    }
    this.dispatching++;
    const step = this.driver.apply(c, type, node, choice);
    // Reading past the end of a JS array is slow in V8; only traced cases are stored.
    const no = this.caseNo[c];
    const tr = no < this.traceCases ? this.traceOf[no] : undefined;
    const nodes = this.m.nodes;
    if (tr)
      tr.entries.push(
        type === EV_DECIDED ? [round6(this.now), EVENT_TYPES[type], nodes[node].id, choice] : [round6(this.now), EVENT_TYPES[type], nodes[node].id],
      );
    const kinds = step.workKind,
      ns = step.workNode;
    for (let i = 0; i < kinds.length; i++) {
      const n = ns[i];
      const kind = kinds[i];
      if (tr) tr.entries.push([round6(this.now), WORK_KIND_NAMES[kind], nodes[n].id]);
      switch (kind) {
        case WORK_START_TASK:
          this.startJob(c, n);
          break;
        case WORK_ARM_TIMER:
          this.armTimer(c, n);
          break;
        case WORK_CANCEL_TIMER:
          this.cancel(c, n, true);
          break;
        case WORK_CANCEL_TASK:
          this.cancel(c, n, false);
          break;
        case WORK_DECIDE:
          this.pushImmediate(c, EV_DECIDED, n, this.decide(c, n));
          break;
        case WORK_REACHED_END:
          this.raw.endCount[n]++;
          break;
      }
    }
    this.dispatching--;
    const status = step.status;
    if (status === STATUS_DONE) this.finishCase(c);
    else if (status === STATUS_FAILED) {
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

  private decide(c: number, n: number): number {
    const node = this.m.nodes[n];
    const out = node.outgoing;
    const rng = this.rngFor(c, n, PURPOSE_DECIDE, this.drawSlot[n] >= 0 ? this.nextVisit(c, n) : 0);
    if (node.split === 'some') {
      // Inclusive split: each branch is taken with its own probability. With a default flow, "none
      // chosen" takes the default; without one, the draw is repeated, so the odds are those of the branches
      // given that at least one is taken (50/50 stays symmetric, it does not become 75/50).
      // A file from BIMP draws the default flow like the others (BIMP 2.0.7 does), and repeats while none is taken.
      const drawsDefault = this.m.inclusiveDrawsDefault === true;
      const hasDefault = !drawsDefault && out.some((f) => this.m.flows[f].isDefault);
      for (let attempt = 0; attempt < 10_000; attempt++) {
        let mask = 0;
        for (let i = 0; i < out.length; i++) {
          const flow = this.m.flows[out[i]];
          if ((drawsDefault || !flow.isDefault) && rng.next() < flow.probability) mask |= 1 << i;
        }
        if (mask !== 0) return mask;
        if (hasDefault) break;
      }
      return 1 << this.p.defaultBranch[n];
    }
    const cum = this.p.cumulative[n];
    const u = rng.next() * cum[cum.length - 1];
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
    // Only models that can cancel need to find a case's records again.
    if (this.hasCancels) {
      this.recNextInCase[r] = this.caseHead[c];
      this.caseHead[c] = r;
    }
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
    this.recEnd = growF64(this.recEnd, n);
    this.recAttended = growU8(this.recAttended, n);
    this.recNextInCase = growI32(this.recNextInCase, n);
    this.recVisit = growI32(this.recVisit, n);
    this.recLink = growI32(this.recLink, n);
    this.cap = n;
  }

  private freeRec(r: number): void {
    this.recStage[r] = ST_FREE;
    this.recLink[r] = this.freeHead;
    this.freeHead = r;
  }

  private unlinkFromCase(r: number): void {
    if (!this.hasCancels) return;
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
    if (this.recStage[found] === ST_QUEUED) {
      // It waited in the queue until now: that is waiting time of the case and of the task.
      const wait = this.now - this.recQueuedAt[found];
      this.caseWait[c] += wait;
      if (this.caseNo[c] >= this.warmupCases) {
        this.taskWaitSum[n] += wait;
        this.raw.taskWaitCount[n]++;
      }
    } else if (this.recStage[found] === ST_SERVICE) {
      // The server stops now; only the work actually done counts.
      const r = this.p.roleOf[n];
      const start = this.recStart[found];
      const attended = this.recAttended[found] === 1;
      const worked = attended
        ? Math.max(0, Math.min(this.now - start, this.recStaff[found]))
        : Math.min(Math.max(0, this.p.roleCalendars[r].workingMinutesBetween(start, this.now)), this.recStaff[found]);
      this.accountService(r, start, Math.max(start, this.now), attended);
      this.raw.roleStaffMinutes[r] += worked;
      this.addWork(c, r, worked);
      this.busy[r]--;
      this.pullNext(r);
    }
  }

  /** Minutes worked on case c by role r: staff time, or run time for a robot. */
  private addWork(c: number, r: number, minutes: number): void {
    if (this.robot[r]) {
      this.raw.robotMinutesTotal += minutes;
      this.caseRobot[c] += minutes;
    } else {
      this.raw.staffMinutesTotal += minutes;
      this.caseStaff[c] += minutes;
    }
  }

  private armTimer(c: number, n: number): void {
    const r = this.allocRec(c, n, ST_TIMER);
    this.heap.push(this.now + this.m.nodes[n].timerMinutes, r * 8 + K_TIMER);
  }

  // ---- tasks -----------------------------------------------------------------------------------------

  private startJob(c: number, n: number): void {
    const r = this.allocRec(c, n, ST_RESIDENT);
    const staff = this.staffOf[n];
    const res = this.residentOf[n];
    const visit = this.drawSlot[n] >= 0 ? this.nextVisit(c, n) : 0;
    this.recStaff[r] = staff === null ? 0 : Math.max(0, staff(this.rngFor(c, n, PURPOSE_STAFF, visit)));
    this.recVisit[r] = visit;
    if (res !== null) {
      const rt = Math.max(0, res(this.rngFor(c, n, PURPOSE_RESIDENT, visit)));
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
    if (staff <= 0) {
      this.afterService(rec);
      return;
    }
    this.recQueuedAt[rec] = this.now;
    const r = this.roleOf[this.recNode[rec]];
    if (this.busy[r] < this.servers[r]) {
      this.busy[r]++;
      this.startService(rec, r);
    } else {
      this.recStage[rec] = ST_QUEUED;
      this.recLink[rec] = -1;
      if (this.qTail[r] < 0) this.qHead[r] = rec;
      else this.recLink[this.qTail[r]] = rec;
      this.qTail[r] = rec;
      this.qLen[r]++;
    }
  }

  private startService(rec: number, r: number): void {
    const cal = this.roleCalendars[r];
    const c = this.recCase[rec];
    const n = this.recNode[rec];
    // A resident in front of the counter (or waiting in the building for this step) is finished even past
    // closing time or over lunch: counters rotate staff and do not send people home. The time outside the
    // calendar is 時間外. Every other step waits for the role's calendar.
    const attended = this.attended[n] === 1 || (this.attended[n] === 2 && this.casePresent[c] === 1);
    const start = attended ? this.now : cal.nextOpen(this.now);
    const end = attended ? start + this.recStaff[rec] : cal.addWorkingMinutes(start, this.recStaff[rec]);
    this.recStage[rec] = ST_SERVICE;
    this.recStart[rec] = start;
    this.recEnd[rec] = end;
    this.recAttended[rec] = attended ? 1 : 0;
    const wait = start - this.recQueuedAt[rec];
    this.caseWait[c] += wait;
    if (this.caseVisit[c] && this.residentOf[n] !== null) this.caseResident[c] += wait + (end - start);
    if (this.caseNo[c] >= this.warmupCases) {
      this.taskWaitSum[n] += wait;
      this.raw.taskWaitCount[n]++;
    }
    this.heap.push(end, rec * 8 + K_SERVICE);
  }

  private pullNext(r: number): void {
    while (this.qHead[r] >= 0) {
      const next = this.qHead[r];
      this.qHead[r] = this.recLink[next];
      if (this.qHead[r] < 0) this.qTail[r] = -1;
      this.qLen[r]--;
      if (this.recCancelled[next]) {
        this.freeRec(next);
        continue;
      }
      this.busy[r]++;
      this.startService(next, r);
      return;
    }
  }

  private serviceDone(rec: number): void {
    if (this.recCancelled[rec]) {
      this.freeRec(rec);
      return;
    }
    const n = this.recNode[rec];
    const r = this.roleOf[n];
    const start = this.recStart[rec],
      end = this.recEnd[rec];
    this.accountService(r, start, end, this.recAttended[rec] === 1);
    this.busy[r]--;
    this.pullNext(r);
    this.afterService(rec);
  }

  private afterService(rec: number): void {
    const n = this.recNode[rec];
    const c = this.recCase[rec];
    const staff = this.recStaff[rec];
    const r = this.roleOf[n];
    this.taskCount[n]++;
    this.taskStaffSum[n] += staff;
    this.roleStaffMinutes[r] += staff;
    this.addWork(c, r, staff);
    this.raw.paperSheetsTotal += this.paper[n];
    if (this.caseNo[c] >= this.warmupCases) this.taskCountCounted[n]++;
    const lag = this.lagOf[n];
    if (lag !== null) {
      const amount = Math.max(0, lag(this.rngFor(c, n, PURPOSE_LAG, this.recVisit[rec])));
      let until: number;
      if (this.m.nodes[n].lag!.unit === 'minutes') until = this.now + amount;
      else {
        this.casePresent[c] = 0;
        const cal = this.roleCalendars[r];
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
    const c = this.recCase[rec],
      n = this.recNode[rec];
    this.unlinkFromCase(rec);
    this.freeRec(rec);
    this.raise(c, EV_COMPLETED, n, 0);
  }
}

function round6(t: number): number {
  return Math.round(t * 1e6) / 1e6;
}
