import type { Distribution, DiagramAnnotations, StepAnnotation } from '../../../src/domain/model/annotations';
import { AUTOMATION_KINDS, DISTRIBUTION_TYPES } from '../../../src/domain/model/annotations';
import { isA, type ModdleElement } from '../../../src/domain/bpmn/bprAccess';
import { isExclusiveSplit } from '../../../src/domain/bpmn/gatewayProbabilities';
import { allFlowElements } from '../../../src/domain/bpmn/walk';

/** mulberry32: small, seeded, good enough to pick test values. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomAnnotations(definitions: ModdleElement, rnd: () => number): DiagramAnnotations {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const val = (max: number) => Math.round(rnd() * max * 10) / 10;
  const dist = (): Distribution => {
    const type = pick(DISTRIBUTION_TYPES);
    const a = val(30),
      b = a + val(30),
      c = b + val(30);
    switch (type) {
      case 'fixed':
        return { type, value: a };
      case 'triangular':
        return { type, min: a, mode: b, max: c };
      case 'normal':
        return { type, mean: b, sd: val(5) };
      case 'lognormal':
        return { type, mean: b + 0.1, sd: val(5) };
      case 'exponential':
        return { type, mean: b + 0.1 };
      case 'uniform':
        return { type, min: a, max: b };
    }
  };
  const ann: DiagramAnnotations = {
    steps: {},
    flows: {},
    starts: {},
    settings: {
      hoursPerFte: 1700 + Math.round(rnd() * 300),
      roles: [
        { name: '窓口担当', headcount: 3, hourlyCost: 3500, calendar: 'office' },
        { name: '審査係', headcount: 1.5 },
      ],
      calendars: [
        {
          id: 'office',
          name: '庁舎開庁時間',
          open: '08:30',
          close: '17:15',
          lunchStart: '12:00',
          lunchEnd: '13:00',
          weekdays: [1, 2, 3, 4, 5],
          publicHolidays: true,
          yearEndClosure: true,
        },
        { id: 'sat', open: '09:00', close: '12:00', weekdays: [6], publicHolidays: false, yearEndClosure: false, closedDates: ['2025-01-04'] },
      ],
    },
  };
  for (const el of allFlowElements(definitions)) {
    const id = el.id as string;
    if (isA(el, 'bpmn:Activity')) {
      const step: StepAnnotation = { staffTime: dist() };
      if (rnd() < 0.5) step.residentTime = dist();
      if (rnd() < 0.3) step.lag = { distribution: dist(), unit: pick(['businessDays', 'minutes'] as const), reason: '決裁待ち' };
      if (rnd() < 0.7) step.role = pick(['窓口担当', '審査係']);
      if (rnd() < 0.5) step.paperSheets = Math.floor(rnd() * 5);
      if (rnd() < 0.5) step.systems = Math.floor(rnd() * 3);
      if (rnd() < 0.5) step.automation = pick(AUTOMATION_KINDS);
      ann.steps[id] = step;
    }
    if (isA(el, 'bpmn:StartEvent'))
      ann.starts[id] = {
        annualVolume: Math.round(rnd() * 10000),
        seasonality: Array.from({ length: 12 }, () => 1 + Math.floor(rnd() * 10)),
        calendar: 'office',
      };
    if (isExclusiveSplit(el)) {
      const out = (el.outgoing as ModdleElement[]).filter(Boolean);
      let left = 100;
      out.forEach((f, i) => {
        const p = i === out.length - 1 ? left : Math.floor(rnd() * left);
        left -= p;
        ann.flows[f.id as string] = { probability: p };
      });
    }
  }
  return ann;
}
