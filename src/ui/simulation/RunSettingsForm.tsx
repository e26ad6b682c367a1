import { useId, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { SETTING_LIMITS, type LimitedField, type SettingsDraft } from './settingsLimits';

export interface RunSettingsFormProps {
  draft: SettingsDraft;
  invalid: LimitedField[];
  disabled: boolean;
  onChange(draft: SettingsDraft): void;
  onSubmit(): void;
  /** Run / cancel buttons and the progress bar, placed under the fields. */
  children: ReactNode;
}

/** Replications, seed, period (years or cases) and engine of the next run. */
export function RunSettingsForm({ draft, invalid, disabled, onChange, onSubmit, children }: RunSettingsFormProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => onChange({ ...draft, [key]: value });
  const fieldLabel: Record<LimitedField, string> = {
    replications: t('simulation.replications'),
    seed: t('simulation.seed'),
    years: t('simulation.years'),
    cases: t('simulation.cases'),
  };
  const numberField = (field: LimitedField, unit?: string, hint?: string) => {
    const bad = invalid.includes(field);
    const { min, max } = SETTING_LIMITS[field];
    const errorId = `${id}-${field}-error`;
    const hintId = `${id}-${field}-hint`;
    return (
      <div className="bpr-sim-field">
        <label htmlFor={`${id}-${field}`}>{fieldLabel[field]}</label>
        <span className="bpr-sim-input">
          <input
            id={`${id}-${field}`}
            inputMode="decimal"
            value={draft[field]}
            disabled={disabled}
            aria-invalid={bad}
            aria-describedby={[hint ? hintId : '', bad ? errorId : ''].filter(Boolean).join(' ') || undefined}
            onChange={(e) => set(field, e.target.value)}
          />
          {unit && <span className="bpr-sim-unit">{unit}</span>}
        </span>
        {hint && (
          <span id={hintId} className="bpr-sim-hint">
            {hint}
          </span>
        )}
        {bad && (
          <span id={errorId} className="bpr-sim-field-error" role="alert">
            {t('simulation.invalidSetting', {
              field: fieldLabel[field],
              min: min.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US'),
              max: max.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US'),
            })}
          </span>
        )}
      </div>
    );
  };

  return (
    <form
      className="bpr-sim-settings"
      aria-label={t('simulation.settings')}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h3 className="bpr-sim-panel-title">{t('simulation.settings')}</h3>
      {numberField('replications', undefined, t('simulation.replicationsHint'))}
      {numberField('seed', undefined, t('simulation.seedHint'))}
      <fieldset className="bpr-sim-field bpr-sim-period" disabled={disabled}>
        <legend>{t('simulation.period')}</legend>
        <div className="bpr-sim-radios">
          <label>
            <input type="radio" name={`${id}-period`} checked={draft.period === 'years'} onChange={() => set('period', 'years')} />
            {t('simulation.periodYears')}
          </label>
          <label>
            <input type="radio" name={`${id}-period`} checked={draft.period === 'cases'} onChange={() => set('period', 'cases')} />
            {t('simulation.periodCases')}
          </label>
        </div>
      </fieldset>
      {draft.period === 'years' ? numberField('years', t('simulation.yearsUnit')) : numberField('cases', t('simulation.casesUnit'))}
      <div className="bpr-sim-field">
        <label htmlFor={`${id}-mode`}>{t('simulation.mode')}</label>
        <select id={`${id}-mode`} value={draft.mode} disabled={disabled} onChange={(e) => set('mode', e.target.value === 'actor' ? 'actor' : 'fast')}>
          <option value="fast">{t('simulation.modeFast')}</option>
          <option value="actor">{t('simulation.modeActor')}</option>
        </select>
      </div>
      {children}
    </form>
  );
}
