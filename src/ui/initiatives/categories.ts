import type { Initiative } from '../../domain/model/initiative';

/**
 * The 基本目標 → 施策 tree of a typical municipal DX plan (千曲市DX推進計画 令和6〜8年度), offered as
 * suggestions; a workspace's own wording (from its 取組) is offered beside it and always wins.
 */
export const PLAN_CATEGORY_TREE: readonly { policy: string; measures: readonly string[] }[] = [
  {
    policy: '基本目標1 市民目線・利用者目線の人に優しいDX',
    measures: ['施策① 行政手続きのオンライン化', '施策② 窓口改革', '施策③ マイナンバーカードの利活用推進', '施策④ デジタルデバイド対策'],
  },
  {
    policy: '基本目標2 地域の発展に向けた情報発信手段の多様化と官民連携によるまちづくり',
    measures: ['施策⑤ 多様な主体による地域課題の解決', '施策⑥ オープンデータの活用'],
  },
  {
    policy: '基本目標3 行政の業務効率化と働き方改革',
    measures: ['施策⑦ 情報システムの標準化・共通化', '施策⑧ BPRの取り組みの推進', '施策⑨ AI・RPAの利用促進', '施策⑩ テレワークの推進'],
  },
  {
    policy: '基本目標4 安全・安心な情報基盤の確立',
    measures: ['施策⑪ 情報システムの最適な利活用の推進', '施策⑫ セキュリティ対策の徹底', '施策⑬ デジタル人材の育成'],
  },
];

/** 基本方針 suggestions: the workspace's own first, then the plan tree's. */
export function policySuggestions(existing: readonly Pick<Initiative, 'categoryPath'>[]): string[] {
  const own = existing.flatMap((i) => (i.categoryPath[0] ? [i.categoryPath[0]] : []));
  return [...new Set([...own, ...PLAN_CATEGORY_TREE.map((c) => c.policy)])];
}

/** 施策 suggestions under a 基本方針, from the workspace's 取組 and the plan tree. */
export function measureSuggestions(existing: readonly Pick<Initiative, 'categoryPath'>[], policy: string): string[] {
  const own = existing.flatMap((i) => (i.categoryPath[0] === policy && i.categoryPath[1] ? [i.categoryPath[1]] : []));
  const plan = PLAN_CATEGORY_TREE.find((c) => c.policy === policy)?.measures ?? [];
  return [...new Set([...own, ...plan])];
}

/** 「市民課、税務課」「市民課,税務課」 → ['市民課', '税務課']. */
export function parseDepartments(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、,，;；\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
