import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../../src/domain/bpmn/parseDiagram';
import { InitiativeRepository } from '../../src/store/initiativeRepository';
import { exportWorkspace, importWorkspaceFile } from '../../src/store/workspaceFile';
import { bpmnXml, FakeClock, repositoryWithWorkspace } from './storeTestKit';

/**
 * A workspace file whose diagrams are read with the .bpmn import's reader: one As-Is is broken XML,
 * another is well-formed XML that is not BPMN.
 */
async function exportedWithBrokenDiagrams() {
  const { repo, workspaceId, db } = await repositoryWithWorkspace(new FakeClock());
  const good = await repo.createProcess(workspaceId, { name: '転入届', department: '市民課', kind: 'as-is', xml: bpmnXml('受付') });
  const goodToBe = await repo.createProcess(workspaceId, {
    name: '転入届（書かない窓口）',
    department: '市民課',
    kind: 'to-be',
    xml: bpmnXml('聞き取り'),
    linkedProcessId: good.id,
  });
  const broken = await repo.createProcess(workspaceId, { name: '転出届', department: '市民課', kind: 'as-is', xml: bpmnXml('受付') });
  const orphan = await repo.createProcess(workspaceId, {
    name: '転出届（電子申請）',
    department: '市民課',
    kind: 'to-be',
    xml: bpmnXml('審査'),
    linkedProcessId: broken.id,
  });
  const html = await repo.createProcess(workspaceId, { name: '印鑑登録', department: '市民課', kind: 'as-is', xml: bpmnXml('受付') });
  await new InitiativeRepository({ db }).create(workspaceId, {
    title: '書かない窓口',
    departments: ['市民課'],
    attachments: [
      { asIsProcessId: good.id, toBeProcessId: goodToBe.id },
      { asIsProcessId: broken.id, toBeProcessId: orphan.id },
    ],
  });
  const { file } = await exportWorkspace(db, workspaceId);
  // Damaged after export (an edited file, a truncated copy): the store itself never holds such XML.
  for (const p of file.processes) {
    if (p.id === broken.id) p.xml = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P"';
    if (p.id === html.id) p.xml = '<html><body>転記ミス</body></html>';
  }
  return { file, ids: { good: good.id, goodToBe: goodToBe.id, broken: broken.id, orphan: orphan.id, html: html.id } };
}

describe('workspace file import: every diagram read by the .bpmn reader', () => {
  it('given a file with a broken and a non-BPMN diagram, when imported, then those two are listed with the reader’s reasons and the other three come in', async () => {
    const { file, ids } = await exportedWithBrokenDiagrams();
    const target = await repositoryWithWorkspace(new FakeClock());
    const result = await importWorkspaceFile(target.db, target.workspaceId, JSON.stringify(file), { mode: 'replace' });

    // Exactly what opening each diagram as a .bpmn file says.
    const asBpmnFile = async (id: string) => {
      const read = await parseDiagram(file.processes.find((p) => p.id === id)!.xml);
      return read.ok ? null : read.error;
    };
    // In the file's order, which follows the store's (random) ids: compared by name.
    const refused = [...result.refusedProcesses].sort((a, b) => a.name.localeCompare(b.name, 'ja'));
    expect(refused).toEqual(
      [
        { id: ids.broken, name: '転出届', error: await asBpmnFile(ids.broken) },
        { id: ids.html, name: '印鑑登録', error: await asBpmnFile(ids.html) },
      ].sort((a, b) => a.name.localeCompare(b.name, 'ja')),
    );
    expect(Object.fromEntries(refused.map((r) => [r.name, r.error.code]))).toEqual({ 転出届: 'invalid', 印鑑登録: 'not-bpmn' });
    expect(result.processesCreated).toBe(3);
    const names = (await target.repo.listProcesses(result.workspace.id)).map((p) => p.name).sort();
    expect(names).toEqual(['転入届', '転入届（書かない窓口）', '転出届（電子申請）'].sort());
    // The scenario of the refused As-Is stays, as a To-Be without an As-Is.
    const orphan = await target.repo.getProcess(ids.orphan);
    expect(orphan?.kind).toBe('to-be');
    expect(orphan?.linkedProcessId).toBeUndefined();
    expect((await target.repo.getProcess(ids.goodToBe))?.linkedProcessId).toBe(ids.good);
    // The 取組 keeps its attachment to what came in and loses only the one to the refused process.
    const [initiative] = await new InitiativeRepository({ db: target.db }).list(result.workspace.id);
    expect(initiative.attachments).toEqual([{ asIsProcessId: ids.good, toBeProcessId: ids.goodToBe }]);
    expect(result.notes.join(' ')).toContain('「転出届（電子申請）」は対応先のない To-Be として取り込みました');
    expect(result.notes.join(' ')).toContain('取組「書かない窓口」から、読み込めなかったプロセスへの紐付けを外しました');
  });

  it('given a file whose diagrams all read, when imported, then nothing is refused and no note is added', async () => {
    const { file } = await exportedWithBrokenDiagrams();
    const intact = { ...file, processes: file.processes.map((p) => ({ ...p, xml: bpmnXml(p.name) })) };
    const target = await repositoryWithWorkspace(new FakeClock());
    const result = await importWorkspaceFile(target.db, target.workspaceId, JSON.stringify(intact), { mode: 'replace' });
    expect(result.refusedProcesses).toEqual([]);
    expect(result.processesCreated).toBe(5);
    expect(result.notes).toEqual([]);
  });
});
