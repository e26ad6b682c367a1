import { describe, expect, it } from 'vitest';
import { cleanProcess, definitions, end, findingsOf, flow, process, start, task } from '../fixtures';

const RULE = 'bpr/no-unreachable';

describe('bpr/no-unreachable', () => {
  it('given a task only reachable from another unreachable task, when linted, then both are reported', async () => {
    const xml = definitions(
      process(
        start('Start_1') +
          task('T1', '受付') +
          end('End_1') +
          task('Orphan', '旧手順') +
          task('Orphan2', '旧確認') +
          flow('F1', 'Start_1', 'T1') +
          flow('F2', 'T1', 'End_1') +
          flow('F3', 'Orphan', 'Orphan2') +
          flow('F4', 'Orphan2', 'End_1'),
      ),
    );
    const found = await findingsOf(RULE, xml);
    expect(found.map((f) => f.id)).toEqual(['Orphan', 'Orphan2']);
    expect(found[0].message).toBe('タスク「旧手順」(Orphan) は開始イベントから到達できません（どの経路からもたどり着けません）');
  });

  it('given a connected process, when linted, then nothing is reported', async () => {
    expect(await findingsOf(RULE, cleanProcess())).toEqual([]);
  });

  it('given a pool reached only by a message flow, and a boundary event path, when linted, then everything counts as reachable', async () => {
    const xml = definitions(
      `<bpmn:collaboration id="Collab">` +
        `<bpmn:participant id="Pool_A" name="市民課" processRef="P_A"/><bpmn:participant id="Pool_B" name="税務課" processRef="P_B"/>` +
        `<bpmn:messageFlow id="M1" sourceRef="A1" targetRef="B1"/></bpmn:collaboration>` +
        process(
          start('SA') +
            task('A1', '照会') +
            end('EA') +
            flow('FA1', 'SA', 'A1') +
            flow('FA2', 'A1', 'EA') +
            `<bpmn:boundaryEvent id="Timer" attachedToRef="A1"><bpmn:timerEventDefinition/></bpmn:boundaryEvent>` +
            task('A2', '督促') +
            flow('FA3', 'Timer', 'A2') +
            flow('FA4', 'A2', 'EA'),
          { id: 'P_A' },
        ) +
        process(
          `<bpmn:intermediateCatchEvent id="B0"><bpmn:messageEventDefinition/></bpmn:intermediateCatchEvent>` +
            task('B1', '回答') +
            end('EB') +
            flow('FB1', 'B1', 'EB') +
            start('SB') +
            flow('FB0', 'SB', 'B0') +
            flow('FB2', 'B0', 'EB'),
          { id: 'P_B' },
        ),
    );
    expect(await findingsOf(RULE, xml)).toEqual([]);
  });

  it('given a sub-process, when it is reached, then its inner steps are reachable from its start', async () => {
    const sub =
      `<bpmn:subProcess id="Sub" name="審査">` +
      start('SS', null) +
      task('I1', '確認') +
      end('SE') +
      task('I2', '迷子') +
      flow('S1', 'SS', 'I1') +
      flow('S2', 'I1', 'SE') +
      flow('S3', 'I2', 'SE') +
      `</bpmn:subProcess>`;
    const xml = definitions(process(start('Start_1') + sub + end('End_1') + flow('F1', 'Start_1', 'Sub') + flow('F2', 'Sub', 'End_1')));
    const found = await findingsOf(RULE, xml);
    expect(found.map((f) => f.id)).toEqual(['I2']);
  });

  it('given link events, when the throw is reached, then the matching catch is reachable', async () => {
    const link = (tag: string, id: string) => `<bpmn:${tag} id="${id}"><bpmn:linkEventDefinition name="A"/></bpmn:${tag}>`;
    const xml = definitions(
      process(
        start('Start_1') +
          link('intermediateThrowEvent', 'Throw') +
          link('intermediateCatchEvent', 'Catch') +
          task('T1', '続き') +
          end('End_1') +
          flow('F1', 'Start_1', 'Throw') +
          flow('F2', 'Catch', 'T1') +
          flow('F3', 'T1', 'End_1'),
      ),
    );
    expect(await findingsOf(RULE, xml)).toEqual([]);
  });
});
