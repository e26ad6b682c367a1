import type { Distribution } from '../../../src/domain/model/annotations';

/** Small linear diagrams with DI and bpr: data for the comparison and template specs. */

export interface FixtureStep {
  id: string;
  name: string;
  role: string;
  staff?: Distribution;
  resident?: Distribution;
  lag?: { distribution: Distribution; unit: 'businessDays' | 'minutes' };
  paperSheets?: number;
}

export interface FixtureRole {
  name: string;
  hourlyCost?: number;
  headcount?: number;
}

const dist = (tag: string, d: Distribution | undefined, extra = ''): string => {
  if (!d) return '';
  const attrs = Object.entries(d)
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ');
  return `<bpr:${tag} ${attrs}${extra}/>`;
};

export function linearBpmn(opts: { steps: FixtureStep[]; roles: FixtureRole[]; annualVolume: number; hoursPerFte?: number }): string {
  const { steps, roles, annualVolume } = opts;
  const nodes = ['Start_1', ...steps.map((s) => s.id), 'End_1'];
  const x = (i: number) => 100 + i * 180;
  const flows = nodes.slice(1).map((to, i) => ({ id: `Flow_${i + 1}`, from: nodes[i], to }));
  const incoming = (id: string) =>
    flows
      .filter((f) => f.to === id)
      .map((f) => `<bpmn:incoming>${f.id}</bpmn:incoming>`)
      .join('');
  const outgoing = (id: string) =>
    flows
      .filter((f) => f.from === id)
      .map((f) => `<bpmn:outgoing>${f.id}</bpmn:outgoing>`)
      .join('');
  const task = (s: FixtureStep) => `
    <bpmn:task id="${s.id}" name="${s.name}">
      <bpmn:extensionElements>
        <bpr:step role="${s.role}"${s.paperSheets !== undefined ? ` paperSheets="${s.paperSheets}"` : ''}>
          ${dist('staffTime', s.staff)}${dist('residentTime', s.resident)}${s.lag ? dist('lag', s.lag.distribution, ` unit="${s.lag.unit}"`) : ''}
        </bpr:step>
      </bpmn:extensionElements>
      ${incoming(s.id)}${outgoing(s.id)}
    </bpmn:task>`;
  const shapes = nodes.map((id, i) => {
    const isEvent = i === 0 || i === nodes.length - 1;
    const [w, h] = isEvent ? [36, 36] : [100, 80];
    const y = isEvent ? 222 : 200;
    const xx = isEvent ? x(i) + 32 : x(i);
    return `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${xx}" y="${y}" width="${w}" height="${h}"/></bpmndi:BPMNShape>`;
  });
  const edges = flows.map(
    (f, i) =>
      `<bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}"><di:waypoint x="${x(i) + (i === 0 ? 68 : 100)}" y="240"/><di:waypoint x="${x(i + 1) + (i + 1 === nodes.length - 1 ? 32 : 0)}" y="240"/></bpmndi:BPMNEdge>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0" id="Definitions_1" targetNamespace="urn:test">
  <bpmn:process id="Process_1" isExecutable="false">
    <bpmn:extensionElements>
      <bpr:settings hoursPerFte="${opts.hoursPerFte ?? 1860}">
        ${roles.map((r) => `<bpr:role name="${r.name}"${r.hourlyCost !== undefined ? ` hourlyCost="${r.hourlyCost}"` : ''}${r.headcount !== undefined ? ` headcount="${r.headcount}"` : ''}/>`).join('\n        ')}
      </bpr:settings>
    </bpmn:extensionElements>
    <bpmn:startEvent id="Start_1" name="申請">
      <bpmn:extensionElements><bpr:arrivals annualVolume="${annualVolume}"/></bpmn:extensionElements>
      ${outgoing('Start_1')}
    </bpmn:startEvent>
    ${steps.map(task).join('')}
    <bpmn:endEvent id="End_1" name="完了">${incoming('End_1')}</bpmn:endEvent>
    ${flows.map((f) => `<bpmn:sequenceFlow id="${f.id}" sourceRef="${f.from}" targetRef="${f.to}"/>`).join('\n    ')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="Process_1">
      ${shapes.join('\n      ')}
      ${edges.join('\n      ')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
