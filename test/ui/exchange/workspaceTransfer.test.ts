import { describe, expect, it } from 'vitest';
import { importWorkspaceFile } from '../../../src/store/workspaceFile';
import {
  currentContents,
  exportWorkspaceFile,
  fileContents,
  quotedNames,
  readWorkspaceFileUpload,
  storeDatabase,
} from '../../../src/ui/exchange/workspaceTransfer';
import { bpmnXml, FakeClock, repositoryWithWorkspace } from '../../store/storeTestKit';

async function workspaceWithTwoProcesses() {
  const kit = await repositoryWithWorkspace(new FakeClock());
  const { repo, workspaceId } = kit;
  const asIs = await repo.createProcess(workspaceId, { name: '転入届', department: '市民課', kind: 'as-is', xml: bpmnXml('受付') });
  await repo.saveProcess(asIs.id, { xml: bpmnXml('受付と本人確認') });
  await repo.createProcess(workspaceId, { name: '児童手当', department: '子育て支援課', kind: 'as-is', xml: bpmnXml('審査') });
  return kit;
}

describe('workspace transfer (menu helpers)', () => {
  it('given a workspace, when exported, then the file is named after the workspace and date and holds every process and version', async () => {
    const { repo, workspaceId } = await workspaceWithTwoProcesses();
    const out = await exportWorkspaceFile(storeDatabase(repo), workspaceId, new Date('2025-06-30T10:00:00Z'));
    expect(out.fileName).toBe('bpr-studio_マイワークスペース_2025-06-30.json');
    expect(out.processes).toBe(2);
    expect(out.unreadable).toEqual([]);

    const read = await readWorkspaceFileUpload(new Blob([out.json]));
    if (!read.ok) throw new Error(read.problems.join('\n'));
    const contents = fileContents(read.file);
    expect(contents.processes).toBe(2);
    expect(contents.processNames.sort()).toEqual(['児童手当', '転入届']);
    // create + save for 転入届, create for 児童手当.
    expect(contents.versions).toBe(3);
  });

  it('given the current workspace, when described, then processes, versions, 取組 and names are counted and emptiness is reported', async () => {
    const { workspaceId, db } = await workspaceWithTwoProcesses();
    const current = await currentContents(db, { id: workspaceId, name: 'マイワークスペース' });
    expect(current).toMatchObject({ name: 'マイワークスペース', processes: 2, versions: 3, initiatives: 0, empty: false });
    expect(current.processNames).toEqual(['児童手当', '転入届'].sort(new Intl.Collator('ja').compare));

    const emptyKit = await repositoryWithWorkspace();
    expect(await currentContents(emptyKit.db, { id: emptyKit.workspaceId, name: '空' })).toMatchObject({ processes: 0, versions: 0, empty: true });
  });

  it('given an exported file, when imported into an empty workspace, then the same process names are there', async () => {
    const source = await workspaceWithTwoProcesses();
    const { json } = await exportWorkspaceFile(storeDatabase(source.repo), source.workspaceId);
    const target = await repositoryWithWorkspace();
    const read = await readWorkspaceFileUpload(new Blob([json]));
    if (!read.ok) throw new Error(read.problems.join('\n'));
    const result = await importWorkspaceFile(target.db, target.workspaceId, read.file, { mode: 'replace' });
    const names = (await target.repo.listProcesses(result.workspace.id)).map((p) => p.name).sort();
    expect(names).toEqual(['児童手当', '転入届'].sort());
  });

  it('given files that are not workspace files, when read, then every problem is returned in Japanese and nothing is thrown', async () => {
    const notJson = await readWorkspaceFileUpload(new Blob(['これはJSONではありません']));
    expect(notJson).toMatchObject({ ok: false });
    expect(!notJson.ok && notJson.problems[0]).toMatch(/JSON として読み取れません/);

    const otherFormat = await readWorkspaceFileUpload(new Blob([JSON.stringify({ format: 'something-else' })]));
    expect(!otherFormat.ok && otherFormat.problems[0]).toMatch(/BPR Studio のワークスペースファイルではありません/);
  });

  it('given a repository without a database, when the menu asks for it, then a Japanese error says export and import are unavailable', () => {
    expect(() => storeDatabase({})).toThrow(/書き出し・読み込みができません/);
    expect(() => storeDatabase(null)).toThrow(/書き出し・読み込みができません/);
  });

  it('given many names, when quoted for the replace confirmation, then the first ones are named and the rest counted', () => {
    expect(quotedNames(['転入届', '児童手当'])).toBe('「転入届」「児童手当」');
    expect(quotedNames(['a', 'b', 'c', 'd'], 2)).toBe('「a」「b」ほか 2 件');
    expect(quotedNames(['a', 'b', 'c'], 1, (n) => `and ${n} more`)).toBe('「a」and 2 more');
  });
});
