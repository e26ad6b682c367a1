import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReportOf, isCleanImport } from '../../../src/domain/bpmn/importReport';
import { parseDiagram, type ParsedDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { resolveModelQNames } from '../../../src/domain/bpmn/qnameRefs';
import { corpusRoot } from '../../support/paths';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', 'import', name), 'utf8');

async function parsed(xml: string | Uint8Array): Promise<ParsedDiagram> {
  const p = await parseDiagram(xml);
  if (!p.ok) throw new Error(p.error.message);
  return p;
}

describe('QName references into the BPMN namespace', () => {
  it('given bpmn2:-prefixed references to existing ids, when read, then each is the bare id and only the missing one is warned about, naming the gateway', async () => {
    const p = await parsed(fixture('qname-collaboration.bpmn'));
    // Counted in the fixture by hand: processRef 1, message flow 2, incoming/outgoing 6, sequence flows 6,
    // the plane 1, shapes 6, edges 4.
    expect(p.repairs.qnameReferences).toBe(26);
    expect(p.repairs.qnamePrefixes).toEqual(['bpmn2']);
    expect(p.elementsById.Part_counter.processRef.id).toBe('Proc_counter');
    expect(p.elementsById.Msg_1.targetRef.id).toBe('Task_receive');
    expect(p.elementsById.Task_receive.incoming.map((f: { id: string }) => f.id)).toEqual(['Flow_1']);
    const report = await importReportOf(p);
    expect(report.warnings).toMatchObject([
      { kind: 'unresolved-reference', elementId: 'Gw_1', elementName: '書類に不備があるか', subject: '<bpmn2:Flow_missing>' },
    ]);
  });

  it('given a prefix bound to another namespace, a reference inside a comment and a name that looks like a reference, when resolved, then none of them changes', () => {
    const xml = `<bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:tns="urn:other" id="D">
  <!-- sourceRef="bpmn2:T1" -->
  <bpmn2:process id="P"><bpmn2:task id="T1" name="bpmn2:T1" /><bpmn2:task id="T2" />
  <bpmn2:sequenceFlow id="F" sourceRef="tns:T1" targetRef="bpmn2:T2" /></bpmn2:process></bpmn2:definitions>`;
    const out = resolveModelQNames(xml);
    expect(out.resolved).toBe(1);
    expect(out.text).toBe(xml.replace('targetRef="bpmn2:T2"', 'targetRef="T2"'));
  });

  it('given a file without such prefixes, when resolved, then the very same text comes back', () => {
    const xml = fixture('several-diagrams.bpmn');
    expect(resolveModelQNames(xml)).toEqual({ text: xml, resolved: 0, prefixes: [] });
  });
});

describe('which diagram opens, and what it draws', () => {
  it('given a plane on an empty process whose shapes are the pools of a collaboration, when read, then the plane points at the collaboration and all 6 shapes and 4 edges are drawn', async () => {
    const p = await parsed(fixture('qname-collaboration.bpmn'));
    expect(p.repairs.retargeted).toEqual([
      { diagramId: 'Diagram_1', diagramName: '受付の流れ', from: 'Proc_empty', fromName: '図の入れ物', to: 'Collab_1', toName: '転入届の受付' },
    ]);
    expect(p.definitions.diagrams[0].plane.bpmnElement.id).toBe('Collab_1');
    expect(p.xml).toContain('<bpmndi:BPMNPlane id="Plane_1" bpmnElement="Collab_1">');
    const report = await importReportOf(p);
    expect(report.di).toEqual({ shapes: 6, edges: 4, drawnShapes: 6, drawnEdges: 4, hiddenShapes: 0 });
    expect(report.nothingDrawn).toBeUndefined();
    expect(isCleanImport(report)).toBe(false); // the gateway's missing default flow is warned about
  });

  it('given an empty first diagram and two with content, when read, then the first with content opens and the other is named in the report', async () => {
    const p = await parsed(fixture('several-diagrams.bpmn'));
    expect(p.repairs.openedInstead).toEqual({ index: 1, diagramId: 'Diagram_main', diagramName: '認定の流れ' });
    expect(p.definitions.diagrams.map((d: { id: string }) => d.id)).toEqual(['Diagram_main', 'Diagram_blank', 'Diagram_task']);
    const report = await importReportOf(p);
    expect(report.diagrams).toBe(3);
    expect(report.di).toMatchObject({ drawnShapes: 3, drawnEdges: 2, hiddenShapes: 0 });
    expect(report.otherDiagrams).toEqual([{ id: 'Diagram_task', name: '確認の作業だけ', shapes: 1 }]);
    expect(isCleanImport(report)).toBe(false);
    // Read again (as the editor does with what was stored), nothing moves a second time.
    const again = await parsed(p.xml);
    expect(again.repairs.openedInstead).toBeUndefined();
    expect(again.xml).toBe(p.xml);
  });

  it('given shapes that name elements of no model, when read, then the report says nothing is drawn and why', async () => {
    const xml = fixture('several-diagrams.bpmn')
      .replace(/<bpmndi:BPMNDiagram id="Diagram_(task|blank)"[\s\S]*?<\/bpmndi:BPMNDiagram>/g, '')
      .replace(/bpmnElement="(Start_1|Task_1|End_1|Flow_1|Flow_2)"/g, 'bpmnElement="other:$1"');
    const report = await importReportOf(await parsed(xml));
    expect(report.di).toMatchObject({ drawnShapes: 0, hiddenShapes: 3 });
    expect(report.nothingDrawn).toEqual({ reason: 'unresolved', count: 3, example: '<other:Start_1>' });
  });
});

/** Outside tools' exports of the MIWG reference models (../shared/corpus/miwg, CC BY 3.0). */
const OUTSIDE = [
  { file: 'miwg/GenMyModel 0.47/B.1.0-export.bpmn', shapes: 34, edges: 29, qnames: 109, retargeted: 0 },
  { file: 'miwg/Visual Paradigm 11.1/A.4.1-roundtrip.bpmn', shapes: 22, edges: 15, qnames: 0, retargeted: 1 },
];

describe.each(OUTSIDE)('outside export $file', ({ file, shapes, edges, qnames, retargeted }) => {
  const path = join(corpusRoot, file);
  it.runIf(existsSync(path))('given the file, when imported, then no reference is left unresolved and every shape of the opened plane is drawn', async () => {
    const p = await parsed(new Uint8Array(readFileSync(path)));
    const report = await importReportOf(p);
    expect(report.warnings.filter((w) => w.kind === 'unresolved-reference')).toEqual([]);
    expect(p.repairs.qnameReferences).toBe(qnames);
    expect(p.repairs.retargeted).toHaveLength(retargeted);
    expect(report.di).toMatchObject({ shapes, edges, drawnShapes: shapes, drawnEdges: edges, hiddenShapes: 0 });
    expect(report.lost).toEqual([]);
    expect(report.nothingDrawn).toBeUndefined();
  });
  it.runIf(!existsSync(path))(`is skipped: ${file} is not in ../shared/corpus`, () => {
    expect(existsSync(path)).toBe(false);
  });
});
