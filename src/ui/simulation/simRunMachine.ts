import { assign, setup } from 'xstate';
import type { SimulationResult } from '../../domain/sim/result';

/** What the user chose for one run; `period` says whether `years` or `cases` bounds the arrivals. */
export interface SimRunSettings {
  replications: number;
  seed: number;
  period: 'years' | 'cases';
  years: number;
  cases: number;
  mode: 'fast' | 'actor';
}

export const DEFAULT_RUN_SETTINGS: SimRunSettings = { replications: 10, seed: 1, period: 'years', years: 1, cases: 1000, mode: 'fast' };

/** A problem found before or during a run; `elementId` lets the UI select the element it names. */
export interface RunIssue {
  message: string;
  elementId?: string;
  source: 'lint' | 'model' | 'run';
}

export interface SimRunContext {
  /** Increases with every start; replies carrying an older id belong to an abandoned run. */
  runId: number;
  settings: SimRunSettings;
  /** Fraction 0…1 of replications finished. */
  progress: number;
  /** The latest completed result; kept while a new run validates or runs, so the page never goes blank. */
  result: SimulationResult | null;
  resultSettings: SimRunSettings | null;
  /** Blocking problems of the last attempt (validation or run failure). */
  issues: RunIssue[];
  errorMessage: string | null;
  /** Non-blocking findings of the last validation (lint warnings). */
  notes: RunIssue[];
}

export type SimRunEvent =
  | { type: 'sim.start'; settings: SimRunSettings }
  | { type: 'sim.validated'; runId: number; notes: RunIssue[] }
  | { type: 'sim.progress'; runId: number; fraction: number }
  | { type: 'sim.done'; runId: number; result: SimulationResult }
  /** A stored result of unchanged inputs, shown again after a reload without running anything. */
  | { type: 'sim.restored'; settings: SimRunSettings; result: SimulationResult }
  | { type: 'sim.error'; runId: number; message: string; issues: RunIssue[] }
  | { type: 'sim.cancel' }
  | { type: 'sim.cancelled'; runId: number };

const current = ({ context, event }: { context: SimRunContext; event: SimRunEvent }) => 'runId' in event && event.runId === context.runId;

/**
 * One simulation run's lifecycle: idle → validating → running → done | error | cancelled. The page
 * validates and talks to the worker; this machine only decides which replies still count.
 */
export const simRunMachine = setup({
  types: { context: {} as SimRunContext, events: {} as SimRunEvent },
  guards: { current },
  actions: {
    begin: assign(({ context, event }) => {
      const settings = event.type === 'sim.start' ? event.settings : context.settings;
      return { runId: context.runId + 1, settings, progress: 0, issues: [], errorMessage: null, notes: [] };
    }),
    fail: assign(({ event }) => (event.type === 'sim.error' ? { issues: event.issues, errorMessage: event.message } : {})),
    finish: assign(({ context, event }) => (event.type === 'sim.done' ? { result: event.result, resultSettings: context.settings, progress: 1 } : {})),
  },
}).createMachine({
  id: 'simRun',
  initial: 'idle',
  context: {
    runId: 0,
    settings: DEFAULT_RUN_SETTINGS,
    progress: 0,
    result: null,
    resultSettings: null,
    issues: [],
    errorMessage: null,
    notes: [],
  },
  states: {
    idle: {
      on: {
        'sim.start': { target: 'validating', actions: 'begin' },
        'sim.restored': {
          target: 'done',
          actions: assign(({ event }) => ({ settings: event.settings, result: event.result, resultSettings: event.settings, progress: 1 })),
        },
      },
    },
    validating: {
      tags: ['busy'],
      on: {
        'sim.validated': {
          guard: 'current',
          target: 'running',
          actions: assign(({ event }) => ({ notes: event.notes })),
        },
        'sim.error': { guard: 'current', target: 'error', actions: 'fail' },
        // Nothing reached the worker yet, so there is nothing to wait for.
        'sim.cancel': { target: 'cancelled' },
      },
    },
    running: {
      tags: ['busy'],
      on: {
        'sim.progress': {
          guard: 'current',
          actions: assign(({ event }) => ({ progress: Math.min(1, Math.max(0, event.fraction)) })),
        },
        'sim.done': { guard: 'current', target: 'done', actions: 'finish' },
        'sim.error': { guard: 'current', target: 'error', actions: 'fail' },
        'sim.cancel': { target: 'cancelling' },
        'sim.cancelled': { guard: 'current', target: 'cancelled' },
      },
    },
    // The worker notices the cancel between replications; until then the run is still using it.
    cancelling: {
      tags: ['busy'],
      on: {
        'sim.cancelled': { guard: 'current', target: 'cancelled' },
        // The last replication finished before the cancel arrived: the result is complete and valid.
        'sim.done': { guard: 'current', target: 'done', actions: 'finish' },
        'sim.error': { guard: 'current', target: 'error', actions: 'fail' },
      },
    },
    done: { on: { 'sim.start': { target: 'validating', actions: 'begin' } } },
    error: { on: { 'sim.start': { target: 'validating', actions: 'begin' } } },
    cancelled: { on: { 'sim.start': { target: 'validating', actions: 'begin' } } },
  },
});

export type SimRunState = 'idle' | 'validating' | 'running' | 'cancelling' | 'done' | 'error' | 'cancelled';
