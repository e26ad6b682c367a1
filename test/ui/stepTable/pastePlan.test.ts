import { describe, expect, it } from 'vitest';
import { createModdle } from '../../../src/domain/bpmn/moddle';
import { readStep } from '../../../src/domain/bpmn/annotationsRead';
import { applyUpdate } from '../../../src/domain/bpmn/annotationsWrite';
import type { ModdleElement } from '../../../src/domain/bpmn/bprAccess';
import type { TableRow } from '../../../src/ui/process/stepTable/diagramRows';
import { planBlock } from '../../../src/ui/process/stepTable/pastePlan';
import { parseTsv } from '../../../src/ui/process/stepTable/tsv';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0" id="D" targetNamespace="x">
  <bpmn:process id="P">
    <bpmn:task id="A" name="受付">
      <bpmn:extensionElements>
        <bpr:step role="窓口担当" paperSheets="2"><bpr:staffTime type="fixed" value="4"/></bpr:step>
      </bpmn:extensionElements>
    </bpmn:task>
    <bpmn:task id="B" name="審査"/>
    <bpmn:task id="C" name="交付"/>
  </bpmn:process>
</bpmn:definitions>`;

async function table() {
  const moddle = createModdle();
  const { elementsById } = await moddle.fromXML(XML);
  const rows: TableRow[] = ['A', 'B', 'C'].map((id) => {
    const bo = elementsById[id] as ModdleElement;
    return { id, name: bo.name as string, element: { id, type: 'bpmn:Task', businessObject: bo }, annotation: readStep(bo) };
  });
  return { moddle, rows, bo: (id: string) => elementsById[id] as ModdleElement };
}

describe('planBlock', () => {
  it('given three Excel rows pasted at 職員 最小, when planned and applied, then each step gets its three-point estimate and other fields stay', async () => {
    const { moddle, rows, bo } = await table();
    const plan = planBlock(moddle, rows, 0, 2, parseTsv('3\t6\t9\r\n4\t7\t13\r\n12\t12\t12\r\n'));
    expect(plan.errors).toEqual([]);
    expect(plan.updates).toHaveLength(3);
    plan.updates.forEach((u) => applyUpdate(u as Parameters<typeof applyUpdate>[0]));
    expect(readStep(bo('A'))).toEqual({ role: '窓口担当', paperSheets: 2, staffTime: { type: 'triangular', min: 3, mode: 6, max: 9 } });
    expect(readStep(bo('B'))?.staffTime).toEqual({ type: 'triangular', min: 4, mode: 7, max: 13 });
    expect(readStep(bo('C'))?.staffTime).toEqual({ type: 'triangular', min: 12, mode: 12, max: 12 });
  });

  it('given one invalid row in the block, when planned, then nothing is written and the message names that step', async () => {
    const { moddle, rows } = await table();
    const plan = planBlock(moddle, rows, 0, 2, parseTsv('3\t6\t9\r\n20\t7\t13\r\n'));
    expect(plan.updates).toEqual([]);
    expect(plan.errors).toEqual(['「審査」(B)の職員処理時間: 最小値 (20) が最大値 (13) より大きくなっています']);
  });

  it('given text in a number column, when planned, then the cell error names the step and column', async () => {
    const { moddle, rows } = await table();
    const plan = planBlock(moddle, rows, 1, 7, [['たくさん']]);
    expect(plan.errors).toEqual(['「審査」(B): 紙の枚数「たくさん」は数値ではありません']);
  });

  it('given a block longer than the table and starting at the name column, when planned, then names are skipped and extra rows are counted', async () => {
    const { moddle, rows, bo } = await table();
    const plan = planBlock(moddle, rows, 2, 0, parseTsv('新しい名前\t審査担当\r\nx\ty\r\n'));
    expect(plan.errors).toEqual([]);
    expect(plan.droppedRows).toBe(1);
    plan.updates.forEach((u) => applyUpdate(u as Parameters<typeof applyUpdate>[0]));
    expect(bo('C').name).toBe('交付');
    expect(readStep(bo('C'))).toEqual({ role: '審査担当' });
  });

  it('given the cells as they are shown, when planned, then no update is produced', async () => {
    const { moddle, rows } = await table();
    const plan = planBlock(moddle, rows, 0, 1, [['窓口担当', '', '4', '']]);
    expect(plan).toMatchObject({ updates: [], errors: [] });
  });
});
