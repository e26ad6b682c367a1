import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDiagramAnnotations } from '../../../src/domain/bpmn/annotationsRead';
import { parseDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { exportQbp, QbpExportError } from '../../../src/domain/bpmn/qbpExport';
import { annualOpenMinutes, convertQbp, QBP_NS, readQbp, readQbpAll } from '../../../src/domain/bpmn/qbpImport';
import { findElementsByNs, readElementAt } from '../../../src/domain/bpmn/xmlFragment';
import { defaultOfficeCalendar, type Distribution } from '../../../src/domain/model/annotations';
import { corpusAvailable, corpusRoot, diagramsRoot } from '../../support/paths';
import { findXmllint, loadSchema, validateAgainst, xmllintValidate } from './xsdSubset';

const xsdPath = join(corpusRoot, 'sim/bimp-ui/QBPSchema.xsd');
const START = '2025-04-01T08:30:00.000+09:00';

const task = (id: string, name: string, inner: string) =>
  `<bpmn:task id="${id}" name="${name}"><bpmn:extensionElements><bpr:step ${inner}</bpr:step></bpmn:extensionElements></bpmn:task>`;

/** Every distribution type, a resident step, a role on its own calendar, an exclusive and an inclusive split with defaults. */
const FIXTURE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0" id="D" targetNamespace="urn:t">
  <bpmn:process id="P" name="転入届">
    <bpmn:extensionElements>
      <bpr:settings hoursPerFte="1860">
        <bpr:role name="窓口担当" headcount="3" hourlyCost="3500" calendar="office"/>
        <bpr:role name="審査係" headcount="2" hourlyCost="4200" calendar="sat"/>
        <bpr:calendar id="office" name="庁舎開庁時間" open="08:30" close="17:15" lunchStart="12:00" lunchEnd="13:00" weekdays="1,2,3,4,5" publicHolidays="true" yearEndClosure="true"/>
        <bpr:calendar id="sat" name="土曜開庁" open="09:00" close="12:00" weekdays="6" publicHolidays="false" yearEndClosure="false"/>
      </bpr:settings>
    </bpmn:extensionElements>
    <bpmn:startEvent id="S"><bpmn:extensionElements><bpr:arrivals annualVolume="12000" calendar="office"/></bpmn:extensionElements></bpmn:startEvent>
    ${task('T_fixed', '受付', 'role="窓口担当"><bpr:staffTime type="fixed" value="5"/>')}
    ${task('T_tri', '審査', 'role="審査係"><bpr:staffTime type="triangular" min="3" mode="5" max="10"/>')}
    ${task('T_norm', '入力', 'role="窓口担当"><bpr:staffTime type="normal" mean="10" sd="2"/>')}
    ${task('T_logn', '照会', 'role="窓口担当"><bpr:staffTime type="lognormal" mean="8" sd="3"/>')}
    ${task('T_exp', '補正', 'role="窓口担当"><bpr:staffTime type="exponential" mean="4"/>')}
    ${task('T_uni', '交付', 'role="窓口担当"><bpr:staffTime type="uniform" min="2" max="6"/>')}
    ${task('T_res', '申請書記入', 'role="住民"><bpr:residentTime type="fixed" value="12"/>')}
    <bpmn:exclusiveGateway id="G1" default="F_def"/>
    <bpmn:inclusiveGateway id="G2" default="F_d"/>
    <bpmn:endEvent id="E"/>
    <bpmn:sequenceFlow id="F0" sourceRef="S" targetRef="T_res"/>
    <bpmn:sequenceFlow id="F1" sourceRef="T_res" targetRef="T_fixed"/>
    <bpmn:sequenceFlow id="F2" sourceRef="T_fixed" targetRef="G1"/>
    <bpmn:sequenceFlow id="F_a" sourceRef="G1" targetRef="T_tri" bpr:probability="30"/>
    <bpmn:sequenceFlow id="F_def" sourceRef="G1" targetRef="G2"/>
    <bpmn:sequenceFlow id="F3" sourceRef="T_tri" targetRef="G2"/>
    <bpmn:sequenceFlow id="F_b" sourceRef="G2" targetRef="T_norm" bpr:probability="40"/>
    <bpmn:sequenceFlow id="F_c" sourceRef="G2" targetRef="T_logn" bpr:probability="70"/>
    <bpmn:sequenceFlow id="F_d" sourceRef="G2" targetRef="T_exp"/>
    <bpmn:sequenceFlow id="F4" sourceRef="T_norm" targetRef="T_uni"/>
    <bpmn:sequenceFlow id="F5" sourceRef="T_logn" targetRef="T_uni"/>
    <bpmn:sequenceFlow id="F6" sourceRef="T_exp" targetRef="T_uni"/>
    <bpmn:sequenceFlow id="F7" sourceRef="T_uni" targetRef="E"/>
  </bpmn:process>
</bpmn:definitions>`;

/** The exported block as a standalone document (namespace declared on it), as a validator needs. */
function qbpFragment(xml: string): string {
  const found = findElementsByNs(xml, QBP_NS, 'processSimulationInfo');
  expect(found).toHaveLength(1);
  const end = readElementAt(xml, found[0].at)!.end;
  const frag = xml.slice(found[0].at, end);
  return /^<qbp:processSimulationInfo[^>]*xmlns:qbp=/.test(frag)
    ? frag
    : frag.replace('<qbp:processSimulationInfo', `<qbp:processSimulationInfo xmlns:qbp="${QBP_NS}"`);
}

function schemaErrors(fragment: string): string[] {
  const schema = loadSchema(readFileSync(xsdPath, 'utf8'));
  return validateAgainst(schema, readElementAt(fragment, 0)!.node);
}

async function reimport(xml: string) {
  const parsed = await parseDiagram(xml);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const info = readQbp(parsed.xml);
  expect(info).toBeDefined();
  return { info: info!, conv: convertQbp(info!, parsed.definitions), definitions: parsed.definitions };
}

function expectSameDistribution(actual: Distribution | undefined, expected: Distribution) {
  expect(actual?.type).toBe(expected.type);
  for (const [k, v] of Object.entries(expected)) if (typeof v === 'number') expect((actual as unknown as Record<string, number>)[k]).toBeCloseTo(v, 9);
}

describe('exportQbp', () => {
  it('given an annotated diagram, when exported and read back with the BIMP importer, then durations, roles, probabilities and arrivals are the same', async () => {
    const out = await exportQbp(FIXTURE, { startDateTime: START, processInstances: 500 });
    const { info, conv } = await reimport(out.xml);

    // Where BIMP 2.0.7 reads it: a direct child of <definitions>.
    expect(info.placement).toBe('definitions');
    expect(info.processId).toBe('P');
    expect(info.currency).toBe('JPY');
    expect(conv.processInstances).toBe(500);
    expect(conv.startDateTime).toBe(START);

    const steps = conv.annotations.steps;
    expectSameDistribution(steps.T_fixed.staffTime, { type: 'fixed', value: 5 });
    expectSameDistribution(steps.T_tri.staffTime, { type: 'triangular', min: 3, mode: 5, max: 10 });
    expectSameDistribution(steps.T_norm.staffTime, { type: 'normal', mean: 10, sd: 2 });
    expectSameDistribution(steps.T_logn.staffTime, { type: 'lognormal', mean: 8, sd: 3 });
    expectSameDistribution(steps.T_exp.staffTime, { type: 'exponential', mean: 4 });
    expectSameDistribution(steps.T_uni.staffTime, { type: 'uniform', min: 2, max: 6 });
    // BIMP has one duration per task: on the resident's pool it is the resident's own time again.
    expectSameDistribution(steps.T_res.residentTime, { type: 'fixed', value: 12 });
    expect(steps.T_res.staffTime).toBeUndefined();
    expect(steps.T_res.role).toBe('住民');
    expect(steps.T_fixed.role).toBe('窓口担当');
    expect(steps.T_tri.role).toBe('審査係');

    const roles = Object.fromEntries(conv.annotations.settings.roles.map((r) => [r.name, r]));
    expect(roles['窓口担当']).toMatchObject({ headcount: 3, hourlyCost: 3500, calendar: 'office' });
    expect(roles['審査係']).toMatchObject({ headcount: 2, hourlyCost: 4200, calendar: 'sat' });
    const sat = conv.annotations.settings.calendars.find((c) => c.id === 'sat');
    expect(sat).toMatchObject({ open: '09:00', close: '12:00', weekdays: [6] });
    const office = conv.annotations.settings.calendars.find((c) => c.id === 'office');
    // Two rules a day with a gap: the lunch break.
    expect(office).toMatchObject({ open: '08:30', lunchStart: '12:00', lunchEnd: '13:00', close: '17:15', weekdays: [1, 2, 3, 4, 5] });

    const flows = conv.annotations.flows;
    expect(flows.F_a.probability).toBeCloseTo(30, 9);
    // Exclusive default: the remainder. Inclusive default: runs when neither other branch did, 0.6 × 0.3.
    expect(flows.F_def.probability).toBeCloseTo(70, 9);
    expect(flows.F_b.probability).toBeCloseTo(40, 9);
    expect(flows.F_c.probability).toBeCloseTo(70, 9);
    expect(flows.F_d.probability).toBeCloseTo(18, 9);

    // Inter-arrival time: our calendar's open minutes (holidays and lunch excluded) per case.
    expect(conv.meanInterArrivalMinutes).toBeCloseTo(annualOpenMinutes(defaultOfficeCalendar()) / 12000, 4);
  });

  it('given arrivals on a calendar BIMP can express exactly, when round-tripped, then the annual volume comes back unchanged', async () => {
    const xml = FIXTURE.replace('annualVolume="12000" calendar="office"', 'annualVolume="4321" calendar="sat"');
    const out = await exportQbp(xml, { startDateTime: START });
    const { conv, info } = await reimport(out.xml);
    expect(info.timetables.find((t) => t.isDefault)?.id).toBe('sat');
    expect(conv.annotations.starts.S).toEqual({ annualVolume: 4321, calendar: 'sat' });
    // Default number of cases: one year's volume.
    expect(conv.processInstances).toBe(4321);
  });

  it('given the exported file, when read by our own importer, then every bpr: annotation is still there', async () => {
    const before = await parseDiagram(FIXTURE);
    const out = await exportQbp(FIXTURE, { startDateTime: START });
    const after = await parseDiagram(out.xml);
    if (!before.ok || !after.ok) throw new Error('parse failed');
    expect(readDiagramAnnotations(after.definitions).annotations).toEqual(readDiagramAnnotations(before.definitions).annotations);
  });

  it('given what BIMP cannot express, when exported, then each loss is named in a Japanese warning', async () => {
    const xml = FIXTURE.replace('annualVolume="12000"', 'annualVolume="12000" seasonality="1,1,3,3,1,1,1,1,1,1,1,1"').replace(
      '<bpr:staffTime type="fixed" value="5"/>',
      '<bpr:staffTime type="fixed" value="5"/><bpr:residentTime type="fixed" value="3"/><bpr:lag type="fixed" value="2" unit="businessDays"/>',
    );
    const { warnings } = await exportQbp(xml, { startDateTime: START });
    expect(warnings.some((w) => w.includes('月別の繁閑'))).toBe(true);
    expect(warnings.some((w) => w.includes('「受付」(T_fixed): 待ち時間（営業日単位）は BIMP で表せない'))).toBe(true);
    expect(warnings.some((w) => w.includes('「受付」(T_fixed): BIMP の作業時間は 1 つ') && w.includes('平均 3 分'))).toBe(true);
    expect(warnings.some((w) => w.includes('祝日・年末年始'))).toBe(true);
  });

  it('given a file that already has a BIMP block, when exported twice, then exactly one block remains', async () => {
    const once = await exportQbp(FIXTURE, { startDateTime: START });
    const twice = await exportQbp(once.xml, { startDateTime: START, processInstances: 7 });
    expect(readQbpAll(twice.xml)).toHaveLength(1);
    expect(readQbp(twice.xml)?.processInstances).toBe(7);
  });

  it('given no start event with an annual volume, when exported, then a Japanese QbpExportError says so', async () => {
    const xml = FIXTURE.replace('<bpr:arrivals annualVolume="12000" calendar="office"/>', '');
    await expect(exportQbp(xml)).rejects.toThrow(QbpExportError);
    await expect(exportQbp(xml)).rejects.toMatchObject({ code: 'no-arrivals', message: expect.stringContaining('年間件数') });
  });

  it('given a file that is not BPMN, when exported, then the parse error code and Japanese message are passed on', async () => {
    await expect(exportQbp('hello')).rejects.toMatchObject({ code: 'not-xml', message: expect.stringContaining('XML ファイルではありません') });
  });

  it('given unset probabilities on a split without default, when exported, then the rest is shared equally and warned about', async () => {
    const xml = FIXTURE.replace(' default="F_def"', '');
    const out = await exportQbp(xml, { startDateTime: START });
    const { conv } = await reimport(out.xml);
    expect(conv.annotations.flows.F_def.probability).toBeCloseTo(70, 9);
    expect(out.warnings.some((w) => w.includes('(G1)') && w.includes('残り 70%'))).toBe(true);
  });
});

describe.runIf(corpusAvailable('sim/bimp-ui'))('exported BIMP block against QBPSchema.xsd', () => {
  const samples = readdirSync(diagramsRoot).filter((f) => f.endsWith('.bpmn'));
  const xmllint = findXmllint();

  it.each([['fixture', FIXTURE], ...samples.map((f) => [f, readFileSync(join(diagramsRoot, f), 'utf8')])])(
    'given %s, when exported, then the qbp block is valid against the schema',
    async (_name, xml) => {
      const out = await exportQbp(xml, { startDateTime: START });
      const fragment = qbpFragment(out.xml);
      expect(schemaErrors(fragment)).toEqual([]);
      if (xmllint) {
        const r = xmllintValidate(xmllint, xsdPath, fragment);
        expect(r.output).toContain('validates');
        expect(r.ok).toBe(true);
      }
    },
  );

  it.each([
    ['a probability above 1', (f: string) => f.replace(/executionProbability="[^"]*"/, 'executionProbability="1.5"'), 'maxInclusive'],
    [
      'a distribution without type',
      (f: string) => f.replace(/<qbp:durationDistribution type="[A-Z]+"/, '<qbp:durationDistribution'),
      'missing required attribute type',
    ],
    ['an unknown distribution type', (f: string) => f.replace(/type="FIXED"/, 'type="WEIBULL"'), 'not in'],
    [
      'resources before timetables',
      (f: string) => f.replace(/(<qbp:timetables>[\s\S]*?<\/qbp:timetables>)(\s*)(<qbp:resources>[\s\S]*?<\/qbp:resources>)/, '$3$2$1'),
      'unexpected element',
    ],
    ['an attribute the schema does not know', (f: string) => f.replace('<qbp:resource ', '<qbp:resource colour="red" '), 'not allowed'],
    ['two resources with the same id', (f: string) => f.replace(/id="qbp_resource_2"/g, 'id="qbp_resource_1"'), 'duplicate ID'],
  ])('given an exported block with %s, when validated, then the schema check rejects it', async (_what, tamper, reason) => {
    const out = await exportQbp(FIXTURE, { startDateTime: START });
    const bad = tamper(qbpFragment(out.xml));
    expect(schemaErrors(bad).join('\n')).toContain(reason);
    if (xmllint) expect(xmllintValidate(xmllint, xsdPath, bad).ok).toBe(false);
  });
});

describe.runIf(corpusAvailable('sim/simod/tests/assets'))('exportQbp on a file exported by BIMP', () => {
  it('given a file with only BIMP settings and no bpr: annotations, when exported, then it is exported from those settings with its FIXED arrivals, case count and currency', async () => {
    const file = join(corpusRoot, 'sim/simod/tests/assets/Control_flow_optimization_test.bpmn');
    const before = readQbp(readFileSync(file, 'utf8'))!;
    expect(before.arrival).toMatchObject({ type: 'FIXED', mean: 7200 });
    const out = await exportQbp(new Uint8Array(readFileSync(file)));
    const after = readQbp(out.xml)!;
    expect(after.placement).toBe('definitions');
    expect(after.arrival).toMatchObject({ type: 'FIXED', mean: 7200 });
    expect(after.processInstances).toBe(before.processInstances);
    expect(after.startDateTime).toBe(before.startDateTime);
    expect(after.currency).toBe('EUR');
    expect(after.elements.map((e) => [e.elementId, e.duration?.type, e.duration?.mean])).toEqual(
      before.elements.map((e) => [e.elementId, e.duration?.type, e.duration?.mean]),
    );
    // The old block inside extensionElements is gone: BIMP 2.0.7 cannot load a file with it there.
    expect(readQbpAll(out.xml)).toHaveLength(1);
  });

  it('given LoanApp with its own qbp block, when re-exported from imported annotations, then the old block is replaced', async () => {
    const file = join(corpusRoot, 'sim/simod/tests/assets/LoanApp_simplified.bpmn');
    const parsed = await parseDiagram(new Uint8Array(readFileSync(file)));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { annotations } = convertQbp(readQbp(parsed.xml)!, parsed.definitions);
    const { writeDiagramAnnotations } = await import('../../../src/domain/bpmn/annotationsWrite');
    const { serializeDiagram } = await import('../../../src/domain/bpmn/parseDiagram');
    writeDiagramAnnotations(parsed.moddle, parsed.definitions, annotations);
    const out = await exportQbp(await serializeDiagram(parsed.definitions), { startDateTime: START });
    const all = readQbpAll(out.xml);
    expect(all).toHaveLength(1);
    expect(all[0].currency).toBe('JPY');
    const again = convertQbp(all[0], (await reimport(out.xml)).definitions).annotations;
    for (const [id, step] of Object.entries(annotations.steps)) if (step.staffTime) expectSameDistribution(again.steps[id]?.staffTime, step.staffTime);
  });
});
