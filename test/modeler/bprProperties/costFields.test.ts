import { describe, expect, it } from 'vitest';
import { readSettings, readStep } from '../../../src/domain/bpmn/annotationsRead';
import { applyUpdate } from '../../../src/domain/bpmn/annotationsWrite';
import type { ModdleElement } from '../../../src/domain/bpmn/bprAccess';
import { createModdle } from '../../../src/domain/bpmn/moddle';
import type { DiagramShape } from '../../../src/modeler/bprProperties/annotationEdits';
import type { EntryDef } from '../../../src/modeler/bprProperties/entries';
import { settingsGroups } from '../../../src/modeler/bprProperties/settingsGroups';
import { stepGroups, type GroupDef, type PanelServices } from '../../../src/modeler/bprProperties/stepGroups';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0" id="D" targetNamespace="x">
  <bpmn:process id="P">
    <bpmn:extensionElements><bpr:settings hoursPerFte="1800"><bpr:role name="入力担当" headcount="2"/></bpr:settings></bpmn:extensionElements>
    <bpmn:userTask id="T" name="帳票の読取">
      <bpmn:extensionElements><bpr:step role="入力担当" paperSheets="2"><bpr:staffTime type="fixed" value="5"/></bpr:step></bpmn:extensionElements>
    </bpmn:userTask>
  </bpmn:process>
</bpmn:definitions>`;

async function setup() {
  const moddle = createModdle();
  const { elementsById } = await moddle.fromXML(XML);
  const task = elementsById.T as ModdleElement;
  const process = elementsById.P as ModdleElement;
  const calls: unknown[] = [];
  const modeling = {
    updateModdleProperties(_e: unknown, target: unknown, properties: Record<string, unknown>) {
      calls.push(properties);
      applyUpdate({ target: target as ModdleElement, properties });
    },
  };
  const services = { modeling, moddle, definitions: () => undefined, debounce: undefined } as unknown as PanelServices;
  const shape = (bo: ModdleElement, type: string): DiagramShape => ({ id: String(bo.id), type, businessObject: bo });
  return { task, process, calls, services, taskShape: shape(task, 'bpmn:UserTask'), processShape: shape(process, 'bpmn:Process') };
}

function entry(groups: GroupDef[], id: string) {
  const e = groups.flatMap((g) => g.entries ?? []).find((x) => x.id === id) as EntryDef | undefined;
  if (!e) throw new Error(`no entry ${id}`);
  return e as EntryDef & {
    label: string;
    getValue(): string;
    validate(v: string): string | null;
    setValue(v: string, error: string | null): void;
  };
}

/** What the panel does on typing: validate, then set with the validation's result. */
function type(e: ReturnType<typeof entry>, text: string): string | null {
  const error = e.validate(text);
  e.setValue(text, error);
  return error;
}

describe('cost fields of the properties panel', () => {
  it('given a step, when 1件あたり費用 is typed, then one undoable update stores it beside the other fields', async () => {
    const { task, calls, services, taskShape } = await setup();
    const field = entry(stepGroups(taskShape, services), 'bpr-costPerCase');
    expect(field.label).toBe('1件あたり費用 (円/件)');
    expect(type(field, '20')).toBeNull();
    expect(calls).toHaveLength(1);
    expect(readStep(task)).toMatchObject({ role: '入力担当', paperSheets: 2, staffTime: { type: 'fixed', value: 5 }, costPerCase: 20 });
    expect(entry(stepGroups(taskShape, services), 'bpr-costPerCase').getValue()).toBe('20');
  });

  it('given a step, when a negative cost is typed, then the Japanese message names the field and nothing is written', async () => {
    const { task, calls, services, taskShape } = await setup();
    const error = type(entry(stepGroups(taskShape, services), 'bpr-costPerCase'), '-5');
    expect(error).toMatch(/1件あたり費用に負の値は入力できません/);
    expect(calls).toHaveLength(0);
    expect(readStep(task)?.costPerCase).toBeUndefined();
  });

  it('given the process, when 年間固定費 is typed and then cleared, then it is stored with the roles kept, and removed again', async () => {
    const { process, calls, services, processShape } = await setup();
    const field = entry(settingsGroups(processShape, services), 'bpr-fixedCostPerYear');
    expect(field.label).toBe('年間固定費 (円/年)');
    expect(type(field, '450000')).toBeNull();
    expect(calls).toHaveLength(1);
    expect(readSettings(process)).toMatchObject({ hoursPerFte: 1800, fixedCostPerYear: 450_000, roles: [{ name: '入力担当', headcount: 2 }] });
    expect(type(entry(settingsGroups(processShape, services), 'bpr-fixedCostPerYear'), '')).toBeNull();
    expect(calls).toHaveLength(2);
    expect(readSettings(process)?.fixedCostPerYear).toBeUndefined();
  });

  it('given the process, when a negative 年間固定費 is typed, then it is refused with a Japanese message', async () => {
    const { calls, services, processShape } = await setup();
    expect(type(entry(settingsGroups(processShape, services), 'bpr-fixedCostPerYear'), '-1')).toMatch(/年間固定費に負の値は入力できません/);
    expect(calls).toHaveLength(0);
  });
});
