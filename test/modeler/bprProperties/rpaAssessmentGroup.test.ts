import { describe, expect, it } from 'vitest';
import { describeStepAssessment } from '../../../src/domain/analysis/rpaCandidates';
import { readStep } from '../../../src/domain/bpmn/annotationsRead';
import { applyUpdate } from '../../../src/domain/bpmn/annotationsWrite';
import type { ModdleElement } from '../../../src/domain/bpmn/bprAccess';
import { createModdle } from '../../../src/domain/bpmn/moddle';
import { editStep, type DiagramShape } from '../../../src/modeler/bprProperties/annotationEdits';
import { rpaAssessmentGroups, withAnswer } from '../../../src/modeler/bprProperties/rpaAssessmentGroup';
import type { PanelServices } from '../../../src/modeler/bprProperties/stepGroups';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0" id="D" targetNamespace="x">
  <bpmn:process id="P">
    <bpmn:userTask id="T" name="住民税システムへ手入力">
      <bpmn:extensionElements><bpr:step role="入力担当" systems="1" paperSheets="1"><bpr:staffTime type="fixed" value="5"/></bpr:step></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:exclusiveGateway id="G"/>
  </bpmn:process>
</bpmn:definitions>`;

async function setup() {
  const moddle = createModdle();
  const { elementsById } = await moddle.fromXML(XML);
  const bo = elementsById.T as ModdleElement;
  const element: DiagramShape = { id: 'T', type: 'bpmn:UserTask', businessObject: bo };
  const calls: unknown[] = [];
  const modeling = {
    updateModdleProperties(_e: unknown, target: unknown, properties: Record<string, unknown>) {
      calls.push(properties);
      applyUpdate({ target: target as ModdleElement, properties });
    },
  };
  const services = { modeling, moddle, definitions: () => undefined, debounce: undefined } as unknown as PanelServices;
  return { moddle, bo, element, calls, modeling, services, gateway: elementsById.G as ModdleElement };
}

const ctx = { taskId: 'T', taskName: '住民税システムへ手入力', role: '入力担当' };

describe('RPA評価 group', () => {
  it('given a task and a gateway, when groups are asked for, then only the task gets the RPA評価 group', async () => {
    const { element, services, gateway } = await setup();
    const groups = rpaAssessmentGroups(element, services);
    expect(groups.map((g) => [g.id, g.label])).toEqual([['bpr-rpa', 'RPA評価']]);
    expect(rpaAssessmentGroups({ id: 'G', type: 'bpmn:ExclusiveGateway', businessObject: gateway }, services)).toEqual([]);
  });

  it('given an unanswered step, when an answer is written through editStep, then one undoable update stores it, keeps the other fields and raises the score', async () => {
    const { moddle, bo, element, calls, modeling } = await setup();
    const before = describeStepAssessment(readStep(bo), ctx);
    expect(before.fields.find((f) => f.field === 'digitalInput')).toMatchObject({ value: 2, estimated: true });

    expect(editStep(modeling, moddle, element, (a) => withAnswer(a, 'ruleBased', 5))).toBeNull();
    expect(calls).toHaveLength(1);
    const step = readStep(bo);
    expect(step).toMatchObject({ role: '入力担当', systems: 1, paperSheets: 1, assessment: { ruleBased: 5 } });
    const after = describeStepAssessment(step, ctx);
    expect(after.score.suitability).toBeGreaterThan(before.score.suitability);
    expect(after.fields.find((f) => f.field === 'ruleBased')).toMatchObject({ value: 5, estimated: false });
  });

  it('given the last answer, when it is cleared, then the bpr:assessment element is removed, not left empty', async () => {
    const { moddle, bo, element, modeling } = await setup();
    editStep(modeling, moddle, element, (a) => withAnswer(a, 'exceptionRate', 20));
    expect(readStep(bo)?.assessment).toEqual({ exceptionRate: 20 });
    editStep(modeling, moddle, element, (a) => withAnswer(a, 'exceptionRate', undefined));
    expect(readStep(bo)?.assessment).toBeUndefined();
    expect(readStep(bo)?.role).toBe('入力担当');
  });

  it('given an out-of-range exception rate, when written, then the Japanese message comes back and nothing is written', async () => {
    const { moddle, element, calls, modeling } = await setup();
    expect(editStep(modeling, moddle, element, (a) => withAnswer(a, 'exceptionRate', 150))).toMatch(/例外率は0〜100%/);
    expect(calls).toHaveLength(0);
  });
});
