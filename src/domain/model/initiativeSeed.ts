import type { z } from 'zod';
import type { initiativeSchema } from './initiative';

/**
 * The 取組 a new workspace starts with, written like the entries of the municipal DX plans the app is
 * modelled on (千曲市DX推進計画 令和6〜8年度 for 基本目標/施策 and the yearly plan, 潟上市DX推進計画 for
 * これまでの課題/取組の概要 wording). Targets are planning figures; measured values (実績値, 基準値) are left
 * empty on purpose — only the 担当課 can measure them. Estimates come from simulating the attached maps.
 */
export type SeedInitiative = Omit<z.input<typeof initiativeSchema>, 'schemaVersion' | 'id' | 'workspaceId' | 'createdAt' | 'updatedAt'>;

/** As-Is / To-Be sample files (diagrams/manifest.json) attached to a seeded 取組. */
export interface SeedPair {
  asIs: string;
  toBe: string;
}

const GOAL1 = '基本目標1 市民目線・利用者目線の人に優しいDX';
const GOAL3 = '基本目標3 行政の業務効率化と働き方改革';

const FY = { r6: 2024, r7: 2025, r8: 2026 } as const;

const TENNYU: SeedPair = { asIs: 'tennyu-asis.bpmn', toBe: 'tennyu-tobe.bpmn' };
const JIDOTEATE: SeedPair = { asIs: 'jidoteate-asis.bpmn', toBe: 'jidoteate-tobe.bpmn' };
const KIAN: SeedPair = { asIs: 'kian-kessai-asis.bpmn', toBe: 'kian-kessai-tobe.bpmn' };
const KYUYO: SeedPair = { asIs: 'kyuyo-shiharai-asis.bpmn', toBe: 'kyuyo-shiharai-tobe.bpmn' };

interface SeedSpec extends Omit<SeedInitiative, 'attachments'> {
  pairs: SeedPair[];
}

const SPECS: SeedSpec[] = [
  {
    title: '書かない窓口の導入',
    categoryPath: [GOAL1, '施策② 窓口改革'],
    departments: ['市民課'],
    currentIssues:
      '転入、転出、出生等の各種手続について、窓口来庁時に関係書類を記載してもらう必要があるが、手書きによる来庁者の負担が大きいことに加え、届出書の処理にも時間を要するため、窓口混雑の要因となっている。特に転入に伴う手続では、氏名、住所等を手続ごとに何度も記載しなければならない。',
    summary:
      '申請書等の作成支援システム（書かない窓口）を導入し、マイナンバーカードの読取と職員の聞き取りで届出書を作成する。国民健康保険・児童手当・水道の手続も同じ窓口で連携データから作成し、来庁者の手書き負担の軽減、事務処理の効率化、待ち時間の減少につなげる。',
    bprFindings: [
      {
        issue: '来庁者が転入届を手書きし、職員が転出証明書と記載内容を照合している。',
        solution: 'マイナンバーカードの読取で基本情報を反映し、職員が聞き取って入力する。住民は印刷した申請書を確認・署名するだけにする。',
      },
      {
        issue: '国保・児童手当・水道の手続のたびに住民が各課の窓口を回り、氏名・住所を書き直している。',
        solution: '転入の窓口でワンストップに受け付け、住基の連携データから各課の申請書を作成する。',
      },
      {
        issue: '来庁してから番号札で待つ時間が長い。',
        solution: 'ぴったりサービスの転入予約（事前審査）を案内し、来庁時の処理を短くする。',
      },
    ],
    schedule: [
      { fiscalYear: FY.r6, stages: ['検討'], note: '書かない窓口システムの導入の検討' },
      { fiscalYear: FY.r7, stages: ['予算要求', '導入'], note: '書かない窓口システムの導入' },
      { fiscalYear: FY.r8, stages: ['運用'], note: '書かない窓口システムの運用' },
    ],
    indicators: [
      {
        id: 'kakanai-resident-minutes',
        name: '来庁者1人あたりにかかる時間',
        unit: '分',
        kind: 'residentMinutes',
        years: [
          { fiscalYear: FY.r7, target: 65 },
          { fiscalYear: FY.r8, target: 60 },
        ],
      },
      {
        id: 'kakanai-hours-saved',
        name: '削減した業務時間',
        unit: '時間/年',
        kind: 'hoursSaved',
        years: [
          { fiscalYear: FY.r7, target: 100 },
          { fiscalYear: FY.r8, target: 200 },
        ],
      },
    ],
    evaluations: [],
    nextPolicy: '',
    costs: {},
    pairs: [TENNYU],
  },
  {
    title: 'BPRの推進',
    categoryPath: [GOAL3, '施策⑧ BPRの取り組みの推進'],
    departments: ['企画政策課'],
    currentIssues:
      '既存の各業務の工程や処理時間等が見える化されていないため、プロセスの見直しや新たなデジタル技術導入による業務の効率化が困難。業務を分析する力を持つ人材が限られ、BPRの推進に至る事例が少ない。',
    summary:
      '各業務の実状に合わせた業務の効率化を図るため、既存の業務プロセスについて、その工程や処理時間を可視化した上で、不要なプロセスや書類の省略、将来的なAI・RPA等ICTの活用を前提にしたBPRを進める。フロントヤードだけでなくバックオフィスも含めて見直し、各業務の現場と伴走する。',
    bprFindings: [
      {
        issue: '業務の工程・処理時間・件数が記録されておらず、効果の大きい業務を選べない。',
        solution: '各課の業務フロー（As-Is）を作成し、作業時間と年間件数を入れて業務量を推計する。',
      },
      {
        issue: '見直し案の効果を導入前に比較する方法がない。',
        solution: '見直し後（To-Be）のフローを作り、同じ条件のシミュレーションで削減時間を95%信頼区間つきで比較する。',
      },
    ],
    schedule: [
      { fiscalYear: FY.r6, stages: ['調査・研究', '検討'], note: '業務フローの評価' },
      { fiscalYear: FY.r7, stages: ['導入', '運用'], note: '業務フローの評価、業務の再構築及び結果の評価' },
      { fiscalYear: FY.r8, stages: ['継続実施'], note: '業務フローの評価、業務の再構築及び結果の評価' },
    ],
    indicators: [
      {
        id: 'bpr-hours-saved',
        name: '削減した業務時間',
        unit: '時間/年',
        kind: 'hoursSaved',
        years: [
          { fiscalYear: FY.r7, target: 1500 },
          { fiscalYear: FY.r8, target: 3000 },
        ],
      },
      {
        id: 'bpr-ai-rpa-count',
        name: 'AI・RPAの導入数',
        unit: '件',
        kind: 'count',
        years: [
          { fiscalYear: FY.r7, target: 2 },
          { fiscalYear: FY.r8, target: 4 },
        ],
      },
    ],
    evaluations: [],
    nextPolicy: '',
    costs: {},
    pairs: [TENNYU, KIAN, KYUYO, JIDOTEATE],
  },
  {
    title: '電子決裁・文書管理システムの導入',
    categoryPath: [GOAL3, '施策⑩ テレワークの推進'],
    departments: ['総務課'],
    currentIssues:
      '文書処理事務についてほぼ全てが紙ベースとなっているため、事務が繁雑、非効率となっている。起案文書を印刷して係長・課長・部長へ持ち回り、差し戻しのたびに再印刷して回し直すため、決裁までに日数を要する。',
    summary:
      '文書の収受、起案、決裁等を全て電子化し、文書処理に係る業務をペーパーレスへ移行する。外出先・在宅からも決裁でき、テレワークの対象を広げる前提となる。全ての部署の日常業務に係るデジタル化であるため、全庁的に大きな効果が期待できる。',
    bprFindings: [
      {
        issue: '起案用紙・添付資料の印刷、押印、簿冊へのファイリングに時間を要している。',
        solution: '文書管理システムで電子起案・電子決裁し、印刷・押印・ファイリングを廃止する。',
      },
      {
        issue: '決裁者の在席待ちで各段階1〜2営業日かかり、差し戻しで最初から回し直している。',
        solution: '電子決裁で決裁待ちを短縮し、差し戻しはシステム上で修正して再回付する。',
      },
    ],
    schedule: [
      { fiscalYear: FY.r6, stages: ['導入', '運用'], note: '電子決裁基盤の稼働（共同調達）' },
      { fiscalYear: FY.r7, stages: ['運用'], note: '全庁での電子決裁の定着' },
      { fiscalYear: FY.r8, stages: ['継続実施'], note: '' },
    ],
    indicators: [
      {
        id: 'kessai-approval-days',
        name: '起案から決裁までの日数',
        unit: '営業日',
        kind: 'approvalDays',
        years: [
          { fiscalYear: FY.r7, target: 3 },
          { fiscalYear: FY.r8, target: 2 },
        ],
      },
      {
        id: 'kessai-hours-saved',
        name: '削減した業務時間',
        unit: '時間/年',
        kind: 'hoursSaved',
        years: [
          { fiscalYear: FY.r7, target: 800 },
          { fiscalYear: FY.r8, target: 1200 },
        ],
      },
      {
        id: 'kessai-paper',
        name: '紙及び簿冊等の数量',
        unit: '冊',
        kind: 'custom',
        years: [],
      },
    ],
    evaluations: [],
    nextPolicy: '',
    costs: {},
    pairs: [KIAN],
  },
  {
    title: 'AI・RPAの利用推進',
    categoryPath: [GOAL3, '施策⑨ AI・RPAの利用促進'],
    departments: ['情報政策課', '税務課'],
    currentIssues:
      '全庁的に業務量が増大しているため、業務の非効率化、職員の負担増につながっている。給与支払報告書は年2.4万枚が1〜2月に集中し、会計年度任用職員の手入力と読み合わせによるダブルチェックに多くの時間を要している。',
    summary:
      '業務プロセスを分析して処理手順を再定義し、必ずしも職員が行う必要がない業務について、AI・RPAなどのデジタル技術の活用により効率化が見込まれる業務から順次導入する。まず給与支払報告書の入力にAI-OCRとRPAを導入する。',
    bprFindings: [
      {
        issue: '紙の報告書を1枚ずつ住民税システムへ手入力し、誤り（約12%）の訂正と読み合わせに時間を要している。',
        solution: 'AI-OCRで読み取り、確信度の低い項目だけ職員が確認・修正する。登録はRPAが夜間も行う。',
      },
      {
        issue: '原票を事業所別に簿冊へ綴る作業が繁忙期に重なる。',
        solution: 'スキャン済みの原票は箱単位で保管し、検索は画像で行う。',
      },
    ],
    schedule: [
      { fiscalYear: FY.r6, stages: ['検討', '導入'], note: 'RPA対象業務の検討・導入' },
      { fiscalYear: FY.r7, stages: ['運用'], note: 'RPA対象業務の拡大' },
      { fiscalYear: FY.r8, stages: ['運用'], note: 'RPA対象業務の拡大' },
    ],
    indicators: [
      {
        id: 'airpa-hours-saved',
        name: '削減した業務時間',
        unit: '時間/年',
        kind: 'hoursSaved',
        years: [
          { fiscalYear: FY.r7, target: 2000 },
          { fiscalYear: FY.r8, target: 3000 },
        ],
      },
      {
        id: 'airpa-count',
        name: 'AI・RPAの導入数',
        unit: '件',
        kind: 'count',
        years: [
          { fiscalYear: FY.r6, target: 1 },
          { fiscalYear: FY.r7, target: 3 },
          { fiscalYear: FY.r8, target: 5 },
        ],
      },
    ],
    evaluations: [],
    nextPolicy: '',
    costs: {},
    pairs: [KYUYO],
  },
  {
    title: '行政手続のオンライン化',
    categoryPath: [GOAL1, '施策① 行政手続きのオンライン化'],
    departments: ['情報政策課', 'こども課'],
    currentIssues:
      '市の手続全体では、オンライン化されているのは一部にとどまり、従来通りの紙による申請が多くの割合を占めている。児童手当の認定請求では、添付書類の不足で後日郵送を待つことがあり、紙の認定調書の押印決裁にも日数を要する。',
    summary:
      '「ぴったりサービス」と本市の電子申請サービスとの役割分担を整理し、申請件数の多い手続から順次オンライン化する。受け付けた申請の審査・決裁・通知までを一貫してデジタルで処理し、事務処理の効率化を目指す。',
    bprFindings: [
      {
        issue: '窓口で紙の認定請求書を記入し、添付書類の不足があると後日の郵送待ちが発生する。',
        solution: 'ぴったりサービスで電子申請を受け付け、公金受取口座の利用で添付書類を減らす。',
      },
      {
        issue: '所得・世帯の確認と認定調書の作成・押印決裁を紙で行っている。',
        solution: '所得・世帯は情報連携で照会し、係長・課長は電子決裁とする。',
      },
    ],
    schedule: [
      { fiscalYear: FY.r6, stages: ['導入'], note: '本人確認を必要としない手続きのオンライン化' },
      { fiscalYear: FY.r7, stages: ['導入', '運用'], note: 'マイナンバーカードによる本人確認が必要な手続きのオンライン化' },
      { fiscalYear: FY.r8, stages: ['継続実施'], note: 'マイナンバーカードによる本人確認が必要な手続きのオンライン化' },
    ],
    indicators: [
      {
        id: 'online-share',
        name: '電子申請による手続件数の割合',
        unit: '%',
        kind: 'custom',
        years: [
          { fiscalYear: FY.r7, target: 30 },
          { fiscalYear: FY.r8, target: 45 },
        ],
      },
      {
        id: 'online-approval-days',
        name: '申請から認定までの日数',
        unit: '営業日',
        kind: 'approvalDays',
        years: [
          { fiscalYear: FY.r7, target: 5 },
          { fiscalYear: FY.r8, target: 4 },
        ],
      },
      {
        id: 'online-hours-saved',
        name: '削減した業務時間',
        unit: '時間/年',
        kind: 'hoursSaved',
        years: [{ fiscalYear: FY.r8, target: 400 }],
      },
    ],
    evaluations: [],
    nextPolicy: '',
    costs: {},
    pairs: [JIDOTEATE],
  },
];

/** Every sample file a seeded 取組 refers to, for checking against the manifest. */
export const SEED_PAIRS: readonly SeedPair[] = SPECS.flatMap((s) => s.pairs);

/**
 * The seeded 取組, attached to the processes seeded from the named sample files. A pair whose As-Is
 * is not among `processIdsByFile` is left out (the sample may have been removed); a missing To-Be
 * leaves the As-Is attached alone.
 */
export function seedInitiatives(processIdsByFile: Readonly<Record<string, string | undefined>>): SeedInitiative[] {
  return SPECS.map(({ pairs, ...rest }) => ({
    ...rest,
    attachments: pairs.flatMap((p) => {
      const asIsProcessId = processIdsByFile[p.asIs];
      if (!asIsProcessId) return [];
      const toBeProcessId = processIdsByFile[p.toBe];
      return [toBeProcessId ? { asIsProcessId, toBeProcessId } : { asIsProcessId }];
    }),
  }));
}
