import { describe, expect, it } from 'vitest';
import { defaultRoleOf, readDiagramAnnotations } from '../../../src/domain/bpmn/annotationsRead';
import { parseDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { DiagramEditor } from '../../../src/domain/analysis/interventions/editor';
import { roleOf as lintRoleOf } from '../../../src/domain/lint/read';
import { compileModel } from '../../../src/domain/sim/compile';

/**
 * Who does a step, written once (model/roleFallback) and read by every consumer: the annotations the
 * simulation and validation read, lint, and the template editor. Expected roles are the rule stated by
 * hand: own bpr:role, else the innermost lane, else the pool only when it is the resident.
 */
const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0" id="D" targetNamespace="urn:t">
  <bpmn:collaboration id="C">
    <bpmn:participant id="PoolCity" name="市民課" processRef="P1"/>
    <bpmn:participant id="PoolRes" name="住民" processRef="P2"/>
    <bpmn:participant id="PoolOther" name="税務課" processRef="P3"/>
  </bpmn:collaboration>
  <bpmn:process id="P1">
    <bpmn:laneSet id="LS"><bpmn:lane id="L" name="窓口"><bpmn:flowNodeRef>Own</bpmn:flowNodeRef><bpmn:flowNodeRef>InLane</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:task id="Own" name="決裁"><bpmn:extensionElements><bpr:step role="課長"><bpr:staffTime type="fixed" value="5"/></bpr:step></bpmn:extensionElements></bpmn:task>
    <bpmn:task id="InLane" name="受付"><bpmn:extensionElements><bpr:step><bpr:staffTime type="fixed" value="5"/></bpr:step></bpmn:extensionElements></bpmn:task>
  </bpmn:process>
  <bpmn:process id="P2">
    <bpmn:task id="InResidentPool" name="記入"><bpmn:extensionElements><bpr:step><bpr:residentTime type="fixed" value="5"/></bpr:step></bpmn:extensionElements></bpmn:task>
  </bpmn:process>
  <bpmn:process id="P3">
    <bpmn:task id="InOrgPool" name="照会"><bpmn:extensionElements><bpr:step><bpr:staffTime type="fixed" value="5"/></bpr:step></bpmn:extensionElements></bpmn:task>
  </bpmn:process>
</bpmn:definitions>`;

const CASES: { id: string; role: string | undefined; from?: 'step' | 'lane' | 'pool' }[] = [
  { id: 'Own', role: '課長', from: 'step' },
  { id: 'InLane', role: '窓口', from: 'lane' },
  { id: 'InResidentPool', role: '住民', from: 'pool' },
  { id: 'InOrgPool', role: undefined },
];

describe('role fallback: one rule, every consumer', () => {
  for (const c of CASES) {
    it(`given step ${c.id}, when annotations, lint, the template editor and the simulation read its role, then all say ${c.role ?? 'none'}`, async () => {
      const parsed = await parseDiagram(xml);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const defs = parsed.definitions;
      expect(readDiagramAnnotations(defs).annotations.steps[c.id]?.role).toBe(c.role);
      const lint = lintRoleOf(parsed.elementsById[c.id]);
      expect(lint?.role).toBe(c.role);
      expect(lint?.from).toBe(c.from);
      const editor = await DiagramEditor.open(xml);
      expect(editor.roleOf(c.id)).toBe(c.role);
      if (c.from !== 'step') expect(defaultRoleOf(defs, c.id)?.role).toBe(c.role);
      const model = compileModel(defs, readDiagramAnnotations(defs).annotations);
      const node = model.nodes.find((n) => n.id === c.id);
      expect(node).toBeDefined();
      expect(node!.role >= 0 ? model.roles[node!.role].name : undefined).toBe(c.role);
    });
  }
});
