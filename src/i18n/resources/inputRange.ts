import type { FeatureResources } from '../core';

/**
 * 想定の幅 (domain sim/inputRange) beside the 95 % interval, wherever a headline figure is shown: the
 * simulation tab, 比較, its print summary and 取組. One sentence tells the two ranges apart.
 */
const inputRange: FeatureResources = {
  ja: {
    range: '想定の幅 {low}〜{high}{unit}',
    explain:
      '95%信頼区間はシミュレーションの乱数によるばらつきです。想定の幅は、各工程の時間をすべてワークショップの見積りの楽観側の端、または悲観側の端にした場合の幅です。',
  },
  en: {
    range: 'input range {low}–{high}{unit}',
    explain:
      "The 95% CI is the simulation's random noise. The input range is where the figure lands if every step time were at the optimistic, or at the pessimistic, end of the workshop's estimate.",
  },
};

export default inputRange;
