import { parseDiagram } from '../../../src/domain/bpmn/parseDiagram';
import type { ParsedRpaProcess } from '../../../src/domain/analysis/rpaCandidates';

/** A small As-Is diagram: start → tasks in order → end, with lanes, roles and bpr: steps. */
export interface FixtureTask {
  id: string;
  name: string;
  /** Attributes of bpr:step, e.g. `role="入力担当" paperSheets="1" systems="1"`. */
  attrs?: string;
  /** Staff minutes (fixed); omitted = no staffTime. */
  staff?: number;
  resident?: number;
  /** Attributes of bpr:assessment; omitted = none. */
  assessment?: string;
  /** No bpr:step at all. */
  bare?: boolean;
}

export interface FixtureProcess {
  id: string;
  tasks: FixtureTask[];
  roles?: Array<{ name: string; hourlyCost?: number }>;
  lanes?: Record<string, string[]>;
  annualVolume?: number;
}

export function fixtureXml(p: FixtureProcess): string {
  const roles = (p.roles ?? [])
    .map((r) => `<bpr:role name="${r.name}" headcount="5"${r.hourlyCost === undefined ? '' : ` hourlyCost="${r.hourlyCost}"`}/>`)
    .join('');
  const lanes = p.lanes
    ? `<bpmn:laneSet id="${p.id}_LS">${Object.entries(p.lanes)
        .map(
          ([name, ids], i) =>
            `<bpmn:lane id="${p.id}_L${i}" name="${name}">${ids.map((id) => `<bpmn:flowNodeRef>${id}</bpmn:flowNodeRef>`).join('')}</bpmn:lane>`,
        )
        .join('')}</bpmn:laneSet>`
    : '';
  const tasks = p.tasks
    .map((t) => {
      if (t.bare) return `<bpmn:task id="${t.id}" name="${t.name}"/>`;
      const inner = [
        t.staff === undefined ? '' : `<bpr:staffTime type="fixed" value="${t.staff}"/>`,
        t.resident === undefined ? '' : `<bpr:residentTime type="fixed" value="${t.resident}"/>`,
        t.assessment === undefined ? '' : `<bpr:assessment ${t.assessment}/>`,
      ].join('');
      return `<bpmn:task id="${t.id}" name="${t.name}"><bpmn:extensionElements><bpr:step ${t.attrs ?? ''}>${inner}</bpr:step></bpmn:extensionElements></bpmn:task>`;
    })
    .join('');
  const chain = ['S', ...p.tasks.map((t) => t.id), 'E'];
  const flows = chain
    .slice(1)
    .map((to, i) => `<bpmn:sequenceFlow id="${p.id}_F${i}" sourceRef="${chain[i]}" targetRef="${to}"/>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0" id="D_${p.id}" targetNamespace="urn:test">
  <bpmn:process id="${p.id}" name="${p.id}">
    <bpmn:extensionElements><bpr:settings hoursPerFte="1860">${roles}</bpr:settings></bpmn:extensionElements>
    ${lanes}
    <bpmn:startEvent id="S"><bpmn:extensionElements><bpr:arrivals annualVolume="${p.annualVolume ?? 1000}"/></bpmn:extensionElements></bpmn:startEvent>
    ${tasks}
    <bpmn:endEvent id="E"/>
    ${flows}
  </bpmn:process>
</bpmn:definitions>`;
}

export async function fixtureProcess(
  p: FixtureProcess,
  meta: { department?: string; kind?: 'as-is' | 'to-be'; processId?: string } = {},
): Promise<ParsedRpaProcess> {
  const r = await parseDiagram(fixtureXml(p));
  if (!r.ok) throw new Error(r.error.message);
  return {
    processId: meta.processId ?? p.id,
    processName: `業務${p.id}`,
    department: meta.department ?? '市民課',
    kind: meta.kind ?? 'as-is',
    definitions: r.definitions,
  };
}

export const est = (mean: number, lo = mean, hi = mean) => ({ mean, ci95: [lo, hi] as [number, number] });
