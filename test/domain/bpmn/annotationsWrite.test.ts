import { describe, expect, it } from 'vitest';
import { readDiagramAnnotations, readFlow, readStep } from '../../../src/domain/bpmn/annotationsRead';
import {
  AnnotationValidationError,
  applyUpdate,
  gatewayProbabilitiesUpdate,
  stepUpdate,
  writeDiagramAnnotations,
} from '../../../src/domain/bpmn/annotationsWrite';
import { validateGatewayProbabilities } from '../../../src/domain/bpmn/gatewayProbabilities';
import { parseDiagram, serializeDiagram, type ParsedDiagram } from '../../../src/domain/bpmn/parseDiagram';
import type { DiagramAnnotations } from '../../../src/domain/model/annotations';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0" id="D" targetNamespace="urn:t">
  <bpmn:process id="P">
    <bpmn:laneSet id="LS"><bpmn:lane id="L1" name="窓口"><bpmn:flowNodeRef>Task_1</bpmn:flowNodeRef><bpmn:flowNodeRef>Task_2</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="Start_1"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>
    <bpmn:task id="Task_1" name="本人確認"><bpmn:incoming>F0</bpmn:incoming><bpmn:outgoing>F1</bpmn:outgoing></bpmn:task>
    <bpmn:exclusiveGateway id="Gw_1" name="書類は揃っている？"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>Flow_a</bpmn:outgoing><bpmn:outgoing>Flow_b</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:task id="Task_2" name="受付"><bpmn:incoming>Flow_a</bpmn:incoming></bpmn:task>
    <bpmn:endEvent id="End_1"><bpmn:incoming>Flow_b</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F0" sourceRef="Start_1" targetRef="Task_1"/>
    <bpmn:sequenceFlow id="F1" sourceRef="Task_1" targetRef="Gw_1"/>
    <bpmn:sequenceFlow id="Flow_a" name="はい" sourceRef="Gw_1" targetRef="Task_2"/>
    <bpmn:sequenceFlow id="Flow_b" name="いいえ" sourceRef="Gw_1" targetRef="End_1"/>
  </bpmn:process>
</bpmn:definitions>`;

async function load(xml = XML): Promise<ParsedDiagram> {
  const r = await parseDiagram(xml);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

const valid = (): DiagramAnnotations => ({
  steps: { Task_1: { staffTime: { type: 'triangular', min: 5, mode: 8, max: 15 }, role: '窓口担当' }, Task_2: {} },
  flows: { Flow_a: { probability: 70 }, Flow_b: { probability: 30 } },
  starts: { Start_1: { annualVolume: 4800, seasonality: [7, 7, 14, 14, 8, 7, 7, 7, 7, 7, 7, 8], calendar: 'office' } },
  settings: { hoursPerFte: 1860, roles: [{ name: '窓口担当', headcount: 3 }], calendars: [] },
});

describe('writeDiagramAnnotations', () => {
  it('given valid annotations, when written and exported, then they read back and Task_2 gets its lane as role', async () => {
    const d = await load();
    writeDiagramAnnotations(d.moddle, d.definitions, valid());
    const xml = await serializeDiagram(d.definitions);
    expect(xml).toContain('<bpr:staffTime type="triangular" min="5" mode="8" max="15" />');
    expect(xml).toContain('bpr:probability="70"');
    const back = readDiagramAnnotations((await load(xml)).definitions);
    expect(back.issues).toEqual([]);
    expect(back.annotations.steps.Task_1).toEqual(valid().steps.Task_1);
    expect(back.annotations.steps.Task_2).toEqual({ role: '窓口' });
    expect(back.annotations.starts.Start_1.seasonality).toHaveLength(12);
    expect(back.annotations.settings.calendars.map((c) => c.id)).toEqual(['office']);
  });

  it('given a step cost per case and a fixed cost per year, when written and exported, then they are bpr: attributes that read back', async () => {
    const d = await load();
    const a = valid();
    a.steps.Task_1.costPerCase = 20;
    a.settings.fixedCostPerYear = 450_000;
    writeDiagramAnnotations(d.moddle, d.definitions, a);
    const xml = await serializeDiagram(d.definitions);
    expect(xml).toMatch(/<bpr:step [^>]*costPerCase="20"/);
    expect(xml).toMatch(/<bpr:settings [^>]*fixedCostPerYear="450000"/);
    const back = readDiagramAnnotations((await load(xml)).definitions);
    expect(back.issues).toEqual([]);
    expect(back.annotations.steps.Task_1).toEqual(a.steps.Task_1);
    expect(back.annotations.settings.fixedCostPerYear).toBe(450_000);
  });

  const invalidCases: Array<[string, (a: DiagramAnnotations) => void, RegExp]> = [
    [
      'negative cost per case',
      (a) => {
        a.steps.Task_1.costPerCase = -1;
      },
      /^「本人確認」\(Task_1\)の1件あたり費用: 1件あたり費用に負の値は入力できません$/m,
    ],
    [
      'negative fixed cost',
      (a) => {
        a.settings.fixedCostPerYear = -1;
      },
      /^\(P\)の年間固定費: 年間固定費に負の値は入力できません$/m,
    ],
    [
      'negative minutes',
      (a) => {
        a.steps.Task_1.staffTime = { type: 'fixed', value: -5 };
      },
      /^「本人確認」\(Task_1\)の職員処理時間: 値に負の値は入力できません$/m,
    ],
    [
      'min above max',
      (a) => {
        a.steps.Task_1.staffTime = { type: 'uniform', min: 20, max: 10 };
      },
      /^「本人確認」\(Task_1\)の職員処理時間: 最小値 \(20\) が最大値 \(10\) より大きくなっています$/m,
    ],
    [
      'branches 70 + 20',
      (a) => {
        a.flows.Flow_b = { probability: 20 };
      },
      /^「書類は揃っている？」\(Gw_1\)の分岐確率: 合計が 90% です。合計を 100% にしてください/m,
    ],
  ];

  it.each(invalidCases)('given %s, when written, then a Japanese message names the element and the model is unchanged', async (_name, spoil, message) => {
    const d = await load();
    writeDiagramAnnotations(d.moddle, d.definitions, valid());
    const before = await serializeDiagram(d.definitions);
    const bad = valid();
    spoil(bad);
    let caught: unknown;
    try {
      writeDiagramAnnotations(d.moddle, d.definitions, bad);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AnnotationValidationError);
    expect((caught as Error).message).toMatch(message);
    expect(await serializeDiagram(d.definitions)).toBe(before);
  });

  it('given a step on an element that does not exist, when written, then the message names it', async () => {
    const d = await load();
    const bad = valid();
    bad.steps.Task_9 = {};
    expect(() => writeDiagramAnnotations(d.moddle, d.definitions, bad)).toThrow('(Task_9): 図に存在しない要素です');
  });
});

describe('stepUpdate (for modeling.updateModdleProperties)', () => {
  it('given a task without extensionElements, when updated, then the target is the task and a new container holds the step', async () => {
    const d = await load();
    const task = d.elementsById.Task_1;
    const u = stepUpdate(d.moddle, task, { staffTime: { type: 'fixed', value: 8 } });
    expect(u.target).toBe(task);
    expect(Object.keys(u.properties)).toEqual(['extensionElements']);
    expect(readStep(task)).toBeUndefined();
    applyUpdate(u);
    expect(readStep(task)).toEqual({ staffTime: { type: 'fixed', value: 8 } });

    const second = stepUpdate(d.moddle, task, { staffTime: { type: 'fixed', value: 9 } });
    expect(second.target).toBe(task.extensionElements);
    applyUpdate(second);
    expect(task.extensionElements.values).toHaveLength(1);
    expect(readStep(task)?.staffTime).toEqual({ type: 'fixed', value: 9 });

    applyUpdate(stepUpdate(d.moddle, task, undefined));
    expect(task.extensionElements).toBeUndefined();
  });

  it('given a negative time, when an update is built, then it throws naming the task and leaves the task alone', async () => {
    const d = await load();
    const task = d.elementsById.Task_1;
    expect(() => stepUpdate(d.moddle, task, { residentTime: { type: 'exponential', mean: -1 } })).toThrow(/「本人確認」\(Task_1\)の住民の所要時間/);
    expect(task.extensionElements).toBeUndefined();
  });
});

describe('gateway probabilities', () => {
  it('given 70 + 20 for one gateway, when the update is built, then it is refused and nothing changes', async () => {
    const d = await load();
    const gw = d.elementsById.Gw_1;
    expect(() => gatewayProbabilitiesUpdate(gw, { Flow_a: 70, Flow_b: 20 })).toThrow(/合計が 90%/);
    expect(readFlow(d.elementsById.Flow_a)).toBeUndefined();
    for (const u of gatewayProbabilitiesUpdate(gw, { Flow_a: 70, Flow_b: 30 })) applyUpdate(u);
    expect(readFlow(d.elementsById.Flow_a)).toEqual({ probability: 70 });
    expect(validateGatewayProbabilities(d.definitions)).toEqual([]);
  });

  it('given an empty default flow, when validated, then it takes the remainder, and a single other flow above 100% is out of range', async () => {
    const d = await load(XML.replace('<bpmn:exclusiveGateway id="Gw_1"', '<bpmn:exclusiveGateway id="Gw_1" default="Flow_b"'));
    d.elementsById.Flow_a.set('bpr:probability', 70);
    expect(validateGatewayProbabilities(d.elementsById.Gw_1)).toEqual([]);
    d.elementsById.Flow_a.set('bpr:probability', 120);
    expect(validateGatewayProbabilities(d.elementsById.Gw_1)[0].message).toMatch(/「はい」\(Flow_a\) 120% は 0〜100% の範囲外です/);
  });

  it('given only one branch filled in, when validated, then the missing branch is named', async () => {
    const d = await load();
    d.elementsById.Flow_a.set('bpr:probability', 100);
    const issues = validateGatewayProbabilities(d.elementsById.Gw_1);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toContain('「いいえ」(Flow_b) 未入力');
  });
});
