/**
 * Writes a laid-out sample process as BPMN 2.0 XML with `bpmn:` prefixes and our `bpr:` annotations,
 * in the layout documented at the top of src/domain/bpmn/bprDescriptor.ts.
 */
import { BPR_NS_URI } from '../../src/domain/bpmn/bprDescriptor';
import { defaultOfficeCalendar, robotCalendar, type Calendar } from '../../src/domain/model/annotations';
import { isTaskKind, type Layout, type Rect } from './layout';
import type { Dist, NodeKind, NodeSpec, ProcessSpec } from './spec';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function attrs(o: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join('');
}

function dist(tag: string, d: Dist, extra: Record<string, string | undefined> = {}): string {
  const a = d.type === 'fixed' ? { type: d.type, value: d.value } : { type: d.type, min: d.min, mode: d.mode, max: d.max };
  return `<bpr:${tag}${attrs({ ...a, ...extra })}/>`;
}

const TAG: Record<NodeKind, string> = {
  start: 'startEvent',
  end: 'endEvent',
  xor: 'exclusiveGateway',
  or: 'inclusiveGateway',
  task: 'task',
  userTask: 'userTask',
  manualTask: 'manualTask',
  serviceTask: 'serviceTask',
  sendTask: 'sendTask',
};

function calendarXml(c: Calendar): string {
  return `<bpr:calendar${attrs({
    id: c.id,
    name: c.name,
    open: c.open,
    close: c.close,
    lunchStart: c.lunchStart,
    lunchEnd: c.lunchEnd,
    weekdays: c.weekdays.join(','),
    publicHolidays: c.publicHolidays,
    yearEndClosure: c.yearEndClosure,
  })}/>`;
}

function extensionOf(n: NodeSpec, laneName: string, ind: string): string[] {
  if (n.step) {
    const s = n.step;
    const inner = [
      dist('staffTime', s.staff),
      s.resident && dist('residentTime', s.resident),
      s.lag && dist('lag', s.lag.dist, { unit: s.lag.unit, reason: s.lag.reason }),
    ].filter((x): x is string => Boolean(x));
    return [
      `${ind}<bpmn:extensionElements>`,
      `${ind}  <bpr:step${attrs({ role: laneName, paperSheets: s.paper ?? 0, systems: s.systems ?? 0, automation: s.automation ?? 'none' })}>`,
      ...inner.map((x) => `${ind}    ${x}`),
      `${ind}  </bpr:step>`,
      `${ind}</bpmn:extensionElements>`,
    ];
  }
  if (n.arrivals)
    return [
      `${ind}<bpmn:extensionElements>`,
      `${ind}  <bpr:arrivals${attrs({ annualVolume: n.arrivals.annualVolume, seasonality: n.arrivals.seasonality.join(','), calendar: 'office' })}/>`,
      `${ind}</bpmn:extensionElements>`,
    ];
  return [];
}

const bounds = (r: Rect) => `<dc:Bounds${attrs({ x: r.x, y: r.y, width: r.width, height: r.height })}/>`;

export function toBpmnXml(spec: ProcessSpec, layout: Layout): string {
  const k = spec.key;
  const laneName = new Map(spec.lanes.map((l) => [l.id, l.name]));
  const usesRobot = spec.roles.some((r) => r.calendar === '24h');
  const calendars = usesRobot ? [defaultOfficeCalendar(), robotCalendar()] : [defaultOfficeCalendar()];
  const L: string[] = [];
  L.push('<?xml version="1.0" encoding="UTF-8"?>');
  L.push(
    `<bpmn:definitions${attrs({
      'xmlns:bpmn': 'http://www.omg.org/spec/BPMN/20100524/MODEL',
      'xmlns:bpmndi': 'http://www.omg.org/spec/BPMN/20100524/DI',
      'xmlns:dc': 'http://www.omg.org/spec/DD/20100524/DC',
      'xmlns:di': 'http://www.omg.org/spec/DD/20100524/DI',
      'xmlns:bpr': BPR_NS_URI,
      id: `Definitions_${k}`,
      targetNamespace: 'urn:bpr-studio:samples',
      exporter: 'BPR Studio sample generator',
      exporterVersion: '1.0',
    })}>`,
  );
  L.push(`  <bpmn:collaboration id="Collaboration_${k}">`);
  L.push('    <bpmn:extensionElements>');
  L.push(`      <bpr:settings hoursPerFte="1860">`);
  for (const r of spec.roles)
    L.push(`        <bpr:role${attrs({ name: r.name, headcount: r.headcount, hourlyCost: r.hourlyCost, calendar: r.calendar ?? 'office' })}/>`);
  for (const c of calendars) L.push(`        ${calendarXml(c)}`);
  L.push('      </bpr:settings>');
  L.push('    </bpmn:extensionElements>');
  L.push(`    <bpmn:participant${attrs({ id: `Participant_${k}`, name: spec.participant, processRef: `Process_${k}` })}/>`);
  L.push('  </bpmn:collaboration>');

  L.push(`  <bpmn:process${attrs({ id: `Process_${k}`, name: spec.name, isExecutable: false })}>`);
  L.push(`    <bpmn:laneSet id="LaneSet_${k}">`);
  for (const l of spec.lanes) {
    L.push(`      <bpmn:lane${attrs({ id: l.id, name: l.name })}>`);
    for (const n of spec.nodes) if (n.lane === l.id) L.push(`        <bpmn:flowNodeRef>${n.id}</bpmn:flowNodeRef>`);
    L.push('      </bpmn:lane>');
  }
  L.push('    </bpmn:laneSet>');

  for (const n of spec.nodes) {
    const tag = TAG[n.kind];
    const defaultFlow = layout.flows.find((f) => f.spec.from === n.id && f.spec.isDefault)?.id;
    L.push(`    <bpmn:${tag}${attrs({ id: n.id, name: n.name, default: defaultFlow })}>`);
    L.push(...extensionOf(n, laneName.get(n.lane)!, '      '));
    for (const f of layout.flows) if (f.spec.to === n.id) L.push(`      <bpmn:incoming>${f.id}</bpmn:incoming>`);
    for (const f of layout.flows) if (f.spec.from === n.id) L.push(`      <bpmn:outgoing>${f.id}</bpmn:outgoing>`);
    L.push(`    </bpmn:${tag}>`);
  }
  for (const f of layout.flows)
    L.push(
      `    <bpmn:sequenceFlow${attrs({ id: f.id, name: f.spec.name, sourceRef: f.spec.from, targetRef: f.spec.to, 'bpr:probability': f.spec.p })}/>`,
    );
  L.push('  </bpmn:process>');

  L.push(`  <bpmndi:BPMNDiagram id="BPMNDiagram_${k}">`);
  L.push(`    <bpmndi:BPMNPlane id="BPMNPlane_${k}" bpmnElement="Collaboration_${k}">`);
  L.push(`      <bpmndi:BPMNShape id="Participant_${k}_di" bpmnElement="Participant_${k}" isHorizontal="true">`);
  L.push(`        ${bounds(layout.pool)}`);
  L.push('      </bpmndi:BPMNShape>');
  for (const l of layout.lanes) {
    L.push(`      <bpmndi:BPMNShape id="${l.id}_di" bpmnElement="${l.id}" isHorizontal="true">`);
    L.push(`        ${bounds(l.bounds)}`);
    L.push('      </bpmndi:BPMNShape>');
  }
  for (const n of layout.nodes.values()) {
    const marker = n.spec.kind === 'xor' ? ' isMarkerVisible="true"' : '';
    L.push(`      <bpmndi:BPMNShape id="${n.spec.id}_di" bpmnElement="${n.spec.id}"${marker}>`);
    L.push(`        ${bounds(n.bounds)}`);
    if (n.label && !isTaskKind(n.spec.kind)) {
      L.push('        <bpmndi:BPMNLabel>');
      L.push(`          ${bounds(n.label)}`);
      L.push('        </bpmndi:BPMNLabel>');
    }
    L.push('      </bpmndi:BPMNShape>');
  }
  for (const f of layout.flows) {
    L.push(`      <bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}">`);
    for (const p of f.waypoints) L.push(`        <di:waypoint x="${p.x}" y="${p.y}"/>`);
    if (f.label) {
      L.push('        <bpmndi:BPMNLabel>');
      L.push(`          ${bounds(f.label)}`);
      L.push('        </bpmndi:BPMNLabel>');
    }
    L.push('      </bpmndi:BPMNEdge>');
  }
  L.push('    </bpmndi:BPMNPlane>');
  L.push('  </bpmndi:BPMNDiagram>');
  L.push('</bpmn:definitions>');
  return L.join('\n') + '\n';
}
