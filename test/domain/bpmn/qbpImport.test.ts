import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDiagramAnnotations } from '../../../src/domain/bpmn/annotationsRead';
import { writeDiagramAnnotations } from '../../../src/domain/bpmn/annotationsWrite';
import { parseDiagram, serializeDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { annualOpenMinutes, convertQbp, readQbp, readQbpAll, type QbpInfo } from '../../../src/domain/bpmn/qbpImport';
import { corpusAvailable, corpusRoot } from '../../support/paths';

const assets = join(corpusRoot, 'sim/simod/tests/assets');

async function open(file: string) {
  const r = await parseDiagram(new Uint8Array(readFileSync(file)));
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

/** Expected values straight from the XML with regular expressions, independent of the importer. */
function qbpNumbers(xml: string) {
  const elements = [
    ...xml.matchAll(/<qbp:element\s[^>]*elementId="([^"]+)"[^>]*>\s*<qbp:durationDistribution\s[^>]*type="([A-Z]+)"\s+mean="([^"]+)"\s+arg1="([^"]+)"/g),
  ].map((m) => ({ id: m[1], type: m[2], mean: Number(m[3]), arg1: Number(m[4]) }));
  const flows = [...xml.matchAll(/<qbp:sequenceFlow\s+elementId="([^"]+)"\s+executionProbability="([^"]+)"/g)].map((m) => ({ id: m[1], p: Number(m[2]) }));
  const instances = Number(/processInstances="(\d+)"/.exec(xml)?.[1]);
  const arrivalMean = Number(/<qbp:distribution\s[^>]*mean="([^"]+)"/.exec(xml)?.[1]);
  return { elements, flows, instances, arrivalMean };
}

describe.runIf(corpusAvailable('sim/simod/tests/assets'))('BIMP models from Simod', () => {
  it.each(['Control_flow_optimization_test.bpmn', 'LoanApp_simplified.bpmn', 'Resource_model_optimization_test.bpmn'])(
    'given %s, when its qbp block is imported, then durations are the qbp seconds / 60 and probabilities × 100',
    async (name) => {
      const d = await open(join(assets, name));
      const qbp = readQbp(d.xml);
      expect(qbp?.placement).toBe('extensionElements');
      const conv = convertQbp(qbp!, d.definitions);
      const want = qbpNumbers(d.xml);
      expect(want.elements.length).toBeGreaterThan(4);
      for (const e of want.elements) {
        const staff = conv.annotations.steps[e.id].staffTime;
        // The XSD: EXPONENTIAL's mean is arg1; FIXED's value is mean.
        if (e.type === 'FIXED') expect(staff).toEqual({ type: 'fixed', value: e.mean / 60 });
        else expect(staff).toEqual({ type: 'exponential', mean: e.arg1 / 60 });
      }
      expect(Object.keys(conv.annotations.flows).length).toBe(want.flows.length);
      for (const f of want.flows) expect(conv.annotations.flows[f.id].probability).toBe(Math.round(f.p * 100));
      expect(conv.processInstances).toBe(want.instances);
      expect(conv.startDateTime).toBe('2023-02-09T10:00:00.000+02:00');
      expect(conv.meanInterArrivalMinutes).toBe(want.arrivalMean / 60);
      const [startId] = Object.keys(conv.annotations.starts);
      const cal = conv.annotations.settings.calendars.find((c) => c.id === conv.annotations.starts[startId].calendar)!;
      // Not rounded to whole cases: rounding would change the interval BIMP uses.
      expect(conv.annotations.starts[startId].annualVolume).toBeCloseTo(annualOpenMinutes(cal) / (want.arrivalMean / 60), 9);
    },
  );

  it('given LoanApp, when converted, then resources become roles with headcount, cost and calendar', async () => {
    const d = await open(join(assets, 'LoanApp_simplified.bpmn'));
    const conv = convertQbp(readQbp(d.xml)!, d.definitions);
    expect(conv.annotations.settings.roles[0]).toEqual({ name: 'Clerk', headcount: 8, hourlyCost: 1, calendar: 'QBP_DEFAULT_TIMETABLE' });
    expect(conv.annotations.steps['sid-543CE27B-717A-4583-8BFE-09BF2267ACFC'].role).toBe('Loan Officer');
    expect(conv.annotations.settings.calendars.find((c) => c.id === 'QBP_DEFAULT_TIMETABLE')).toMatchObject({
      open: '09:00',
      close: '17:00',
      weekdays: [1, 2, 3, 4, 5],
    });
    // 8 h × 5 days × 365/7 weeks, one case every 30 min.
    expect(conv.annotations.starts['sid-5B223415-80B9-41F6-BECB-D8D724DDB9F5'].annualVolume).toBeCloseTo((8 * 60 * 5 * 365) / 7 / 30, 9);
  });

  it('given Resource_model with two resources on one task, when converted, then the first is the role and a Japanese warning says so', async () => {
    const d = await open(join(assets, 'Resource_model_optimization_test.bpmn'));
    const conv = convertQbp(readQbp(d.xml)!, d.definitions);
    expect(conv.annotations.steps['sid-5CEDFABE-7E6F-450C-B84E-11C9917AB563'].role).toBe('Anastasia');
    expect(conv.warnings.join('\n')).toContain('「Short-branch」(sid-5CEDFABE-7E6F-450C-B84E-11C9917AB563): BIMP では 2 種類のリソース');
  });
});

describe('qbp block directly under <definitions>', () => {
  const fixture = readFileSync(join(__dirname, 'fixtures/qbp-definitions-level.bpmn'));

  it('given the block outside extensionElements, when the file is parsed, then the model keeps it (keepDescriptor) and readQbp finds it', async () => {
    const d = await open(join(__dirname, 'fixtures/qbp-definitions-level.bpmn'));
    expect(d.warnings.some((w) => w.includes('processSimulationInfo'))).toBe(false);
    const all = readQbpAll(new TextDecoder().decode(fixture));
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ placement: 'definitions', processId: 'Proc_1', processInstances: 250, currency: 'JPY' });
  });

  it('given its distributions, when converted, then each maps per the XSD in minutes and GAMMA is replaced with a warning', async () => {
    const d = await open(join(__dirname, 'fixtures/qbp-definitions-level.bpmn'));
    const conv = convertQbp(readQbp(d.xml)!, d.definitions);
    const s = conv.annotations.steps;
    expect(s.Task_check.staffTime).toEqual({ type: 'normal', mean: 8, sd: 1 });
    expect(s.Task_mail.staffTime).toEqual({ type: 'uniform', min: 5, max: 15 });
    expect(s.Task_hand.staffTime).toEqual({ type: 'triangular', min: 2, mode: 4, max: 10 });
    expect(s.Task_file.staffTime).toEqual({ type: 'lognormal', mean: 10, sd: 2 });
    expect(conv.warnings).toEqual(['「綴り込み」(Task_file) の処理時間: ガンマ分布には対応していないため、同じ平均と分散の対数正規分布に置き換えました。']);
    expect(conv.annotations.flows).toEqual({ F_yes: { probability: 30 }, F_no: { probability: 70 } });
    expect(conv.meanInterArrivalMinutes).toBe(15);
    // 08:30–17:15 is 525 min a weekday; BIMP timetables have no holidays.
    expect(conv.annotations.starts.Start_1).toEqual({ annualVolume: Math.round((525 * 5 * 365) / 7 / 15), calendar: 'TT_office' });
    expect(conv.annotations.settings.roles).toEqual([{ name: '窓口担当', headcount: 3, hourlyCost: 3500, calendar: 'TT_office' }]);
  });

  it('given the converted annotations, when written and exported, then they read back unchanged', async () => {
    const d = await open(join(__dirname, 'fixtures/qbp-definitions-level.bpmn'));
    const conv = convertQbp(readQbp(d.xml)!, d.definitions);
    writeDiagramAnnotations(d.moddle, d.definitions, conv.annotations);
    const again = await parseDiagram(await serializeDiagram(d.definitions));
    if (!again.ok) throw new Error(again.error.message);
    const back = readDiagramAnnotations(again.definitions);
    expect(back.issues).toEqual([]);
    expect(back.annotations.steps).toEqual(conv.annotations.steps);
    expect(back.annotations.flows).toEqual(conv.annotations.flows);
    expect(back.annotations.settings.roles).toEqual(conv.annotations.settings.roles);
  });
});

describe('timetables, residents and arrival types written by hand', () => {
  const DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="urn:t">
  <bpmn:process id="P"><bpmn:startEvent id="S"/><bpmn:task id="T" name="記入"/><bpmn:endEvent id="E"/>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T"/><bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E"/></bpmn:process>
</bpmn:definitions>`;
  const days = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];
  const rule = (day: string, from: string, to: string) => ({
    fromWeekDay: day,
    toWeekDay: day,
    fromTime: `${from}:00.000+00:00`,
    toTime: `${to}:00.000+00:00`,
  });
  const info = (over: Partial<QbpInfo>): QbpInfo => ({
    placement: 'definitions',
    processId: 'P',
    processInstances: 100,
    arrival: { type: 'EXPONENTIAL', mean: 600, arg1: 600 },
    timetables: [],
    resources: [],
    elements: [],
    sequenceFlows: [],
    ...over,
  });
  const definitions = async () => {
    const d = await parseDiagram(DIAGRAM);
    if (!d.ok) throw new Error(d.error.message);
    return d.definitions;
  };

  it('given one rule per weekday and half-day, when converted, then the gap is the lunch break and nothing is warned', async () => {
    const rules = days.flatMap((d) => [rule(d, '09:00', '12:00'), rule(d, '13:00', '17:00')]);
    const conv = convertQbp(info({ timetables: [{ id: 'TT', isDefault: true, rules }] }), await definitions());
    expect(conv.annotations.settings.calendars).toEqual([
      {
        id: 'TT',
        open: '09:00',
        lunchStart: '12:00',
        lunchEnd: '13:00',
        close: '17:00',
        weekdays: [1, 2, 3, 4, 5],
        publicHolidays: false,
        yearEndClosure: false,
      },
    ]);
    expect(conv.warnings).toEqual([]);
    // 7 h a weekday, one case every 10 min.
    expect(conv.annotations.starts.S.annualVolume).toBeCloseTo((7 * 60 * 5 * 365) / 7 / 10, 9);
  });

  it('given Saturday with other hours, when converted, then the hours are merged with a Japanese warning naming the timetable', async () => {
    const rules = [...days.flatMap((d) => [rule(d, '09:00', '12:00'), rule(d, '13:00', '17:00')]), rule('SATURDAY', '09:00', '12:00')];
    const conv = convertQbp(info({ timetables: [{ id: 'TT', name: '窓口', isDefault: true, rules }] }), await definitions());
    expect(conv.annotations.settings.calendars[0]).toMatchObject({ open: '09:00', close: '17:00', weekdays: [1, 2, 3, 4, 5, 6] });
    expect(conv.annotations.settings.calendars[0].lunchStart).toBeUndefined();
    expect(conv.warnings.join('\n')).toContain('BIMP のタイムテーブル「窓口」は曜日ごとに時間帯が異なる');
  });

  it('given a 住民 resource with 9999 and its task, when converted, then the duration is the resident time and the role has no headcount', async () => {
    const conv = convertQbp(
      info({
        resources: [{ id: 'R', name: '住民', totalAmount: 9999, costPerHour: 0 }],
        elements: [{ elementId: 'T', duration: { type: 'FIXED', mean: 600 }, resourceIds: ['R'] }],
      }),
      await definitions(),
    );
    expect(conv.annotations.steps.T).toEqual({ role: '住民', residentTime: { type: 'fixed', value: 10 } });
    expect(conv.annotations.settings.roles).toEqual([{ name: '住民', hourlyCost: 0 }]);
  });

  it('given a FIXED arrival, when converted, written as bpr: and read back, then the arrivals stay evenly spaced', async () => {
    const conv = convertQbp(info({ arrival: { type: 'FIXED', mean: 600 } }), await definitions());
    expect(conv.annotations.starts.S.interArrival).toBe('fixed');
    const d = await parseDiagram(DIAGRAM);
    if (!d.ok) throw new Error(d.error.message);
    writeDiagramAnnotations(d.moddle, d.definitions, conv.annotations);
    const again = await parseDiagram(await serializeDiagram(d.definitions));
    if (!again.ok) throw new Error(again.error.message);
    expect(readDiagramAnnotations(again.definitions).annotations.starts.S).toEqual(conv.annotations.starts.S);
  });

  it('given a NORMAL arrival, when converted, then it is read as Poisson arrivals of the same mean with a Japanese warning', async () => {
    const conv = convertQbp(info({ arrival: { type: 'NORMAL', mean: 600, arg1: 60 } }), await definitions());
    expect(conv.annotations.starts.S.interArrival).toBeUndefined();
    expect(conv.meanInterArrivalMinutes).toBe(10);
    expect(conv.warnings.join('\n')).toContain('到着間隔の分布「NORMAL」には対応していない');
  });
});
