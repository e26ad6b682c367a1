/**
 * A workspace file of `count` small complete As-Is diagrams (one task, drawn), spread over a few 課:
 * what the scale e2e test and `npm run bench` import through the app to see a large workspace.
 */
const SECTIONS = ['市民課', '保険年金課', '税務課', '福祉課', 'こども課', '総務課', '道路課', '学校教育課'];
const AT = '2025-04-01T00:00:00.000Z';

const diagram = (i: number) =>
  `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="D${i}" targetNamespace="urn:scale">` +
  `<bpmn:process id="P${i}"><bpmn:task id="T${i}" name="受付"/></bpmn:process>` +
  `<bpmndi:BPMNDiagram id="BD${i}"><bpmndi:BPMNPlane id="BP${i}" bpmnElement="P${i}"><bpmndi:BPMNShape id="T${i}_di" bpmnElement="T${i}"><dc:Bounds x="200" y="80" width="100" height="80"/></bpmndi:BPMNShape></bpmndi:BPMNPlane></bpmndi:BPMNDiagram></bpmn:definitions>`;

/** Process i is named 「業務 0042」 (zero-padded to `digits`), so a search can find one exactly. */
export function scaleWorkspaceFile(count: number, digits = 5, sections = SECTIONS.length): string {
  return JSON.stringify({
    format: 'bpr-studio-workspace',
    schemaVersion: 3,
    exportedAt: AT,
    workspace: { id: 'scale', name: '規模の確認', hoursPerFte: 1860, createdAt: AT, updatedAt: AT },
    processes: Array.from({ length: count }, (_, i) => ({
      id: `scale-${i}`,
      name: `業務 ${String(i).padStart(digits, '0')}`,
      department: SECTIONS[i % sections],
      kind: 'as-is',
      revision: 1,
      xml: diagram(i),
      createdAt: AT,
      updatedAt: AT,
      versions: [],
    })),
    initiatives: [],
    inventory: [],
    settings: {},
  });
}
