import { describe, expect, it } from 'vitest';
import { laneNameOf, readArrivals, readDiagramAnnotations, readSettings, readStep } from '../../../src/domain/bpmn/annotationsRead';
import { parseDiagram } from '../../../src/domain/bpmn/parseDiagram';

const wrap = (collab: string, process: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0" id="D" targetNamespace="urn:t">
  <bpmn:collaboration id="C">${collab}<bpmn:participant id="Pool" processRef="P"/></bpmn:collaboration>
  <bpmn:process id="P">${process}</bpmn:process>
</bpmn:definitions>`;

async function defsOf(xml: string) {
  const r = await parseDiagram(xml);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

describe('readDiagramAnnotations', () => {
  it('given settings on collaboration and process, when read, then they merge collaboration first and defaults fill the rest', async () => {
    const r = await defsOf(
      wrap(
        '<bpmn:extensionElements><bpr:settings><bpr:role name="窓口担当" headcount="3"/></bpr:settings></bpmn:extensionElements>',
        `<bpmn:extensionElements><bpr:settings hoursPerFte="1800"><bpr:role name="窓口担当" headcount="9"/><bpr:role name="審査係" hourlyCost="4000"/>
          <bpr:calendar id="sat" open="09:00" close="12:00" weekdays="6" publicHolidays="false" yearEndClosure="false" closedDates="2025-01-04,2025-01-11"/></bpr:settings></bpmn:extensionElements>`,
      ),
    );
    const { annotations, issues } = readDiagramAnnotations(r.definitions);
    expect(issues).toEqual([]);
    expect(annotations.settings.hoursPerFte).toBe(1800);
    expect(annotations.settings.roles).toEqual([
      { name: '窓口担当', headcount: 3 },
      { name: '審査係', hourlyCost: 4000 },
    ]);
    expect(annotations.settings.calendars.map((c) => c.id)).toEqual(['office', 'sat']);
    expect(annotations.settings.calendars[1].closedDates).toEqual(['2025-01-04', '2025-01-11']);
    expect(readSettings(r.elementsById.C)?.hoursPerFte).toBe(1860);
  });

  it('given a step with a bad value, a lane, arrivals and a broken seasonality, when read, then issues name the elements in Japanese', async () => {
    const r = await defsOf(
      wrap(
        '',
        `<bpmn:laneSet id="LS"><bpmn:lane id="L" name="審査係"><bpmn:flowNodeRef>T1</bpmn:flowNodeRef><bpmn:childLaneSet id="CLS"><bpmn:lane id="L2" name="二次審査"><bpmn:flowNodeRef>T1</bpmn:flowNodeRef></bpmn:lane></bpmn:childLaneSet></bpmn:lane></bpmn:laneSet>
         <bpmn:startEvent id="S1" name="申請"><bpmn:extensionElements><bpr:arrivals annualVolume="1200" seasonality="1,2,3"/></bpmn:extensionElements></bpmn:startEvent>
         <bpmn:startEvent id="S2"><bpmn:extensionElements><bpr:arrivals annualVolume="600"/></bpmn:extensionElements></bpmn:startEvent>
         <bpmn:task id="T1" name="審査"><bpmn:extensionElements><bpr:step><bpr:staffTime type="normal" mean="10" sd="2"/></bpr:step></bpmn:extensionElements></bpmn:task>
         <bpmn:task id="T2" name="決裁"><bpmn:extensionElements><bpr:step role="課長"><bpr:staffTime type="triangular" min="10" mode="5" max="20"/></bpr:step></bpmn:extensionElements></bpmn:task>`,
      ),
    );
    const { annotations, issues } = readDiagramAnnotations(r.definitions);
    expect(laneNameOf(r.definitions, 'T1')).toBe('二次審査');
    expect(annotations.steps.T1).toEqual({ staffTime: { type: 'normal', mean: 10, sd: 2 }, role: '二次審査' });
    expect(readStep(r.elementsById.T1)?.role).toBeUndefined();
    expect(annotations.steps.T2).toBeUndefined();
    expect(annotations.starts).toEqual({ S2: { annualVolume: 600 } });
    expect(readArrivals(r.elementsById.S1)).toBeUndefined();
    expect(issues.map((i) => i.message)).toEqual([
      '「申請」(S1)の月別の重み: 月別の重みは1月〜12月の12個が必要です',
      '「決裁」(T2)の職員処理時間: 最頻値 (5) は最小値 (10) と最大値 (20) の間にしてください',
    ]);
  });
});
