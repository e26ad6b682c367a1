import { RUN_LIMITS, runLimitProblem } from '../../domain/sim/runLimits';
import type { SimRunSettings } from './simRunMachine';

/** Allowed ranges of the run settings: the domain's one table, which the worker and the CLI use too. */
export const SETTING_LIMITS = RUN_LIMITS;

export type LimitedField = keyof typeof SETTING_LIMITS;

/** The text the user typed in each numeric field (kept as text so a half-typed value is not lost). */
export type SettingsDraft = Record<LimitedField, string> & Pick<SimRunSettings, 'period' | 'mode'>;

export function draftOf(settings: SimRunSettings): SettingsDraft {
  return {
    replications: String(settings.replications),
    seed: String(settings.seed),
    years: String(settings.years),
    cases: String(settings.cases),
    period: settings.period,
    mode: settings.mode,
  };
}

/** Full-width digits (common with Japanese IMEs) are read as ASCII digits. */
function toNumber(text: string): number {
  const ascii = text
    .trim()
    .replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/[,，]/g, '');
  return ascii === '' ? Number.NaN : Number(ascii);
}

export interface ParsedSettings {
  settings: SimRunSettings | null;
  /** Fields whose text is not a number in range; only the field that bounds the period is checked. */
  invalid: LimitedField[];
}

export function parseDraft(draft: SettingsDraft): ParsedSettings {
  const fields: LimitedField[] = ['replications', 'seed', draft.period === 'years' ? 'years' : 'cases'];
  const values: Partial<Record<LimitedField, number>> = {};
  const invalid: LimitedField[] = [];
  for (const field of fields) {
    const v = toNumber(draft[field]);
    if (runLimitProblem(field, v) !== null) invalid.push(field);
    else values[field] = v;
  }
  if (invalid.length > 0) return { settings: null, invalid };
  return {
    invalid,
    settings: {
      replications: values.replications!,
      seed: values.seed!,
      period: draft.period,
      years: draft.period === 'years' ? values.years! : Number(toNumber(draft.years)) || 1,
      cases: draft.period === 'cases' ? values.cases! : Math.round(Number(toNumber(draft.cases))) || 1000,
      mode: draft.mode,
    },
  };
}
