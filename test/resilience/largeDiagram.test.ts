import { describe, expect, it } from 'vitest';
import { readDiagramAnnotations } from '../../src/domain/bpmn/annotationsRead';
import { allFlowElements } from '../../src/domain/bpmn/walk';
import { parseDiagram, serializeDiagram } from '../../src/domain/bpmn/parseDiagram';
import { lintDefinitions } from '../../src/domain/lint/lintDiagram';
import { loadSimModel } from '../../src/domain/sim/loadDiagram';
import { runSimulation } from '../../src/domain/sim/runSimulation';
import { diagram } from './support';

/**
 * A chain of exclusive blocks, each: gateway → two annotated tasks → merge → task. 500 blocks give
 * 5,000+ flow elements (nodes and flows), about what a whole department's processes in one file reach.
 */
function bigDiagram(blocks: number): string {
  const parts: string[] = [
    '<bpmn:extensionElements><bpr:settings hoursPerFte="1860"><bpr:role name="窓口担当" headcount="50" hourlyCost="3000"/></bpr:settings></bpmn:extensionElements>',
    '<bpmn:startEvent id="S"><bpmn:extensionElements><bpr:arrivals annualVolume="1000"/></bpmn:extensionElements><bpmn:outgoing>F_S</bpmn:outgoing></bpmn:startEvent>',
  ];
  const task = (id: string, name: string, incoming: string, outgoing: string) =>
    `<bpmn:task id="${id}" name="${name}"><bpmn:extensionElements><bpr:step role="窓口担当"><bpr:staffTime type="fixed" value="0.1"/></bpr:step></bpmn:extensionElements><bpmn:incoming>${incoming}</bpmn:incoming><bpmn:outgoing>${outgoing}</bpmn:outgoing></bpmn:task>`;
  const flow = (id: string, from: string, to: string, p?: number) =>
    `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"${p === undefined ? '' : ` bpr:probability="${p}"`}/>`;
  let prev = 'S';
  let prevFlow = 'F_S';
  for (let b = 0; b < blocks; b++) {
    const g = `G${b}`,
      m = `M${b}`,
      a = `A${b}`,
      c = `C${b}`,
      t = `T${b}`;
    parts.push(flow(prevFlow, prev, g));
    parts.push(
      `<bpmn:exclusiveGateway id="${g}"><bpmn:incoming>${prevFlow}</bpmn:incoming><bpmn:outgoing>F${g}a</bpmn:outgoing><bpmn:outgoing>F${g}c</bpmn:outgoing></bpmn:exclusiveGateway>`,
    );
    parts.push(flow(`F${g}a`, g, a, 60), flow(`F${g}c`, g, c, 40));
    parts.push(task(a, `確認${b}`, `F${g}a`, `F${a}`), task(c, `補正${b}`, `F${g}c`, `F${c}`));
    parts.push(flow(`F${a}`, a, m), flow(`F${c}`, c, m));
    parts.push(
      `<bpmn:exclusiveGateway id="${m}"><bpmn:incoming>F${a}</bpmn:incoming><bpmn:incoming>F${c}</bpmn:incoming><bpmn:outgoing>F${m}</bpmn:outgoing></bpmn:exclusiveGateway>`,
    );
    parts.push(flow(`F${m}`, m, t));
    parts.push(task(t, `入力${b}`, `F${m}`, `F${t}`));
    prev = t;
    prevFlow = `F${t}`;
  }
  parts.push(flow(prevFlow, prev, 'E'), `<bpmn:endEvent id="E"><bpmn:incoming>${prevFlow}</bpmn:incoming></bpmn:endEvent>`);
  return diagram(parts.join('\n'));
}

describe('a 5,000-element diagram', () => {
  const xml = bigDiagram(500);

  it('given 500 decision blocks, when imported, read, linted, serialized and simulated for a few cases, then nothing crashes and the figures add up', async () => {
    const parsed = await parseDiagram(xml);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const elements = allFlowElements(parsed.definitions);
    expect(elements.length).toBeGreaterThanOrEqual(5000);

    const { annotations, issues } = readDiagramAnnotations(parsed.definitions);
    expect(issues).toEqual([]);
    expect(Object.keys(annotations.steps)).toHaveLength(1500);

    const findings = await lintDefinitions(parsed.definitions);
    expect(findings.filter((f) => f.category === 'error')).toEqual([]);

    const again = await serializeDiagram(parsed.definitions);
    expect(again).toContain('id="T499"');

    const loaded = await loadSimModel(xml);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const result = runSimulation(loaded.model, { seed: 7, replications: 1, cases: 3 });
    expect(result.cases).toBeGreaterThanOrEqual(3);
    // Every case passes 1,000 tasks of 0.1 minute (one of two per block, then the third).
    expect(result.kpis.staffMinutesPerCase.mean).toBeCloseTo(100, 6);
  }, 300_000);
});
