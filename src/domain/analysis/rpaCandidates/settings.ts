import { defaultAutomationCosts, DEFAULT_AUTOMATION_COSTS } from '../roi';
import type { SourcedDefault } from '../sources';
import type { RpaRankingSettings } from './types';

/** A role without an hourly cost is priced at a typical municipal staff cost per hour (incl. overheads). */
export const DEFAULT_HOURLY_COST_FALLBACK: SourcedDefault<number> = {
  value: 3_500,
  source: 'assumption',
  derivation: '職員1人あたり人件費（給与・手当・共済費）約650万円/年 ÷ 1,860時間 ≒ 3,500円/時間',
};

export const DEFAULT_RPA_RANKING_SETTINGS = {
  ...DEFAULT_AUTOMATION_COSTS,
  hourlyCostFallbackYen: DEFAULT_HOURLY_COST_FALLBACK,
} as const;

export function defaultRpaRankingSettings(): RpaRankingSettings {
  return { ...defaultAutomationCosts(), hourlyCostFallbackYen: DEFAULT_HOURLY_COST_FALLBACK.value };
}
