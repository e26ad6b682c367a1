import { describe, expect, it } from 'vitest';
import { definitions, end, findingsOf, flow, or, process, start, task, xor } from '../fixtures';

const RULE = 'bpr/gateway-probabilities';

/** start → 審査 gateway → (A | B | C…) → end, with the given probabilities per branch. */
function split(probs: Array<number | undefined>, opts: { inclusive?: boolean; defaultIndex?: number } = {}) {
  const branches = probs.map((p, i) => ({ task: `Task_${i}`, flow: `Out_${i}`, p }));
  const defaultFlow = opts.defaultIndex === undefined ? undefined : `Out_${opts.defaultIndex}`;
  const gw = (opts.inclusive ? or : xor)('Gateway_1', '審査', defaultFlow);
  return definitions(
    process(
      start('Start_1') +
        gw +
        end('End_1') +
        flow('In', 'Start_1', 'Gateway_1') +
        branches.map((b) => task(b.task, `分岐${b.task}`) + flow(b.flow, 'Gateway_1', b.task, b.p) + flow(`${b.flow}_end`, b.task, 'End_1')).join(''),
      { roles: [['窓口', 1]] },
    ),
  );
}

describe('bpr/gateway-probabilities', () => {
  it('given an exclusive gateway whose branches sum to 90%, when linted, then it names the gateway and the sum', async () => {
    const found = await findingsOf(RULE, split([60, 30]));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: 'Gateway_1', name: '審査', category: 'error' });
    expect(found[0].message).toBe(
      '「審査」(Gateway_1)の分岐確率: 合計が 90% です。合計を 100% にしてください（「→分岐Task_0」(Out_0) 60%、「→分岐Task_1」(Out_1) 30%）',
    );
  });

  it('given branches summing to 100% (or 99.99% within the 0.01 tolerance), when linted, then nothing is reported', async () => {
    expect(await findingsOf(RULE, split([70, 30]))).toEqual([]);
    expect(await findingsOf(RULE, split([33.33, 33.33, 33.33]))).toEqual([]);
  });

  it('given 99.98% in total, when linted, then it is outside the tolerance', async () => {
    const found = await findingsOf(RULE, split([33.33, 33.33, 33.32]));
    expect(found.map((f) => f.message.split('（')[0])).toEqual(['「審査」(Gateway_1)の分岐確率: 合計が 99.98% です。合計を 100% にしてください']);
  });

  it('given a branch without probability and no default flow, when linted, then the missing branch is named', async () => {
    const found = await findingsOf(RULE, split([70, undefined]));
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('「→分岐Task_1」(Out_1) が未入力です');
  });

  it('given no probabilities at all on a two-way split, when linted, then it is an error', async () => {
    const found = await findingsOf(RULE, split([undefined, undefined]));
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('(Out_0)、「→分岐Task_1」(Out_1)');
  });

  it('given an empty default flow, when the others stay within 100%, then the default takes the remainder', async () => {
    expect(await findingsOf(RULE, split([70, undefined], { defaultIndex: 1 }))).toEqual([]);
  });

  it('given an empty default flow, when the others exceed 100%, then it is reported', async () => {
    const found = await findingsOf(RULE, split([80, 40, undefined], { defaultIndex: 2 }));
    expect(found.map((f) => f.message.split('（')[0])).toEqual(['「審査」(Gateway_1)の分岐確率: 既定の流れ以外の合計が 120% で 100% を超えています']);
  });

  it('given a probability of 150%, when linted, then the flow itself is reported as out of range', async () => {
    const found = await findingsOf(RULE, split([150, -50]));
    expect(found.map((f) => f.id)).toEqual(['Out_0', 'Out_1']);
    expect(found[0].message).toMatch(/150%、.* -50% は 0〜100% の範囲外です/);
  });

  it('given an exclusive gateway with a single outgoing flow (a join), when linted, then nothing is reported', async () => {
    expect(await findingsOf(RULE, split([undefined]))).toEqual([]);
  });

  it('given an inclusive gateway with every branch at 0%, when linted, then it asks for one above 0%', async () => {
    const found = await findingsOf(RULE, split([0, 0], { inclusive: true }));
    expect(found.map((f) => f.message.split('。')[0])).toEqual(['「審査」(Gateway_1)の分岐確率がすべて 0% です']);
  });

  it('given an inclusive gateway with independent probabilities (80% and 50%), when linted, then nothing is reported', async () => {
    expect(await findingsOf(RULE, split([80, 50], { inclusive: true }))).toEqual([]);
  });

  it('given an inclusive gateway with a missing probability, when linted, then it is reported', async () => {
    const found = await findingsOf(RULE, split([80, undefined], { inclusive: true }));
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('が未入力です');
  });
});
