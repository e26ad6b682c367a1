import { describe, expect, it } from 'vitest';
import { createModdle } from '../../../src/domain/bpmn/moddle';
import type { ModdleElement } from '../../../src/domain/bpmn/bprAccess';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { loadSimModel, simulationInputsOf } from '../../../src/domain/sim/loadDiagram';
import { buildRows, type DiagramElement } from '../../../src/ui/process/stepTable/diagramRows';
import { corpusRoot } from '../../support/paths';

/** Two lanes; the lower lane's task is drawn further left but comes later in the flow. */
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0" id="D" targetNamespace="x">
  <bpmn:process id="P">
    <bpmn:laneSet id="LS">
      <bpmn:lane id="L1" name="窓口担当"><bpmn:flowNodeRef>S</bpmn:flowNodeRef><bpmn:flowNodeRef>T1</bpmn:flowNodeRef></bpmn:lane>
      <bpmn:lane id="L2" name="審査担当"><bpmn:flowNodeRef>T2</bpmn:flowNodeRef></bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="S"/>
    <bpmn:task id="T1" name="受付"/>
    <bpmn:task id="T2" name="審査">
      <bpmn:extensionElements><bpr:step paperSheets="-1"/></bpmn:extensionElements>
    </bpmn:task>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T1"/>
    <bpmn:sequenceFlow id="F2" sourceRef="T1" targetRef="T2"/>
  </bpmn:process>
</bpmn:definitions>`;

describe('buildRows', () => {
  it('given shapes from the registry, when built, then rows follow the flow, take lane names and flag invalid stored data', async () => {
    const { rootElement, elementsById } = await createModdle().fromXML(XML);
    const bo = (id: string) => elementsById[id] as ModdleElement;
    const shape = (id: string, type: string, x: number, y: number, width = 100, height = 80): DiagramElement => ({
      id,
      type,
      x,
      y,
      width,
      height,
      businessObject: bo(id),
    });
    const flow = (id: string): DiagramElement => ({ id, type: 'bpmn:SequenceFlow', waypoints: [], businessObject: bo(id) });
    const elements = [
      shape('L1', 'bpmn:Lane', 0, 0, 1000, 200),
      shape('L2', 'bpmn:Lane', 0, 200, 1000, 200),
      shape('T2', 'bpmn:Task', 50, 250),
      shape('T1', 'bpmn:Task', 400, 50),
      shape('S', 'bpmn:StartEvent', 300, 70, 36, 36),
      flow('F1'),
      flow('F2'),
      { id: 'T1_label', type: 'label', labelTarget: {}, businessObject: bo('T1') },
    ];
    const rows = buildRows(elements, rootElement);
    expect(rows.map((r) => [r.id, r.name, r.laneName])).toEqual([
      ['T1', '受付', '窓口担当'],
      ['T2', '審査', '審査担当'],
    ]);
    expect(rows[0].problem).toBeUndefined();
    expect(rows[1].problem).toContain('「審査」(T2)の紙の枚数');
  });

  it('given a BIMP file without bpr: annotations (simod LoanApp), when built with the loader’s steps, then each row shows what the simulation reads, marked as BIMP', async () => {
    const file = readFileSync(path.join(corpusRoot, 'sim/simod/tests/assets/LoanApp_simplified.bpmn'));
    const parsed = await parseDiagram(file);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const inputs = simulationInputsOf(parsed.definitions, parsed.xml);
    expect(inputs.source).toBe('qbp');
    // The simulation reads the same file the same way.
    const loaded = await loadSimModel(file);
    expect(loaded.ok && loaded.source).toBe('qbp');
    const task = parsed.elementsById.Activity_065abi2 as ModdleElement;
    const rows = buildRows(
      [{ id: task.id as string, type: 'bpmn:Task', x: 0, y: 0, width: 100, height: 80, businessObject: task }],
      parsed.definitions,
      inputs.annotations.steps,
    );
    // In the file: AML check, EXPONENTIAL with arg1 = 1800 s (QBP's mean) → 30 min, done by the resource named AML Investigator.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'AML check', source: 'qbp', annotation: { staffTime: { type: 'exponential', mean: 30 }, role: 'AML Investigator' } });
  });

  it('given a step with its own annotation, when BIMP steps are also given, then the row keeps its own values and is not marked', async () => {
    const { rootElement, elementsById } = await createModdle().fromXML(XML);
    const t2 = elementsById.T2 as ModdleElement;
    const rows = buildRows([{ id: 'T2', type: 'bpmn:Task', x: 0, y: 0, width: 100, height: 80, businessObject: t2 }], rootElement, {
      T2: { staffTime: { type: 'fixed', value: 5 } } as never,
    });
    expect(rows[0].source).toBeUndefined();
    expect(rows[0].problem).toContain('紙の枚数');
  });

  it('given a collapsed sub-process, when the registry also holds its drill-down plane root, then the step is listed once', async () => {
    const { rootElement, elementsById } = await createModdle().fromXML(XML);
    const t1 = elementsById.T1 as ModdleElement;
    const rows = buildRows(
      [
        { id: 'T1', type: 'bpmn:SubProcess', x: 0, y: 0, width: 100, height: 80, businessObject: t1 },
        // What bpmn-js adds for the sub-process's own plane.
        { id: 'T1_plane', type: 'bpmn:SubProcess', businessObject: t1 },
      ],
      rootElement,
    );
    expect(rows.map((r) => r.id)).toEqual(['T1']);
  });
});
