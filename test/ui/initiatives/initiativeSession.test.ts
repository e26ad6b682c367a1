import { describe, expect, it } from 'vitest';
import type { Initiative } from '../../../src/domain/model/initiative';
import { InitiativeRepository, type InitiativeRecord } from '../../../src/store/initiativeRepository';
import { clearInitiativeDraft, readInitiativeDraft, restoredDraft, writeInitiativeDraft } from '../../../src/ui/initiatives/initiativeDrafts';
import { editablePatch } from '../../../src/ui/initiatives/editorState';
import { InitiativeSession, type InitiativeSaveStatus } from '../../../src/ui/initiatives/initiativeSession';
import { bpmnXml, repositoryWithWorkspace } from '../../store/storeTestKit';

const strip = ({ revision: _r, ...rest }: InitiativeRecord): Initiative => rest;

async function setup() {
  const kit = await repositoryWithWorkspace();
  const repo = new InitiativeRepository({ db: kit.db, now: kit.clock.now });
  const record = await repo.create(kit.workspaceId, { title: '書かない窓口の導入', departments: ['市民課'] });
  let draft = strip(record);
  const statuses: InitiativeSaveStatus[] = [];
  const conflicts: string[] = [];
  const issues: string[][] = [];
  const records: InitiativeRecord[] = [];
  // A short delay keeps the test quick; the debounce itself is the same code path.
  const session = new InitiativeSession(
    repo,
    record,
    () => draft,
    {
      onRecord: (r) => records.push(r),
      onStatus: (s) => statuses.push(s),
      onConflict: (e) => conflicts.push(e.message),
      onError: (e) => conflicts.push(`error: ${e.message}`),
      onIssues: (list) => issues.push(list.map((i) => i.message)),
    },
    20,
  );
  const edit = (change: Partial<Initiative>) => {
    draft = { ...draft, ...change };
    session.markChanged();
  };
  return { ...kit, workspaceRepo: kit.repo, repo, record, session, edit, statuses, conflicts, issues, records };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('取組 autosave session', () => {
  it('given typing in 取組の概要, when typing stops for the autosave delay, then the text is stored once and the status goes 編集中 → 保存中 → 保存しました', async () => {
    const { repo, record, session, edit, statuses } = await setup();
    edit({ summary: '窓' });
    edit({ summary: '窓口で' });
    edit({ summary: '窓口で聞き取って申請書を作る' });
    expect(session.isDirty).toBe(true);
    await wait(80);
    await session.flush();
    const stored = await repo.get(record.id);
    expect(stored?.summary).toBe('窓口で聞き取って申請書を作る');
    // One write for three keystrokes: revision 1 → 2.
    expect(stored?.revision).toBe(2);
    expect(statuses.slice(-2)).toEqual(['saving', 'saved']);
    expect(session.isDirty).toBe(false);
  });

  it('given an edit, when the editor closes before the delay (tab switch, 一覧へ戻る), then flush stores it at once', async () => {
    const { repo, record, session, edit } = await setup();
    edit({ currentIssues: '記入に時間がかかる' });
    await session.flush();
    expect((await repo.get(record.id))?.currentIssues).toBe('記入に時間がかかる');
  });

  it('given another tab saved the 取組, when this one autosaves, then it is a conflict, nothing is overwritten and autosave pauses until overwrite is chosen', async () => {
    const { repo, record, session, edit, statuses, conflicts } = await setup();
    await repo.update(record.id, { summary: '別のタブの内容' }, { expectedRevision: 1 });
    edit({ summary: 'この画面の内容' });
    await session.flush();
    expect(conflicts).toHaveLength(1);
    expect(statuses.at(-1)).toBe('conflict');
    expect((await repo.get(record.id))?.summary).toBe('別のタブの内容');
    // Further typing does not try again by itself.
    edit({ summary: 'この画面の内容（続き）' });
    await wait(60);
    expect(conflicts).toHaveLength(1);
    expect((await repo.get(record.id))?.summary).toBe('別のタブの内容');
    await session.overwrite();
    expect((await repo.get(record.id))?.summary).toBe('この画面の内容（続き）');
    expect(statuses.at(-1)).toBe('saved');
  });

  it('given an emptied 取組名, when autosave runs, then nothing is written, the problem is reported and the edit stays pending', async () => {
    const { repo, record, session, edit, statuses, issues } = await setup();
    edit({ title: '', summary: '概要は残したい' });
    await session.flush();
    expect(statuses.at(-1)).toBe('invalid');
    expect(issues.at(-1)).toContain('取組名が空です');
    expect(session.isDirty).toBe(true);
    expect((await repo.get(record.id))?.revision).toBe(1);
    edit({ title: '書かない窓口' });
    await session.flush();
    expect(await repo.get(record.id)).toMatchObject({ title: '書かない窓口', summary: '概要は残したい', revision: 2 });
    expect(issues.at(-1)).toEqual([]);
  });

  it('given pending edits, when a process pair is attached, then the edits are stored first and the attach names the revision they produced', async () => {
    const { repo, record, session, edit, kit } = await setupWithProcesses();
    edit({ summary: '添付の前に書いた概要' });
    const after = await session.run((expectedRevision) =>
      repo.attach(record.id, { asIsProcessId: kit.asIs.id, toBeProcessId: kit.toBe.id }, { expectedRevision }),
    );
    expect(after).toMatchObject({ summary: '添付の前に書いた概要', revision: 3 });
    expect(after?.attachments).toEqual([{ asIsProcessId: kit.asIs.id, toBeProcessId: kit.toBe.id }]);
  });
});

async function setupWithProcesses() {
  const s = await setup();
  const asIs = await s.workspaceRepo.createProcess(s.workspaceId, { name: '転入届', department: '市民課', kind: 'as-is', xml: bpmnXml('受付') });
  const toBe = await s.workspaceRepo.createProcess(s.workspaceId, {
    name: '転入届（書かない窓口）',
    department: '市民課',
    kind: 'to-be',
    xml: bpmnXml('聞き取り'),
  });
  return { ...s, kit: { asIs, toBe } };
}

describe('取組 drafts parked on page hide', () => {
  const memory = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
  };

  it('given a draft parked on the stored revision, when the 取組 opens again, then the typed text is put back', async () => {
    const { record } = await setup();
    const storage = memory();
    const edited = { ...strip(record), summary: 'リロード前に入力した概要', nextStep: undefined };
    writeInitiativeDraft(storage, { initiativeId: record.id, revision: record.revision, patch: editablePatch(edited), savedAt: '' });
    const back = restoredDraft(readInitiativeDraft(storage, record.id), record);
    expect(back?.summary).toBe('リロード前に入力した概要');
    clearInitiativeDraft(storage, record.id);
    expect(readInitiativeDraft(storage, record.id)).toBeUndefined();
  });

  it('given a draft taken on an older revision, when the 取組 opens, then it is not used, so newer work is not undone', async () => {
    const { record } = await setup();
    const storage = memory();
    writeInitiativeDraft(storage, { initiativeId: record.id, revision: record.revision, patch: { summary: '古い下書き' }, savedAt: '' });
    expect(restoredDraft(readInitiativeDraft(storage, record.id), { ...record, revision: record.revision + 1 })).toBeUndefined();
  });

  it('given a draft where 次期方針 was cleared, when restored, then it stays cleared', async () => {
    const { record } = await setup();
    const stored = { ...record, nextStep: '継続' as const };
    const storage = memory();
    writeInitiativeDraft(storage, {
      initiativeId: record.id,
      revision: record.revision,
      patch: editablePatch({ ...strip(stored), nextStep: undefined }),
      savedAt: '',
    });
    expect(restoredDraft(readInitiativeDraft(storage, record.id), stored)?.nextStep).toBeUndefined();
  });
});
