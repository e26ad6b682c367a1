import { useId, useMemo, useState } from 'react';
import { InputRangeExplainer, InputRangeText } from '../common/InputRange';
import type { Initiative } from '../../domain/model/initiative';
import { useI18n } from '../../i18n';
import type { ProcessRecord } from '../../store/types';
import { formatDateTime } from '../common/format';
import { asIsOf, scenarioLabel, scenariosOf } from '../compare/pairs';
import { DiagramThumbnail } from './DiagramThumbnail';
import { pairFigures } from './pairFigures';
import { pairId, type PairState } from './usePairComparisons';

export interface AttachmentsPanelProps {
  attachments: Initiative['attachments'];
  processes: readonly ProcessRecord[];
  states: Record<string, PairState>;
  busy: boolean;
  onAttach(pair: { asIsProcessId: string; toBeProcessId?: string }): void;
  onDetach(asIsProcessId: string): void;
  onRecalc(pair: { asIsId: string; toBeId: string }): void;
  /** One pair after another: each comparison has its own worker and they would compete for the CPU. */
  onRecalcAll(): void;
  onCancel(pair: { asIsId: string; toBeId: string }): void;
  onOpenProcess(processId: string): void;
  onOpenComparison?(pair: { asIsId: string; toBeId: string }): void;
}

/** The As-Is/To-Be maps the 取組 works on, with their latest comparison and 「再計算」. */
export function AttachmentsPanel(props: AttachmentsPanelProps) {
  const { attachments, processes, states, busy } = props;
  const { t, lang } = useI18n();
  const id = useId();
  const byId = useMemo(() => new Map(processes.map((p) => [p.id, p])), [processes]);
  const attachedAsIs = new Set(attachments.map((a) => a.asIsProcessId));
  const asIsChoices = processes.filter((p) => p.kind === 'as-is' && !attachedAsIs.has(p.id));
  const [asIsId, setAsIsId] = useState('');
  const [toBeId, setToBeId] = useState('');
  // The To-Be a 取組 adopts is normally one of the As-Is's scenarios; those are offered first.
  const scenarioChoices = asIsId ? scenariosOf(processes, asIsId) : [];
  const otherToBes = processes.filter((p) => p.kind === 'to-be' && !scenarioChoices.includes(p));

  const chooseAsIs = (value: string) => {
    setAsIsId(value);
    setToBeId(value ? (scenariosOf(processes, value)[0]?.id ?? '') : '');
  };

  return (
    <div className="bpr-init-attachments">
      {attachments.length === 0 && <p className="bpr-hint">{t('initiatives.noAttachments')}</p>}
      {attachments.filter((a) => a.toBeProcessId).length > 1 && (
        <div>
          <button type="button" disabled={Object.values(states).some((s) => s.progress !== undefined)} onClick={props.onRecalcAll}>
            {t('initiatives.recalcAll')}
          </button>
        </div>
      )}
      {attachments.map((a) => {
        const asIs = byId.get(a.asIsProcessId);
        const toBe = a.toBeProcessId ? byId.get(a.toBeProcessId) : undefined;
        const pair = a.toBeProcessId ? { asIsId: a.asIsProcessId, toBeId: a.toBeProcessId } : null;
        const state = pair ? states[pairId(pair)] : undefined;
        const running = state?.progress !== undefined;
        const percent = Math.round((state?.progress ?? 0) * 100);
        return (
          <article
            key={a.asIsProcessId}
            className="bpr-init-pair"
            aria-label={t('initiatives.pairLabel', { asIs: asIs?.name ?? a.asIsProcessId, toBe: toBe?.name ?? '―' })}
          >
            <div className="bpr-init-pair-maps">
              {asIs ? (
                <DiagramThumbnail xml={asIs.xml} label={`As-Is: ${asIs.name}`} onOpen={() => props.onOpenProcess(asIs.id)} />
              ) : (
                <p className="bpr-error">{t('initiatives.processMissing', { id: a.asIsProcessId })}</p>
              )}
              <span className="bpr-init-arrow" aria-hidden="true">
                →
              </span>
              {toBe ? (
                <DiagramThumbnail xml={toBe.xml} label={`To-Be: ${toBe.name}`} onOpen={() => props.onOpenProcess(toBe.id)} />
              ) : a.toBeProcessId ? (
                <p className="bpr-error">{t('initiatives.processMissing', { id: a.toBeProcessId })}</p>
              ) : (
                <p className="bpr-hint">{t('initiatives.noToBe')}</p>
              )}
            </div>
            {toBe && asIsOf(processes, toBe)?.id === a.asIsProcessId && (
              <p className="bpr-hint" data-testid="adopted-scenario">
                {t('compare.scn.adopted', { scenario: scenarioLabel(toBe) })}
              </p>
            )}
            <div className="bpr-init-pair-figures">
              {pair && state?.record && (
                <>
                  <dl className="bpr-init-figures" data-testid="pair-figures">
                    {pairFigures(state.record.result, lang).map((f) => (
                      <div key={f.key} data-figure={f.key}>
                        <dt>{f.label}</dt>
                        <dd>
                          {f.text} <span className="bpr-init-estimate-badge">{t('initiatives.estimateBadge')}</span>
                          <InputRangeText text={f.range} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                  <InputRangeExplainer show={state.record.result.hoursSavedPerYear.inputRange !== undefined} />
                  <p className="bpr-hint">
                    {t('initiatives.computedAt', {
                      time: formatDateTime(state.record.computedAt, lang),
                      replications: state.record.result.replications,
                      seed: state.record.result.seed,
                    })}
                  </p>
                  {state.outdated && (
                    <p className="bpr-init-warning" role="status">
                      {t('initiatives.outdated')}
                    </p>
                  )}
                </>
              )}
              {pair && !state?.record && !running && <p className="bpr-hint">{t('initiatives.notComputed')}</p>}
              {running && (
                <div
                  className="bpr-sim-progress"
                  role="progressbar"
                  aria-label={t('initiatives.progressLabel')}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={percent}
                >
                  <div className="bpr-sim-progress-fill" style={{ width: `${Math.max(percent, 2)}%` }} />
                </div>
              )}
              {state?.error && (
                <p role="alert" className="bpr-error">
                  {t('initiatives.compareFailed', { message: state.error })}
                </p>
              )}
              <div className="bpr-init-pair-actions">
                {pair && !running && (
                  <button type="button" className={state?.record ? '' : 'bpr-button-primary'} onClick={() => props.onRecalc(pair)}>
                    {state?.record ? t('initiatives.recalc') : t('initiatives.calc')}
                  </button>
                )}
                {pair && running && (
                  <button type="button" onClick={() => props.onCancel(pair)}>
                    {t('initiatives.cancelCalc')}
                  </button>
                )}
                {pair && props.onOpenComparison && (
                  <button type="button" onClick={() => props.onOpenComparison?.(pair)}>
                    {t('initiatives.openComparison')}
                  </button>
                )}
                <button type="button" className="bpr-button-danger-outline" disabled={busy} onClick={() => props.onDetach(a.asIsProcessId)}>
                  {t('initiatives.detach')}
                </button>
              </div>
            </div>
          </article>
        );
      })}

      <div className="bpr-init-attach-form" role="group" aria-label={t('initiatives.attachGroup')}>
        <label htmlFor={`${id}-asis`}>{t('initiatives.attachAsIs')}</label>
        <select id={`${id}-asis`} value={asIsId} onChange={(e) => chooseAsIs(e.target.value)}>
          <option value="">{t('initiatives.choose')}</option>
          {asIsChoices.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}（{p.department}）
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-tobe`}>{t('initiatives.attachToBe')}</label>
        <select id={`${id}-tobe`} value={toBeId} onChange={(e) => setToBeId(e.target.value)}>
          <option value="">{t('initiatives.noToBeOption')}</option>
          {scenarioChoices.length > 0 && (
            <optgroup label={t('compare.scn.adoptGroup', { asIs: byId.get(asIsId)?.name ?? '' })}>
              {scenarioChoices.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}（{p.department}）
                </option>
              ))}
            </optgroup>
          )}
          {otherToBes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}（{p.department}）
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!asIsId || busy}
          onClick={() => {
            props.onAttach({ asIsProcessId: asIsId, ...(toBeId ? { toBeProcessId: toBeId } : {}) });
            setAsIsId('');
            setToBeId('');
          }}
        >
          {t('initiatives.attach')}
        </button>
      </div>
    </div>
  );
}
