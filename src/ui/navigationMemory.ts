import { z } from 'zod';
import { APP_TABS, type AppContext, type AppTab } from './appMachine';

/**
 * Where the user was (tab, open process, compared pair), so a reload comes back to it. sessionStorage
 * keeps it per browser tab across reloads; a second tab opens on the workspace rather than on the same
 * process, where two editors would only run into each other's edits.
 */
const KEY = 'bpr.navigation.v1';

const navigationSchema = z.object({
  tab: z.enum(APP_TABS),
  openProcessId: z.string().min(1).nullable(),
  comparePair: z.object({ asIsId: z.string().min(1), toBeId: z.string().min(1) }).nullable(),
});
export type RememberedNavigation = z.infer<typeof navigationSchema>;

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
      const parsed = navigationSchema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
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
