/** The lanes a new municipal process starts with: who asks, who receives, who checks, who decides. */
export const DEFAULT_LANES = ['住民', '窓口担当', '審査担当', '決裁者'] as const;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const LANE_HEIGHT = 125;
const POOL_X = 160;
const POOL_Y = 80;
const POOL_WIDTH = 900;
const LANE_LABEL_WIDTH = 30;

/**
 * A minimal, valid BPMN document for a new process: one pool with the given lanes and a start event in
 * the first lane, laid out so it opens readable in the modeler.
 */
export function newProcessXml(processName: string, lanes: readonly string[] = DEFAULT_LANES): string {
  const name = escapeXml(processName);
  const laneIds = lanes.map((_, i) => `Lane_${i + 1}`);
  const poolHeight = LANE_HEIGHT * lanes.length;
  const laneXml = lanes
    .map((lane, i) => {
      const refs = i === 0 ? '\n        <bpmn:flowNodeRef>StartEvent_1</bpmn:flowNodeRef>' : '';
      return `      <bpmn:lane id="${laneIds[i]}" name="${escapeXml(lane)}">${refs}\n      </bpmn:lane>`;
    })
    .join('\n');
  const laneShapes = lanes
    .map(
      (_, i) => `      <bpmndi:BPMNShape id="${laneIds[i]}_di" bpmnElement="${laneIds[i]}" isHorizontal="true">
        <dc:Bounds x="${POOL_X + LANE_LABEL_WIDTH}" y="${POOL_Y + i * LANE_HEIGHT}" width="${POOL_WIDTH - LANE_LABEL_WIDTH}" height="${LANE_HEIGHT}" />
      </bpmndi:BPMNShape>`,
    )
    .join('\n');
  const startY = POOL_Y + LANE_HEIGHT / 2 - 18;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:collaboration id="Collaboration_1">
    <bpmn:participant id="Participant_1" name="${name}" processRef="Process_1" />
  </bpmn:collaboration>
  <bpmn:process id="Process_1" name="${name}" isExecutable="false">
    <bpmn:laneSet id="LaneSet_1">
${laneXml}
    </bpmn:laneSet>
    <bpmn:startEvent id="StartEvent_1" name="申請受付" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1">
      <bpmndi:BPMNShape id="Participant_1_di" bpmnElement="Participant_1" isHorizontal="true">
        <dc:Bounds x="${POOL_X}" y="${POOL_Y}" width="${POOL_WIDTH}" height="${poolHeight}" />
      </bpmndi:BPMNShape>
${laneShapes}
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="${POOL_X + LANE_LABEL_WIDTH + 50}" y="${startY}" width="36" height="36" />
        <bpmndi:BPMNLabel>
          <dc:Bounds x="${POOL_X + LANE_LABEL_WIDTH + 40}" y="${startY + 43}" width="56" height="14" />
        </bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
