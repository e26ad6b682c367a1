import { describe, expect, it } from 'vitest';
import { createModdle } from '../../../src/domain/bpmn/moddle';
import type { ModdleElement } from '../../../src/domain/bpmn/bprAccess';
import { badgeFor, stepBadge } from '../../../src/modeler/badges/badgeContent';

describe('stepBadge', () => {
  it('given a three-point estimate and a fixed resident time, when described, then staff shows mean and range and resident its minutes', () => {
    const b = stepBadge({ staffTime: { type: 'triangular', min: 5, mode: 8, max: 15 }, residentTime: { type: 'fixed', value: 8 } });
    expect(b).toEqual({ figures: '職員 9.3分 (5–15)・住民 8分', parts: ['職員 9.3分 (5–15)', '住民 8分'], compact: '職員 9.3分', problems: [] });
  });

  it('given a fixed staff time and a lag in business days, when described, then units are shown', () => {
    expect(stepBadge({ staffTime: { type: 'fixed', value: 12 }, lag: { distribution: { type: 'fixed', value: 2 }, unit: 'businessDays' } }).figures).toBe(
      '職員 12分・待ち 2営業日',
    );
  });

  it("given a resident's own step with staff time 0, when described, then the badge shows the resident's minutes, also zoomed out", () => {
    expect(stepBadge({ staffTime: { type: 'fixed', value: 0 }, residentTime: { type: 'triangular', min: 10, mode: 15, max: 25 } })).toEqual({
      figures: '住民 16.7分',
      parts: ['住民 16.7分'],
      compact: '住民 16.7分',
      problems: [],
    });
  });

  it('given no staff time, when described, then a missing marker explains it in Japanese', () => {
    expect(stepBadge(undefined)).toEqual({ problems: ['職員処理時間が未入力です'] });
  });

  it("given a step with only the resident time, when described, then it is the resident's step and no staff time is asked for", () => {
    expect(stepBadge({ residentTime: { type: 'fixed', value: 12 } })).toEqual({
      figures: '住民 12分',
      parts: ['住民 12分'],
      compact: '住民 12分',
      problems: [],
    });
  });

  it('given a resident step (lane 住民) with no time at all, when described, then the resident time is what is missing', () => {
    expect(stepBadge(undefined, true)).toEqual({ problems: ['住民の所要時間が未入力です'] });
  });
});

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0" id="D" targetNamespace="x">
  <bpmn:process id="P">
    <bpmn:startEvent id="S"><bpmn:extensionElements><bpr:arrivals annualVolume="4800"/></bpmn:extensionElements></bpmn:startEvent>
    <bpmn:task id="T" name="受付"><bpmn:extensionElements><bpr:step><bpr:staffTime type="triangular" min="9" mode="5" max="3"/></bpr:step></bpmn:extensionElements></bpmn:task>
    <bpmn:exclusiveGateway id="G"><bpmn:outgoing>Fa</bpmn:outgoing><bpmn:outgoing>Fb</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:task id="A"/>
    <bpmn:task id="B"/>
    <bpmn:sequenceFlow id="F0" sourceRef="S" targetRef="T"/>
    <bpmn:sequenceFlow id="F1" sourceRef="T" targetRef="G"/>
    <bpmn:sequenceFlow id="Fa" sourceRef="G" targetRef="A" bpr:probability="70"/>
    <bpmn:sequenceFlow id="Fb" sourceRef="G" targetRef="B" bpr:probability="20"/>
  </bpmn:process>
</bpmn:definitions>`;

describe('badgeFor', () => {
  it('given a diagram, when each element is described, then starts, branches, gateways and invalid steps get the right badge', async () => {
    const { elementsById } = await createModdle().fromXML(XML);
    const bo = (id: string) => elementsById[id] as ModdleElement;
    expect(badgeFor(bo('S'))).toEqual({ figures: '4,800件/年', problems: [] });
    expect(badgeFor(bo('Fa'))?.figures).toBe('70%');
    expect(badgeFor(bo('F0'))).toBeUndefined();
    expect(badgeFor(bo('G'))?.problems.join()).toContain('合計が 90%');
    expect(badgeFor(bo('T'))?.problems.join()).toContain('「受付」(T)の職員処理時間: 最小値 (9) が最大値 (3) より大きくなっています');
  });
});
