import { KYUYO_ANNUAL, KYUYO_SEASONALITY } from '../common';
import { tri, type ProcessSpec } from '../spec';

const arrivals = { annualVolume: KYUYO_ANNUAL, seasonality: KYUYO_SEASONALITY };

export const kyuyoShiharaiAsIs: ProcessSpec = {
  file: 'kyuyo-shiharai-asis.bpmn',
  key: 'KyuyoShiharaiAsIs',
  name: '給与支払報告書の入力（現行・手入力）',
  department: '税務課 市民税係',
  kind: 'as-is',
  linkedTo: 'kyuyo-shiharai-tobe.bpmn',
  description:
    '紙の給与支払報告書（年2.4万枚、1〜2月に85%集中）を開封・仕分けし、会計年度任用職員が住民税システムへ1枚ずつ手入力。職員が読み合わせでダブルチェックし、誤り（12%）は訂正。原票は事業所別に簿冊へ綴る。',
  participant: '市役所 税務課 市民税係（給与支払報告書・現行）',
  lanes: [
    { id: 'Lane_Reception', name: '受付担当', rows: 2 },
    { id: 'Lane_Entry', name: '入力担当' },
    { id: 'Lane_Reviewer', name: '審査担当' },
  ],
  roles: [
    { name: '受付担当', headcount: 2, hourlyCost: 3000 },
    { name: '入力担当', headcount: 6, hourlyCost: 3000 },
    { name: '審査担当', headcount: 3, hourlyCost: 4200 },
  ],
  nodes: [
    { id: 'Start_Arrive', kind: 'start', name: '紙の給与支払報告書が到着', lane: 'Lane_Reception', col: 0, row: 1, arrivals },
    {
      id: 'Task_Open', kind: 'manualTask', name: '開封・受付印・総括表と照合', lane: 'Lane_Reception', col: 1, row: 1,
      step: { staff: tri(0.5, 1, 2), paper: 1 },
    },
    {
      id: 'Task_Sort', kind: 'manualTask', name: '仕分け（特別徴収・普通徴収・市外居住者）', lane: 'Lane_Reception', col: 2, row: 1,
      step: { staff: tri(0.3, 0.5, 1), paper: 1 },
    },
    { id: 'Gateway_Resident', kind: 'xor', name: '市内居住者の分？', lane: 'Lane_Reception', col: 3, row: 1 },
    {
      id: 'Task_Forward', kind: 'sendTask', name: '住所地の市町村へ回送', lane: 'Lane_Reception', col: 4, row: 0,
      step: { staff: tri(1, 2, 3), paper: 1 },
    },
    { id: 'End_Forwarded', kind: 'end', name: '回送完了', lane: 'Lane_Reception', col: 5, row: 0 },
    {
      id: 'Task_Entry', kind: 'userTask', name: '住民税システムへ手入力（宛名検索・支払額・控除額）', lane: 'Lane_Entry', col: 4,
      step: { staff: tri(3, 4, 8), paper: 1, systems: 1 },
    },
    { id: 'Gateway_Recheck', kind: 'xor', name: '', lane: 'Lane_Reviewer', col: 5 },
    {
      id: 'Task_Check', kind: 'manualTask', name: '読み合わせ・ダブルチェック', lane: 'Lane_Reviewer', col: 6,
      step: { staff: tri(1.5, 2, 3), paper: 1, systems: 1 },
    },
    { id: 'Gateway_Error', kind: 'xor', name: '誤り・記載不備あり？', lane: 'Lane_Reviewer', col: 7 },
    {
      id: 'Task_Fix', kind: 'userTask', name: '訂正入力（必要に応じ事業所へ照会）', lane: 'Lane_Entry', col: 7,
      step: { staff: tri(3, 5, 15), systems: 1, lag: { dist: tri(0, 1, 5), unit: 'businessDays', reason: '事業所への照会・回答待ち' } },
    },
    {
      id: 'Task_File', kind: 'manualTask', name: '原票を事業所別に簿冊へファイリング', lane: 'Lane_Reception', col: 8, row: 1,
      step: { staff: tri(0.3, 0.5, 1), paper: 1 },
    },
    { id: 'End_Stored', kind: 'end', name: '課税資料として保管', lane: 'Lane_Reception', col: 9, row: 1 },
  ],
  flows: [
    { from: 'Start_Arrive', to: 'Task_Open' },
    { from: 'Task_Open', to: 'Task_Sort' },
    { from: 'Task_Sort', to: 'Gateway_Resident' },
    { from: 'Gateway_Resident', to: 'Task_Entry', name: '市内', p: 92 },
    { from: 'Gateway_Resident', to: 'Task_Forward', name: '市外', p: 8 },
    { from: 'Task_Forward', to: 'End_Forwarded' },
    { from: 'Task_Entry', to: 'Gateway_Recheck' },
    { from: 'Gateway_Recheck', to: 'Task_Check' },
    { from: 'Task_Check', to: 'Gateway_Error' },
    { from: 'Gateway_Error', to: 'Task_File', name: '誤りなし', p: 88 },
    { from: 'Gateway_Error', to: 'Task_Fix', name: '誤りあり', p: 12 },
    { from: 'Task_Fix', to: 'Gateway_Recheck' },
    { from: 'Task_File', to: 'End_Stored' },
  ],
};

export const kyuyoShiharaiToBe: ProcessSpec = {
  file: 'kyuyo-shiharai-tobe.bpmn',
  key: 'KyuyoShiharaiToBe',
  name: '給与支払報告書の入力（AI-OCR＋RPA）',
  department: '税務課 市民税係',
  kind: 'to-be',
  linkedTo: 'kyuyo-shiharai-asis.bpmn',
  description:
    '紙の報告書をスキャンしてAI-OCRで読み取り、確信度の低い項目（25%）だけ職員が画面で確認・修正。RPAが夜間も住民税システムへ登録し、登録エラー（3%）は職員が訂正。原票は箱単位で保管。',
  participant: '市役所 税務課 市民税係（給与支払報告書・AI-OCR＋RPA）',
  lanes: [
    { id: 'Lane_Reception', name: '受付担当', rows: 2 },
    { id: 'Lane_Reviewer', name: '審査担当' },
    { id: 'Lane_Robot', name: 'RPA' },
  ],
  roles: [
    { name: '受付担当', headcount: 2, hourlyCost: 3000 },
    { name: '審査担当', headcount: 3, hourlyCost: 4200 },
    { name: 'RPA', headcount: 2, hourlyCost: 150, calendar: '24h' },
  ],
  nodes: [
    { id: 'Start_Arrive', kind: 'start', name: '紙の給与支払報告書が到着', lane: 'Lane_Reception', col: 0, row: 1, arrivals },
    {
      id: 'Task_Open', kind: 'manualTask', name: '開封・受付・仕分け', lane: 'Lane_Reception', col: 1, row: 1,
      step: { staff: tri(0.5, 1, 2), paper: 1 },
    },
    { id: 'Gateway_Resident', kind: 'xor', name: '市内居住者の分？', lane: 'Lane_Reception', col: 2, row: 1 },
    {
      id: 'Task_Forward', kind: 'sendTask', name: '住所地の市町村へ回送', lane: 'Lane_Reception', col: 3, row: 0,
      step: { staff: tri(1, 2, 3), paper: 1 },
    },
    { id: 'End_Forwarded', kind: 'end', name: '回送完了', lane: 'Lane_Reception', col: 4, row: 0 },
    {
      id: 'Task_Scan', kind: 'userTask', name: 'スキャナで読取（AI-OCR用に画像化）', lane: 'Lane_Reception', col: 3, row: 1,
      step: { staff: tri(0.2, 0.3, 0.5), paper: 1, systems: 1, automation: 'ai-ocr' },
    },
    {
      id: 'Task_Ocr', kind: 'serviceTask', name: 'AI-OCRで文字認識・CSV化', lane: 'Lane_Robot', col: 4,
      step: { staff: tri(0.1, 0.2, 0.3), systems: 1, automation: 'ai-ocr' },
    },
    { id: 'Gateway_Confidence', kind: 'xor', name: '確信度の低い項目あり？', lane: 'Lane_Robot', col: 5 },
    {
      id: 'Task_Verify', kind: 'userTask', name: 'OCR結果を画面で確認・修正', lane: 'Lane_Reviewer', col: 6,
      step: { staff: tri(0.8, 1.5, 3), systems: 1, automation: 'ai-ocr' },
    },
    { id: 'Gateway_ConfidenceJoin', kind: 'xor', name: '', lane: 'Lane_Robot', col: 7 },
    {
      id: 'Task_Rpa', kind: 'serviceTask', name: 'RPAで住民税システムへ登録', lane: 'Lane_Robot', col: 8,
      step: { staff: tri(0.5, 0.8, 1.2), systems: 1, automation: 'rpa' },
    },
    { id: 'Gateway_RpaError', kind: 'xor', name: '登録エラーあり？', lane: 'Lane_Robot', col: 9 },
    {
      id: 'Task_ErrorFix', kind: 'userTask', name: 'エラーリストを確認し手入力で訂正', lane: 'Lane_Reviewer', col: 10,
      step: { staff: tri(3, 5, 10), systems: 1 },
    },
    { id: 'Gateway_RpaErrorJoin', kind: 'xor', name: '', lane: 'Lane_Robot', col: 11 },
    {
      id: 'Task_Store', kind: 'manualTask', name: '原票を箱単位で保管（スキャン済み）', lane: 'Lane_Reception', col: 12, row: 1,
      step: { staff: tri(0.1, 0.2, 0.3), paper: 1 },
    },
    { id: 'End_Stored', kind: 'end', name: '課税資料として保管', lane: 'Lane_Reception', col: 13, row: 1 },
  ],
  flows: [
    { from: 'Start_Arrive', to: 'Task_Open' },
    { from: 'Task_Open', to: 'Gateway_Resident' },
    { from: 'Gateway_Resident', to: 'Task_Scan', name: '市内', p: 92 },
    { from: 'Gateway_Resident', to: 'Task_Forward', name: '市外', p: 8 },
    { from: 'Task_Forward', to: 'End_Forwarded' },
    { from: 'Task_Scan', to: 'Task_Ocr' },
    { from: 'Task_Ocr', to: 'Gateway_Confidence' },
    { from: 'Gateway_Confidence', to: 'Task_Verify', name: 'あり', p: 25 },
    { from: 'Gateway_Confidence', to: 'Gateway_ConfidenceJoin', name: 'なし', p: 75 },
    { from: 'Task_Verify', to: 'Gateway_ConfidenceJoin' },
    { from: 'Gateway_ConfidenceJoin', to: 'Task_Rpa' },
    { from: 'Task_Rpa', to: 'Gateway_RpaError' },
    { from: 'Gateway_RpaError', to: 'Task_ErrorFix', name: 'あり', p: 3 },
    { from: 'Gateway_RpaError', to: 'Gateway_RpaErrorJoin', name: 'なし', p: 97 },
    { from: 'Task_ErrorFix', to: 'Gateway_RpaErrorJoin' },
    { from: 'Gateway_RpaErrorJoin', to: 'Task_Store' },
    { from: 'Task_Store', to: 'End_Stored' },
  ],
};
