import { JIDOTEATE_ANNUAL, JIDOTEATE_SEASONALITY, RESIDENT_ROLE } from '../common';
import { fixed, tri, type LaneSpec, type ProcessSpec, type RoleSpec } from '../spec';

const lanes: LaneSpec[] = [
  { id: 'Lane_Resident', name: '住民' },
  { id: 'Lane_Counter', name: '窓口担当' },
  { id: 'Lane_Reviewer', name: '審査担当' },
  { id: 'Lane_Chief', name: '係長' },
  { id: 'Lane_Manager', name: '課長' },
];

const roles: RoleSpec[] = [
  RESIDENT_ROLE,
  { name: '窓口担当', headcount: 2, hourlyCost: 3500 },
  { name: '審査担当', headcount: 2, hourlyCost: 4000 },
  { name: '係長', headcount: 1, hourlyCost: 4500 },
  { name: '課長', headcount: 1, hourlyCost: 5000 },
];

const arrivals = { annualVolume: JIDOTEATE_ANNUAL, seasonality: JIDOTEATE_SEASONALITY };
const none = fixed(0);

export const jidoteateAsIs: ProcessSpec = {
  file: 'jidoteate-asis.bpmn',
  key: 'JidoteateAsIs',
  name: '児童手当 認定請求（現行）',
  department: 'こども課',
  kind: 'as-is',
  linkedTo: 'jidoteate-tobe.bpmn',
  description:
    '窓口で紙の認定請求書を記入。添付書類の不足は後日郵送で待ちが発生。所得・世帯を審査し、紙の認定調書を係長→課長が押印決裁。認定通知書を郵送。',
  participant: '市役所 こども課（児童手当・現行）',
  lanes,
  roles,
  nodes: [
    { id: 'Start_Request', kind: 'start', name: '出生・転入等で認定請求', lane: 'Lane_Resident', col: 0, arrivals },
    {
      id: 'Task_Write', kind: 'manualTask', name: '窓口で認定請求書を記入', lane: 'Lane_Resident', col: 1,
      step: { staff: none, resident: tri(10, 15, 25), paper: 2, lag: { dist: tri(5, 10, 30), unit: 'minutes', reason: '窓口の待ち' } },
    },
    {
      id: 'Task_Receive', kind: 'manualTask', name: '受付・書類確認（本人確認・口座・健康保険）', lane: 'Lane_Counter', col: 2, row: 1,
      step: { staff: tri(5, 8, 15), resident: tri(5, 8, 15), paper: 3 },
    },
    { id: 'Gateway_Missing', kind: 'xor', name: '添付書類の不足あり？', lane: 'Lane_Counter', col: 3, row: 1 },
    {
      id: 'Task_MailDocs', kind: 'sendTask', name: '不足書類を後日郵送', lane: 'Lane_Resident', col: 4,
      step: {
        staff: none, resident: tri(10, 20, 40), paper: 1,
        lag: { dist: tri(3, 7, 15), unit: 'businessDays', reason: '住民の書類準備・郵送待ち' },
      },
    },
    {
      id: 'Task_MailCheck', kind: 'manualTask', name: '郵送書類の受付・照合', lane: 'Lane_Counter', col: 5, row: 0,
      step: { staff: tri(3, 5, 8), paper: 2 },
    },
    { id: 'Gateway_MissingJoin', kind: 'xor', name: '', lane: 'Lane_Counter', col: 6, row: 1 },
    {
      id: 'Task_Income', kind: 'userTask', name: '所得・世帯状況の確認（住基・税システム照会）', lane: 'Lane_Reviewer', col: 7,
      step: { staff: tri(10, 15, 25), systems: 2 },
    },
    { id: 'Gateway_Redraft', kind: 'xor', name: '', lane: 'Lane_Reviewer', col: 8 },
    {
      id: 'Task_Draft', kind: 'userTask', name: '認定調書を作成・印刷', lane: 'Lane_Reviewer', col: 9,
      step: { staff: tri(5, 8, 12), paper: 2, systems: 1 },
    },
    {
      id: 'Task_ChiefReview', kind: 'manualTask', name: '係長 審査・押印', lane: 'Lane_Chief', col: 10,
      step: { staff: tri(3, 5, 10), paper: 4, lag: { dist: tri(0.5, 1, 2), unit: 'businessDays', reason: '回議待ち（紙の持ち回り）' } },
    },
    { id: 'Gateway_ChiefOk', kind: 'xor', name: '修正が必要？', lane: 'Lane_Chief', col: 11 },
    {
      id: 'Task_Approve', kind: 'manualTask', name: '課長 決裁・押印', lane: 'Lane_Manager', col: 12,
      step: { staff: tri(2, 3, 5), paper: 4, lag: { dist: tri(0.5, 1, 3), unit: 'businessDays', reason: '決裁待ち' } },
    },
    {
      id: 'Task_Register', kind: 'userTask', name: '児童手当システムへ認定登録', lane: 'Lane_Reviewer', col: 13,
      step: { staff: tri(5, 8, 12), paper: 4, systems: 1 },
    },
    {
      id: 'Task_File', kind: 'manualTask', name: '申請書類のファイリング', lane: 'Lane_Counter', col: 14, row: 1,
      step: { staff: tri(2, 3, 5), paper: 6 },
    },
    {
      id: 'Task_Notice', kind: 'sendTask', name: '認定通知書を印刷・封入・郵送', lane: 'Lane_Counter', col: 15, row: 1,
      step: { staff: tri(3, 4, 6), paper: 2, systems: 1, lag: { dist: tri(1, 2, 3), unit: 'businessDays', reason: '郵送' } },
    },
    { id: 'End_Notified', kind: 'end', name: '認定通知書を受領', lane: 'Lane_Resident', col: 16 },
  ],
  flows: [
    { from: 'Start_Request', to: 'Task_Write' },
    { from: 'Task_Write', to: 'Task_Receive' },
    { from: 'Task_Receive', to: 'Gateway_Missing' },
    { from: 'Gateway_Missing', to: 'Gateway_MissingJoin', name: '不足なし', p: 75 },
    { from: 'Gateway_Missing', to: 'Task_MailDocs', name: '不足あり', p: 25 },
    { from: 'Task_MailDocs', to: 'Task_MailCheck' },
    { from: 'Task_MailCheck', to: 'Gateway_MissingJoin' },
    { from: 'Gateway_MissingJoin', to: 'Task_Income' },
    { from: 'Task_Income', to: 'Gateway_Redraft' },
    { from: 'Gateway_Redraft', to: 'Task_Draft' },
    { from: 'Task_Draft', to: 'Task_ChiefReview' },
    { from: 'Task_ChiefReview', to: 'Gateway_ChiefOk' },
    { from: 'Gateway_ChiefOk', to: 'Task_Approve', name: '承認', p: 92 },
    { from: 'Gateway_ChiefOk', to: 'Gateway_Redraft', name: '差し戻し', p: 8 },
    { from: 'Task_Approve', to: 'Task_Register' },
    { from: 'Task_Register', to: 'Task_File' },
    { from: 'Task_File', to: 'Task_Notice' },
    { from: 'Task_Notice', to: 'End_Notified' },
  ],
};

export const jidoteateToBe: ProcessSpec = {
  file: 'jidoteate-tobe.bpmn',
  key: 'JidoteateToBe',
  name: '児童手当 認定請求（オンライン申請・電子決裁）',
  department: 'こども課',
  kind: 'to-be',
  linkedTo: 'jidoteate-asis.bpmn',
  description:
    '45%がぴったりサービスで電子申請（公金受取口座を利用し添付書類を削減）。窓口は書かない窓口で聞き取り作成。所得・世帯は情報連携で照会し、係長・課長は電子決裁。書類のファイリングは不要。',
  participant: '市役所 こども課（児童手当・オンライン申請）',
  lanes,
  roles,
  nodes: [
    { id: 'Start_Request', kind: 'start', name: '出生・転入等で認定請求', lane: 'Lane_Resident', col: 0, arrivals },
    { id: 'Gateway_Channel', kind: 'xor', name: '申請方法', lane: 'Lane_Resident', col: 1 },
    {
      id: 'Task_Online', kind: 'userTask', name: 'ぴったりサービスで電子申請（公金受取口座）', lane: 'Lane_Resident', col: 2,
      step: { staff: none, resident: tri(8, 12, 20), systems: 1, automation: 'online' },
    },
    {
      id: 'Task_Counter', kind: 'userTask', name: '書かない窓口で聞き取り・申請書作成', lane: 'Lane_Counter', col: 2,
      step: {
        staff: tri(6, 9, 14), resident: tri(6, 9, 14), paper: 1, systems: 1, automation: 'kakanai',
        lag: { dist: tri(3, 8, 20), unit: 'minutes', reason: '窓口の待ち' },
      },
    },
    {
      id: 'Task_OnlineCheck', kind: 'userTask', name: '電子申請データの取込・確認', lane: 'Lane_Reviewer', col: 3,
      step: { staff: tri(3, 5, 8), systems: 1, automation: 'online' },
    },
    { id: 'Gateway_ChannelJoin', kind: 'xor', name: '', lane: 'Lane_Reviewer', col: 4 },
    { id: 'Gateway_Missing', kind: 'xor', name: '添付書類の不足あり？', lane: 'Lane_Reviewer', col: 5 },
    {
      id: 'Task_AddDocs', kind: 'userTask', name: '不足書類をオンラインで追加提出', lane: 'Lane_Resident', col: 6,
      step: {
        staff: none, resident: tri(5, 10, 20), systems: 1, automation: 'online',
        lag: { dist: tri(1, 3, 7), unit: 'businessDays', reason: '住民の書類準備' },
      },
    },
    { id: 'Gateway_MissingJoin', kind: 'xor', name: '', lane: 'Lane_Reviewer', col: 7 },
    {
      id: 'Task_Income', kind: 'userTask', name: '所得・世帯状況の確認（情報連携で照会）', lane: 'Lane_Reviewer', col: 8,
      step: { staff: tri(4, 6, 10), systems: 1 },
    },
    {
      id: 'Task_ChiefReview', kind: 'userTask', name: '係長 電子審査', lane: 'Lane_Chief', col: 9,
      step: { staff: tri(2, 4, 8), systems: 1, automation: 'e-approval', lag: { dist: tri(0.1, 0.3, 1), unit: 'businessDays', reason: '電子決裁の処理待ち' } },
    },
    { id: 'Gateway_ChiefOk', kind: 'xor', name: '修正が必要？', lane: 'Lane_Chief', col: 10 },
    {
      id: 'Task_Approve', kind: 'userTask', name: '課長 電子決裁', lane: 'Lane_Manager', col: 11,
      step: { staff: tri(1, 2, 4), systems: 1, automation: 'e-approval', lag: { dist: tri(0.1, 0.5, 1), unit: 'businessDays', reason: '電子決裁の処理待ち' } },
    },
    {
      id: 'Task_Register', kind: 'userTask', name: '認定登録・通知書の自動作成', lane: 'Lane_Reviewer', col: 12,
      step: { staff: tri(2, 3, 5), systems: 1 },
    },
    {
      id: 'Task_Notice', kind: 'sendTask', name: '認定通知書を郵送（マイナポータルにも通知）', lane: 'Lane_Counter', col: 13,
      step: { staff: tri(1, 2, 3), paper: 1, systems: 1, lag: { dist: tri(1, 2, 3), unit: 'businessDays', reason: '郵送' } },
    },
    { id: 'End_Notified', kind: 'end', name: '認定通知書を受領', lane: 'Lane_Resident', col: 14 },
  ],
  flows: [
    { from: 'Start_Request', to: 'Gateway_Channel' },
    { from: 'Gateway_Channel', to: 'Task_Online', name: 'オンライン', p: 45 },
    { from: 'Gateway_Channel', to: 'Task_Counter', name: '窓口', p: 55 },
    { from: 'Task_Online', to: 'Task_OnlineCheck' },
    { from: 'Task_OnlineCheck', to: 'Gateway_ChannelJoin' },
    { from: 'Task_Counter', to: 'Gateway_ChannelJoin' },
    { from: 'Gateway_ChannelJoin', to: 'Gateway_Missing' },
    { from: 'Gateway_Missing', to: 'Gateway_MissingJoin', name: '不足なし', p: 90 },
    { from: 'Gateway_Missing', to: 'Task_AddDocs', name: '不足あり', p: 10 },
    { from: 'Task_AddDocs', to: 'Gateway_MissingJoin' },
    { from: 'Gateway_MissingJoin', to: 'Task_Income' },
    { from: 'Task_Income', to: 'Task_ChiefReview' },
    { from: 'Task_ChiefReview', to: 'Gateway_ChiefOk' },
    { from: 'Gateway_ChiefOk', to: 'Task_Approve', name: '承認', p: 95 },
    { from: 'Gateway_ChiefOk', to: 'Gateway_MissingJoin', name: '差し戻し', p: 5 },
    { from: 'Task_Approve', to: 'Task_Register' },
    { from: 'Task_Register', to: 'Task_Notice' },
    { from: 'Task_Notice', to: 'End_Notified' },
  ],
};
