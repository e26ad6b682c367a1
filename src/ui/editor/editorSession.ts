import { ConflictError, StorageFullError, type ProcessPatch, type ProcessRecord, type VersionReason, type WorkspaceRepository } from '../../store/types';

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

export interface EditorSessionCallbacks {
  /** The stored record after every successful write. */
  onRecord(record: ProcessRecord): void;
  onStatus(status: SaveStatus): void;
  /** Another tab changed the process since we loaded it; the user has to choose. */
  onConflict(error: ConflictError): void;
  /** A write failed for another reason (storage full, …); the editor content is kept. */
  onError(error: Error): void;
}

/** Debounce between the last edit and the autosave. */
export const AUTOSAVE_DELAY_MS = 2000;

/**
 * Saving for one open process. All writes go through one queue, so an autosave and an explicit save
 * never race each other with the same expected revision (which would look like a conflict with
 * ourselves). `getXml` reads the modeler at write time, so the newest edit is what gets stored.
 */
export class EditorSession {
  private record: ProcessRecord;
  private dirty = false;
  private conflicted = false;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repo: WorkspaceRepository,
    record: ProcessRecord,
    private readonly getXml: () => Promise<string>,
    private readonly callbacks: EditorSessionCallbacks,
    private readonly autosaveDelayMs = AUTOSAVE_DELAY_MS,
  ) {
    this.record = record;
  }

  get current(): ProcessRecord {
    return this.record;
  }

  get isDirty(): boolean {
    return this.dirty;
  }

  /** Called on every modeler change (not on import). */
  markChanged(): void {
    if (this.closed) return;
    this.dirty = true;
    this.callbacks.onStatus(this.conflicted ? 'conflict' : 'dirty');
    this.scheduleAutosave();
  }

  /** Explicit save: always writes a 'save' version, even without changes. */
  save(patch: Omit<ProcessPatch, 'xml'> = {}, reason: VersionReason = 'save'): Promise<ProcessRecord | undefined> {
    this.cancelTimer();
    return this.enqueue(async () => {
      const xml = await this.getXml();
      return this.write(() => this.repo.saveProcess(this.record.id, { ...patch, xml }, { expectedRevision: this.record.revision, reason }));
    });
  }

  /** Writes pending edits now (tab hidden, page closing, switching process). */
  flush(): Promise<unknown> {
    this.cancelTimer();
    if (!this.dirty || this.conflicted || this.closed) return this.queue;
    return this.enqueue(() => this.autosaveNow());
  }

  /** Overwrites whatever another tab stored with the editor content. */
  overwrite(): Promise<ProcessRecord | undefined> {
    this.conflicted = false;
    return this.enqueue(async () => {
      const xml = await this.getXml();
      return this.write(() => this.repo.saveProcess(this.record.id, { xml }, { reason: 'save' }));
    });
  }

  /**
   * Runs a write that replaces the editor content (restore, import): pending edits are stored first,
   * then `action` runs in the queue and its record becomes current.
   */
  replace(action: (expectedRevision: number) => Promise<ProcessRecord>): Promise<ProcessRecord | undefined> {
    this.cancelTimer();
    return this.enqueue(async () => {
      if (this.dirty && !this.conflicted) await this.autosaveNow();
      if (this.conflicted) return undefined;
      return this.write(() => action(this.record.revision));
    });
  }

  /** After the user chose to load the other tab's version: start over from `record`. */
  reset(record: ProcessRecord): void {
    this.cancelTimer();
    this.record = record;
    this.dirty = false;
    this.conflicted = false;
    this.callbacks.onStatus('saved');
  }

  /** Stops all saving, e.g. after the content was saved as a copy elsewhere. */
  close(): void {
    this.closed = true;
    this.cancelTimer();
  }

  private async autosaveNow(): Promise<ProcessRecord | undefined> {
    const xml = await this.getXml();
    return this.write(() => this.repo.autosaveProcess(this.record.id, xml, { expectedRevision: this.record.revision }));
  }

  private async write(op: () => Promise<ProcessRecord>): Promise<ProcessRecord | undefined> {
    if (this.closed) return undefined;
    this.callbacks.onStatus('saving');
    // Edits made while the write is under way must not be marked saved by it.
    this.dirty = false;
    try {
      const record = await op();
      this.record = record;
      this.callbacks.onRecord(record);
      this.callbacks.onStatus(this.dirty ? 'dirty' : 'saved');
      return record;
    } catch (error) {
      this.dirty = true;
      if (error instanceof ConflictError) {
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

export function isStorageFull(error: unknown): error is StorageFullError {
  return error instanceof StorageFullError;
}
