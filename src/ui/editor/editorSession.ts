import { StorageFullError, type ConflictError, type ProcessPatch, type ProcessRecord, type VersionReason, type WorkspaceRepository } from '../../store/types';
import { AUTOSAVE_DELAY_MS, AutosaveSession, type AutosaveCallbacks, type SaveStatus } from './autosaveSession';

export { AUTOSAVE_DELAY_MS, type SaveStatus };

export type EditorSessionCallbacks = AutosaveCallbacks<ProcessRecord, ConflictError>;

/**
 * Saving for one open process (queue, timer and conflict rule in autosaveSession.ts, shared with 取組).
 * `getXml` reads the modeler at write time, so the newest edit is what gets stored.
 */
export class EditorSession extends AutosaveSession<ProcessRecord, ConflictError> {
  constructor(
    private readonly repo: WorkspaceRepository,
    record: ProcessRecord,
    private readonly getXml: () => Promise<string>,
    callbacks: EditorSessionCallbacks,
    autosaveDelayMs = AUTOSAVE_DELAY_MS,
  ) {
    super(record, callbacks, autosaveDelayMs);
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

  /** The diagram in the modeler differs from what is stored whenever a write failed, so it stays unsaved. */
  protected override dirtyAfterFailure(): boolean {
    return true;
  }

  private async autosaveNow(): Promise<ProcessRecord | undefined> {
    const xml = await this.getXml();
    return this.write(() => this.repo.autosaveProcess(this.record.id, xml, { expectedRevision: this.record.revision }));
  }
}

export function isStorageFull(error: unknown): error is StorageFullError {
  return error instanceof StorageFullError;
}
