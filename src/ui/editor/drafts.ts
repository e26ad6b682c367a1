/**
 * Unsaved editor content parked in localStorage when the page goes away. IndexedDB writes are
 * asynchronous and are cut off when a tab closes or reloads; localStorage writes are synchronous and
 * finish inside `pagehide`. The next time the process opens, a draft based on the stored revision is
 * put back and autosaved.
 */
export interface Draft {
  processId: string;
  /** Revision of the stored process the edits were made on. */
  revision: number;
  xml: string;
  savedAt: string;
}

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const keyOf = (processId: string) => `bpr-studio.draft.${processId}`;

export function writeDraft(storage: DraftStorage | undefined, draft: Draft): boolean {
  try {
    storage?.setItem(keyOf(draft.processId), JSON.stringify(draft));
    return !!storage;
  } catch {
    // Storage full or disabled: the asynchronous save attempt is all that is left.
    return false;
  }
}

export function readDraft(storage: DraftStorage | undefined, processId: string): Draft | undefined {
  try {
    const raw = storage?.getItem(keyOf(processId));
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<Draft>;
    if (value.processId !== processId || typeof value.revision !== 'number' || typeof value.xml !== 'string') return undefined;
    return { processId, revision: value.revision, xml: value.xml, savedAt: String(value.savedAt ?? '') };
  } catch {
    return undefined;
  }
}

export function clearDraft(storage: DraftStorage | undefined, processId: string): void {
  try {
    storage?.removeItem(keyOf(processId));
  } catch {
    // Nothing to clean up when storage is unavailable.
  }
}

/** A draft is used only when nothing was stored after it was taken; otherwise it would undo newer work. */
export function usableDraft(draft: Draft | undefined, stored: { revision: number; xml: string }): Draft | undefined {
  return draft && draft.revision === stored.revision && draft.xml !== stored.xml ? draft : undefined;
}

export function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
