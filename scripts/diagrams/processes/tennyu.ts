import { RESIDENT_ROLE, TENNYU_ANNUAL, TENNYU_SEASONALITY } from '../common';
import { fixed, tri, type LaneSpec, type ProcessSpec, type RoleSpec } from '../spec';

const lanes = (residentRows: number, relRows: number): LaneSpec[] => [
  { id: 'Lane_Resident', name: '住民', rows: residentRows },
  { id: 'Lane_Counter', name: '窓口担当' },
  { id: 'Lane_Reviewer', name: '審査担当' },
  { id: 'Lane_Related', name: '関係課担当', rows: relRows },
];

const roles: RoleSpec[] = [
  RESIDENT_ROLE,
  { name: '窓口担当', headcount: 3, hourlyCost: 3500 },
  { name: '審査担当', headcount: 2, hourlyCost: 4000 },
  { name: '関係課担当', headcount: 3, hourlyCost: 3800 },
];

const arrivals = { annualVolume: TENNYU_ANNUAL, seasonality: TENNYU_SEASONALITY };
const none = fixed(0);

export const tennyuAsIs: ProcessSpec = {
  file: 'tennyu-asis.bpmn',
  key: 'TennyuAsIs',
  name: '転入届（現行）',
  department: '市民課',
  kind: 'as-is',
  linkedTo: 'tennyu-tobe.bpmn',
  description:
    '番号札で待ち、転入届を手書きし、本人確認・照合・住基入力の後に住民票等を交付。国保・児童手当・水道は住民が各課の窓口を回り、そのたびに氏名・住所を書き直す。',
  participant: '市役所 市民課（転入届・現行）',
  lanes: lanes(2, 2),
  roles,
  nodes: [
    { id: 'Start_Arrive', kind: 'start', name: '転入の届出に来庁', lane: 'Lane_Resident', col: 0, arrivals },
    {
      id: 'Task_Ticket', kind: 'manualTask', name: '番号札を取り呼出しを待つ', lane: 'Lane_Resident', col: 1,
      step: { staff: none, resident: tri(1, 2, 3), lag: { dist: tri(5, 25, 90), unit: 'minutes', reason: '窓口の呼出し待ち（繁忙期は長い）' } },
    },
    {
      id: 'Task_WriteForm', kind: 'manualTask', name: '転入届に世帯全員の氏名・住所等を記入', lane: 'Lane_Resident', col: 2,
      step: { staff: none, resident: tri(8, 12, 20), paper: 1 },
    },
    {
      id: 'Task_Receive', kind: 'manualTask', name: '転入届の受付・本人確認', lane: 'Lane_Counter', col: 3,
      step: { staff: tri(3, 5, 10), resident: tri(3, 5, 10), paper: 2 },
    },
    { id: 'Gateway_Recheck', kind: 'xor', name: '', lane: 'Lane_Reviewer', col: 4 },
    {
      id: 'Task_Check', kind: 'manualTask', name: '転出証明書と記載内容を照合', lane: 'Lane_Reviewer', col: 5,
      step: { staff: tri(3, 5, 10), paper: 2 },
    },
    { id: 'Gateway_FormError', kind: 'xor', name: '記載に不備あり？', lane: 'Lane_Reviewer', col: 6 },
    {
      id: 'Task_Correct', kind: 'manualTask', name: '届書を訂正・再記入', lane: 'Lane_Resident', col: 6,
      step: { staff: none, resident: tri(3, 5, 10), paper: 1 },
    },
    {
      id: 'Task_Input', kind: 'userTask', name: '住基システムへ転入処理を入力', lane: 'Lane_Reviewer', col: 7,
      step: { staff: tri(8, 12, 20), systems: 1 },
    },
    {
      id: 'Task_Card', kind: 'userTask', name: 'マイナンバーカードの住所変更（券面記載）', lane: 'Lane_Counter', col: 8,
      step: { staff: tri(3, 5, 8), resident: tri(3, 5, 8), systems: 1 },
    },
    {
      id: 'Task_Issue', kind: 'userTask', name: '住民票の写し等を印刷・交付', lane: 'Lane_Counter', col: 9,
      step: { staff: tri(2, 3, 6), resident: tri(1, 2, 3), paper: 2, systems: 1 },
    },
    { id: 'Gateway_Child', kind: 'xor', name: '児童手当の対象となる子がいる？', lane: 'Lane_Resident', col: 10 },
    {
      id: 'Task_ChildWrite', kind: 'manualTask', name: 'こども課へ移動し認定請求書を記入（氏名・住所を再記載）', lane: 'Lane_Resident', col: 11,
      step: { staff: none, resident: tri(10, 15, 25), paper: 2, lag: { dist: tri(5, 15, 40), unit: 'minutes', reason: 'こども課窓口の待ち' } },
    },
    {
      id: 'Task_ChildAccept', kind: 'userTask', name: '児童手当 認定請求の受付（こども課）', lane: 'Lane_Related', col: 12,
      step: { staff: tri(8, 12, 20), resident: tri(8, 12, 20), paper: 3, systems: 1 },
    },
    { id: 'Gateway_ChildJoin', kind: 'xor', name: '', lane: 'Lane_Resident', col: 13 },
    { id: 'Gateway_Related', kind: 'or', name: 'その他の関連手続（該当するもの全て）', lane: 'Lane_Resident', col: 14 },
    {
      id: 'Task_KokuhoWrite', kind: 'manualTask', name: '国保年金課へ移動し加入届を記入（再記載）', lane: 'Lane_Resident', col: 15,
      step: { staff: none, resident: tri(5, 8, 12), paper: 1, lag: { dist: tri(5, 15, 40), unit: 'minutes', reason: '国保窓口の待ち' } },
    },
    {
      id: 'Task_WaterWrite', kind: 'manualTask', name: '上下水道課へ移動し使用開始届を記入（再記載）', lane: 'Lane_Resident', col: 15, row: 1,
      step: { staff: none, resident: tri(3, 5, 8), paper: 1, lag: { dist: tri(3, 10, 30), unit: 'minutes', reason: '上下水道課窓口の待ち' } },
    },
    {
      id: 'Task_Kokuho', kind: 'userTask', name: '国保の加入処理・資格確認書の交付', lane: 'Lane_Related', col: 16,
      step: { staff: tri(8, 12, 20), resident: tri(8, 12, 20), paper: 1, systems: 1 },
    },
    {
      id: 'Task_Water', kind: 'userTask', name: '水道使用開始の受付・登録', lane: 'Lane_Related', col: 16, row: 1,
      step: { staff: tri(3, 5, 8), resident: tri(3, 5, 8), paper: 1, systems: 1 },
    },
    { id: 'Gateway_RelatedJoin', kind: 'or', name: '', lane: 'Lane_Resident', col: 17 },
    { id: 'End_Done', kind: 'end', name: '転入手続 完了', lane: 'Lane_Resident', col: 18 },
  ],
  flows: [
    { from: 'Start_Arrive', to: 'Task_Ticket' },
    { from: 'Task_Ticket', to: 'Task_WriteForm' },
    { from: 'Task_WriteForm', to: 'Task_Receive' },
    { from: 'Task_Receive', to: 'Gateway_Recheck', entry: 'left' },
    { from: 'Gateway_Recheck', to: 'Task_Check' },
    { from: 'Task_Check', to: 'Gateway_FormError' },
    { from: 'Gateway_FormError', to: 'Task_Input', name: '不備なし', p: 85 },
    { from: 'Gateway_FormError', to: 'Task_Correct', name: '不備あり（差し戻し）', p: 15 },
    { from: 'Task_Correct', to: 'Gateway_Recheck' },
    { from: 'Task_Input', to: 'Task_Card' },
    { from: 'Task_Card', to: 'Task_Issue' },
    { from: 'Task_Issue', to: 'Gateway_Child' },
    { from: 'Gateway_Child', to: 'Task_ChildWrite', name: 'いる', p: 20 },
    { from: 'Gateway_Child', to: 'Gateway_ChildJoin', name: 'いない', p: 80 },
    { from: 'Task_ChildWrite', to: 'Task_ChildAccept' },
    { from: 'Task_ChildAccept', to: 'Gateway_ChildJoin' },
    { from: 'Gateway_ChildJoin', to: 'Gateway_Related' },
    { from: 'Gateway_Related', to: 'Task_KokuhoWrite', name: '国保加入', p: 30 },
    { from: 'Gateway_Related', to: 'Task_WaterWrite', name: '水道使用開始', p: 65 },
    { from: 'Gateway_Related', to: 'Gateway_RelatedJoin', name: '該当なし', isDefault: true },
    { from: 'Task_KokuhoWrite', to: 'Task_Kokuho' },
    { from: 'Task_WaterWrite', to: 'Task_Water' },
    { from: 'Task_Kokuho', to: 'Gateway_RelatedJoin' },
    { from: 'Task_Water', to: 'Gateway_RelatedJoin' },
    { from: 'Gateway_RelatedJoin', to: 'End_Done' },
  ],
};

export const tennyuToBe: ProcessSpec = {
  file: 'tennyu-tobe.bpmn',
  key: 'TennyuToBe',
  name: '転入届（書かない窓口・ワンストップ）',
  department: '市民課',
  kind: 'to-be',
  linkedTo: 'tennyu-asis.bpmn',
  description:
    '3割がぴったりサービスで転入予約（事前審査）。窓口ではマイナンバーカードの読取で基本情報を反映し、職員が聞き取って入力（書かない窓口）。国保・児童手当・水道も同じ窓口で連携データから作成し、住民は署名だけ。',
  participant: '市役所 市民課（転入届・書かない窓口）',
  lanes: lanes(1, 3),
  roles,
  nodes: [
    { id: 'Start_Arrive', kind: 'start', name: '転入の手続を開始', lane: 'Lane_Resident', col: 0, arrivals },
    { id: 'Gateway_Channel', kind: 'xor', name: '事前にオンラインで転入予約？', lane: 'Lane_Resident', col: 1 },
    {
      id: 'Task_Online', kind: 'userTask', name: 'ぴったりサービスで転入予約（マイナンバーカード）', lane: 'Lane_Resident', col: 2,
      step: { staff: none, resident: tri(5, 10, 20), systems: 1, automation: 'online' },
    },
    {
      id: 'Task_PreCheck', kind: 'userTask', name: '事前申請データの確認（事前審査）', lane: 'Lane_Reviewer', col: 3,
      step: { staff: tri(2, 4, 8), systems: 1, automation: 'online' },
    },
    { id: 'Gateway_ChannelJoin', kind: 'xor', name: '', lane: 'Lane_Resident', col: 4 },
    {
      id: 'Task_Ticket', kind: 'manualTask', name: '番号札を取り呼出しを待つ', lane: 'Lane_Resident', col: 5,
      step: { staff: none, resident: tri(1, 2, 3), lag: { dist: tri(3, 10, 35), unit: 'minutes', reason: '窓口の呼出し待ち（予約者は優先案内）' } },
    },
    {
      id: 'Task_Interview', kind: 'userTask', name: '聞き取り・本人確認（カード読取で基本情報を反映）', lane: 'Lane_Counter', col: 6,
      step: { staff: tri(5, 8, 12), resident: tri(5, 8, 12), systems: 1, automation: 'kakanai' },
    },
    {
      id: 'Task_Sign', kind: 'manualTask', name: '印刷した申請書を住民が確認・署名', lane: 'Lane_Counter', col: 7,
      step: { staff: tri(1, 2, 3), resident: tri(1, 2, 4), paper: 1, automation: 'kakanai' },
    },
    { id: 'Gateway_Recheck', kind: 'xor', name: '', lane: 'Lane_Reviewer', col: 8 },
    {
      id: 'Task_Input', kind: 'userTask', name: '住基システムで転入処理（連携データを利用）', lane: 'Lane_Reviewer', col: 9,
      step: { staff: tri(5, 8, 12), systems: 1, automation: 'kakanai' },
    },
    { id: 'Gateway_Error', kind: 'xor', name: '内容に不備あり？', lane: 'Lane_Reviewer', col: 10 },
    {
      id: 'Task_Fix', kind: 'userTask', name: '聞き取り内容を確認・修正', lane: 'Lane_Counter', col: 10,
      step: { staff: tri(2, 3, 5), resident: tri(2, 3, 5), systems: 1, automation: 'kakanai' },
    },
    {
      id: 'Task_Card', kind: 'userTask', name: 'マイナンバーカードの住所変更（券面記載）', lane: 'Lane_Counter', col: 11,
      step: { staff: tri(3, 5, 8), resident: tri(3, 5, 8), systems: 1 },
    },
    {
      id: 'Task_Issue', kind: 'userTask', name: '住民票の写し等を交付', lane: 'Lane_Counter', col: 12,
      step: { staff: tri(2, 3, 5), resident: tri(1, 2, 3), paper: 2, systems: 1 },
    },
    { id: 'Gateway_OneStop', kind: 'or', name: '関連手続（同じ窓口で一括）', lane: 'Lane_Related', col: 13, row: 1 },
    {
      id: 'Task_Kokuho', kind: 'userTask', name: '国保加入（連携データで処理・資格確認書交付）', lane: 'Lane_Related', col: 14,
      step: { staff: tri(5, 8, 12), resident: tri(3, 5, 8), paper: 1, systems: 1, automation: 'kakanai' },
    },
    {
      id: 'Task_Child', kind: 'userTask', name: '児童手当 認定請求（申請書を自動作成）', lane: 'Lane_Related', col: 14, row: 2,
      step: { staff: tri(5, 8, 12), resident: tri(3, 5, 8), paper: 1, systems: 1, automation: 'kakanai' },
    },
    {
      id: 'Task_Water', kind: 'userTask', name: '水道使用開始の登録（データ連携）', lane: 'Lane_Related', col: 14, row: 3,
      step: { staff: tri(2, 3, 5), resident: tri(1, 2, 3), systems: 1, automation: 'kakanai' },
    },
    { id: 'Gateway_OneStopJoin', kind: 'or', name: '', lane: 'Lane_Related', col: 15, row: 1 },
    {
      id: 'Task_Explain', kind: 'manualTask', name: '手続内容の一括説明・控えの交付', lane: 'Lane_Counter', col: 16,
      step: { staff: tri(2, 4, 6), resident: tri(2, 4, 6), paper: 1 },
    },
    { id: 'End_Done', kind: 'end', name: '転入手続 完了', lane: 'Lane_Resident', col: 17 },
  ],
  flows: [
    { from: 'Start_Arrive', to: 'Gateway_Channel' },
    { from: 'Gateway_Channel', to: 'Task_Online', name: 'オンライン', p: 30 },
    { from: 'Gateway_Channel', to: 'Gateway_ChannelJoin', name: '来庁のみ', p: 70 },
    { from: 'Task_Online', to: 'Task_PreCheck' },
    { from: 'Task_PreCheck', to: 'Gateway_ChannelJoin' },
    { from: 'Gateway_ChannelJoin', to: 'Task_Ticket' },
    { from: 'Task_Ticket', to: 'Task_Interview' },
    { from: 'Task_Interview', to: 'Task_Sign' },
    { from: 'Task_Sign', to: 'Gateway_Recheck' },
    { from: 'Gateway_Recheck', to: 'Task_Input' },
    { from: 'Task_Input', to: 'Gateway_Error' },
    { from: 'Gateway_Error', to: 'Task_Card', name: '不備なし', p: 95 },
    { from: 'Gateway_Error', to: 'Task_Fix', name: '不備あり', p: 5 },
    { from: 'Task_Fix', to: 'Gateway_Recheck' },
    { from: 'Task_Card', to: 'Task_Issue' },
    { from: 'Task_Issue', to: 'Gateway_OneStop' },
    { from: 'Gateway_OneStop', to: 'Gateway_OneStopJoin', name: '該当なし', isDefault: true },
    { from: 'Gateway_OneStop', to: 'Task_Kokuho', name: '国保加入', p: 30 },
    { from: 'Gateway_OneStop', to: 'Task_Child', name: '児童手当', p: 20 },
    { from: 'Gateway_OneStop', to: 'Task_Water', name: '水道使用開始', p: 65 },
    { from: 'Task_Kokuho', to: 'Gateway_OneStopJoin' },
    { from: 'Task_Child', to: 'Gateway_OneStopJoin' },
    { from: 'Task_Water', to: 'Gateway_OneStopJoin' },
    { from: 'Gateway_OneStopJoin', to: 'Task_Explain' },
    { from: 'Task_Explain', to: 'End_Done' },
  ],
};
