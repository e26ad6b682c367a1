import { describe, expect, it } from 'vitest';
import { cleanProcess, definitions, end, findingsOf, flow, process, start, task } from '../fixtures';

const RULE = 'bpr/task-has-time';

const chain = (steps: string, ids: string[]) =>
  definitions(
    process(
      start('Start_1') +
        steps +
        end('End_1') +
        ['Start_1', ...ids, 'End_1']
          .slice(1)
          .map((to, i, all) => flow(`F${i}`, i === 0 ? 'Start_1' : all[i - 1], to))
          .join(''),
      { roles: [['窓口', 1]] },
    ),
  );

describe('bpr/task-has-time', () => {
  it('given a task without staff time, when linted, then the task is named as an error', async () => {
    const found = await findingsOf(RULE, chain(task('Task_1', '本人確認', { role: '窓口' }), ['Task_1']));
    expect(found).toEqual([{ id: 'Task_1', name: '本人確認', rule: RULE, category: 'error', message: '「本人確認」(Task_1) の職員処理時間が未入力です' }]);
  });

  it('given every kind of task, a call activity and an empty sub-process without time, when linted, then each is reported', async () => {
    const tags = ['userTask', 'manualTask', 'serviceTask', 'scriptTask', 'sendTask', 'receiveTask', 'businessRuleTask', 'callActivity', 'subProcess'];
    const steps = tags.map((tag, i) => task(`S_${i}`, tag, { tag, role: '窓口' })).join('');
    const found = await findingsOf(
      RULE,
      chain(
        steps,
        tags.map((_, i) => `S_${i}`),
      ),
    );
    expect(found.map((f) => f.id).sort()).toEqual(tags.map((_, i) => `S_${i}`).sort());
  });

  it('given a sub-process with tasks inside, when linted, then only the inner task without time is reported', async () => {
    const sub =
      `<bpmn:subProcess id="Sub_1" name="審査">` +
      start('SubStart', null) +
      task('Inner_1', '書類確認', { role: '窓口' }) +
      task('Inner_2', '照合', { staff: 3, role: '窓口' }) +
      end('SubEnd') +
      flow('SF1', 'SubStart', 'Inner_1') +
      flow('SF2', 'Inner_1', 'Inner_2') +
      flow('SF3', 'Inner_2', 'SubEnd') +
      `</bpmn:subProcess>`;
    const found = await findingsOf(RULE, chain(sub, ['Sub_1']));
    expect(found.map((f) => f.id)).toEqual(['Inner_1']);
  });

  it('given a resident step (role 住民) with resident time only, when linted, then nothing is reported', async () => {
    expect(await findingsOf(RULE, chain(task('Task_1', '申請書記入', { resident: 15, role: '住民' }), ['Task_1']))).toEqual([]);
  });

  it('given a resident step with staff time instead of resident time, when linted, then it asks for the resident time', async () => {
    const found = await findingsOf(RULE, chain(task('Task_1', '申請書記入', { staff: 15, role: '住民' }), ['Task_1']));
    expect(found.map((f) => f.message)).toEqual([
      '「申請書記入」(Task_1) は住民の手続きですが、住民の所要時間が未入力です（職員処理時間ではなく住民の所要時間に入力してください）',
    ]);
  });

  it('given a task in a lane named 住民 without any time, when linted, then the lane makes it a resident step', async () => {
    const xml = definitions(
      process(
        `<bpmn:laneSet id="LS"><bpmn:lane id="Lane_R" name="住民"><bpmn:flowNodeRef>Task_1</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>` +
          start('Start_1') +
          task('Task_1', '来庁', {}) +
          end('End_1') +
          flow('F1', 'Start_1', 'Task_1') +
          flow('F2', 'Task_1', 'End_1'),
      ),
    );
    const found = await findingsOf(RULE, xml);
    expect(found.map((f) => f.message)).toEqual(['「来庁」(Task_1) は住民の手続きですが、住民の所要時間が未入力です']);
  });

  it('given a step in a staff lane with only the resident time (the resident fills in the form at the counter), when linted, then no staff time is asked for', async () => {
    expect(await findingsOf(RULE, chain(task('Task_1', '申請書を記入', { resident: 10, role: '窓口' }), ['Task_1']))).toEqual([]);
  });

  it('given a step in a staff lane with neither time, when linted, then the staff time is asked for', async () => {
    const found = await findingsOf(RULE, chain(task('Task_1', '窓口説明', { role: '窓口' }), ['Task_1']));
    expect(found.map((f) => f.message)).toEqual(['「窓口説明」(Task_1) の職員処理時間が未入力です']);
  });

  it('given a fully timed process, when linted, then nothing is reported', async () => {
    expect(await findingsOf(RULE, cleanProcess())).toEqual([]);
  });
});
