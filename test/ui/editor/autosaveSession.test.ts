import { describe, expect, it } from 'vitest';
import type { Initiative } from '../../../src/domain/model/initiative';
import { InitiativeRepository, type InitiativeRecord } from '../../../src/store/initiativeRepository';
import { ConflictError } from '../../../src/store/types';
import type { SaveStatus } from '../../../src/ui/editor/autosaveSession';
import { EditorSession } from '../../../src/ui/editor/editorSession';
import { InitiativeSession } from '../../../src/ui/initiatives/initiativeSession';
import { bpmnXml, repositoryWithWorkspace } from '../../store/storeTestKit';

interface Case {
  /** Opens a session on a record, then lets "another tab" save the same record once. */
  open(): Promise<{
    session: { markChanged(): void; flush(): Promise<unknown>; close(): void; isDirty: boolean; isConflicted: boolean };
    otherTab(): Promise<void>;
    edit(): void;
    statuses: string[];
    conflicts: ConflictError[];
  }>;
}

const CASES: Array<[string, Case]> = [
  [
    'プロセス',
    {
      async open() {
        const kit = await repositoryWithWorkspace();
        const record = await kit.repo.createProcess(kit.workspaceId, { name: '転入届', department: '市民課', kind: 'as-is', xml: bpmnXml('受付') });
        let xml = record.xml;
        const statuses: SaveStatus[] = [];
        const conflicts: ConflictError[] = [];
        const session = new EditorSession(
          kit.repo,
          record,
          async () => xml,
          { onRecord: () => {}, onStatus: (s) => statuses.push(s), onConflict: (e) => conflicts.push(e), onError: () => {} },
          60_000,
        );
        return {
          session,
          statuses,
          conflicts,
          edit: () => ((xml = bpmnXml('こちらの変更')), session.markChanged()),
          otherTab: async () => void (await kit.repo.saveProcess(record.id, { xml: bpmnXml('別タブ') }, { expectedRevision: record.revision })),
        };
      },
    },
  ],
  [
    '取組',
    {
      async open() {
        const kit = await repositoryWithWorkspace();
        const repo = new InitiativeRepository({ db: kit.db, now: kit.clock.now });
        const record = await repo.create(kit.workspaceId, { title: '書かない窓口', departments: ['市民課'] });
        const { revision: _r, ...base } = record;
        let draft: Initiative = base;
        const statuses: string[] = [];
        const conflicts: ConflictError[] = [];
        const session = new InitiativeSession(
          repo,
          record as InitiativeRecord,
          () => draft,
          { onRecord: () => {}, onStatus: (s) => statuses.push(s), onConflict: (e) => conflicts.push(e), onError: () => {}, onIssues: () => {} },
          60_000,
        );
        return {
          session,
          statuses,
          conflicts,
          edit: () => ((draft = { ...draft, summary: 'こちらの変更' }), session.markChanged()),
          otherTab: async () => void (await repo.update(record.id, { summary: '別タブ' }, { expectedRevision: record.revision })),
        };
      },
    },
  ],
];

describe('one conflict rule for the process editor and the 取組 editor', () => {
  it.each(CASES)(
    'given a %s open here and saved in another tab, when our edit is flushed, then conflict (版 1 vs 2), autosave stops and the edit stays unsaved',
    async (_label, c) => {
      const { session, otherTab, edit, statuses, conflicts } = await c.open();
      await otherTab();
      edit();
      await session.flush();
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toBeInstanceOf(ConflictError);
      expect(conflicts[0]).toMatchObject({ expected: 1, actual: 2 });
      expect(statuses.at(-1)).toBe('conflict');
      expect(session.isConflicted).toBe(true);
      expect(session.isDirty).toBe(true);
      // A further edit does not try again until the user chooses.
      edit();
      await session.flush();
      expect(conflicts).toHaveLength(1);
      expect(statuses.at(-1)).toBe('conflict');
      session.close();
    },
  );
});
