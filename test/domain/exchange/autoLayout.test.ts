import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createModdle } from '../../../src/domain/bpmn/moddle';
import { ensureDiagramInterchange } from '../../../src/domain/exchange/autoLayout';
import { parseDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { corpusAvailable, corpusRoot } from '../../support/paths';

type El = { $type: string; id: string; flowElements?: El[]; bpmnElement?: El; laneSets?: Array<{ lanes: El[] }>; participants?: El[] };
const stripDi = (xml: string) => xml.replace(/<([\w-]+:)?BPMNDiagram[\s\S]*<\/([\w-]+:)?BPMNDiagram>/, '');

async function shapesAndNodes(xml: string) {
  const { rootElement: defs } = await createModdle().fromXML(xml);
  const planeElements: El[] = defs.diagrams?.[0]?.plane?.planeElement ?? [];
  const shaped = new Set(planeElements.map((e) => e.bpmnElement?.id));
  const participants: El[] = defs.rootElements.filter((r: El) => r.$type === 'bpmn:Collaboration').flatMap((c: El) => c.participants ?? []);
  // With pools, only processes behind a pool can be drawn (bpmn-js renders the collaboration's plane).
  const processes: El[] = participants.length
    ? participants.map((p) => (p as El & { processRef?: El }).processRef).filter((p): p is El => !!p)
    : defs.rootElements.filter((r: El) => r.$type === 'bpmn:Process');
  const nodes = processes.flatMap((p) => (p.flowElements ?? []).filter((e) => e.$type !== 'bpmn:SequenceFlow' && !e.$type.startsWith('bpmn:Data')));
  const lanes = processes.flatMap((p) => (p.laneSets ?? []).flatMap((ls) => ls.lanes));
  return { shaped, nodes, lanes, participants };
}

const corpus = (name: string) => readFileSync(resolve(corpusRoot, 'miwg/Reference', name), 'utf8');

describe.runIf(corpusAvailable('miwg/Reference'))('ensureDiagramInterchange', () => {
  it('given MIWG A.1.0 with its diagram removed, when ensured, then bpmn-auto-layout gives every flow node a shape', async () => {
    const stripped = stripDi(corpus('A.1.0.bpmn'));
    expect(stripped).not.toMatch(/BPMNShape/);
    const r = await ensureDiagramInterchange(stripped);
    expect(r).toMatchObject({ laidOut: true, method: 'auto-layout' });
    const { shaped, nodes } = await shapesAndNodes(r.xml);
    expect(nodes.length).toBeGreaterThan(3);
    for (const n of nodes) expect(shaped.has(n.id), n.id).toBe(true);
  });

  it('given a collaboration with lanes (MIWG B.1.0) without diagram, when ensured, then the lane layout draws pools, lanes and nodes', async () => {
    const r = await ensureDiagramInterchange(stripDi(corpus('B.1.0.bpmn')));
    expect(r).toMatchObject({ laidOut: true, method: 'lanes' });
    const { shaped, nodes, lanes, participants } = await shapesAndNodes(r.xml);
    expect(lanes.length).toBeGreaterThan(0);
    for (const el of [...nodes, ...lanes, ...participants]) expect(shaped.has(el.id), el.id).toBe(true);
  });

  it('given a file that has a diagram, when ensured, then it is returned untouched', async () => {
    const xml = corpus('A.1.0.bpmn');
    expect(await ensureDiagramInterchange(xml)).toEqual({ xml, laidOut: false });
  });
});

describe('ensureDiagramInterchange without corpus', () => {
  it('given a hand-written process without incoming/outgoing refs and with bpr: annotations, when ensured, then all nodes and flows get DI and annotations survive', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0" id="D" targetNamespace="urn:t">
  <bpmn:process id="P">
    <bpmn:startEvent id="S"><bpmn:extensionElements><bpr:arrivals annualVolume="100"/></bpmn:extensionElements></bpmn:startEvent>
    <bpmn:task id="T1" name="受付"><bpmn:extensionElements><bpr:step role="窓口"><bpr:staffTime type="fixed" value="3"/></bpr:step></bpmn:extensionElements></bpmn:task>
    <bpmn:exclusiveGateway id="G"/>
    <bpmn:task id="T2" name="差戻し"/>
    <bpmn:endEvent id="E"/>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T1"/>
    <bpmn:sequenceFlow id="F2" sourceRef="T1" targetRef="G"/>
    <bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="E" bpr:probability="80"/>
    <bpmn:sequenceFlow id="F4" sourceRef="G" targetRef="T2" bpr:probability="20"/>
    <bpmn:sequenceFlow id="F5" sourceRef="T2" targetRef="T1"/>
  </bpmn:process>
</bpmn:definitions>`;
    const r = await ensureDiagramInterchange(xml);
    expect(r.laidOut).toBe(true);
    const { shaped } = await shapesAndNodes(r.xml);
    for (const id of ['S', 'T1', 'G', 'T2', 'E', 'F1', 'F2', 'F3', 'F4', 'F5']) expect(shaped.has(id), id).toBe(true);
    expect(r.xml).toContain('<bpr:staffTime type="fixed" value="3"');
    expect(r.xml).toContain('bpr:probability="80"');
  });

  it('given id-less flows, an embedded sub-process with a boundary event, an event sub-process and an ad-hoc sub-process, when laid out, then every element at every depth is drawn, ids are stable and the result re-imports without a warning', async () => {
    const xml = readFileSync(resolve(__dirname, 'fixtures/nested-no-di.bpmn'), 'utf8');
    const first = await ensureDiagramInterchange(xml);
    const second = await ensureDiagramInterchange(xml);
    expect(first).toMatchObject({ laidOut: true, method: 'lanes' });
    // Same file, same ids and the same drawing.
    expect(second.xml).toBe(first.xml);

    const reread = await parseDiagram(first.xml);
    if (!reread.ok) throw new Error(reread.error.message);
    expect(reread.warnings).toEqual([]);
    expect(reread.moddleWarnings).toEqual([]);
    const defs = reread.definitions;
    const drawn = new Set<string>();
    const planes = new Map<string, number>();
    for (const d of defs.diagrams ?? []) {
      planes.set(d.plane.bpmnElement.id, d.plane.planeElement.length);
      for (const e of d.plane.planeElement ?? []) drawn.add(e.bpmnElement.id);
    }
    // Every element of the fixture, counted by hand: 10 at the top (7 nodes incl. the boundary event, 3 flows), 5 in Sub_Check, 3 in the event sub-process, 2 in the ad-hoc one.
    const everything = (els: Array<{ id: string; $type: string; flowElements?: unknown[] }>): string[] =>
      els.flatMap((e) => [e.id, ...everything((e.flowElements ?? []) as never)]);
    const all = everything(defs.rootElements[0].flowElements);
    expect(all).toHaveLength(10 + 5 + 3 + 2);
    for (const id of all) expect(drawn.has(id), id).toBe(true);
    // The id-less flows got ids from their type and order, not random ones.
    expect(all).toEqual(expect.arrayContaining(['SequenceFlow_1', 'SequenceFlow_2']));
    // One plane per sub-process with content, beside the process's own.
    expect([...planes.keys()].sort()).toEqual(['P', 'Sub_Check', 'Sub_Event', 'Sub_AdHoc'].sort());
  });
});
