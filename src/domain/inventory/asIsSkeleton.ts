import type { SurveyBusiness } from '../exchange/survey';
import { annualHoursOf, type InventoryFields } from './record';

/**
 * 「As-Isを作成」: the first draft of a 業務's As-Is from its survey row, for the workshop to break
 * into steps. One step done by the 係 (else the 課) with the surveyed time per case, started by the
 * surveyed yearly volume. When only a yearly total was surveyed, the time per case follows from it
 * and the count; with no count, the step carries no time and the note says what to fill in.
 */
export interface AsIsSkeleton {
  business: SurveyBusiness;
  /** Codes for what the workshop should check; the UI words them. */
  notes: Array<'single-step' | 'time-from-total' | 'no-count'>;
}

export function asIsSkeletonOf(row: InventoryFields): AsIsSkeleton {
  const notes: AsIsSkeleton['notes'] = ['single-step'];
  const count = row.annualCount && row.annualCount > 0 ? row.annualCount : undefined;
  let minutes = row.minutesPerCase;
  if (minutes === undefined && count !== undefined) {
    const { hours, source } = annualHoursOf(row);
    if (source === 'entered') {
      minutes = (hours * 60) / count;
      notes.push('time-from-total');
    }
  }
  if (count === undefined) notes.push('no-count');
  const role = row.unit || row.section;
  return {
    business: {
      name: row.name,
      ...(count !== undefined ? { annualVolume: count } : {}),
      steps: [{ row: 1, name: row.name, role, resident: false, ...(minutes !== undefined ? { staffTime: { type: 'fixed', value: minutes } } : {}) }],
    },
    notes,
  };
}
