import { describe, expect, it } from 'vitest';
import { createModdle } from '../../../src/domain/bpmn/moddle';
import { readStep } from '../../../src/domain/bpmn/annotationsRead';
import { applyUpdate } from '../../../src/domain/bpmn/annotationsWrite';
import type { ModdleElement } from '../../../src/domain/bpmn/bprAccess';
import { editStep, type DiagramShape } from '../../../src/modeler/bprProperties/annotationEdits';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0" id="D" targetNamespace="x">
  <bpmn:process id="P">
    <bpmn:task id="T" name="本人確認">
      <bpmn:extensionElements><bpr:step role="窓口担当"><bpr:staffTime type="fixed" value="10"/></bpr:step></bpmn:extensionElements>
    </bpmn:task>
  </bpmn:process>
</bpmn:definitions>`;

async function setup() {
  const moddle = createModdle();
  const { elementsById } = await moddle.fromXML(XML);
  const bo = elementsById.T as ModdleElement;
  const element: DiagramShape = { id: 'T', type: 'bpmn:Task', businessObject: bo };
  const calls: Array<{ target: unknown; properties: Record<string, unknown> }> = [];
  // Stands in for bpmn-js modeling: records the command and applies it like the handler would.
  const modeling = {
    updateModdleProperties(_e: unknown, target: unknown, properties: Record<string, unknown>) {
      calls.push({ target, properties });
      applyUpdate({ target: target as ModdleElement, properties });
    },
  };
  return { moddle, bo, element, calls, modeling };
}

describe('editStep', () => {
  it('given a valid three-point estimate, when edited, then one updateModdleProperties call writes it and keeps the role', async () => {
    const { moddle, bo, element, calls, modeling } = await setup();
    const message = editStep(modeling, moddle, element, (a) => ({ ...a, staffTime: { type: 'triangular', min: 5, mode: 8, max: 15 } }));
    expect(message).toBeNull();
    expect(calls).toHaveLength(1);
    expect(readStep(bo)).toEqual({ role: '窓口担当', staffTime: { type: 'triangular', min: 5, mode: 8, max: 15 } });
  });

  it('given min above max, when edited, then the Japanese message comes back and nothing is written', async () => {
    const { moddle, bo, element, calls, modeling } = await setup();
    const message = editStep(modeling, moddle, element, (a) => ({ ...a, staffTime: { type: 'triangular', min: 50, mode: 8, max: 15 } }));
    expect(message).toBe('最小値 (50) が最大値 (15) より大きくなっています');
    expect(calls).toEqual([]);
    expect(readStep(bo)?.staffTime).toEqual({ type: 'fixed', value: 10 });
  });

  it('given the same values, when edited, then no command is issued (no empty undo steps)', async () => {
    const { moddle, element, calls, modeling } = await setup();
    expect(editStep(modeling, moddle, element, (a) => ({ ...a }))).toBeNull();
    expect(calls).toEqual([]);
  });
});
