import { assign, setup } from 'xstate';
import type { SimModel, SimNode } from './model';

/**
 * ONE case's lifecycle as an xstate machine: the process semantics of the simulation live here and nowhere
 * else. The token marking sits in context; every event moves tokens until they rest at something that takes
 * time (a task, a timer, a message wait) or needs a random choice (a split), and the machine lists that work
 * in `context.work` for the scheduler to perform. Randomness stays outside: a split asks for a decision
 * (WORK_DECIDE) and the scheduler answers with `gateway.decided` carrying the drawn branch, so the result
 * of (marking, event) is a pure function and the fast mode may memoise it.
 *
 * Marking layout (counts, length 4N + F for N nodes and F flows):
 *   [0, N)      tokens active at a node (task in progress, timer armed, message awaited, race open)
 *   [N, 2N)     receive tasks waiting for their message before the work starts
 *   [2N, 3N)    tokens waiting for a branch decision after a node
 *   [3N, 4N)    messages delivered before anyone waited for them (not tokens: a case may end with them)
 *   [4N, 4N+F)  tokens waiting on an incoming flow of a parallel/inclusive join
 */

export const WORK_START_TASK = 0;
export const WORK_ARM_TIMER = 1;
export const WORK_CANCEL_TIMER = 2;
export const WORK_CANCEL_TASK = 3;
export const WORK_DECIDE = 4;
export const WORK_REACHED_END = 5;
export const WORK_KIND_NAMES = ['task.start', 'timer.armed', 'timer.cancelled', 'task.cancelled', 'gateway.decide', 'end.reached'] as const;

export type CaseEvent =
  | { type: 'case.start'; node: number }
  | { type: 'task.completed'; node: number }
  | { type: 'timer.fired'; node: number }
  | { type: 'message.received'; node: number }
  | { type: 'gateway.decided'; node: number; choice: number };

export const EVENT_TYPES = ['case.start', 'task.completed', 'timer.fired', 'message.received', 'gateway.decided'] as const;
export const EV_START = 0;
export const EV_COMPLETED = 1;
export const EV_TIMER = 2;
export const EV_MESSAGE = 3;
export const EV_DECIDED = 4;

export interface CaseRunaway {
  code: 'tokens' | 'steps';
  node: number;
}

export interface CaseContext {
  m: number[];
  /** Work emitted by the last transition, encoded kind * N + node. */
  work: number[];
  /** Tokens alive (everything but buffered messages); 0 ends the case. */
  live: number;
  error: CaseRunaway | null;
}

export interface CaseLimits {
  /** Tokens alive in one case at once. */
  maxTokens: number;
  /** Token moves in one transition (catches loops of zero-time elements). */
  maxSteps: number;
}

export const DEFAULT_CASE_LIMITS: CaseLimits = { maxTokens: 1000, maxSteps: 100_000 };

export interface CaseSemantics {
  readonly size: number;
  empty(): number[];
  step(m0: number[], event: CaseEvent): Omit<CaseContext, 'm'> & { m: number[] };
}

const isGatewayKind = (k: SimNode['kind']) => k === 'exclusive' || k === 'parallel' || k === 'inclusive' || k === 'eventBased';

export function createCaseSemantics(model: SimModel, limits: CaseLimits = DEFAULT_CASE_LIMITS): CaseSemantics {
  const nodes = model.nodes,
    flows = model.flows;
  const N = nodes.length,
    F = flows.length;
  const A = 0,
    W = N,
    D = 2 * N,
    MB = 3 * N,
    J = 4 * N;
  const size = 4 * N + F;

  const isJoin = nodes.map((n) => (n.kind === 'parallel' || n.kind === 'inclusive') && n.incoming.length > 1);
  const inclusiveJoins = nodes.filter((n, i) => isJoin[i] && n.kind === 'inclusive').map((n) => n.index);
  const raceSource = nodes.map((n) =>
    n.incoming.length === 1 && nodes[flows[n.incoming[0]].source].kind === 'eventBased' && nodes[flows[n.incoming[0]].source].split === 'race'
      ? flows[n.incoming[0]].source
      : -1,
  );

  // Nodes inside each sub-process (at any depth) and inside each process, for terminate and interrupts.
  const within = (n: SimNode, s: number): boolean => {
    for (let sc = n.scope; sc >= 0; sc = nodes[sc].scope) if (sc === s) return true;
    return false;
  };
  const scopeMembers = new Map<number, number[]>();
  for (const s of nodes)
    if (s.kind === 'subprocess')
      scopeMembers.set(
        s.index,
        nodes.filter((n) => within(n, s.index)).map((n) => n.index),
      );
  const processMembers = model.processes.map((_, p) => nodes.filter((n) => n.process === p).map((n) => n.index));
  const subprocesses = nodes.filter((n) => n.kind === 'subprocess').map((n) => n.index);

  // Inclusive join: for each incoming flow, the nodes from which a token could still reach it (not through
  // the join itself). A join fires when every empty incoming flow has no token upstream.
  const upstream = new Map<number, Uint8Array[]>();
  for (const j of inclusiveJoins) {
    upstream.set(
      j,
      nodes[j].incoming.map((f) => {
        const seen = new Uint8Array(N);
        const stack = [flows[f].source];
        while (stack.length) {
          const k = stack.pop()!;
          if (k === j || seen[k]) continue;
          seen[k] = 1;
          for (const g of nodes[k].incoming) stack.push(flows[g].source);
          if (nodes[k].kind === 'boundaryTimer' && nodes[k].attachedTo >= 0) stack.push(nodes[k].attachedTo);
          if (nodes[k].scope >= 0) stack.push(nodes[k].scope);
        }
        return seen;
      }),
    );
  }

  function step(m0: number[], event: CaseEvent): CaseContext {
    const m = m0.slice();
    const work: number[] = [];
    let error: CaseRunaway | null = null;
    let budget = limits.maxSteps;
    // Queue of token moves: f >= 0 a token arriving on flow f; -(n + 1) a token entering node n directly.
    const queue: number[] = [];
    let qi = 0;

    const emit = (kind: number, n: number) => {
      work.push(kind * N + n);
    };
    const leave = (n: number) => {
      const node = nodes[n];
      switch (node.split) {
        case 'one':
        case 'some':
          m[D + n]++;
          emit(WORK_DECIDE, n);
          return;
        case 'race': {
          m[A + n]++;
          for (const f of node.outgoing) {
            const c = flows[f].target;
            const target = nodes[c];
            if (target.kind === 'timer') emit(WORK_ARM_TIMER, c);
            else if (target.kind === 'messageCatch' && (!target.internalMessageSource || m[MB + c] > 0)) {
              if (target.internalMessageSource) m[MB + c]--;
              resolveRace(n, c);
              return;
            }
          }
          return;
        }
        default:
          for (const f of node.outgoing) queue.push(f);
      }
    };
    const resolveRace = (g: number, c: number) => {
      m[A + g]--;
      for (const f of nodes[g].outgoing) {
        const t = flows[f].target;
        if (t !== c && nodes[t].kind === 'timer') emit(WORK_CANCEL_TIMER, t);
      }
      leave(c);
    };
    const activate = (n: number) => {
      const node = nodes[n];
      m[A + n]++;
      if (node.kind === 'task') emit(WORK_START_TASK, n);
      for (const b of node.boundaries) {
        m[A + b]++;
        emit(WORK_ARM_TIMER, b);
      }
      if (node.kind === 'subprocess') for (const s of node.innerStarts) queue.push(-(s + 1));
    };
    const disarm = (n: number, except = -1) => {
      for (const b of nodes[n].boundaries) {
        if (b !== except && m[A + b] > 0) {
          m[A + b]--;
          emit(WORK_CANCEL_TIMER, b);
        }
      }
    };
    const deliverTo = (t: number) => {
      const node = nodes[t];
      if (node.kind === 'start') {
        leave(t);
        return;
      }
      if (node.kind === 'messageCatch') {
        const g = raceSource[t];
        if (g >= 0 && m[A + g] > 0) resolveRace(g, t);
        else if (m[A + t] > 0) {
          m[A + t]--;
          leave(t);
        } else m[MB + t]++;
        return;
      }
      if (node.kind === 'task' && node.waitsForMessage) {
        if (m[W + t] > 0) {
          m[W + t]--;
          activate(t);
        } else m[MB + t]++;
        return;
      }
      if ((node.kind === 'task' || node.kind === 'subprocess') && node.incoming.length === 0) activate(t);
    };
    const deliver = (n: number) => {
      for (const t of nodes[n].messageTargets) deliverTo(t);
    };
    const kill = (members: number[]) => {
      for (const k of members) {
        const node = nodes[k];
        while (m[A + k] > 0) {
          m[A + k]--;
          if (node.kind === 'task') emit(WORK_CANCEL_TASK, k);
          else if (node.kind === 'timer' || node.kind === 'boundaryTimer') emit(WORK_CANCEL_TIMER, k);
          else if (node.kind === 'eventBased')
            for (const f of node.outgoing) if (nodes[flows[f].target].kind === 'timer') emit(WORK_CANCEL_TIMER, flows[f].target);
        }
        m[W + k] = 0;
        m[D + k] = 0;
        for (const f of node.incoming) m[J + f] = 0;
      }
    };
    const enter = (n: number) => {
      const node = nodes[n];
      switch (node.kind) {
        case 'start':
        case 'throw':
          deliver(n);
          leave(n);
          return;
        case 'end':
          deliver(n);
          emit(WORK_REACHED_END, n);
          return;
        case 'terminate':
          emit(WORK_REACHED_END, n);
          kill(node.scope >= 0 ? scopeMembers.get(node.scope)! : processMembers[node.process]);
          return;
        case 'task':
          if (node.waitsForMessage && node.internalMessageSource) {
            if (m[MB + n] > 0) {
              m[MB + n]--;
              activate(n);
            } else m[W + n]++;
          } else activate(n);
          return;
        case 'subprocess':
          activate(n);
          return;
        case 'timer':
          m[A + n]++;
          emit(WORK_ARM_TIMER, n);
          return;
        case 'messageCatch':
          if (!node.internalMessageSource) leave(n);
          else if (m[MB + n] > 0) {
            m[MB + n]--;
            leave(n);
          } else m[A + n]++;
          return;
        default:
          // Gateways after their join, boundary events after firing.
          leave(n);
      }
    };
    const parallelReady = (n: number) => {
      for (const f of nodes[n].incoming) if (m[J + f] === 0) return false;
      return true;
    };
    const hasTokenAt = (k: number) => {
      if (m[A + k] > 0 || m[W + k] > 0 || m[D + k] > 0) return true;
      for (const f of nodes[k].incoming) if (m[J + f] > 0) return true;
      return false;
    };
    const inclusiveReady = (j: number) => {
      const inc = nodes[j].incoming;
      const up = upstream.get(j)!;
      let any = false;
      for (let i = 0; i < inc.length; i++) {
        if (m[J + inc[i]] > 0) {
          any = true;
          continue;
        }
        const seen = up[i];
        for (let k = 0; k < N; k++) if (seen[k] && hasTokenAt(k)) return false;
      }
      return any;
    };
    const innerLive = (s: number) => {
      for (const k of scopeMembers.get(s)!) if (hasTokenAt(k)) return true;
      return false;
    };

    const drain = () => {
      while (qi < queue.length && error === null) {
        if (--budget < 0) {
          const x = queue[qi];
          error = { code: 'steps', node: x >= 0 ? flows[x].target : -x - 1 };
          return;
        }
        const x = queue[qi++];
        if (x < 0) {
          enter(-x - 1);
          continue;
        }
        const n = flows[x].target;
        if (!isJoin[n]) {
          enter(n);
          continue;
        }
        m[J + x]++;
        if (nodes[n].kind === 'parallel') {
          while (parallelReady(n)) {
            for (const f of nodes[n].incoming) m[J + f]--;
            enter(n);
          }
        }
      }
    };

    switch (event.type) {
      case 'case.start':
        enter(event.node);
        break;
      case 'task.completed': {
        const n = event.node;
        if (m[A + n] > 0) {
          m[A + n]--;
          disarm(n);
          deliver(n);
          leave(n);
        }
        break;
      }
      case 'timer.fired': {
        const n = event.node;
        const node = nodes[n];
        const g = raceSource[n];
        if (node.kind === 'boundaryTimer') {
          if (m[A + n] > 0) {
            m[A + n]--;
            const a = node.attachedTo;
            if (node.interrupting && m[A + a] > 0) {
              m[A + a]--;
              if (nodes[a].kind === 'task') emit(WORK_CANCEL_TASK, a);
              else kill(scopeMembers.get(a) ?? []);
              disarm(a, n);
            }
            leave(n);
          }
        } else if (g >= 0) {
          if (m[A + g] > 0) resolveRace(g, n);
        } else if (m[A + n] > 0) {
          m[A + n]--;
          leave(n);
        }
        break;
      }
      case 'message.received':
        deliverTo(event.node);
        break;
      case 'gateway.decided': {
        const n = event.node;
        if (m[D + n] > 0) {
          m[D + n]--;
          const out = nodes[n].outgoing;
          if (nodes[n].split === 'some') {
            for (let i = 0; i < out.length; i++) if (event.choice & (1 << i)) queue.push(out[i]);
          } else queue.push(out[event.choice]);
        }
        break;
      }
    }

    // Joins and sub-processes whose readiness depends on the whole marking settle after the moves.
    for (;;) {
      drain();
      if (error) break;
      let changed = false;
      for (const j of inclusiveJoins) {
        if (inclusiveReady(j)) {
          for (const f of nodes[j].incoming) if (m[J + f] > 0) m[J + f]--;
          enter(j);
          changed = true;
          break;
        }
      }
      if (changed) continue;
      for (const s of subprocesses) {
        if (m[A + s] > 0 && !innerLive(s)) {
          m[A + s]--;
          disarm(s);
          deliver(s);
          leave(s);
          changed = true;
          break;
        }
      }
      if (!changed) break;
    }

    let live = 0,
      worst = -1,
      worstCount = 0;
    for (let i = 0; i < size; i++) {
      if (i >= MB && i < J) continue;
      live += m[i];
      if (m[i] > worstCount) {
        worstCount = m[i];
        worst = i < J ? i % N : flows[i - J].target;
      }
    }
    if (!error && live > limits.maxTokens) error = { code: 'tokens', node: worst };
    return { m, work, live, error };
  }

  return { size, empty: () => new Array<number>(size).fill(0), step };
}

/** Whether a node kind is a gateway (used by validation messages and traces). */
export const isGateway = isGatewayKind;

export function buildCaseMachine(model: SimModel, limits: CaseLimits = DEFAULT_CASE_LIMITS) {
  const semantics = createCaseSemantics(model, limits);
  return setup({
    types: {
      context: {} as CaseContext,
      events: {} as CaseEvent,
    },
    actions: {
      apply: assign(({ context, event }) => semantics.step(context.m, event)),
    },
    guards: {
      failed: ({ context }) => context.error !== null,
      finished: ({ context }) => context.live === 0,
    },
  }).createMachine({
    id: 'case',
    initial: 'idle',
    context: { m: semantics.empty(), work: [], live: 0, error: null },
    states: {
      idle: {
        on: { 'case.start': { target: 'running', actions: 'apply' } },
      },
      running: {
        always: [
          { guard: 'failed', target: 'failed' },
          { guard: 'finished', target: 'done' },
        ],
        on: {
          'task.completed': { actions: 'apply' },
          'timer.fired': { actions: 'apply' },
          'message.received': { actions: 'apply' },
          'gateway.decided': { actions: 'apply' },
        },
      },
      done: { type: 'final' },
      failed: { type: 'final' },
    },
  });
}

export type CaseMachine = ReturnType<typeof buildCaseMachine>;
