import type { InventoryFields } from './record';

/**
 * A fictional city's 業務量調査 (架空の「さくら市」), generated deterministically so that the seed, the
 * bench and the tests see the same rows. Scale follows the published figures cited in
 * diagrams/SOURCES.md: 東海村 made 4,339 業務 ≈ 364,000 h/yr visible, about 84 h per 業務 on average;
 * most 業務 are small and a few large ones carry much of the total, as in 呉市's 定型/ノンコア survey.
 */
const ORG: Array<[string, string, string[]]> = [
  ['市民生活部', '市民課', ['窓口係', '記録係']],
  ['市民生活部', '保険年金課', ['国保係', '年金係']],
  ['総務部', '総務課', ['文書係', '法制係']],
  ['総務部', '税務課', ['市民税係', '資産税係', '収納係']],
  ['総務部', '職員課', ['人事係', '給与係']],
  ['健康福祉部', '福祉課', ['障害福祉係', '生活支援係']],
  ['健康福祉部', 'こども課', ['子育て支援係', '保育係']],
  ['建設部', '道路課', ['管理係', '工務係']],
  ['教育部', '学校教育課', ['学務係', '施設係']],
];
const WORK = [
  '申請受付',
  '証明書交付',
  '台帳管理',
  '審査・決定',
  '通知書発送',
  '問合せ対応',
  '統計報告',
  '予算・決算事務',
  'システム入力',
  '文書収受',
  '支払事務',
  '会議運営',
  '現地調査',
  '照会回答',
  '契約事務',
];

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** `count` 業務 spread over the 課 above; 整理番号 are unique (課 index + serial). */
export function sampleInventory(count = 320, seed = 15): InventoryFields[] {
  const rnd = lcg(seed);
  const out: InventoryFields[] = [];
  for (let i = 0; i < count; i++) {
    const [department, section, units] = ORG[i % ORG.length];
    const unit = units[Math.floor(rnd() * units.length)];
    const work = WORK[Math.floor(rnd() * WORK.length)];
    const routine = rnd() < 0.6;
    const nonCore = rnd() < (routine ? 0.6 : 0.25);
    // Log-normal-ish volume: many small 業務, a few with tens of thousands of cases.
    const annualCount = Math.round(Math.exp(1 + rnd() * 6));
    const minutesPerCase = [5, 10, 15, 20, 30, 45, 60][Math.floor(rnd() * 7)];
    const byCount = rnd() < 0.7;
    const hours = (annualCount * minutesPerCase) / 60;
    out.push({
      department,
      section,
      unit,
      name: `${section.replace(/課$/, '')}${work}（${i + 1}）`,
      code: `${String((i % ORG.length) + 1).padStart(2, '0')}-${String(i + 1).padStart(4, '0')}`,
      purpose: '',
      legalBasis: '',
      routine: routine ? '定型' : '非定型',
      core: nonCore ? 'ノンコア' : 'コア',
      ...(byCount ? { annualCount, minutesPerCase } : { enteredHours: Math.round(hours) }),
      peakPeriod: rnd() < 0.3 ? '3〜4月' : '',
      paper: rnd() < 0.55,
      systemEntry: rnd() < 0.5,
      outsourced: rnd() < 0.05,
      note: '',
    });
  }
  return out;
}

/**
 * The 業務 behind the sample As-Is diagrams (diagrams/manifest.json), as their 課 would answer the
 * survey. Survey figures are the 課's own round estimates, deliberately not read from the diagrams:
 * the dashboard shows them beside the simulated hours (調査値 / 推計値), as a real survey would differ.
 */
export const SAMPLE_PROCESS_WORK: ReadonlyArray<{ fileName: string; fields: InventoryFields }> = [
  {
    fileName: 'tennyu-asis.bpmn',
    fields: sampleRow('市民生活部', '市民課', '窓口係', '転入届の受付・住民票の作成', 'S-01', '住民基本台帳法第22条', 2300, 45, true),
  },
  {
    fileName: 'jidoteate-asis.bpmn',
    fields: sampleRow('健康福祉部', 'こども課', '子育て支援係', '児童手当の認定請求', 'S-02', '児童手当法第7条', 900, 60, true),
  },
  { fileName: 'kian-kessai-asis.bpmn', fields: sampleRow('総務部', '総務課', '文書係', '起案・決裁（紙回議）', 'S-03', '文書取扱規程', 1200, 40, false) },
  {
    fileName: 'kyuyo-shiharai-asis.bpmn',
    fields: sampleRow('総務部', '税務課', '市民税係', '給与支払報告書の入力', 'S-04', '地方税法第317条の6', 24000, 10, true),
  },
];

function sampleRow(
  department: string,
  section: string,
  unit: string,
  name: string,
  code: string,
  legalBasis: string,
  annualCount: number,
  minutesPerCase: number,
  nonCore: boolean,
): InventoryFields {
  return {
    department,
    section,
    unit,
    name,
    code,
    purpose: '',
    legalBasis,
    routine: '定型',
    core: nonCore ? 'ノンコア' : 'コア',
    annualCount,
    minutesPerCase,
    peakPeriod: '',
    paper: true,
    systemEntry: true,
    outsourced: false,
    note: 'サンプル図に対応する業務',
  };
}
