import { KIAN_ANNUAL, KIAN_SEASONALITY } from '../common';
import { tri, type LaneSpec, type ProcessSpec, type RoleSpec } from '../spec';

const lanes: LaneSpec[] = [
  { id: 'Lane_Drafter', name: '起案者' },
  { id: 'Lane_Chief', name: '係長' },
  { id: 'Lane_Manager', name: '課長' },
  { id: 'Lane_Director', name: '部長' },
];

const roles: RoleSpec[] = [
  { name: '起案者', headcount: 6, hourlyCost: 3500 },
  { name: '係長', headcount: 2, hourlyCost: 4300 },
  { name: '課長', headcount: 1, hourlyCost: 4800 },
  { name: '部長', headcount: 1, hourlyCost: 5000 },
];

const arrivals = { annualVolume: KIAN_ANNUAL, seasonality: KIAN_SEASONALITY };

export const kianKessaiAsIs: ProcessSpec = {
  file: 'kian-kessai-asis.bpmn',
  key: 'KianKessaiAsIs',
  name: '起案・決裁（現行・紙回議）',
  department: '総務課',
  kind: 'as-is',
  linkedTo: 'kian-kessai-tobe.bpmn',
  description:
    '起案文書を印刷し、係長→課長→部長へ紙で持ち回り。各段階で差し戻し（20%・10%・5%）があると修正・再印刷して係長から回し直す。決裁待ちは各1〜2営業日。施行時に公印を押印し、簿冊にファイリング。',
  participant: '市役所 総務課（起案・決裁・現行）',
  lanes,
  roles,
  nodes: [
    { id: 'Start_Need', kind: 'start', name: '起案が必要な案件が発生', lane: 'Lane_Drafter', col: 0, arrivals },
    {
      id: 'Task_Draft', kind: 'userTask', name: '起案文書を作成', lane: 'Lane_Drafter', col: 1,
      step: { staff: tri(30, 60, 120), systems: 1 },
    },
    {
      id: 'Task_Print', kind: 'manualTask', name: '起案用紙・添付資料を印刷', lane: 'Lane_Drafter', col: 2,
      step: { staff: tri(5, 10, 15), paper: 8, systems: 1 },
    },
    { id: 'Gateway_Resubmit', kind: 'xor', name: '', lane: 'Lane_Drafter', col: 3 },
    {
      id: 'Task_Chief', kind: 'manualTask', name: '係長 審査・押印', lane: 'Lane_Chief', col: 4,
      step: { staff: tri(5, 10, 20), paper: 8, lag: { dist: tri(0.5, 1, 2), unit: 'businessDays', reason: '回議待ち（紙の持ち回り）' } },
    },
    { id: 'Gateway_Chief', kind: 'xor', name: '係長：差し戻し？', lane: 'Lane_Chief', col: 5 },
    {
      id: 'Task_Fix', kind: 'manualTask', name: '起案を修正・再印刷', lane: 'Lane_Drafter', col: 4,
      step: { staff: tri(10, 20, 40), paper: 4, systems: 1 },
    },
    { id: 'Gateway_Rework', kind: 'xor', name: '', lane: 'Lane_Drafter', col: 5 },
    {
      id: 'Task_Manager', kind: 'manualTask', name: '課長 審査・押印', lane: 'Lane_Manager', col: 6,
      step: { staff: tri(5, 10, 15), paper: 8, lag: { dist: tri(1, 1.5, 2), unit: 'businessDays', reason: '決裁待ち（課長の在席待ち）' } },
    },
    { id: 'Gateway_Manager', kind: 'xor', name: '課長：差し戻し？', lane: 'Lane_Manager', col: 7 },
    {
      id: 'Task_Director', kind: 'manualTask', name: '部長 決裁・押印', lane: 'Lane_Director', col: 8,
      step: { staff: tri(3, 5, 10), paper: 8, lag: { dist: tri(1, 1.5, 2), unit: 'businessDays', reason: '決裁待ち（部長の在席待ち）' } },
    },
    { id: 'Gateway_Director', kind: 'xor', name: '部長：差し戻し？', lane: 'Lane_Director', col: 9 },
    {
      id: 'Task_Enforce', kind: 'manualTask', name: '施行（公印押印・発送）', lane: 'Lane_Drafter', col: 10,
      step: { staff: tri(10, 15, 30), paper: 2, lag: { dist: tri(0, 0.5, 1), unit: 'businessDays', reason: '公印押印の申請待ち' } },
    },
    {
      id: 'Task_Filing', kind: 'manualTask', name: '文書保存・簿冊へファイリング', lane: 'Lane_Drafter', col: 11,
      step: { staff: tri(5, 10, 15), paper: 8 },
    },
    { id: 'End_Done', kind: 'end', name: '決裁完了・保存', lane: 'Lane_Drafter', col: 12 },
  ],
  flows: [
    { from: 'Start_Need', to: 'Task_Draft' },
    { from: 'Task_Draft', to: 'Task_Print' },
    { from: 'Task_Print', to: 'Gateway_Resubmit' },
    { from: 'Gateway_Resubmit', to: 'Task_Chief', exit: 'bottom' },
    { from: 'Task_Chief', to: 'Gateway_Chief' },
    { from: 'Gateway_Chief', to: 'Gateway_Rework', name: '差し戻し', p: 20 },
    { from: 'Gateway_Chief', to: 'Task_Manager', name: '承認', p: 80 },
    { from: 'Task_Manager', to: 'Gateway_Manager' },
    { from: 'Gateway_Manager', to: 'Gateway_Rework', name: '差し戻し', p: 10 },
    { from: 'Gateway_Manager', to: 'Task_Director', name: '承認', p: 90 },
    { from: 'Task_Director', to: 'Gateway_Director' },
    { from: 'Gateway_Director', to: 'Gateway_Rework', name: '差し戻し', p: 5 },
    { from: 'Gateway_Director', to: 'Task_Enforce', name: '決裁', p: 95 },
    { from: 'Gateway_Rework', to: 'Task_Fix' },
    { from: 'Task_Fix', to: 'Gateway_Resubmit' },
    { from: 'Task_Enforce', to: 'Task_Filing' },
    { from: 'Task_Filing', to: 'End_Done' },
  ],
};

export const kianKessaiToBe: ProcessSpec = {
  file: 'kian-kessai-tobe.bpmn',
  key: 'KianKessaiToBe',
  name: '起案・決裁（電子決裁）',
  department: '総務課',
  kind: 'to-be',
  linkedTo: 'kian-kessai-asis.bpmn',
  description:
    '文書管理システムで電子起案し、係長→課長→部長が電子決裁（外出先・在宅からも可）。印刷・押印・ファイリングは不要で、決裁待ちは数時間〜1営業日。差し戻しもシステム上で修正。',
  participant: '市役所 総務課（起案・決裁・電子決裁）',
  lanes,
  roles,
  nodes: [
    { id: 'Start_Need', kind: 'start', name: '起案が必要な案件が発生', lane: 'Lane_Drafter', col: 0, arrivals },
    {
      id: 'Task_Draft', kind: 'userTask', name: '文書管理システムで電子起案', lane: 'Lane_Drafter', col: 1,
      step: { staff: tri(25, 45, 90), systems: 1, automation: 'e-approval' },
    },
    { id: 'Gateway_Resubmit', kind: 'xor', name: '', lane: 'Lane_Drafter', col: 2 },
    {
      id: 'Task_Chief', kind: 'userTask', name: '係長 電子審査', lane: 'Lane_Chief', col: 3,
      step: { staff: tri(4, 8, 15), systems: 1, automation: 'e-approval', lag: { dist: tri(0.1, 0.3, 1), unit: 'businessDays', reason: '電子決裁の処理待ち' } },
    },
    { id: 'Gateway_Chief', kind: 'xor', name: '係長：差し戻し？', lane: 'Lane_Chief', col: 4 },
    {
      id: 'Task_Fix', kind: 'userTask', name: 'システム上で起案を修正', lane: 'Lane_Drafter', col: 3,
      step: { staff: tri(8, 15, 30), systems: 1, automation: 'e-approval' },
    },
    { id: 'Gateway_Rework', kind: 'xor', name: '', lane: 'Lane_Drafter', col: 4 },
    {
      id: 'Task_Manager', kind: 'userTask', name: '課長 電子決裁', lane: 'Lane_Manager', col: 5,
      step: { staff: tri(3, 6, 10), systems: 1, automation: 'e-approval', lag: { dist: tri(0.1, 0.5, 1), unit: 'businessDays', reason: '電子決裁の処理待ち' } },
    },
    { id: 'Gateway_Manager', kind: 'xor', name: '課長：差し戻し？', lane: 'Lane_Manager', col: 6 },
    {
      id: 'Task_Director', kind: 'userTask', name: '部長 電子決裁', lane: 'Lane_Director', col: 7,
      step: { staff: tri(2, 4, 8), systems: 1, automation: 'e-approval', lag: { dist: tri(0.2, 0.5, 1), unit: 'businessDays', reason: '電子決裁の処理待ち' } },
    },
    { id: 'Gateway_Director', kind: 'xor', name: '部長：差し戻し？', lane: 'Lane_Director', col: 8 },
    {
      id: 'Task_Enforce', kind: 'userTask', name: '施行（電子公印・電子送付）', lane: 'Lane_Drafter', col: 9,
      step: { staff: tri(5, 8, 15), systems: 1, automation: 'e-approval' },
    },
    { id: 'End_Done', kind: 'end', name: '決裁完了（システムで自動保存）', lane: 'Lane_Drafter', col: 10 },
  ],
  flows: [
    { from: 'Start_Need', to: 'Task_Draft' },
    { from: 'Task_Draft', to: 'Gateway_Resubmit' },
    { from: 'Gateway_Resubmit', to: 'Task_Chief', exit: 'bottom' },
    { from: 'Task_Chief', to: 'Gateway_Chief' },
    { from: 'Gateway_Chief', to: 'Gateway_Rework', name: '差し戻し', p: 15 },
    { from: 'Gateway_Chief', to: 'Task_Manager', name: '承認', p: 85 },
    { from: 'Task_Manager', to: 'Gateway_Manager' },
    { from: 'Gateway_Manager', to: 'Gateway_Rework', name: '差し戻し', p: 8 },
    { from: 'Gateway_Manager', to: 'Task_Director', name: '承認', p: 92 },
    { from: 'Task_Director', to: 'Gateway_Director' },
    { from: 'Gateway_Director', to: 'Gateway_Rework', name: '差し戻し', p: 4 },
    { from: 'Gateway_Director', to: 'Task_Enforce', name: '決裁', p: 96 },
    { from: 'Gateway_Rework', to: 'Task_Fix' },
    { from: 'Task_Fix', to: 'Gateway_Resubmit' },
    { from: 'Task_Enforce', to: 'End_Done' },
  ],
};
