import { assign, setup } from 'xstate';

/** Main tabs, in display order. */
export const APP_TABS = ['workspace', /* inventory */ 'inventory', 'editor', 'simulation', /* compare */ 'compare', 'rpa', 'initiatives'] as const;
export type AppTab = (typeof APP_TABS)[number];

export interface AppContext {
  /** The process the editor shows; kept while visiting other tabs. */
  openProcessId: string | null;
  /* compare: the As-Is/To-Be pair the 比較 tab shows; null = chosen from the open process */
  comparePair: { asIsId: string; toBeId: string } | null;
}

export type AppEvent =
  | { type: 'nav.tab'; tab: AppTab }
  | { type: 'process.open'; processId: string }
  | { type: 'process.closed'; processId: string }
  /** Back to where the user was before a reload (see navigationMemory.ts). */
  | { type: 'nav.restore'; tab: AppTab; openProcessId: string | null; comparePair: AppContext['comparePair'] }
  /* compare */
  | { type: 'compare.open'; asIsId: string; toBeId: string };

/** Navigation between the main tabs and which process is open in the editor. */
export const appMachine = setup({
  types: { context: {} as AppContext, events: {} as AppEvent },
  actions: {
    restoreContext: assign(({ event }) => (event.type === 'nav.restore' ? { openProcessId: event.openProcessId, comparePair: event.comparePair } : {})),
  },
}).createMachine({
  id: 'app',
  initial: 'workspace',
  context: { openProcessId: null, /* compare */ comparePair: null },
  on: {
    'nav.tab': [
      { guard: ({ event }) => event.tab === 'workspace', target: '.workspace' },
      { guard: ({ event }) => event.tab === 'inventory', target: '.inventory' },
      { guard: ({ event }) => event.tab === 'editor', target: '.editor' },
      { guard: ({ event }) => event.tab === 'simulation', target: '.simulation' },
      /* compare */ { guard: ({ event }) => event.tab === 'compare', target: '.compare' },
      { guard: ({ event }) => event.tab === 'rpa', target: '.rpa' },
      { guard: ({ event }) => event.tab === 'initiatives', target: '.initiatives' },
    ],
    'nav.restore': [
      { guard: ({ event }) => event.tab === 'workspace', target: '.workspace', actions: 'restoreContext' },
      { guard: ({ event }) => event.tab === 'inventory', target: '.inventory', actions: 'restoreContext' },
      { guard: ({ event }) => event.tab === 'editor', target: '.editor', actions: 'restoreContext' },
      { guard: ({ event }) => event.tab === 'simulation', target: '.simulation', actions: 'restoreContext' },
      { guard: ({ event }) => event.tab === 'compare', target: '.compare', actions: 'restoreContext' },
      { guard: ({ event }) => event.tab === 'rpa', target: '.rpa', actions: 'restoreContext' },
      { guard: ({ event }) => event.tab === 'initiatives', target: '.initiatives', actions: 'restoreContext' },
    ],
    'process.open': {
      target: '.editor',
      actions: assign({ openProcessId: ({ event }) => event.processId }),
    },
    /* compare: opens the 比較 tab on that pair */
    'compare.open': {
      target: '.compare',
      actions: assign({ comparePair: ({ event }) => ({ asIsId: event.asIsId, toBeId: event.toBeId }) }),
    },
    /* end compare */
    // A deleted process must not stay open in the editor.
    'process.closed': {
      actions: assign({
        openProcessId: ({ context, event }) => (context.openProcessId === event.processId ? null : context.openProcessId),
      }),
    },
  },
  states: {
    workspace: {},
    inventory: {},
    editor: {},
    simulation: {},
    /* compare */ compare: {},
    rpa: {},
    initiatives: {},
  },
});
