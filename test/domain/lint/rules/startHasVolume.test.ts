import { describe, expect, it } from 'vitest';
import { cleanProcess, definitions, end, findingsOf, flow, process, start, task } from '../fixtures';

const RULE = 'bpr/start-has-volume';

const single = (volume: number | null) =>
  definitions(process(start('Start_1', volume) + task('T1', '受付') + end('End_1') + flow('F1', 'Start_1', 'T1') + flow('F2', 'T1', 'End_1')));

describe('bpr/start-has-volume', () => {
  it('given a start event without annual volume, when linted, then it is reported', async () => {
    const found = await findingsOf(RULE, single(null));
    expect(found).toEqual([{ id: 'Start_1', rule: RULE, category: 'error', message: '開始イベント(Start_1) の年間件数が未入力です（件/年）' }]);
  });

  it('given a volume of 0 per year, when linted, then it is reported as producing no cases', async () => {
    expect((await findingsOf(RULE, single(0)))[0].message).toContain('0 件/年');
  });

  it('given a volume, when linted, then nothing is reported', async () => {
    expect(await findingsOf(RULE, cleanProcess())).toEqual([]);
  });

  it('given a sub-process start and a start fed by another pool, when linted, then neither needs a volume', async () => {
    const xml = definitions(
      `<bpmn:collaboration id="Collab"><bpmn:participant id="PA" name="市民課" processRef="P_A"/><bpmn:participant id="PB" name="税務課" processRef="P_B"/>` +
        `<bpmn:participant id="Resident" name="住民"/>` +
        `<bpmn:messageFlow id="M0" sourceRef="Resident" targetRef="SA"/>` +
        `<bpmn:messageFlow id="M1" sourceRef="A1" targetRef="SB"/></bpmn:collaboration>` +
        process(
          start('SA', null) +
            task('A1', '照会') +
            end('EA') +
            flow('FA1', 'SA', 'A1') +
            flow('FA2', 'A1', 'EA') +
            `<bpmn:subProcess id="Sub">${start('SubStart', null)}</bpmn:subProcess>`,
          { id: 'P_A' },
        ) +
        process(start('SB', null) + end('EB') + flow('FB', 'SB', 'EB'), { id: 'P_B' }),
    );
    // SA is woken by the black-box 住民 pool, so its cases must be counted there.
    expect((await findingsOf(RULE, xml)).map((f) => f.id)).toEqual(['SA']);
  });
});
