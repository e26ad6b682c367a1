import { annualHoursOf, type InventoryFields } from './record';

/**
 * BPR 対象の選定: potential = hours × factor(定型) × factor(ノンコア) × factor(紙・システム入力).
 * Each factor is a weight the user sees and can change; a 業務 without the property gets 1, so the
 * weights say "how much more a 定型 hour is worth than another hour". Every row carries its reasons.
 */
export interface RankWeights {
  routine: number;
  nonCore: number;
  paper: number;
  systemEntry: number;
}
export const DEFAULT_RANK_WEIGHTS: RankWeights = { routine: 2, nonCore: 1.5, paper: 1.5, systemEntry: 1.3 };

export type RankReason = 'hours' | 'routine' | 'non-core' | 'paper' | 'system-entry' | 'outsourced';

export interface RankedRow<T> {
  row: T;
  rank: number;
  hours: number;
  score: number;
  reasons: RankReason[];
}

export function rankInventory<T extends InventoryFields>(rows: readonly T[], weights: RankWeights = DEFAULT_RANK_WEIGHTS): RankedRow<T>[] {
  const scored = rows.map((row) => {
    const { hours } = annualHoursOf(row);
    const reasons: RankReason[] = hours > 0 ? ['hours'] : [];
    let factor = 1;
    if (row.routine === '定型') {
      factor *= weights.routine;
      reasons.push('routine');
    }
    if (row.core === 'ノンコア') {
      factor *= weights.nonCore;
      reasons.push('non-core');
    }
    if (row.paper) {
      factor *= weights.paper;
      reasons.push('paper');
    }
    if (row.systemEntry) {
      factor *= weights.systemEntry;
      reasons.push('system-entry');
    }
    // Already outsourced work is marked, not scored down: the reason list says why it may be out of reach.
    if (row.outsourced) reasons.push('outsourced');
    return { row, rank: 0, hours, score: hours * factor, reasons };
  });
  scored.sort((a, b) => b.score - a.score || b.hours - a.hours || a.row.name.localeCompare(b.row.name, 'ja'));
  scored.forEach((s, i) => (s.rank = i + 1));
  return scored;
}

export const RANK_REASON_LABELS: Record<RankReason, string> = {
  hours: '年間時間が大きい',
  routine: '定型業務',
  'non-core': 'ノンコア業務',
  paper: '紙を扱う',
  'system-entry': 'システムへの入力がある',
  outsourced: '外部委託済み',
};
