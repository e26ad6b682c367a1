import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/commands/simulate';
import { corpusAvailable, corpusRoot, diagramsRoot } from '../support/paths';

function capture() {
  const out: string[] = [], err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => { out.push(a.join(' ')); });
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => { err.push(a.join(' ')); });
  return { out, err };
}

const estimate = expect.objectContaining({ mean: expect.any(Number), ci95: [expect.any(Number), expect.any(Number)] });

describe('bpr simulate', () => {
  afterEach(() => vi.restoreAllMocks());

  it('given a sample diagram and --json, when run, then exactly one JSON object with the documented fields is printed', async () => {
    const io = capture();
    const code = await run([join(diagramsRoot, 'kian-kessai-asis.bpmn'), '--json', '--replications', '3', '--seed', '5']);
    expect(code).toBe(0);
    expect(io.out).toHaveLength(1);
    const j = JSON.parse(io.out[0]);
    expect(j.replications).toBe(3);
    expect(j.cases).toBeGreaterThan(0);
    for (const k of ['staffHoursPerYear', 'staffMinutesPerCase', 'meanCycleTimeSeconds', 'meanWaitingTimeSeconds']) expect(j[k]).toEqual(estimate);
    expect(j.tasks[0]).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), count: expect.any(Number), meanWaitSeconds: expect.any(Number), meanProcessingSeconds: expect.any(Number), processingHoursPerYear: expect.any(Number) }));
    expect(j.roles[0]).toEqual(expect.objectContaining({ name: expect.any(String) }));
  });

  it('given no --json, when run, then a Japanese summary with units and confidence intervals is printed', async () => {
    const io = capture();
    expect(await run([join(diagramsRoot, 'kian-kessai-asis.bpmn'), '--replications', '2', '--cases', '100'])).toBe(0);
    const text = io.out.join('\n');
    expect(text).toContain('時間/年');
    expect(text).toContain('95%信頼区間');
  });

  it('given a diagram missing branch probabilities and volume, when run, then the issues are listed and the exit code is 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bpr-sim-'));
    const file = join(dir, 'bad.bpmn');
    writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="urn:t">
  <bpmn:process id="P"><bpmn:startEvent id="S"/><bpmn:exclusiveGateway id="G" name="審査"/><bpmn:endEvent id="E1"/><bpmn:endEvent id="E2"/>
  <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="G"/><bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="E1"/><bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="E2"/></bpmn:process>
</bpmn:definitions>`);
    const io = capture();
    expect(await run([file])).toBe(1);
    const text = io.err.join('\n');
    expect(text).toContain('年間件数');
    expect(text).toContain('「審査」(G)');
  });

  it('given a BIMP file with qbp parameters, when run, then processInstances sets the number of cases', async () => {
    if (!corpusAvailable('sim/simod/tests/assets')) {
      console.warn('corpus がないため BIMP のテストを省略します');
      return;
    }
    const io = capture();
    expect(await run([join(corpusRoot, 'sim/simod/tests/assets/LoanApp_simplified.bpmn'), '--json', '--replications', '2'])).toBe(0);
    const j = JSON.parse(io.out[0]);
    expect(j.cases).toBe(1000);
  });
});
