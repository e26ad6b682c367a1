import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConflictError, StorageFullError, type ProcessPatch, type ProcessRecord, type VersionReason, type WorkspaceRepository } from '../../../src/store/types';
import { AUTOSAVE_DELAY_MS, EditorSession, type SaveStatus } from '../../../src/ui/editor/editorSession';

type Write = { op: 'save' | 'autosave'; xml: string; expected?: number; reason?: VersionReason; patch?: ProcessPatch };

/** Only the calls the session makes; a stored revision that moves like the real store's. */
function fakeRepo(initial: ProcessRecord) {
  let stored = { ...initial };
  const writes: Write[] = [];
  let failNext: Error | null = null;
  const check = (expected?: number) => {
    if (failNext) {
      const e = failNext;
      failNext = null;
      throw e;
    }
    if (expected !== undefined && expected !== stored.revision) throw new ConflictError(stored.id, expected, stored.revision);
  };
  const repo = {
    async saveProcess(id: string, patch: ProcessPatch, opts: { expectedRevision?: number; reason?: VersionReason } = {}) {
      await Promise.resolve();
      check(opts.expectedRevision);
      writes.push({ op: 'save', xml: patch.xml ?? stored.xml, expected: opts.expectedRevision, reason: opts.reason, patch });
      stored = { ...stored, ...(patch as object), id, revision: stored.revision + 1 } as ProcessRecord;
      return stored;
    },
    async autosaveProcess(id: string, xml: string, opts: { expectedRevision?: number } = {}) {
      await Promise.resolve();
      check(opts.expectedRevision);
      writes.push({ op: 'autosave', xml, expected: opts.expectedRevision });
      stored = { ...stored, id, xml, revision: stored.revision + 1 };
      return stored;
    },
  } as unknown as WorkspaceRepository;
  return {
    repo,
    writes,
    /** Another tab writes in between. */
    bumpElsewhere() {
      stored = { ...stored, revision: stored.revision + 1 };
    },
    failOnce(error: Error) {
      failNext = error;
    },
    get stored() {
      return stored;
    },
  };
}

const record: ProcessRecord = {
  id: 'p1',
  workspaceId: 'w1',
  name: '転入届',
  department: '市民課',
  kind: 'as-is',
  xml: '<v0/>',
  createdAt: '2025-04-01T00:00:00.000Z',
  updatedAt: '2025-04-01T00:00:00.000Z',
  revision: 1,
};

function setup() {
  const fake = fakeRepo(record);
  let xml = '<v0/>';
  const statuses: SaveStatus[] = [];
  const conflicts: ConflictError[] = [];
  const errors: Error[] = [];
  const session = new EditorSession(fake.repo, record, async () => xml, {
    onRecord: () => undefined,
    onStatus: (s) => statuses.push(s),
    onConflict: (e) => conflicts.push(e),
    onError: (e) => errors.push(e),
  });
  return { fake, session, statuses, conflicts, errors, edit: (next: string) => ((xml = next), session.markChanged()) };
}

describe('EditorSession', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('given several quick edits, when the debounce passes, then one autosave writes the newest XML', async () => {
    const { fake, session, edit } = setup();
    edit('<v1/>');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS / 2);
    edit('<v2/>');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect(fake.writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await session.flush();
    expect(fake.writes).toEqual([{ op: 'autosave', xml: '<v2/>', expected: 1 }]);
    expect(session.isDirty).toBe(false);
    expect(session.current.revision).toBe(2);
  });

  it('given an explicit save right after an autosave started, when both run, then they queue and neither conflicts with the other', async () => {
    const { fake, session, edit, conflicts } = setup();
    edit('<v1/>');
    const flushing = session.flush();
    const saving = session.save();
    await Promise.all([flushing, saving]);
    expect(conflicts).toEqual([]);
    expect(fake.writes.map((w) => [w.op, w.expected, w.reason])).toEqual([
      ['autosave', 1, undefined],
      ['save', 2, 'save'],
    ]);
  });

  it('given a pending edit, when saved explicitly, then the timer is cancelled and no autosave follows', async () => {
    const { fake, session, edit } = setup();
    edit('<v1/>');
    await session.save();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3);
    expect(fake.writes.map((w) => w.op)).toEqual(['save']);
  });

  it('given another tab wrote meanwhile, when autosaving, then a conflict is reported, saving pauses and overwrite resolves it', async () => {
    const { fake, session, edit, conflicts, statuses } = setup();
    fake.bumpElsewhere();
    edit('<mine/>');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    await session.flush();
    expect(conflicts).toHaveLength(1);
    expect(statuses.at(-1)).toBe('conflict');
    expect(session.isDirty).toBe(true);

    edit('<mine2/>');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(fake.writes).toEqual([]);

    await session.overwrite();
    expect(fake.writes).toEqual([{ op: 'save', xml: '<mine2/>', expected: undefined, reason: 'save', patch: { xml: '<mine2/>' } }]);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('given the storage is full, when saving, then the error is reported and the edit stays pending', async () => {
    const { fake, session, edit, errors, statuses } = setup();
    fake.failOnce(new StorageFullError());
    edit('<v1/>');
    await session.save();
    expect(errors.map((e) => e.name)).toEqual(['StorageFullError']);
    expect(statuses.at(-1)).toBe('error');
    expect(session.isDirty).toBe(true);
    await session.save();
    expect(fake.stored.xml).toBe('<v1/>');
  });

  it('given pending edits, when a replacing action runs, then the edits are stored first and the action gets the new revision', async () => {
    const { fake, session, edit } = setup();
    edit('<v1/>');
    const seen: number[] = [];
    await session.replace(async (expected) => {
      seen.push(expected);
      return fake.repo.saveProcess('p1', { xml: '<restored/>' }, { expectedRevision: expected, reason: 'restore' });
    });
    expect(seen).toEqual([2]);
    expect(fake.writes.map((w) => [w.op, w.xml])).toEqual([
      ['autosave', '<v1/>'],
      ['save', '<restored/>'],
    ]);
    expect(session.current.xml).toBe('<restored/>');
  });

  it('given a closed session, when edits happen, then nothing is written', async () => {
    const { fake, session, edit } = setup();
    session.close();
    edit('<v1/>');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    await session.flush();
    expect(fake.writes).toEqual([]);
  });
});
