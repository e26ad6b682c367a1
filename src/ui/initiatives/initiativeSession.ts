import type { Initiative } from '../../domain/model/initiative';
import { InitiativeConflictError, type InitiativeRecord, type InitiativeRepository } from '../../store/initiativeRepository';
import { AUTOSAVE_DELAY_MS, type SaveStatus } from '../editor/editorSession';
import { editablePatch, isDirty } from './editorState';
import { validateInitiative, type FieldIssue } from './validation';

/** As the process editor, plus 'invalid': the form has something the schema refuses, so nothing is written yet. */
export type InitiativeSaveStatus = SaveStatus | 'invalid';

export interface InitiativeSessionCallbacks {
  /** The stored record after every successful write. */
  onRecord(record: InitiativeRecord): void;
  onStatus(status: InitiativeSaveStatus): void;
  /** Another tab saved this 取組 since we loaded it; autosave stops until the user chooses. */
  onConflict(error: InitiativeConflictError): void;
  /** A write failed for another reason (storage full, deleted elsewhere, …); the form keeps its content. */
  onError(error: Error): void;
  /** The form's problems at the last save attempt ([] once it is valid again). */
  onIssues(issues: FieldIssue[]): void;
}

type Repo = Pick<InitiativeRepository, 'update' | 'get'>;

/**
 * Saving for one open 取組, the way the process editor saves a diagram (see editorSession.ts): edits
 * are written a moment after typing stops, and at once when the editor closes or the page goes away.
 * All writes, attach/detach included, go through one queue so two of them never name the same
 * expected revision (which would look like a conflict with ourselves). `getDraft` reads the form at
 * write time, so the newest keystroke is what gets stored.
 */
export class InitiativeSession {
  private record: InitiativeRecord;
  private dirty = false;
  private conflicted = false;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repo: Repo,
    record: InitiativeRecord,
    private readonly getDraft: () => Initiative,
    private readonly callbacks: InitiativeSessionCallbacks,
    private readonly autosaveDelayMs = AUTOSAVE_DELAY_MS,
  ) {
    this.record = record;
  }

  get current(): InitiativeRecord {
    return this.record;
  }

  /** Edits not yet stored (including ones held back by a conflict or an invalid field). */
  get isDirty(): boolean {
    return this.dirty;
  }

  get isConflicted(): boolean {
    return this.conflicted;
  }

  /** Called on every change of the form. */
  markChanged(): void {
    if (this.closed) return;
    this.dirty = true;
    this.callbacks.onStatus(this.conflicted ? 'conflict' : 'dirty');
    this.scheduleAutosave();
  }

  /** Writes pending edits now (保存, ← 一覧へ戻る, tab switch, page hidden or closing). */
  flush(): Promise<InitiativeRecord | undefined> {
    this.cancelTimer();
    if (!this.dirty || this.conflicted || this.closed) return this.queue.then(() => undefined);
    return this.enqueue(() => this.writeDraft(this.record.revision));
  }

  /**
   * A write of its own (attach, detach): pending edits are stored first, then `action` runs with the
   * revision they produced. Returns undefined when the edits could not be stored (conflict, invalid).
   */
  run(action: (expectedRevision: number) => Promise<InitiativeRecord>): Promise<InitiativeRecord | undefined> {
    this.cancelTimer();
    return this.enqueue(async () => {
      if (this.dirty && !this.conflicted) await this.writeDraft(this.record.revision);
      if (this.conflicted || this.closed) return undefined;
      return this.write(() => action(this.record.revision));
    });
  }

  /** After a conflict: the form's content replaces what the other tab stored. */
  overwrite(): Promise<InitiativeRecord | undefined> {
    this.cancelTimer();
    this.conflicted = false;
    this.dirty = true;
    return this.enqueue(async () => {
      const latest = await this.repo.get(this.record.id);
      return this.writeDraft(latest?.revision ?? this.record.revision);
    });
  }

  /** After the user chose the other tab's version: start over from `record`. */
  reset(record: InitiativeRecord): void {
    this.cancelTimer();
    this.record = record;
    this.dirty = false;
    this.conflicted = false;
    this.callbacks.onIssues([]);
    this.callbacks.onStatus('saved');
  }

  /** Stops all saving (the 取組 was deleted). */
  close(): void {
    this.closed = true;
    this.cancelTimer();
  }

  private async writeDraft(expectedRevision: number): Promise<InitiativeRecord | undefined> {
    const draft = this.getDraft();
    const issues = validateInitiative({ ...draft, ...editablePatch(draft) });
    this.callbacks.onIssues(issues);
    if (issues.length) {
      // Kept dirty: the text stays in the form (and in the page-hide draft) until it can be stored.
      this.callbacks.onStatus('invalid');
      return undefined;
    }
    if (!isDirty(draft, this.record) && expectedRevision === this.record.revision) {
      this.dirty = false;
      this.callbacks.onStatus('saved');
      return this.record;
    }
    return this.write(() => this.repo.update(this.record.id, editablePatch(draft), { expectedRevision }));
  }

  private async write(op: () => Promise<InitiativeRecord>): Promise<InitiativeRecord | undefined> {
    if (this.closed) return undefined;
    this.callbacks.onStatus('saving');
    // Edits made while the write is under way must not be marked saved by it.
    const wasDirty = this.dirty;
    this.dirty = false;
    try {
      const record = await op();
      this.record = record;
      this.callbacks.onRecord(record);
      this.callbacks.onStatus(this.dirty ? 'dirty' : 'saved');
      return record;
    } catch (error) {
      this.dirty = this.dirty || wasDirty;
      if (error instanceof InitiativeConflictError) {
        this.conflicted = true;
        this.callbacks.onStatus('conflict');
        this.callbacks.onConflict(error);
      } else {
        this.callbacks.onStatus('error');
        this.callbacks.onError(error instanceof Error ? error : new Error(String(error)));
      }
      return undefined;
    }
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private scheduleAutosave(): void {
    this.cancelTimer();
    if (this.conflicted) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.autosaveDelayMs);
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
