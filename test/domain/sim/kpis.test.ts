import { describe, expect, it } from 'vitest';
import { readDiagramAnnotations } from '../../../src/domain/bpmn/annotationsRead';
import { createModdle } from '../../../src/domain/bpmn/moddle';
import { compileModel } from '../../../src/domain/sim/compile';
import { buildSimModel } from '../../../src/domain/sim/modelBuilder';
import { runSimulation } from '../../../src/domain/sim/runSimulation';

const STAFF_YEN_PER_HOUR = 3000;
const PER_CASE = 50;
const FIXED = 120_000;

/** A clerk's 12-minute check that also costs 50 円 each time, in a process with 120,000 円/yr of licences. */
function pricedModel(fixedCostPerYear = FIXED) {
  return buildSimModel({
    nodes: [
      { id: 'S', kind: 'start' },
      { id: 'Check', kind: 'task', name: '確認', roleName: '職員', staffTime: { type: 'fixed', value: 12 }, costPerCase: PER_CASE },
      { id: 'E', kind: 'end' },
    ],
    flows: [
      { from: 'S', to: 'Check' },
      { from: 'Check', to: 'E' },
    ],
    roles: [{ name: '職員', headcount: 2, hourlyCost: STAFF_YEN_PER_HOUR }],
    arrivals: [{ start: 'S', annualVolume: 1000 }],
    fixedCostPerYear,
  });
}

describe('cost per year (costYenPerYear)', () => {
  it('given a step priced per execution and a fixed yearly cost, when simulated for 1 year, then cost = staff cost + 50 円 × executions + 120,000 円 in every replication', () => {
    const r = runSimulation(pricedModel(), { seed: 4, replications: 3, keepReplications: true });
    const v = r.replicationValues!;
    v.costYenPerYear.forEach((cost, i) => {
      const staffYen = v.roles['職員'].costYenPerYear[i]!;
      const executions = v.tasks.Check.countPerYear[i]!;
      expect(executions).toBeGreaterThan(800);
      expect(cost).toBeCloseTo(staffYen + PER_CASE * executions + FIXED, 6);
    });
  });

  it('given the same model simulated for 3 years, when the cost per year is read, then the fixed cost still counts once per year', () => {
    const one = runSimulation(pricedModel(0), { seed: 9, replications: 2, years: 3, keepReplications: true });
    const withFixed = runSimulation(pricedModel(), { seed: 9, replications: 2, years: 3, keepReplications: true });
    withFixed.replicationValues!.costYenPerYear.forEach((c, i) => expect(c! - one.replicationValues!.costYenPerYear[i]!).toBeCloseTo(FIXED, 6));
    // Costs never change what happens: the same cases, the same staff hours.
    expect(withFixed.kpis.staffHoursPerYear).toEqual(one.kpis.staffHoursPerYear);
  });

  it('given a diagram whose bpr: step and settings carry costs, when compiled, then the model holds them', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0" id="D" targetNamespace="x">
  <bpmn:process id="P">
    <bpmn:extensionElements><bpr:settings fixedCostPerYear="600000"><bpr:role name="職員" headcount="1" hourlyCost="3000"/></bpr:settings></bpmn:extensionElements>
    <bpmn:startEvent id="S"><bpmn:extensionElements><bpr:arrivals annualVolume="100"/></bpmn:extensionElements><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:task id="T" name="読取"><bpmn:extensionElements><bpr:step role="職員" costPerCase="20"><bpr:staffTime type="fixed" value="1"/></bpr:step></bpmn:extensionElements><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:task>
    <bpmn:endEvent id="E"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T"/>
    <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E"/>
  </bpmn:process>
</bpmn:definitions>`;
    const { rootElement } = await createModdle().fromXML(xml);
    const { annotations, issues } = readDiagramAnnotations(rootElement);
    expect(issues).toEqual([]);
    const m = compileModel(rootElement, annotations);
    expect(m.fixedCostPerYear).toBe(600_000);
    expect(m.nodes.find((n) => n.id === 'T')?.costPerCase).toBe(20);
    expect(m.nodes.find((n) => n.id === 'S')?.costPerCase).toBe(0);
  });
});
