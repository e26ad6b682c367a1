import { describe, expect, it } from 'vitest';
import { cleanProcess, definitions, end, findingsOf, flow, process, start, task } from '../fixtures';

const RULE = 'bpr/role-has-headcount';

const withLanes = (roles: Array<[string, number?]>) =>
  definitions(
    process(
      `<bpmn:laneSet id="LS">` +
        `<bpmn:lane id="Lane_1" name="窓口"><bpmn:flowNodeRef>Start_1</bpmn:flowNodeRef><bpmn:flowNodeRef>T1</bpmn:flowNodeRef><bpmn:flowNodeRef>T2</bpmn:flowNodeRef></bpmn:lane>` +
        `<bpmn:lane id="Lane_2" name="住民"><bpmn:flowNodeRef>T3</bpmn:flowNodeRef><bpmn:flowNodeRef>End_1</bpmn:flowNodeRef></bpmn:lane>` +
        `</bpmn:laneSet>` +
        start('Start_1') +
        task('T1', '受付', { staff: 5 }) +
        task('T2', '審査', { staff: 5, role: '係長' }) +
        task('T3', '受取', { resident: 5 }) +
        end('End_1') +
        flow('F1', 'Start_1', 'T1') +
        flow('F2', 'T1', 'T2') +
        flow('F3', 'T2', 'T3') +
        flow('F4', 'T3', 'End_1'),
      { roles },
    ),
  );

describe('bpr/role-has-headcount', () => {
  it('given a lane role and a step role missing from the settings, when linted, then the lane once and the step are reported', async () => {
    const found = await findingsOf(RULE, withLanes([]));
    expect(found.map((f) => [f.id, f.message])).toEqual([
      ['Lane_1', 'レーン「窓口」(Lane_1) の担当「窓口」が役割一覧にありません（設定で役割と人数を登録してください）'],
      ['T2', 'タスク「審査」(T2) の担当「係長」が役割一覧にありません（設定で役割と人数を登録してください）'],
    ]);
  });

  it('given a role listed without headcount, when linted, then the missing headcount is reported', async () => {
    const found = await findingsOf(RULE, withLanes([['窓口', 2], ['係長']]));
    expect(found.map((f) => f.message)).toEqual(['役割「係長」の人数が未設定です（タスク「審査」(T2) が使っています。1 人以上を入力してください）']);
  });

  it('given a headcount of 0, when linted, then it is reported like a missing one', async () => {
    const found = await findingsOf(
      RULE,
      withLanes([
        ['窓口', 0],
        ['係長', 1],
      ]),
    );
    expect(found.map((f) => f.id)).toEqual(['Lane_1']);
  });

  it('given every staff role with headcount (住民 needs none), when linted, then nothing is reported', async () => {
    expect(
      await findingsOf(
        RULE,
        withLanes([
          ['窓口', 2],
          ['係長', 1],
        ]),
      ),
    ).toEqual([]);
    expect(await findingsOf(RULE, cleanProcess())).toEqual([]);
  });

  it('given roles set on the collaboration, when a pool process uses them, then they count', async () => {
    const xml = definitions(
      `<bpmn:collaboration id="Collab"><bpmn:extensionElements><bpr:settings><bpr:role name="窓口" headcount="3"/></bpr:settings></bpmn:extensionElements>` +
        `<bpmn:participant id="Pool" name="市民課" processRef="Process_1"/></bpmn:collaboration>` +
        process(start('Start_1') + task('T1', '受付', { staff: 5, role: '窓口' }) + end('End_1') + flow('F1', 'Start_1', 'T1') + flow('F2', 'T1', 'End_1')),
    );
    expect(await findingsOf(RULE, xml)).toEqual([]);
  });
});
