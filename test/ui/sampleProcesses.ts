import { bpmnXml } from '../store/storeTestKit';

/** Two seeded sample processes, the 転入届 As-Is and its To-Be, as the seeding tests of 取組 and 業務の全体像 use them. */
export const tennyuSamplePair = [
  { fileName: 'tennyu-asis.bpmn', name: '転入届（現行）', department: '市民課', kind: 'as-is' as const, xml: bpmnXml('受付'), linkedTo: 'tennyu-tobe.bpmn' },
  {
    fileName: 'tennyu-tobe.bpmn',
    name: '転入届（書かない窓口）',
    department: '市民課',
    kind: 'to-be' as const,
    xml: bpmnXml('聞き取り'),
    linkedTo: 'tennyu-asis.bpmn',
  },
];
