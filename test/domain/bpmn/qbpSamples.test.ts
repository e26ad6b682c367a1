import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDiagramAnnotations } from '../../../src/domain/bpmn/annotationsRead';
import { parseDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { exportQbp } from '../../../src/domain/bpmn/qbpExport';
import { convertQbp, QBP_NS, readQbp } from '../../../src/domain/bpmn/qbpImport';
import { readElementAt } from '../../../src/domain/bpmn/xmlFragment';
import { isResidentRole, ROBOT_CALENDAR_ID } from '../../../src/domain/model/annotations';
import { corpusAvailable, corpusRoot, diagramsRoot } from '../../support/paths';
import { loadSchema, validateAgainst } from './xsdSubset';

const START = '2025-04-01T08:30:00.000+09:00';
const samples = readdirSync(diagramsRoot)
  .filter((f) => f.endsWith('.bpmn'))
  .sort();
const sample = (f: string) => readFileSync(join(diagramsRoot, f), 'utf8');

/** The root element of the exported text and its qbp child, read with our own XML reader. */
function rootOf(xml: string) {
  const at = xml.search(/<([\w.-]+:)?definitions[\s>]/);
  const root = readElementAt(xml, at)!.node;
  return root;
}

async function importConverted(xml: string) {
  const parsed = await parseDiagram(xml);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return convertQbp(readQbp(parsed.xml)!, parsed.definitions);
}

describe('exported samples: where the BIMP block stands (BIMP 2.0.7 reads it only there)', () => {
  it.each(samples)(
    'given %s, when exported, then qbp:processSimulationInfo is the last child of <definitions>, declares its namespace and has the required attributes',
    async (f) => {
      const out = await exportQbp(sample(f), { startDateTime: START });
      const root = rootOf(out.xml);
      const last = root.children[root.children.length - 1];
      expect(last.local).toBe('processSimulationInfo');
      expect(last.attrs['xmlns:qbp']).toBe(QBP_NS);
      expect(Number(last.attrs.processInstances)).toBeGreaterThanOrEqual(2);
      expect(last.attrs.startDateTime).toBe(START);
      expect(last.attrs.processId).toBe(out.processId);
      // Nowhere else: a second block inside extensionElements would contradict this one.
      expect(out.xml.match(/<qbp:processSimulationInfo[\s>]/g)).toHaveLength(1);
      expect(readQbp(out.xml)?.placement).toBe('definitions');
      // The rest of the diagram is still BPMN the app opens.
      const parsed = await parseDiagram(out.xml);
      expect(parsed.ok).toBe(true);
    },
  );

  it.runIf(corpusAvailable('sim/bimp-ui'))(
    'given every sample exported, when its block is checked against QBPSchema.xsd, then there are no errors',
    async () => {
      const schema = loadSchema(readFileSync(join(corpusRoot, 'sim/bimp-ui/QBPSchema.xsd'), 'utf8'));
      for (const f of samples) {
        const out = await exportQbp(sample(f), { startDateTime: START });
        const block = rootOf(out.xml).children.at(-1)!;
        expect({ f, errors: validateAgainst(schema, block) }).toEqual({ f, errors: [] });
      }
    },
  );
});

describe('re-importing our own export', () => {
  it.each(samples)(
    'given %s exported, when the export is imported and exported again from its BIMP block only, then the simulation info is equal',
    async (f) => {
      const once = await exportQbp(sample(f), { startDateTime: START });
      const qbpOnly = (await exportQbp(sample(f), { startDateTime: START, bimpOnly: true })).xml;
      expect(qbpOnly).not.toContain('bpr:');
      const parsed = await parseDiagram(qbpOnly);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const left = readDiagramAnnotations(parsed.definitions).annotations;
      expect(Object.keys(left.steps)).toEqual([]);
      expect(Object.keys(left.starts)).toEqual([]);
      // A QBP-only file exports (no [no-arrivals]): from its own settings, case count and start.
      const twice = await exportQbp(qbpOnly);
      expect(readQbp(twice.xml)).toEqual(readQbp(once.xml));
    },
  );

  it('given the office calendar with a lunch break, when re-imported, then the two rules per day come back as one calendar with its lunch break', async () => {
    const once = await exportQbp(sample('tennyu-asis.bpmn'), { startDateTime: START });
    const office = readQbp(once.xml)!.timetables.find((t) => t.id === 'office')!;
    expect(office.rules.map((r) => [r.fromTime, r.toTime])).toEqual([
      ['08:30:00.000+00:00', '12:00:00.000+00:00'],
      ['13:00:00.000+00:00', '17:15:00.000+00:00'],
    ]);
    const conv = await importConverted(once.xml);
    expect(conv.annotations.settings.calendars.find((c) => c.id === 'office')).toMatchObject({
      open: '08:30',
      lunchStart: '12:00',
      lunchEnd: '13:00',
      close: '17:15',
      weekdays: [1, 2, 3, 4, 5],
    });
    expect(conv.warnings.join('\n')).not.toContain('時間帯が異なります');
  });

  it("given 住民 steps, when re-imported, then they are the resident's own time on the 住民 role, not staff time and no headcount", async () => {
    const original = await parseDiagram(sample('tennyu-asis.bpmn'));
    if (!original.ok) throw new Error(original.error.message);
    const ann = readDiagramAnnotations(original.definitions).annotations;
    // The samples give 住民 steps a staff time of 0 next to the resident's time; BIMP has one duration.
    const residentOnly = Object.entries(ann.steps).filter(([, s]) => isResidentRole(s.role) && s.residentTime);
    expect(residentOnly.length).toBeGreaterThan(0);
    const conv = await importConverted((await exportQbp(sample('tennyu-asis.bpmn'), { startDateTime: START })).xml);
    for (const [id, s] of residentOnly) {
      expect(conv.annotations.steps[id]).toMatchObject({ role: '住民', residentTime: s.residentTime });
      expect(conv.annotations.steps[id].staffTime).toBeUndefined();
    }
    expect(conv.annotations.settings.roles.find((r) => r.name === '住民')?.headcount).toBeUndefined();
  });

  it('given the RPA role on the 24-hour calendar, when re-imported, then it is on the 24h calendar again (a robot, not staff)', async () => {
    const out = await exportQbp(sample('kyuyo-shiharai-tobe.bpmn'), { startDateTime: START });
    const robot = readQbp(out.xml)!.timetables.find((t) => t.name === '24時間稼働')!;
    expect(robot.rules).toEqual([{ fromTime: '00:00:00.000+00:00', toTime: '23:59:59.000+00:00', fromWeekDay: 'MONDAY', toWeekDay: 'SUNDAY' }]);
    const conv = await importConverted(out.xml);
    expect(conv.annotations.settings.roles.find((r) => r.name === 'RPA')).toMatchObject({ headcount: 2, hourlyCost: 150, calendar: ROBOT_CALENDAR_ID });
    expect(conv.annotations.settings.calendars.find((c) => c.id === ROBOT_CALENDAR_ID)).toMatchObject({
      open: '00:00',
      close: '24:00',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
    });
  });

  it('given evenly spaced arrivals, when exported, then BIMP gets a FIXED interval, and re-importing keeps them evenly spaced', async () => {
    const xml = sample('kian-kessai-asis.bpmn').replace(/(<bpr:arrivals [^>]*?)\s*\/>/, '$1 interArrival="fixed"/>');
    const out = await exportQbp(xml, { startDateTime: START, bimpOnly: true });
    const arrival = readQbp(out.xml)!.arrival!;
    expect(arrival.type).toBe('FIXED');
    const conv = await importConverted(out.xml);
    const [start] = Object.values(conv.annotations.starts);
    expect(start.interArrival).toBe('fixed');
    const again = await exportQbp(out.xml);
    expect(readQbp(again.xml)!.arrival).toEqual(arrival);
  });

  it('given an inclusive gateway whose default flow goes straight to the join, when exported, then BIMP gets 1 on the default and the other branches keep their own chance', async () => {
    // BIMP draws every flow of an inclusive split independently, the default too, and draws again
    // while none was taken; a default that is always taken and does no work leaves 30 % / 65 % as they are.
    const out = await exportQbp(sample('tennyu-asis.bpmn'), { startDateTime: START });
    const p = Object.fromEntries(readQbp(out.xml)!.sequenceFlows.map((f) => [f.elementId, f.executionProbability]));
    expect(p.Flow_Gateway_Related_Gateway_RelatedJoin).toBe(1);
    expect(p.Flow_Gateway_Related_Task_KokuhoWrite).toBe(0.3);
    expect(p.Flow_Gateway_Related_Task_WaterWrite).toBe(0.65);
  });

  it('given the distributions of every type, when exported, re-imported and exported again, then each step keeps its type and parameters', async () => {
    const f = 'tennyu-asis.bpmn';
    const original = await parseDiagram(sample(f));
    if (!original.ok) throw new Error(original.error.message);
    const ann = readDiagramAnnotations(original.definitions).annotations;
    const conv = await importConverted((await exportQbp(sample(f), { startDateTime: START })).xml);
    for (const [id, s] of Object.entries(ann.steps)) {
      const back = conv.annotations.steps[id];
      const want = isResidentRole(s.role) ? s.residentTime : s.staffTime;
      const got = isResidentRole(s.role) ? back.residentTime : back.staffTime;
      if (!want) continue;
      expect(got?.type).toBe(want.type);
      for (const [k, v] of Object.entries(want)) if (typeof v === 'number') expect((got as unknown as Record<string, number>)[k]).toBeCloseTo(v, 6);
    }
  });
});
