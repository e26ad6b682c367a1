import { ConflictError } from '../../store/types';

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

/** Debounce between the last edit and the autosave. */
export const AUTOSAVE_DELAY_MS = 2000;

export interface AutosaveCallbacks<R, C extends ConflictError> {
  /** The stored record after every successful write. */
  onRecord(record: R): void;
  onStatus(status: SaveStatus): void;
  /** Another tab changed the record since we loaded it; autosave stops until the user chooses. */
  onConflict(error: C): void;
  /** A write failed for another reason (storage full, deleted elsewhere, …); the editor content is kept. */
  onError(error: Error): void;
}

/**
 * What the process editor and the 取組 editor share when saving one open record: one write queue (so an
 * autosave and an explicit save never name the same expected revision, which would look like a conflict
 * with ourselves), the debounce timer, and one rule for a conflict — the store's ConflictError (the 取組's
 * InitiativeConflictError is one) stops autosave until the user chooses; any other failure keeps the edits.
 */
export abstract class AutosaveSession<R extends { revision: number }, C extends ConflictError> {
  protected record: R;
  protected dirty = false;
  protected conflicted = false;
  protected closed = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  protected queue: Promise<unknown> = Promise.resolve();

  protected constructor(
    record: R,
    protected readonly callbacks: AutosaveCallbacks<R, C>,
    private readonly autosaveDelayMs: number,
  ) {
    this.record = record;
  }

  get current(): R {
    return this.record;
  }

  /** Edits not yet stored (including ones held back by a conflict). */
  get isDirty(): boolean {
    return this.dirty;
  }

  get isConflicted(): boolean {
    return this.conflicted;
  }

  /** Called on every change of the editor's content (not on load). */
  markChanged(): void {
    if (this.closed) return;
    this.dirty = true;
    this.callbacks.onStatus(this.conflicted ? 'conflict' : 'dirty');
    this.scheduleAutosave();
  }

  /** Stops all saving (record deleted, or its content saved as a copy elsewhere). */
  close(): void {
    this.closed = true;
    this.cancelTimer();
  }

  /** Writes pending edits now; what `flush` queues. */
  protected abstract flush(): Promise<unknown>;

  /** Whether the edits still count as unsaved after a failed write (`wasDirty`: before it started). */
  protected dirtyAfterFailure(wasDirty: boolean): boolean {
    return this.dirty || wasDirty;
  }

  protected async write(op: () => Promise<R>): Promise<R | undefined> {
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
      this.dirty = this.dirtyAfterFailure(wasDirty);
      if (error instanceof ConflictError) {
        this.conflicted = true;
        this.callbacks.onStatus('conflict');
        this.callbacks.onConflict(error as C);
      } else {
        this.callbacks.onStatus('error');
        this.callbacks.onError(error instanceof Error ? error : new Error(String(error)));
      }
      return undefined;
    }
  }

  protected enqueue<T>(task: () => Promise<T>): Promise<T> {
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

  protected cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
