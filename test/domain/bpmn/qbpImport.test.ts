import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDiagramAnnotations } from '../../../src/domain/bpmn/annotationsRead';
import { writeDiagramAnnotations } from '../../../src/domain/bpmn/annotationsWrite';
import { parseDiagram, serializeDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { annualOpenMinutes, convertQbp, readQbp, readQbpAll } from '../../../src/domain/bpmn/qbpImport';
import { corpusAvailable, corpusRoot } from '../../support/paths';

const assets = join(corpusRoot, 'sim/simod/tests/assets');

async function open(file: string) {
  const r = await parseDiagram(new Uint8Array(readFileSync(file)));
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

/** Expected values straight from the XML with regular expressions, independent of the importer. */
function qbpNumbers(xml: string) {
  const elements = [...xml.matchAll(/<qbp:element\s[^>]*elementId="([^"]+)"[^>]*>\s*<qbp:durationDistribution\s[^>]*type="([A-Z]+)"\s+mean="([^"]+)"\s+arg1="([^"]+)"/g)].map(
    (m) => ({ id: m[1], type: m[2], mean: Number(m[3]), arg1: Number(m[4]) }),
  );
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
    expect(conv.annotations.settings.calendars.find((c) => c.id === 'QBP_DEFAULT_TIMETABLE')).toMatchObject({ open: '09:00', close: '17:00', weekdays: [1, 2, 3, 4, 5] });
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

  it('given the block outside extensionElements, when the file is parsed, then bpmn-moddle drops it but readQbp still finds it', async () => {
    const d = await open(join(__dirname, 'fixtures/qbp-definitions-level.bpmn'));
    expect(d.warnings.some((w) => w.includes('processSimulationInfo'))).toBe(true);
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
