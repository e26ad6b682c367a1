import { describe, expect, it } from 'vitest';
import { cleanProcess, definitions, end, findingsOf, flow, process, start, task, xor } from '../fixtures';

const RULE = 'bpr/loop-has-exit';

/** start → 修正 → 再審査 gateway → (back to 修正 | end) with the given probabilities. */
const rework = (back: number | undefined, out: number | undefined, withExit = true) =>
  definitions(
    process(
      start('Start_1') +
        task('Fix', '修正') +
        xor('Check', '再審査') +
        end('End_1') +
        flow('F1', 'Start_1', 'Fix') +
        flow('F2', 'Fix', 'Check') +
        flow('Back', 'Check', 'Fix', back) +
        (withExit ? flow('Out', 'Check', 'End_1', out) : ''),
    ),
  );

describe('bpr/loop-has-exit', () => {
  it('given a rework loop whose exit has probability 0%, when linted, then the loop is reported on its gateway', async () => {
    const found = await findingsOf(RULE, rework(100, 0));
    expect(found).toHaveLength(1);
    expect(found[0].id).toBe('Check');
    expect(found[0].message).toBe(
      '「修正」(Fix)、「再審査」(Check) のループから抜け出す経路がありません（ループの外へ出るフローがないか、その分岐確率がすべて 0% です）',
    );
  });

  it('given a loop without any exiting flow, when linted, then it is reported', async () => {
    expect(await findingsOf(RULE, rework(undefined, undefined, false))).toHaveLength(1);
  });

  it('given a loop with a 20% exit, when linted, then nothing is reported', async () => {
    expect(await findingsOf(RULE, rework(80, 20))).toEqual([]);
  });

  it('given a back flow of 0%, when linted, then it is not a loop at all', async () => {
    expect(await findingsOf(RULE, rework(0, 100))).toEqual([]);
  });

  it('given a loop left through a boundary event, when linted, then the boundary counts as an exit', async () => {
    const xml = definitions(
      process(
        start('Start_1') +
          task('Wait', '書類待ち') +
          xor('G', '揃った？') +
          end('End_1') +
          `<bpmn:boundaryEvent id="Timeout" attachedToRef="Wait"><bpmn:timerEventDefinition/></bpmn:boundaryEvent>` +
          flow('F1', 'Start_1', 'Wait') +
          flow('F2', 'Wait', 'G') +
          flow('F3', 'G', 'Wait', 100) +
          flow('F4', 'G', 'End_1', 0) +
          flow('F5', 'Timeout', 'End_1'),
      ),
    );
    expect(await findingsOf(RULE, xml)).toEqual([]);
  });

  it('given a straight process, when linted, then nothing is reported', async () => {
    expect(await findingsOf(RULE, cleanProcess())).toEqual([]);
  });
});
