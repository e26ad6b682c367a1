import type { Initiative } from '../../domain/model/initiative';
import type { InitiativePatch, InitiativeRecord } from '../../store/initiativeRepository';
import { editablePatch } from './editorState';

/**
 * Unsaved 取組 edits parked in localStorage when the page goes away, as the process editor parks a
 * diagram (see ../editor/drafts.ts): IndexedDB writes are cut off when a tab closes or reloads,
 * localStorage writes finish inside `pagehide`. Only the fields the form edits are kept.
 */
export interface InitiativeDraft {
  initiativeId: string;
  /** Revision of the stored 取組 the edits were made on. */
  revision: number;
  patch: InitiativePatch;
  savedAt: string;
}

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const keyOf = (initiativeId: string) => `bpr-studio.initiativeDraft.${initiativeId}`;

export function writeInitiativeDraft(storage: DraftStorage | undefined, draft: InitiativeDraft): boolean {
  try {
    storage?.setItem(keyOf(draft.initiativeId), JSON.stringify(draft));
    return !!storage;
  } catch {
    // Storage full or disabled: the asynchronous save attempt is all that is left.
    return false;
  }
}

export function readInitiativeDraft(storage: DraftStorage | undefined, initiativeId: string): InitiativeDraft | undefined {
  try {
    const raw = storage?.getItem(keyOf(initiativeId));
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<InitiativeDraft>;
    if (value.initiativeId !== initiativeId || typeof value.revision !== 'number' || !value.patch || typeof value.patch !== 'object') return undefined;
    return { initiativeId, revision: value.revision, patch: value.patch, savedAt: String(value.savedAt ?? '') };
  } catch {
    return undefined;
  }
}

export function clearInitiativeDraft(storage: DraftStorage | undefined, initiativeId: string): void {
  try {
    storage?.removeItem(keyOf(initiativeId));
  } catch {
    // Nothing to clean up when storage is unavailable.
  }
}

/**
 * The form content to put back: the stored record with the parked fields over it, only when nothing
 * was stored after the draft was taken (otherwise it would undo newer work) and it differs.
 */
export function restoredDraft(draft: InitiativeDraft | undefined, stored: InitiativeRecord): Initiative | undefined {
  if (!draft || draft.revision !== stored.revision) return undefined;
  const { revision: _r, ...base } = stored;
  // JSON leaves out fields that were cleared (e.g. 次期方針 set back to none); absent means cleared.
  const cleared = Object.fromEntries(
    Object.keys(editablePatch(base))
      .filter((k) => !(k in draft.patch))
      .map((k) => [k, undefined]),
  );
  const next = { ...base, ...cleared, ...draft.patch } as Initiative;
  return JSON.stringify(editablePatch(next)) === JSON.stringify(editablePatch(base)) ? undefined : next;
}
