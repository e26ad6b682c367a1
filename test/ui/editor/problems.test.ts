import { describe, expect, it } from 'vitest';
import type { Bo } from '../../../src/domain/lint/model';
import { createModdle } from '../../../src/domain/bpmn/moddle';
import { messageWithoutId, problemRows } from '../../../src/ui/editor/problems';

async function elements() {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">
  <bpmn:process id="P">
    <bpmn:task id="Task_1" name="本人確認"/>
    <bpmn:exclusiveGateway id="Gateway_1"/>
    <bpmn:task id="Task_2" name="受付"/>
  </bpmn:process>
</bpmn:definitions>`;
  const { elementsById } = await createModdle().fromXML(xml);
  return (id: string) => elementsById[id] as Bo | undefined;
}

describe('problems panel rows', () => {
  it('given findings on named and unnamed elements, when rows are made, then each names its element without the id, errors first', async () => {
    const lookup = await elements();
    const rows = problemRows(
      {
        Task_2: [{ id: 'Task_2', message: '「受付」(Task_2) は開始イベントから到達できません', category: 'warn', rule: 'bpr/no-unreachable' }],
        Task_1: [{ id: 'Task_1', message: '「本人確認」(Task_1) の職員処理時間が未入力です', category: 'error', rule: 'bpr/task-has-time' }],
        Gateway_1: [{ id: 'Gateway_1', message: 'ゲートウェイ(Gateway_1) に名前がありません', category: 'error', rule: 'label-required' }],
      },
      lookup,
    );
    expect(rows.map((r) => [r.severity, r.element, r.message, r.targetId])).toEqual([
      ['error', '「本人確認」', '「本人確認」 の職員処理時間が未入力です', 'Task_1'],
      ['error', '名前のないゲートウェイ', '名前のないゲートウェイ に名前がありません', 'Gateway_1'],
      ['warning', '「受付」', '「受付」 は開始イベントから到達できません', 'Task_2'],
    ]);
    expect(rows.every((r) => !/Task_|Gateway_/.test(r.element + r.message))).toBe(true);
  });

  it('given a finding on an element not drawn (a process), when rows are made, then it is shown where the plugin drew it', async () => {
    const lookup = await elements();
    const rows = problemRows(
      { Collab_1: [{ id: 'Collab_1', actualElementId: 'P', message: 'プロセス(P) に終了イベントがありません', category: 'error' }] },
      lookup,
    );
    expect(rows[0].targetId).toBe('Collab_1');
    expect(rows[0].element).toBe('名前のないプロセス');
  });

  it('given a message without the label, when the id is removed, then the message is unchanged', () => {
    expect(messageWithoutId('分岐確率の合計が100%ではありません', 'G', undefined)).toBe('分岐確率の合計が100%ではありません');
  });
});

describe('problems panel rows: entered values', () => {
  it('given a reversed range on a task and a lint finding with the same sentence, when rows are made, then the value error is listed once, by name', async () => {
    const lookup = await elements();
    const message = '「本人確認」(Task_1)の職員処理時間: 最小値 (10) が最大値 (3) より大きくなっています';
    const rows = problemRows({ Task_2: [{ id: 'Task_2', message: '「受付」(Task_2) の職員処理時間が未入力です', category: 'error' }] }, lookup, [
      { elementId: 'Task_1', message },
      { elementId: 'Task_2', message: '「受付」(Task_2) の職員処理時間が未入力です' },
    ]);
    expect(rows.map((r) => [r.element, r.message, r.targetId])).toEqual([
      ['「受付」', '「受付」 の職員処理時間が未入力です', 'Task_2'],
      ['「本人確認」', '「本人確認」の職員処理時間: 最小値 (10) が最大値 (3) より大きくなっています', 'Task_1'],
    ]);
  });
});
