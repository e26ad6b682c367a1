import { DEFAULT_RPA_RANKING_SETTINGS, type RpaRankingSettings } from '../../domain/analysis/rpaCandidates';
import { SOURCES } from '../../domain/analysis/sources';
import { rpaSettingsSchema, RPA_SETTINGS_SCHEMA_VERSION } from '../../store/settingsRepository';

/**
 * The cost settings form as text fields: what each field shows (maintenance as % rather than a
 * ratio), its default with the published source or 仮定値, and parsing back with the store's schema.
 */
export const SETTING_KEYS = ['licenceYenPerRobotYear', 'developmentYenPerTask', 'maintenanceRatePerYear', 'tasksPerRobot', 'hourlyCostFallbackYen'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];
export type SettingsDraft = Record<SettingKey, string>;

/** Shown as %, stored as a share of 1. */
const PERCENT_KEYS = new Set<SettingKey>(['maintenanceRatePerYear']);

const shown = (key: SettingKey, v: number) => String(PERCENT_KEYS.has(key) ? Math.round(v * 100 * 1000) / 1000 : v);

export function draftOf(s: RpaRankingSettings): SettingsDraft {
  return Object.fromEntries(SETTING_KEYS.map((k) => [k, shown(k, s[k])])) as SettingsDraft;
}

export interface SettingDefault {
  key: SettingKey;
  /** As the field shows it (% for maintenance). */
  value: string;
  isAssumption: boolean;
  sourceLabel: string;
  derivation?: string;
}

export function settingDefaults(): SettingDefault[] {
  return SETTING_KEYS.map((key) => {
    const d = DEFAULT_RPA_RANKING_SETTINGS[key];
    return {
      key,
      value: shown(key, d.value),
      isAssumption: d.source === 'assumption',
      sourceLabel: SOURCES[d.source].label,
      derivation: d.derivation,
    };
  });
}

export type ParsedDraft = { ok: true; settings: RpaRankingSettings } | { ok: false; errors: Partial<Record<SettingKey, string>> };

/** Full-width digits and thousands separators are accepted, as typed in Japanese offices. */
function toNumber(text: string): number {
  const t = text
    .normalize('NFKC')
    .replace(/[,，\s]/g, '')
    .replace(/[円%％]$/, '');
  return t === '' ? Number.NaN : Number(t);
}

export function parseDraft(draft: SettingsDraft): ParsedDraft {
  const values = Object.fromEntries(
    SETTING_KEYS.map((k) => {
      const n = toNumber(draft[k]);
      return [k, PERCENT_KEYS.has(k) ? n / 100 : n];
    }),
  );
  const r = rpaSettingsSchema.safeParse({ ...values, schemaVersion: RPA_SETTINGS_SCHEMA_VERSION });
  if (r.success) {
    const { schemaVersion: _v, ...settings } = r.data;
    return { ok: true, settings };
  }
  const errors: Partial<Record<SettingKey, string>> = {};
  for (const issue of r.error.issues) {
    const key = issue.path[0] as SettingKey;
    errors[key] ??= Number.isNaN(values[key]) ? '数値を入力してください' : issue.message;
  }
  return { ok: false, errors };
}
