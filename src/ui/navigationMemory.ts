import { APP_TABS, type AppContext, type AppTab } from './appMachine';

/**
 * Where the user was (tab, open process, compared pair), so a reload comes back to it. sessionStorage
 * keeps it per browser tab across reloads; a second tab opens on the workspace rather than on the same
 * process, where two editors would only run into each other's edits.
 */
const KEY = 'bpr.navigation.v1';

export interface RememberedNavigation extends Pick<AppContext, 'openProcessId' | 'comparePair'> {
  tab: AppTab;
}

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * The stored entry if it is whole: a known tab, a non-empty process id or null, a pair of non-empty ids
 * or null; anything else is null. Checked by hand rather than with zod: this module is part of the first
 * load, and evaluating zod there was the largest part of the start-up's longest task (issue 13); the
 * store's record schemas bring zod in their own chunk.
 */
export function readNavigation(value: unknown): RememberedNavigation | null {
  if (typeof value !== 'object' || value === null) return null;
  const { tab, openProcessId, comparePair } = value as Record<string, unknown>;
  if (!APP_TABS.some((known) => known === tab)) return null;
  if (openProcessId !== null && !isId(openProcessId)) return null;
  if (comparePair === null) return { tab: tab as AppTab, openProcessId, comparePair: null };
  if (typeof comparePair !== 'object') return null;
  const { asIsId, toBeId } = comparePair as Record<string, unknown>;
  if (!isId(asIsId) || !isId(toBeId)) return null;
  return { tab: tab as AppTab, openProcessId, comparePair: { asIsId, toBeId } };
}

function storages(): Storage[] {
  try {
    return [window.sessionStorage];
  } catch {
    // Storage can be switched off by policy; the app then simply starts on the workspace.
    return [];
  }
}

export function recallNavigation(): RememberedNavigation | null {
  for (const storage of storages()) {
    try {
      const raw = storage.getItem(KEY);
      if (!raw) continue;
      const remembered = readNavigation(JSON.parse(raw));
      if (remembered) return remembered;
    } catch {
      // An unreadable entry is ignored, never fatal.
    }
  }
  return null;
}

export function rememberNavigation(tab: AppTab, context: Pick<AppContext, 'openProcessId' | 'comparePair'>): void {
  const text = JSON.stringify({ tab, openProcessId: context.openProcessId, comparePair: context.comparePair } satisfies RememberedNavigation);
  for (const storage of storages()) {
    try {
      storage.setItem(KEY, text);
    } catch {
      // Full or blocked storage: losing the place after a reload is the only consequence.
    }
  }
}
