import { createActor, initialTransition, transition, type Actor } from 'xstate';
import { EVENT_TYPES, type CaseEvent, type CaseMachine, type CaseRunaway } from './caseMachine';

/**
 * Two ways to run the same case machine. Both hand the scheduler the machine's own output for
 * (case state, event), so the traces of both modes are identical by construction:
 * - `actor`: one xstate actor per case (reference behaviour, inspectable).
 * - `fast`: per case only an interned state id; a transition is computed once with xstate's pure
 *   `transition()` and then looked up by (state id, event code). Valid because the machine draws no random
 *   numbers (branch choices arrive in the event).
 */

export const STATUS_RUNNING = 0;
export const STATUS_DONE = 1;
export const STATUS_FAILED = 2;

export interface CaseStep {
  /** Work items encoded kind · N + node, and the same decoded. */
  work: readonly number[];
  workKind: Int32Array;
  workNode: Int32Array;
  status: number;
  error: CaseRunaway | null;
}

export interface CaseDriver {
  /** Prepare storage for case ids below `n`. */
  reset(): void;
  /** The case in this slot has ended and the slot goes to a new case: forget its state. */
  release(caseId: number): void;
  apply(caseId: number, type: number, node: number, choice: number): CaseStep;
  /** Distinct machine states seen (fast mode), for diagnostics. */
  readonly stateCount: number;
}

type Snapshot = ReturnType<typeof initialTransition<CaseMachine>>[0];

function makeEvent(type: number, node: number, choice: number): CaseEvent {
  const name = EVENT_TYPES[type];
  return name === 'gateway.decided' ? { type: name, node, choice } : ({ type: name, node } as CaseEvent);
}

function statusOf(s: Snapshot): number {
  if (s.value === 'failed') return STATUS_FAILED;
  return s.status === 'done' ? STATUS_DONE : STATUS_RUNNING;
}

/** What a driver returns; one class for both drivers so the scheduler's reads stay monomorphic. */
class Step implements CaseStep {
  readonly workKind: Int32Array;
  readonly workNode: Int32Array;
  constructor(
    readonly work: readonly number[],
    readonly status: number,
    readonly error: CaseRunaway | null,
    /** Fast mode: the interned state reached. */
    readonly to: number,
    nodeCount: number,
  ) {
    // Decoded once here rather than by division in the scheduler's loop.
    this.workKind = Int32Array.from(work, (w) => Math.floor(w / nodeCount));
    this.workNode = Int32Array.from(work, (w) => w % nodeCount);
  }
}

/** Above this many table cells (4 bytes each), further states use a Map per state instead of a row. */
const MAX_TABLE_CELLS = 1 << 23;

export class FastCaseDriver implements CaseDriver {
  private readonly snapshots: Snapshot[] = [];
  private readonly ids = new Map<string, number>();
  /**
   * Memoised transitions: for events without a branch choice, row[state][type + 5·node] holds the index
   * of the step + 1 (0 = not computed yet); the rest, and states past the table budget, use a Map.
   */
  private readonly rows: (Int32Array | null)[] = [];
  private readonly others: (Map<number, number> | null)[] = [];
  private readonly steps: Step[] = [];
  private cells = 0;
  private readonly width: number;
  private readonly initialId: number;
  private caseState = new Int32Array(1024);
  private readonly nodeCount: number;

  constructor(
    private readonly machine: CaseMachine,
    nodeCount: number,
  ) {
    this.nodeCount = Math.max(1, nodeCount);
    this.width = 5 * this.nodeCount;
    this.initialId = this.intern(initialTransition(machine)[0]);
  }

  get stateCount(): number {
    return this.snapshots.length;
  }

  reset(): void {
    this.caseState.fill(this.initialId);
  }

  private intern(s: Snapshot): number {
    const m = s.context.m;
    let key = String(s.value);
    for (let i = 0; i < m.length; i++) if (m[i] !== 0) key += `,${i}:${m[i]}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.snapshots.length;
      this.snapshots.push(s);
      this.rows.push(null);
      this.others.push(null);
      this.ids.set(key, id);
    }
    return id;
  }

  private compute(from: number, type: number, node: number, choice: number): number {
    const [next] = transition(this.machine, this.snapshots[from], makeEvent(type, node, choice));
    const step = new Step(next.context.work.slice(), statusOf(next), next.context.error, this.intern(next), this.nodeCount);
    this.steps.push(step);
    return this.steps.length;
  }

  release(caseId: number): void {
    if (caseId < this.caseState.length) this.caseState[caseId] = this.initialId;
  }

  apply(caseId: number, type: number, node: number, choice: number): CaseStep {
    if (caseId >= this.caseState.length) {
      const grown = new Int32Array(Math.max(caseId + 1, this.caseState.length * 2)).fill(this.initialId);
      grown.set(this.caseState);
      this.caseState = grown;
    }
    const from = this.caseState[caseId];
    let k: number;
    const row = choice === 0 ? this.rowOf(from) : null;
    if (row !== null) {
      const code = node * 5 + type;
      k = row[code];
      if (k === 0) row[code] = k = this.compute(from, type, node, choice);
    } else {
      let map = this.others[from];
      if (map === null) this.others[from] = map = new Map();
      const code = (choice * this.nodeCount + node) * 5 + type;
      k = map.get(code) ?? 0;
      if (k === 0) map.set(code, (k = this.compute(from, type, node, choice)));
    }
    const step = this.steps[k - 1];
    this.caseState[caseId] = step.to;
    return step;
  }

  private rowOf(state: number): Int32Array | null {
    const row = this.rows[state];
    if (row !== null) return row;
    if (this.cells + this.width > MAX_TABLE_CELLS) return null;
    this.cells += this.width;
    return (this.rows[state] = new Int32Array(this.width));
  }
}

export class ActorCaseDriver implements CaseDriver {
  private actors = new Map<number, Actor<CaseMachine>>();
  private readonly nodeCount: number;

  constructor(
    private readonly machine: CaseMachine,
    nodeCount: number,
  ) {
    this.nodeCount = Math.max(1, nodeCount);
  }

  readonly stateCount = 0;

  reset(): void {
    for (const a of this.actors.values()) a.stop();
    this.actors.clear();
  }

  release(caseId: number): void {
    this.actors.get(caseId)?.stop();
    this.actors.delete(caseId);
  }

  apply(caseId: number, type: number, node: number, choice: number): CaseStep {
    let actor = this.actors.get(caseId);
    if (!actor) {
      actor = createActor(this.machine);
      actor.start();
      this.actors.set(caseId, actor);
    }
    actor.send(makeEvent(type, node, choice));
    const s = actor.getSnapshot();
    const status = statusOf(s);
    if (status !== STATUS_RUNNING) {
      actor.stop();
      this.actors.delete(caseId);
    }
    return new Step(s.context.work, status, s.context.error, -1, this.nodeCount);
  }
}
