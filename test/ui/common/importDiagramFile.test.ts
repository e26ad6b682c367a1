import { describe, expect, it } from 'vitest';
import { checkDiagramFile } from '../../../src/ui/common/importDiagramFile';

const NO_DI = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs" targetNamespace="urn:test">
  <bpmn:process id="Process_1" isExecutable="false">
    <bpmn:startEvent id="Start_1" />
    <bpmn:task id="Task_1" name="受付" />
    <bpmn:endEvent id="End_1" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_1" targetRef="Task_1" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_1" targetRef="End_1" />
  </bpmn:process>
</bpmn:definitions>`;

const file = (name: string, text: string) => new File([text], name, { type: 'application/xml' });

describe('checkDiagramFile', () => {
  it('given a .bpmn without diagram interchange, when checked, then it is accepted with an automatic layout covering every element', async () => {
    const checked = await checkDiagramFile(file('申請.bpmn', NO_DI));
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.laidOut).toBe(true);
    expect(checked.suggestedName).toBe('申請');
    for (const id of ['Start_1', 'Task_1', 'End_1', 'Flow_1', 'Flow_2']) expect(checked.xml).toMatch(new RegExp(`bpmnElement="${id}"`));
  });

  it('given a .bpmn that has a diagram, when checked, then its XML is kept as it is', async () => {
    const laid = await checkDiagramFile(file('申請.bpmn', NO_DI));
    if (!laid.ok) throw new Error(laid.message);
    const again = await checkDiagramFile(file('申請2.bpmn', laid.xml));
    if (!again.ok) throw new Error(again.message);
    expect(again.laidOut).toBe(false);
    expect(again.xml).toBe(laid.xml);
  });

  it('given a file that is not XML, when checked, then a Japanese message names the problem', async () => {
    const checked = await checkDiagramFile(file('メモ.bpmn', 'ただのメモ'));
    expect(checked).toMatchObject({ ok: false, fileName: 'メモ.bpmn' });
    expect(!checked.ok && checked.message).toMatch(/XML ファイルではありません/);
  });
});
