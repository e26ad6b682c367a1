import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { run } from '../../src/cli/commands/simulate';
import { corpusAvailable, corpusRoot, diagramsRoot } from '../support/paths';

/** Each line the command writes, and the io that collects them. */
function capture() {
  const out: string[] = [],
    err: string[] = [];
  const sink: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t) };
  return { out, err, sink };
}

const estimate = expect.objectContaining({ mean: expect.any(Number), ci95: [expect.any(Number), expect.any(Number)] });

describe('bpr simulate', () => {
  it('given a sample diagram and --json, when run, then exactly one JSON object with the documented fields is printed', async () => {
    const io = capture();
    const code = await run([join(diagramsRoot, 'kian-kessai-asis.bpmn'), '--json', '--replications', '3', '--seed', '5'], io.sink);
    expect(code).toBe(0);
    expect(io.out).toHaveLength(1);
    const j = JSON.parse(io.out[0]);
    expect(j.replications).toBe(3);
    expect(j.cases).toBeGreaterThan(0);
    for (const k of ['staffHoursPerYear', 'staffMinutesPerCase', 'meanCycleTimeSeconds', 'meanWaitingTimeSeconds']) expect(j[k]).toEqual(estimate);
    expect(j.tasks[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        name: expect.any(String),
        count: expect.any(Number),
        meanWaitSeconds: expect.any(Number),
        meanProcessingSeconds: expect.any(Number),
        processingHoursPerYear: expect.any(Number),
      }),
    );
    expect(j.roles[0]).toEqual(expect.objectContaining({ name: expect.any(String) }));
  });

  it('given no --json, when run, then a Japanese summary with units and confidence intervals is printed', async () => {
    const io = capture();
    expect(await run([join(diagramsRoot, 'kian-kessai-asis.bpmn'), '--replications', '2', '--cases', '100'], io.sink)).toBe(0);
    const text = io.out.join('\n');
    expect(text).toContain('時間/年');
    expect(text).toContain('95%信頼区間');
  });

  it('given the 給与支払報告書 To-Be with an RPA role, when run, then the summary shows robot run time apart from staff time and marks the robot role', async () => {
    const io = capture();
    expect(await run([join(diagramsRoot, 'kyuyo-shiharai-tobe.bpmn'), '--replications', '3', '--seed', '1'], io.sink)).toBe(0);
    const text = io.out.join('\n');
    expect(text).toMatch(/ロボット稼働時間: +[\d,.]+ 時間\/年（95%信頼区間 [\d,.]+〜[\d,.]+）/);
    expect(text).toContain('年間職員時間（ロボットを除く）');
    expect(text).toMatch(/ {4}RPA（ロボット）: [\d,.]+ 時間\/年/);
    expect(text).not.toMatch(/受付担当（ロボット）/);
  });

  it("given the To-Be with an RPA role and --json, when run, then robotHoursPerYear is an estimate equal to the robot roles' hours and staff hours exclude it", async () => {
    const io = capture();
    expect(await run([join(diagramsRoot, 'kyuyo-shiharai-tobe.bpmn'), '--json', '--replications', '3', '--seed', '1'], io.sink)).toBe(0);
    const j = JSON.parse(io.out[0]);
    expect(j.robotHoursPerYear).toEqual(estimate);
    expect(j.robotHoursPerYear.mean).toBeGreaterThan(0);
    const robots = j.roles.filter((r: { robot: boolean }) => r.robot);
    expect(robots.map((r: { name: string }) => r.name)).toEqual(['RPA']);
    expect(j.robotHoursPerYear.mean).toBeCloseTo(robots[0].staffHoursPerYear, 6);
    const humanHours = j.roles.filter((r: { robot: boolean }) => !r.robot).reduce((s: number, r: { staffHoursPerYear: number }) => s + r.staffHoursPerYear, 0);
    expect(j.staffHoursPerYear.mean).toBeCloseTo(humanHours, 6);
  });

  it('given a diagram without robot roles, when run with and without --json, then robot hours are zero and the summary does not mention robots', async () => {
    const io = capture();
    expect(await run([join(diagramsRoot, 'kian-kessai-asis.bpmn'), '--json', '--replications', '2', '--cases', '100'], io.sink)).toBe(0);
    expect(JSON.parse(io.out[0]).robotHoursPerYear).toEqual({ mean: 0, ci95: [0, 0] });
    expect(await run([join(diagramsRoot, 'kian-kessai-asis.bpmn'), '--replications', '2', '--cases', '100'], io.sink)).toBe(0);
    expect(io.out.slice(1).join('\n')).not.toContain('ロボット');
  });

  it('given a diagram missing branch probabilities and volume, when run, then the issues are listed and the exit code is 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bpr-sim-'));
    const file = join(dir, 'bad.bpmn');
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="urn:t">
  <bpmn:process id="P"><bpmn:startEvent id="S"/><bpmn:exclusiveGateway id="G" name="審査"/><bpmn:endEvent id="E1"/><bpmn:endEvent id="E2"/>
  <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="G"/><bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="E1"/><bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="E2"/></bpmn:process>
</bpmn:definitions>`,
    );
    const io = capture();
    expect(await run([file], io.sink)).toBe(1);
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
    expect(await run([join(corpusRoot, 'sim/simod/tests/assets/LoanApp_simplified.bpmn'), '--json', '--replications', '2'], io.sink)).toBe(0);
    const j = JSON.parse(io.out[0]);
    expect(j.cases).toBe(1000);
  });
});
