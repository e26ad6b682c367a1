import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDiagramAnnotations } from '../../src/domain/bpmn/annotationsRead';
import { writeDiagramAnnotations } from '../../src/domain/bpmn/annotationsWrite';
import { parseDiagram, serializeDiagram } from '../../src/domain/bpmn/parseDiagram';
import {
  AUTOMATION_KINDS,
  processSettingsSchema,
  stepAnnotationSchema,
  type Arrivals,
  type Calendar,
  type DiagramAnnotations,
  type Distribution,
  type FlowAnnotation,
  type StepAnnotation,
} from '../../src/domain/model/annotations';

const DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="urn:t">
  <bpmn:process id="P">
    <bpmn:startEvent id="S"/>
    <bpmn:task id="T1" name="受付"/>
    <bpmn:exclusiveGateway id="G"><bpmn:outgoing>Fa</bpmn:outgoing><bpmn:outgoing>Fb</bpmn:outgoing><bpmn:outgoing>Fc</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:userTask id="T2" name="審査"/>
    <bpmn:serviceTask id="T3" name="照会"/>
    <bpmn:task id="T4"/>
    <bpmn:endEvent id="E"/>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T1"/>
    <bpmn:sequenceFlow id="F2" sourceRef="T1" targetRef="G"/>
    <bpmn:sequenceFlow id="Fa" sourceRef="G" targetRef="T2"/>
    <bpmn:sequenceFlow id="Fb" sourceRef="G" targetRef="T3"/>
    <bpmn:sequenceFlow id="Fc" sourceRef="G" targetRef="T4"/>
  </bpmn:process>
</bpmn:definitions>`;

// Hundredths: what people type, and exact through the XML attribute text.
const amount = (max = 100_000) => fc.integer({ min: 0, max }).map((n) => n / 100);
const positive = (max = 100_000) => fc.integer({ min: 1, max }).map((n) => n / 100);
const sorted = (k: number) => fc.array(amount(), { minLength: k, maxLength: k }).map((xs) => [...xs].sort((a, b) => a - b));

const distribution: fc.Arbitrary<Distribution> = fc.oneof(
  amount().map((value) => ({ type: 'fixed' as const, value })),
  sorted(3).map(([min, mode, max]) => ({ type: 'triangular' as const, min, mode, max })),
  fc.tuple(amount(), amount(1000)).map(([mean, sd]) => ({ type: 'normal' as const, mean, sd })),
  fc.tuple(positive(), amount(1000)).map(([mean, sd]) => ({ type: 'lognormal' as const, mean, sd })),
  positive().map((mean) => ({ type: 'exponential' as const, mean })),
  sorted(2).map(([min, max]) => ({ type: 'uniform' as const, min, max })),
);

/** Names with the characters that need escaping in XML, Japanese, and inner spaces (zod trims the ends). */
const text = (max: number) =>
  fc
    .string({ unit: fc.constantFrom('窓', '口', '担', '当', 'a', 'Z', '1', ' ', '<', '>', '&', '"', "'", '（', '）', '・'), minLength: 1, maxLength: max })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

const answer = fc.integer({ min: 1, max: 5 });
const step = (roles: string[]): fc.Arbitrary<StepAnnotation> =>
  fc.record(
    {
      staffTime: distribution,
      residentTime: distribution,
      lag: fc.record(
        { distribution, unit: fc.constantFrom('businessDays' as const, 'minutes' as const), reason: text(40) },
        { requiredKeys: ['distribution', 'unit'] },
      ),
      role: roles.length ? fc.constantFrom(...roles) : text(20),
      paperSheets: amount(1000),
      systems: fc.integer({ min: 0, max: 9 }),
      automation: fc.constantFrom(...AUTOMATION_KINDS),
      assessment: fc.record(
        {
          ruleBased: answer,
          digitalInput: answer,
          structuredInput: answer,
          stability: answer,
          documented: answer,
          exceptionRate: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  );

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const calendar = (id: string): fc.Arbitrary<Calendar> =>
  fc
    .record({
      open: fc.integer({ min: 0, max: 23 * 60 }),
      length: fc.integer({ min: 4, max: 16 * 60 }),
      lunch: fc.option(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 })), { nil: undefined }),
      weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      publicHolidays: fc.boolean(),
      yearEndClosure: fc.boolean(),
      name: fc.option(text(20), { nil: undefined }),
      closedDates: fc.option(
        fc.uniqueArray(
          fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10)),
          { minLength: 1, maxLength: 4 },
        ),
        { nil: undefined },
      ),
    })
    .map((c) => {
      const close = Math.min(24 * 60, c.open + c.length);
      const cal: Calendar = {
        id,
        open: hhmm(c.open),
        close: hhmm(close),
        weekdays: c.weekdays,
        publicHolidays: c.publicHolidays,
        yearEndClosure: c.yearEndClosure,
      };
      if (c.name !== undefined) cal.name = c.name;
      if (c.closedDates) cal.closedDates = c.closedDates;
      if (c.lunch) {
        // Lunch strictly inside the open span.
        const span = close - c.open;
        const ls = c.open + (c.lunch[0] % span);
        const le = Math.min(close, ls + 1 + (c.lunch[1] % Math.max(1, close - ls)));
        if (ls < le) Object.assign(cal, { lunchStart: hhmm(ls), lunchEnd: hhmm(le) });
      }
      return cal;
    });

const flows: fc.Arbitrary<Record<string, FlowAnnotation>> = fc.oneof(
  fc.constant({}),
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([a, b]) => {
    const x = Math.min(a, b),
      y = Math.max(a, b);
    return { Fa: { probability: x }, Fb: { probability: y - x }, Fc: { probability: 100 - y } };
  }),
);

const annotations: fc.Arbitrary<DiagramAnnotations> = fc
  .record({
    roleNames: fc.uniqueArray(text(20), { maxLength: 4 }),
    hoursPerFte: positive(300_000),
    extraCalendars: fc.uniqueArray(fc.constantFrom('sat', 'night', '24h', 'x.y-z'), { maxLength: 3 }),
  })
  .chain(({ roleNames, hoursPerFte, extraCalendars }) =>
    fc.record({
      steps: fc.record({ T1: step(roleNames), T2: step(roleNames), T3: step(roleNames), T4: step(roleNames) }, { requiredKeys: [] }),
      flows,
      starts: fc
        .option(
          fc.record(
            {
              annualVolume: fc.integer({ min: 0, max: 1_000_000 }),
              seasonality: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 12, maxLength: 12 }).filter((w) => w.some((x) => x > 0)),
              calendar: fc.constantFrom('office', ...extraCalendars),
            },
            { requiredKeys: [] },
          ) as fc.Arbitrary<Arrivals>,
          { nil: undefined },
        )
        .map((a): Record<string, Arrivals> => (a ? { S: a } : {})),
      settings: fc
        .tuple(
          fc.tuple(
            ...roleNames.map((name) =>
              fc.record(
                { name: fc.constant(name), headcount: positive(10_000), hourlyCost: amount(), calendar: fc.constantFrom('office', ...extraCalendars) },
                { requiredKeys: ['name'] },
              ),
            ),
          ),
          fc.tuple(calendar('office'), ...extraCalendars.map(calendar)),
        )
        .map(([roles, calendars]) => processSettingsSchema.parse({ hoursPerFte, roles, calendars })),
    }),
  );

describe('bpr annotations, property: write → serialize → parse → read is the identity', () => {
  it('given random valid annotation sets (seed 42, 100 runs), when round-tripped through the file, then they come back equal with no issues', async () => {
    await fc.assert(
      fc.asyncProperty(annotations, async (ann) => {
        const parsed = await parseDiagram(DIAGRAM);
        if (!parsed.ok) throw new Error(parsed.error.message);
        writeDiagramAnnotations(parsed.moddle, parsed.definitions, ann);
        const again = await parseDiagram(await serializeDiagram(parsed.definitions));
        if (!again.ok) throw new Error(again.error.message);
        const { annotations: read, issues } = readDiagramAnnotations(again.definitions);
        expect(issues).toEqual([]);
        const expected: DiagramAnnotations = {
          ...ann,
          steps: Object.fromEntries(Object.entries(ann.steps).map(([id, s]) => [id, stepAnnotationSchema.parse(s)])),
        };
        expect(read).toEqual(expected);
      }),
      { seed: 42, numRuns: 100 },
    );
  }, 120_000);
});
