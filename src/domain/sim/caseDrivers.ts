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
  work: readonly number[];
  status: number;
  error: CaseRunaway | null;
}

export interface CaseDriver {
  /** Prepare storage for case ids below `n`. */
  reset(): void;
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

interface Interned {
  snapshot: Snapshot;
  next: Map<number, FastStep>;
}
interface FastStep extends CaseStep {
  to: number;
}

export class FastCaseDriver implements CaseDriver {
  private readonly states: Interned[] = [];
  private readonly ids = new Map<string, number>();
  private readonly initialId: number;
  private caseState = new Int32Array(1024);
  private readonly nodeCount: number;

  constructor(private readonly machine: CaseMachine, nodeCount: number) {
    this.nodeCount = Math.max(1, nodeCount);
    this.initialId = this.intern(initialTransition(machine)[0]);
  }

  get stateCount(): number {
    return this.states.length;
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
      id = this.states.length;
      this.states.push({ snapshot: s, next: new Map() });
      this.ids.set(key, id);
    }
    return id;
  }

  apply(caseId: number, type: number, node: number, choice: number): CaseStep {
    if (caseId >= this.caseState.length) {
      const grown = new Int32Array(Math.max(caseId + 1, this.caseState.length * 2)).fill(this.initialId);
      grown.set(this.caseState);
      this.caseState = grown;
    }
    const from = this.states[this.caseState[caseId]];
    const code = (choice * this.nodeCount + node) * 5 + type;
    let step = from.next.get(code);
    if (step === undefined) {
      const [next] = transition(this.machine, from.snapshot, makeEvent(type, node, choice));
      step = { to: this.intern(next), work: next.context.work.slice(), status: statusOf(next), error: next.context.error };
      from.next.set(code, step);
    }
    this.caseState[caseId] = step.to;
    return step;
  }
}

export class ActorCaseDriver implements CaseDriver {
  private actors = new Map<number, Actor<CaseMachine>>();

  constructor(private readonly machine: CaseMachine) {}

  readonly stateCount = 0;

  reset(): void {
    for (const a of this.actors.values()) a.stop();
    this.actors.clear();
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
    return { work: s.context.work, status, error: s.context.error };
  }
}
