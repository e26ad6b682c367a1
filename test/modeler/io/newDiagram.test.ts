import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { DEFAULT_LANES, escapeXml, newProcessXml } from '../../../src/modeler/io/newDiagram';

describe('newProcessXml', () => {
  it('given a name with XML characters, when a new process is made, then it parses with one pool, the four lanes and a start event', async () => {
    const result = await parseDiagram(newProcessXml('A&B <転入> "届"'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    const collaboration = result.definitions.rootElements.find((e: { $type: string }) => e.$type === 'bpmn:Collaboration');
    expect(collaboration.participants[0].name).toBe('A&B <転入> "届"');
    const process = result.definitions.rootElements.find((e: { $type: string }) => e.$type === 'bpmn:Process');
    expect(process.laneSets[0].lanes.map((l: { name: string }) => l.name)).toEqual([...DEFAULT_LANES]);
    expect(process.flowElements.map((e: { $type: string }) => e.$type)).toEqual(['bpmn:StartEvent']);
    expect(process.laneSets[0].lanes[0].flowNodeRef.map((n: { id: string }) => n.id)).toEqual(['StartEvent_1']);
    const shapes = result.definitions.diagrams[0].plane.planeElement.map((d: { bpmnElement: { id: string } }) => d.bpmnElement.id);
    expect(shapes).toEqual(['Participant_1', 'Lane_1', 'Lane_2', 'Lane_3', 'Lane_4', 'StartEvent_1']);
  });

  it('given custom lanes, when a new process is made, then the lanes follow and stack without gaps', async () => {
    const xml = newProcessXml('x', ['申請者', '担当']);
    const ys = [...xml.matchAll(/id="Lane_\d_di"[\s\S]*?y="(\d+)"[\s\S]*?height="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(ys).toHaveLength(2);
    expect(ys[1][0]).toBe(ys[0][0] + ys[0][1]);
  });

  it('given special characters, when escaped, then all five XML entities are produced', () => {
    expect(escapeXml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&apos;');
  });
});
