import type { Initiative } from '../../domain/model/initiative';
import { InitiativeConflictError, type InitiativeRecord, type InitiativeRepository } from '../../store/initiativeRepository';
import { AUTOSAVE_DELAY_MS, AutosaveSession, type SaveStatus } from '../editor/autosaveSession';
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
 * Saving for one open 取組, the way the process editor saves a diagram: the queue, the debounce and the
 * conflict rule are the same class (editor/autosaveSession.ts). Attach/detach go through the queue too.
 * `getDraft` reads the form at write time, so the newest keystroke is what gets stored.
 */
export class InitiativeSession extends AutosaveSession<InitiativeRecord, InitiativeConflictError> {
  constructor(
    private readonly repo: Repo,
    record: InitiativeRecord,
    private readonly getDraft: () => Initiative,
    private readonly initiativeCallbacks: InitiativeSessionCallbacks,
    autosaveDelayMs = AUTOSAVE_DELAY_MS,
  ) {
    super(record, initiativeCallbacks, autosaveDelayMs);
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
    this.initiativeCallbacks.onIssues([]);
    this.callbacks.onStatus('saved');
  }

  private async writeDraft(expectedRevision: number): Promise<InitiativeRecord | undefined> {
    const draft = this.getDraft();
    const issues = validateInitiative({ ...draft, ...editablePatch(draft) });
    this.initiativeCallbacks.onIssues(issues);
    if (issues.length) {
      // Kept dirty: the text stays in the form (and in the page-hide draft) until it can be stored.
      this.initiativeCallbacks.onStatus('invalid');
      return undefined;
    }
    if (!isDirty(draft, this.record) && expectedRevision === this.record.revision) {
      this.dirty = false;
      this.callbacks.onStatus('saved');
      return this.record;
    }
    return this.write(() => this.repo.update(this.record.id, editablePatch(draft), { expectedRevision }));
  }
}
