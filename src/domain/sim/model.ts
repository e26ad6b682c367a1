import { ROBOT_CALENDAR_ID, type Calendar, type Distribution, type InterArrivalType } from '../model/annotations';

/**
 * The simulation's intermediate graph: what `compileModel` produces from a BPMN diagram and its
 * annotations, and the only thing the case machine and the scheduler read. Plain data (indices, no
 * moddle objects) so that a model can be built by hand in tests and handed to a worker.
 */

export type SimNodeKind =
  | 'start'
  | 'end'
  | 'terminate'
  | 'task'
  | 'subprocess'
  | 'exclusive'
  | 'parallel'
  | 'inclusive'
  | 'eventBased'
  | 'timer'
  | 'messageCatch'
  | 'throw'
  | 'boundaryTimer';

/** How a node with several outgoing flows chooses them. */
export type SplitMode = 'none' | 'all' | 'one' | 'some' | 'race';

export interface SimLag {
  distribution: Distribution;
  unit: 'businessDays' | 'minutes';
}

export interface SimNode {
  index: number;
  id: string;
  name?: string;
  kind: SimNodeKind;
  /** Index of the enclosing sub-process node, -1 at process level. */
  scope: number;
  /** Index into SimModel.processes. */
  process: number;
  incoming: number[];
  outgoing: number[];
  split: SplitMode;
  /** Activities: role index into SimModel.roles, -1 = no role (served without a queue). */
  role: number;
  staffTime?: Distribution;
  residentTime?: Distribution;
  lag?: SimLag;
  paperSheets: number;
  /** Yen per completed execution outside staff time (bpr:step costPerCase). */
  costPerCase: number;
  lane?: string;
  /** Activities: attached boundary timer node indices. */
  boundaries: number[];
  /** Boundary timers: the activity they sit on, and whether firing cancels it. */
  attachedTo: number;
  interrupting: boolean;
  /** Timers: duration in clock minutes. */
  timerMinutes: number;
  /** Nodes receiving a message when a token passes (events) or completes (activities) here. */
  messageTargets: number[];
  /** Message catch / receive task: some node in this model sends to it. */
  internalMessageSource: boolean;
  /** Receive tasks wait for their message before the work starts. */
  waitsForMessage: boolean;
  /** Sub-processes: their inner none start events. */
  innerStarts: number[];
}

export interface SimFlow {
  index: number;
  id: string;
  name?: string;
  source: number;
  target: number;
  /** Probability in [0, 1] when the source chooses ('one' normalised to sum 1, 'some' independent). */
  probability: number;
  isDefault: boolean;
}

export interface SimRole {
  index: number;
  name: string;
  /** Integer servers; Infinity when no headcount is set. Fractional headcount rounds up. */
  servers: number;
  headcount: number | null;
  hourlyCost: number;
  calendar: Calendar;
}

export interface SimArrivalStream {
  startNode: number;
  annualVolume: number;
  /** Jan … Dec weights. */
  seasonality: number[];
  calendar: Calendar;
  /** Gaps between cases in open minutes of `calendar` (a renewal stream, e.g. BIMP FIXED); absent: Poisson from the volume. */
  interarrival?: Distribution;
  /**
   * Shape of the time between cases in open minutes: 'exponential' (Poisson) or 'fixed' (evenly spaced,
   * BIMP FIXED). The mean follows from annualVolume either way.
   */
  interArrival?: InterArrivalType;
}

export interface SimProcess {
  id: string;
  name?: string;
}

export type SimIssueSeverity = 'error' | 'warning';

export interface SimIssue {
  severity: SimIssueSeverity;
  code: string;
  elementId?: string;
  message: string;
}

export interface SimModel {
  nodes: SimNode[];
  flows: SimFlow[];
  roles: SimRole[];
  arrivals: SimArrivalStream[];
  processes: SimProcess[];
  /** Calendar used for lags in business days of tasks without a role, and for lead time in business days. */
  defaultCalendar: Calendar;
  hoursPerFte: number;
  /** Yen per year whatever the volume (bpr:settings fixedCostPerYear: licences, fees). */
  fixedCostPerYear: number;
  issues: SimIssue[];
  /** From BIMP `startDateTime` ('YYYY-MM-DD'): the first day of a run when none is requested. */
  startDate?: string;
  /** From BIMP `processInstances`: the number of cases to simulate when none is requested. */
  processInstances?: number;
}

/** A node with defaults filled, for hand-built models in tests and the bench. */
export function makeNode(partial: Partial<SimNode> & Pick<SimNode, 'index' | 'id' | 'kind'>): SimNode {
  return {
    scope: -1,
    process: 0,
    incoming: [],
    outgoing: [],
    split: 'none',
    role: -1,
    paperSheets: 0,
    costPerCase: 0,
    boundaries: [],
    attachedTo: -1,
    interrupting: true,
    timerMinutes: 0,
    messageTargets: [],
    internalMessageSource: false,
    waitsForMessage: false,
    innerStarts: [],
    ...partial,
  };
}

export function nodeLabel(node: Pick<SimNode, 'id' | 'name'>): string {
  return node.name && node.name.trim() ? `「${node.name.trim()}」(${node.id})` : `(${node.id})`;
}

/**
 * A role whose work is a robot's: it runs on the 24-hour robot calendar. Its time is run time, reported
 * apart from staff hours (it costs its hourly rate but frees no one).
 */
export function isRobotRole(role: Pick<SimRole, 'calendar'>): boolean {
  return role.calendar.id === ROBOT_CALENDAR_ID;
}
