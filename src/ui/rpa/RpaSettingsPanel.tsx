import { useEffect, useId, useState, type FormEvent } from 'react';
import type { RpaRankingSettings } from '../../domain/analysis/rpaCandidates';
import { useT } from '../../i18n';
import { draftOf, parseDraft, SETTING_KEYS, settingDefaults, type SettingKey, type SettingsDraft } from './settingsForm';

export interface RpaSettingsPanelProps {
  settings: RpaRankingSettings;
  isDefault: boolean;
  /** Resolves when stored; rejects with a Japanese message. */
  onSave(settings: RpaRankingSettings): Promise<void>;
  onReset(): Promise<void>;
}

/** Workspace cost settings with each default, its source and 仮定値 shown beside the field. */
export function RpaSettingsPanel({ settings, isDefault, onSave, onReset }: RpaSettingsPanelProps) {
  const t = useT();
  const headingId = useId();
  const [draft, setDraft] = useState<SettingsDraft>(draftOf(settings));
  const [errors, setErrors] = useState<Partial<Record<SettingKey, string>>>({});
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const defaults = settingDefaults();

  useEffect(() => {
    setDraft(draftOf(settings));
    setErrors({});
  }, [settings]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseDraft(draft);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setMessage(null);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSave(parsed.settings);
      setMessage({ kind: 'info', text: t('rpa.settingsSaved') });
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  const reset = async () => {
    setBusy(true);
    try {
      await onReset();
      setMessage(null);
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="bpr-rpa-settings" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('rpa.settingsHeading')}</h3>
      <p className="bpr-rpa-muted">
        {t('rpa.settingsIntro')} <strong>{isDefault ? t('rpa.settingsDefault') : t('rpa.settingsCustom')}</strong>
      </p>
      <form onSubmit={submit} noValidate>
        {SETTING_KEYS.map((key) => {
          const d = defaults.find((x) => x.key === key)!;
          const inputId = `rpa-setting-${key}`;
          return (
            <div key={key} className={`bpr-rpa-setting${errors[key] ? ' has-error' : ''}`}>
              <label htmlFor={inputId}>{t(`rpa.setting.${key}`)}</label>
              <input
                id={inputId}
                name={key}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={draft[key]}
                aria-invalid={!!errors[key]}
                aria-describedby={`${inputId}-default${errors[key] ? ` ${inputId}-error` : ''}`}
                onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
              />
              <span id={`${inputId}-default`} className="bpr-rpa-default">
                {t('rpa.defaultValue', { value: Number(d.value).toLocaleString('ja-JP') })}
                {d.isAssumption && <span className="bpr-rpa-assumption">{t('rpa.assumption')}</span>}
                {!d.isAssumption && <span>{t('rpa.sourceLabel', { source: d.sourceLabel })}</span>}
                {d.derivation && <span className="bpr-rpa-muted">（{d.derivation}）</span>}
              </span>
              {errors[key] && (
                <span id={`${inputId}-error`} className="bpr-rpa-error" role="alert">
                  {t('rpa.settingsInvalid', { field: t(`rpa.setting.${key}`), message: errors[key]! })}
                </span>
              )}
            </div>
          );
        })}
        <div className="bpr-rpa-actions">
          <button type="submit" disabled={busy}>
            {t('rpa.saveSettings')}
          </button>
          <button type="button" onClick={reset} disabled={busy || isDefault}>
            {t('rpa.resetSettings')}
          </button>
        </div>
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'bpr-rpa-error' : 'bpr-rpa-info'}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
