import { useId, useState } from 'react';
import { KEY_ASSESSMENT_FIELDS, writeAssessmentAnswers, type AssessmentField, type RpaCandidate } from '../../domain/analysis/rpaCandidates';
import type { Assessment } from '../../domain/model/annotations';
import { CellError, formatNumber, parseNumberCell } from '../../domain/model/numbers';
import { useI18n } from '../../i18n';
import type { WorkspaceRepository } from '../../store/types';
import { Dialog } from '../common/Dialog';

/**
 * The few RPA questions that move the ranking most (KEY_ASSESSMENT_FIELDS), asked from the RPA候補
 * table. Answers go into the step's bpr:assessment, the same place the properties panel writes, so the
 * ranking, the panel and the .bpmn agree; what was entered before stays unless answered again here.
 */

type ScaleField = Exclude<AssessmentField, 'exceptionRate'>;
const SCALE = [1, 2, 3, 4, 5] as const;

export interface RpaQuestionsProps {
  repo: Pick<WorkspaceRepository, 'getProcess' | 'saveProcess'>;
  candidate: RpaCandidate;
  onClose(): void;
  /** After the answers were saved (the caller refreshes the process list, which re-ranks). */
  onSaved(): void | Promise<void>;
}

const enteredValue = (c: RpaCandidate, f: AssessmentField): number | undefined => {
  if (c.estimatedFields.includes(f)) return undefined;
  return f === 'exceptionRate' ? c.assessment.exceptionRatePct : c.assessment[f];
};

const shownValue = (c: RpaCandidate, f: AssessmentField): number => (f === 'exceptionRate' ? c.assessment.exceptionRatePct : c.assessment[f]);

export function RpaQuestions({ repo, candidate, onClose, onSaved }: RpaQuestionsProps) {
  const { t } = useI18n();
  const id = useId();
  const [scale, setScale] = useState<Partial<Record<ScaleField, string>>>(() =>
    Object.fromEntries(KEY_ASSESSMENT_FIELDS.filter((f) => f !== 'exceptionRate').map((f) => [f, String(enteredValue(candidate, f) ?? '')])),
  );
  const entered = enteredValue(candidate, 'exceptionRate');
  const [exceptionText, setExceptionText] = useState(entered === undefined ? '' : formatNumber(entered));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setError(null);
    const answers: Assessment = {};
    for (const [f, v] of Object.entries(scale) as Array<[ScaleField, string]>) if (v) answers[f] = Number(v);
    try {
      const rate = parseNumberCell(exceptionText, t('rpa.q.exceptionRate'));
      if (rate !== undefined) answers.exceptionRate = rate;
    } catch (e) {
      if (e instanceof CellError) return setError(e.message);
      throw e;
    }
    if (Object.keys(answers).length === 0) return setError(t('rpa.q.nothing'));
    setSaving(true);
    try {
      const record = await repo.getProcess(candidate.processId);
      if (!record) throw new Error(`プロセス「${candidate.processName}」が見つかりません`);
      const xml = await writeAssessmentAnswers(record.xml, candidate.taskId, answers);
      // Named revision: a save from the editor in between makes this a conflict instead of being overwritten.
      await repo.saveProcess(record.id, { xml }, { reason: 'save', expectedRevision: record.revision });
      await onSaved();
    } catch (e) {
      setError(t('rpa.q.failed', { message: e instanceof Error ? e.message : String(e) }));
      setSaving(false);
    }
  };

  return (
    <Dialog
      title={t('rpa.q.title', { task: candidate.taskName })}
      onCancel={onClose}
      className="bpr-rpa-questions"
      actions={
        <>
          <button type="button" onClick={onClose}>
            {t('rpa.q.cancel')}
          </button>
          <button type="button" className="bpr-button-primary" disabled={saving} onClick={() => void save()}>
            {saving ? t('rpa.q.saving') : t('rpa.q.save')}
          </button>
        </>
      }
    >
      <p className="bpr-rpa-muted">{t('rpa.q.intro')}</p>
      {candidate.caution === 'face-to-face' && <p className="bpr-rpa-caution">{t('rpa.q.faceToFace')}</p>}
      {candidate.caution === 'judgement' && <p className="bpr-rpa-caution">{t('rpa.q.judgement')}</p>}
      {error && (
        <p role="alert" className="bpr-rpa-error">
          {error}
        </p>
      )}
      <div className="bpr-rpa-q-list">
        {KEY_ASSESSMENT_FIELDS.map((f) => {
          const fieldId = `${id}-${f}`;
          if (f === 'exceptionRate')
            return (
              <div key={f} className="bpr-rpa-q">
                <label htmlFor={fieldId}>{t('rpa.q.exceptionRate')}</label>
                <span>
                  <input
                    id={fieldId}
                    inputMode="decimal"
                    value={exceptionText}
                    placeholder={t('rpa.q.unanswered', { value: `${formatNumber(shownValue(candidate, f))}%` })}
                    onChange={(e) => setExceptionText(e.target.value)}
                  />
                  <span className="bpr-rpa-muted"> % — {t('rpa.q.exceptionHint')}</span>
                </span>
              </div>
            );
          return (
            <div key={f} className="bpr-rpa-q">
              <label htmlFor={fieldId}>{t(`rpa.q.${f}`)}</label>
              <select id={fieldId} value={scale[f] ?? ''} onChange={(e) => setScale((s) => ({ ...s, [f]: e.target.value }))}>
                <option value="">{t('rpa.q.unanswered', { value: String(shownValue(candidate, f)) })}</option>
                {SCALE.map((n) => (
                  <option key={n} value={String(n)}>
                    {`${n}: ${t(`rpa.q.${f}.${n}`)}`}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
    </Dialog>
  );
}
