import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ACHIEVEMENTS, NEXT_STEPS, STAGES, type Initiative, type Stage } from '../../domain/model/initiative';
import { fiscalYearLabel, fiscalYearOf } from '../../domain/model/fiscalYear';
import { useI18n } from '../../i18n';
import type { InitiativeRecord, InitiativeRepository } from '../../store/initiativeRepository';
import type { ProcessRecord, WorkspaceStore } from '../../store/types';
import { ConfirmDialog, Dialog } from '../common/Dialog';
import { useNotice } from '../common/useNotice';
import { AttachmentsPanel } from './AttachmentsPanel';
import { measureSuggestions, parseDepartments, policySuggestions } from './categories';
import { comparablePairs, comparisonKeyOf, estimatesFromPairs } from './comparisonFigures';
import { browserStorage } from '../editor/drafts';
import { editablePatch, editorYears, initialEstimateYear } from './editorState';
import { isLinkedKind } from './indicatorRows';
import { clearInitiativeDraft, readInitiativeDraft, restoredDraft, writeInitiativeDraft } from './initiativeDrafts';
import { InitiativeSession, type InitiativeSaveStatus } from './initiativeSession';
import { IndicatorsEditor } from './IndicatorsEditor';
import { NumberField } from './NumberField';
import { ProgressSheet } from './ProgressSheet';
import { usePairComparisons } from './usePairComparisons';
import type { FieldIssue } from './validation';
import { ColumnHeads } from '../common/ColumnHeads';

export interface InitiativeEditorProps {
  repo: InitiativeRepository;
  store: WorkspaceStore;
  record: InitiativeRecord;
  all: readonly InitiativeRecord[];
  processes: readonly ProcessRecord[];
  hoursPerFte: number;
  onSaved(record: InitiativeRecord): void;
  onDeleted(id: string): void;
  onBack(): void;
  onOpenProcess(processId: string): void;
  onOpenComparison?(pair: { asIsId: string; toBeId: string }): void;
}

const stripRevision = ({ revision: _r, ...rest }: InitiativeRecord): Initiative => rest;

/** One 取組: every field of the 進捗管理票, its attached maps with their comparison, and the printable sheet. */
export function InitiativeEditor(props: InitiativeEditorProps) {
  const { repo, record, processes } = props;
  const { t, lang } = useI18n();
  const id = useId();
  const [saved, setSaved] = useState<InitiativeRecord>(record);
  const [draft, setDraftState] = useState<Initiative>(() => stripRevision(record));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [notice, setNotice] = useNotice();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<InitiativeSaveStatus>('saved');
  const [conflict, setConflict] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [extraYears, setExtraYears] = useState({ before: 0, after: 0 });
  const currentFy = fiscalYearOf(new Date());
  const [estimateYear, setEstimateYear] = useState(() => initialEstimateYear(stripRevision(record), currentFy));
  const years = editorYears(draft, currentFy, extraYears);
  const t2 = (key: string, params?: Record<string, string | number>) => t(`initiatives.${key}`, params);

  const pairs = useMemo(() => comparablePairs(saved), [saved]);
  const { states, comparisons, comparisonOf, recalc, computeIfMissing, cancel } = usePairComparisons(props.store, pairs, processes, props.hoursPerFte);
  const currentKey = comparisons.length ? comparisonKeyOf(comparisons) : undefined;

  const savedRef = useRef(saved);
  savedRef.current = saved;
  const onSavedRef = useRef(props.onSaved);
  onSavedRef.current = props.onSaved;
  const tRef = useRef(t);
  tRef.current = t;
  // The form as last changed, read by the session when it writes (a render may not have happened yet).
  const draftRef = useRef(draft);
  const sessionRef = useRef<InitiativeSession | null>(null);

  /** Every edit of the form: kept for the next write and autosaved a moment after typing stops. */
  const update = useCallback((change: (d: Initiative) => Initiative) => {
    const next = change(draftRef.current);
    if (next === draftRef.current) return;
    draftRef.current = next;
    setDraftState(next);
    sessionRef.current?.markChanged();
  }, []);
  const replaceDraft = (next: Initiative) => {
    draftRef.current = next;
    setDraftState(next);
  };

  useEffect(() => {
    const storage = browserStorage();
    const initiativeId = record.id;
    // A StrictMode remount keeps the session (and its write queue): a second one would write with the
    // revision the first had before its flush and conflict with ourselves.
    let session = sessionRef.current;
    if (!session) {
      const created = new InitiativeSession(repo, savedRef.current, () => draftRef.current, {
        onRecord: (rec) => {
          if (!created.isDirty) clearInitiativeDraft(storage, initiativeId);
          setSaved(rec);
          onSavedRef.current(rec);
        },
        onStatus: setStatus,
        onConflict: () => setConflict(true),
        onError: (error) => setNotice({ kind: 'error', text: tRef.current('initiatives.saveFailed', { message: error.message }) }),
        onIssues: setIssues,
      });
      session = sessionRef.current = created;
      const restored = restoredDraft(readInitiativeDraft(storage, initiativeId), savedRef.current);
      if (restored) {
        draftRef.current = restored;
        setDraftState(restored);
        created.markChanged();
        setNotice({ kind: 'info', text: tRef.current('initiatives.draftRecovered') });
      } else clearInitiativeDraft(storage, initiativeId);
    }
    const live = session;

    // Closing, reloading or hiding the tab must not lose the last edits: park them synchronously,
    // then try the normal (asynchronous) write, which clears the parked copy when it gets through.
    const park = () => {
      if (!live.isDirty) return;
      writeInitiativeDraft(storage, {
        initiativeId,
        revision: live.current.revision,
        patch: editablePatch(draftRef.current),
        savedAt: new Date().toISOString(),
      });
      void live.flush();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && park();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', park);
    window.addEventListener('beforeunload', park);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', park);
      window.removeEventListener('beforeunload', park);
      // Switching tab or 取組 unmounts the editor: the same as the page going away.
      park();
    };
    // One session per 取組; the record prop changes with every save of this same 取組.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repo, record.id]);

  // A linked indicator's estimate follows the attached maps' latest comparison, in the year the
  // selector shows; it is filled as soon as a comparison, another year or a new linked indicator
  // appears, and autosaved like any edit.
  const linkedKey = draft.indicators
    .filter((i) => isLinkedKind(i.kind))
    .map((i) => `${i.id}:${i.kind}`)
    .join(',');
  useEffect(() => {
    if (comparisons.length === 0) return;
    update((d) => {
      const { initiative, changed } = estimatesFromPairs(d, estimateYear, pairs, comparisonOf);
      return changed ? initiative : d;
    });
    // `comparisons` is identified by currentKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentKey, estimateYear, linkedKey, update]);

  const set = <K extends keyof Initiative>(key: K, value: Initiative[K]) => update((d) => ({ ...d, [key]: value }));

  const save = async () => {
    const session = sessionRef.current;
    if (!session) return;
    setBusy(true);
    try {
      await session.flush();
      if (!session.isDirty) setNotice({ kind: 'info', text: t2('saved') });
    } finally {
      setBusy(false);
    }
  };

  const back = async () => {
    const session = sessionRef.current;
    await session?.flush();
    // What cannot be stored (a field the schema refuses, a conflict) is not dropped without asking.
    if (session?.isDirty) setConfirmLeave(true);
    else props.onBack();
  };

  const leaveDiscarding = () => {
    setConfirmLeave(false);
    sessionRef.current?.close();
    clearInitiativeDraft(browserStorage(), saved.id);
    props.onBack();
  };

  const reloadLatest = async () => {
    const latest = await repo.get(saved.id);
    setConflict(false);
    if (latest) {
      sessionRef.current?.reset(latest);
      clearInitiativeDraft(browserStorage(), latest.id);
      setSaved(latest);
      replaceDraft(stripRevision(latest));
      onSavedRef.current(latest);
    } else setNotice({ kind: 'error', text: t2('goneElsewhere') });
  };

  const overwrite = async () => {
    setConflict(false);
    await sessionRef.current?.overwrite();
  };

  const attachmentChange = async (change: (expectedRevision: number) => Promise<InitiativeRecord>) => {
    const session = sessionRef.current;
    if (!session) return;
    setBusy(true);
    try {
      const next = await session.run(change);
      // Attachments are not part of what autosave writes, so taking them over leaves the form as dirty as it was.
      if (next) replaceDraft({ ...draftRef.current, attachments: next.attachments });
      return next;
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setConfirmDelete(false);
    try {
      sessionRef.current?.close();
      await repo.delete(saved.id);
      clearInitiativeDraft(browserStorage(), saved.id);
      props.onDeleted(saved.id);
    } catch (err) {
      setNotice({ kind: 'error', text: (err as Error).message });
    }
  };

  const issueAt = (field: string) => issues.filter((i) => i.path[0] === field);
  const fieldLabel = (i: FieldIssue) => t2(`field.${String(i.path[0])}`);

  if (printing) {
    return <ProgressSheet initiative={draft} processes={processes} states={states} currentKey={currentKey} years={years} onClose={() => setPrinting(false)} />;
  }

  const scheduleOf = (fy: number) => draft.schedule.find((s) => s.fiscalYear === fy) ?? { fiscalYear: fy, stages: [] as Stage[], note: '' };
  const putSchedule = (fy: number, change: Partial<{ stages: Stage[]; note: string }>) => {
    const entry = { ...scheduleOf(fy), ...change };
    set(
      'schedule',
      [...draft.schedule.filter((s) => s.fiscalYear !== fy), entry].sort((a, b) => a.fiscalYear - b.fiscalYear),
    );
  };
  const evaluationOf = (fy: number) => draft.evaluations.find((e) => e.fiscalYear === fy);
  const departmentsText = draft.departments.join('、');
  const departmentChoices = [...new Set([...processes.map((p) => p.department), ...props.all.flatMap((i) => i.departments)])];

  return (
    <section className="bpr-init-editor" aria-labelledby={`${id}-heading`}>
      <header className="bpr-init-editor-header">
        <button type="button" onClick={() => void back()}>
          {t2('backToList')}
        </button>
        <h2 id={`${id}-heading`}>{draft.title || t2('untitled')}</h2>
        <span className="bpr-save-status" role="status" data-status={status} data-dirty={status !== 'saved'}>
          {t2(`saveStatus.${status}`)}
        </span>
        <button type="button" className="bpr-button-primary" disabled={busy} onClick={() => void save()}>
          {t2('save')}
        </button>
        <button type="button" onClick={() => setPrinting(true)}>
          {t2('printPreview')}
        </button>
        <button type="button" className="bpr-button-danger-outline" onClick={() => setConfirmDelete(true)}>
          {t2('delete')}
        </button>
      </header>

      {notice && (
        <div role={notice.kind === 'error' ? 'alert' : 'status'} className={notice.kind === 'error' ? 'bpr-error' : 'bpr-info'}>
          {notice.text}
          <button type="button" className="bpr-notice-close" aria-label={t2('closeNotice')} onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}
      {issues.length > 0 && (
        <div role="alert" className="bpr-error bpr-init-issues">
          <p>{t2('invalid')}</p>
          <ul>
            {issues.map((i, n) => (
              <li key={n}>
                {fieldLabel(i)}
                {i.path.length > 1 ? `（${i.path.slice(1).join('.')}）` : ''}: {i.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      <fieldset className="bpr-init-section">
        <legend>{t2('section.basic')}</legend>
        <div className="bpr-form bpr-init-form">
          <label htmlFor={`${id}-title`}>{t2('field.title')}</label>
          <input
            id={`${id}-title`}
            value={draft.title}
            aria-invalid={issueAt('title').length > 0 || undefined}
            onChange={(e) => set('title', e.target.value)}
          />
          <label htmlFor={`${id}-policy`}>{t2('policy')}</label>
          <input
            id={`${id}-policy`}
            list={`${id}-policy-list`}
            value={draft.categoryPath[0] ?? ''}
            onChange={(e) => set('categoryPath', [e.target.value, ...draft.categoryPath.slice(1)])}
          />
          <datalist id={`${id}-policy-list`}>
            {policySuggestions(props.all).map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <label htmlFor={`${id}-measure`}>{t2('measure')}</label>
          <input
            id={`${id}-measure`}
            list={`${id}-measure-list`}
            value={draft.categoryPath[1] ?? ''}
            onChange={(e) => set('categoryPath', [draft.categoryPath[0] ?? '', e.target.value])}
          />
          <datalist id={`${id}-measure-list`}>
            {measureSuggestions(props.all, draft.categoryPath[0] ?? '').map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <label htmlFor={`${id}-dept`}>{t2('field.departments')}</label>
          <DepartmentsInput
            id={`${id}-dept`}
            value={departmentsText}
            choices={departmentChoices}
            invalid={issueAt('departments').length > 0}
            onChange={(v) => set('departments', v)}
          />
        </div>
        <p className="bpr-hint">{t2('departmentsHint')}</p>
      </fieldset>

      <fieldset className="bpr-init-section">
        <legend>{t2('section.description')}</legend>
        <label className="bpr-init-block-label" htmlFor={`${id}-issues`}>
          {t2('field.currentIssues')}
        </label>
        <textarea id={`${id}-issues`} rows={3} value={draft.currentIssues} onChange={(e) => set('currentIssues', e.target.value)} />
        <label className="bpr-init-block-label" htmlFor={`${id}-summary`}>
          {t2('field.summary')}
        </label>
        <textarea id={`${id}-summary`} rows={3} value={draft.summary} onChange={(e) => set('summary', e.target.value)} />
      </fieldset>

      <fieldset className="bpr-init-section">
        <legend>{t2('field.bprFindings')}</legend>
        <table className="bpr-init-table">
          <ColumnHeads labels={[t2('finding.issue'), t2('finding.solution'), <span className="bpr-visually-hidden">{t2('actions')}</span>]} />
          <tbody>
            {draft.bprFindings.map((f, n) => (
              <tr key={n}>
                <td>
                  <textarea
                    aria-label={t2('finding.issueN', { n: n + 1 })}
                    rows={2}
                    value={f.issue}
                    onChange={(e) =>
                      set(
                        'bprFindings',
                        draft.bprFindings.map((x, k) => (k === n ? { ...x, issue: e.target.value } : x)),
                      )
                    }
                  />
                </td>
                <td>
                  <textarea
                    aria-label={t2('finding.solutionN', { n: n + 1 })}
                    rows={2}
                    value={f.solution}
                    onChange={(e) =>
                      set(
                        'bprFindings',
                        draft.bprFindings.map((x, k) => (k === n ? { ...x, solution: e.target.value } : x)),
                      )
                    }
                  />
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() =>
                      set(
                        'bprFindings',
                        draft.bprFindings.filter((_, k) => k !== n),
                      )
                    }
                  >
                    {t2('removeRow')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={() => set('bprFindings', [...draft.bprFindings, { issue: '', solution: '' }])}>
          {t2('addFinding')}
        </button>
      </fieldset>

      <fieldset className="bpr-init-section">
        <legend>{t2('field.schedule')}</legend>
        <div className="bpr-init-schedule-edit">
          {years.map((fy) => {
            const entry = scheduleOf(fy);
            const yl = fiscalYearLabel(fy, lang);
            return (
              <div key={fy} className="bpr-init-schedule-year" role="group" aria-label={yl}>
                <strong>{yl}</strong>
                <div className="bpr-init-stage-toggles">
                  {STAGES.map((s) => {
                    const on = entry.stages.includes(s);
                    return (
                      <button
                        key={s}
                        type="button"
                        className="bpr-init-stage-toggle"
                        aria-pressed={on}
                        aria-label={t2('stageToggle', { stage: t2(`stage.${s}`), year: yl })}
                        onClick={() =>
                          putSchedule(fy, { stages: on ? entry.stages.filter((x) => x !== s) : STAGES.filter((x) => x === s || entry.stages.includes(x)) })
                        }
                      >
                        {t2(`stage.${s}`)}
                      </button>
                    );
                  })}
                </div>
                <input
                  aria-label={t2('scheduleNote', { year: yl })}
                  placeholder={t2('scheduleNotePlaceholder')}
                  value={entry.note}
                  onChange={(e) => putSchedule(fy, { note: e.target.value })}
                />
              </div>
            );
          })}
        </div>
        <div className="bpr-init-add-row">
          <button type="button" onClick={() => setExtraYears((x) => ({ ...x, before: x.before + 1 }))}>
            {t2('addYearBefore')}
          </button>
          <button type="button" onClick={() => setExtraYears((x) => ({ ...x, after: x.after + 1 }))}>
            {t2('addYearAfter')}
          </button>
        </div>
      </fieldset>

      <fieldset className="bpr-init-section">
        <legend>{t2('field.attachments')}</legend>
        <div className="bpr-init-add-row">
          <label htmlFor={`${id}-esty`}>{t2('estimateYear')}</label>
          <select id={`${id}-esty`} value={estimateYear} onChange={(e) => setEstimateYear(Number(e.target.value))}>
            {years.map((fy) => (
              <option key={fy} value={fy}>
                {fiscalYearLabel(fy, lang)}
              </option>
            ))}
          </select>
          <span className="bpr-hint">{t2('estimateYearHint')}</span>
        </div>
        <AttachmentsPanel
          attachments={saved.attachments}
          processes={processes}
          states={states}
          busy={busy}
          onAttach={(pair) =>
            void attachmentChange((expectedRevision) => repo.attach(saved.id, pair, { expectedRevision })).then((next) => {
              if (next && pair.toBeProcessId)
                return computeIfMissing({ asIsId: pair.asIsProcessId, toBeId: pair.toBeProcessId }, { missing: t2('pairMissing') });
            })
          }
          onDetach={(asIsId) => void attachmentChange((expectedRevision) => repo.detach(saved.id, asIsId, { expectedRevision }))}
          onRecalc={(pair) => void recalc(pair, { missing: t2('pairMissing') })}
          onRecalcAll={() =>
            void (async () => {
              for (const pair of pairs) await recalc(pair, { missing: t2('pairMissing') });
            })()
          }
          onCancel={cancel}
          onOpenProcess={props.onOpenProcess}
          {...(props.onOpenComparison ? { onOpenComparison: props.onOpenComparison } : {})}
        />
      </fieldset>

      <fieldset className="bpr-init-section">
        <legend>{t2('field.indicators')}</legend>
        <IndicatorsEditor draft={draft} years={years} currentKey={currentKey} estimateYear={estimateYear} onChange={(next) => update(() => next)} />
      </fieldset>

      <fieldset className="bpr-init-section">
        <legend>{t2('field.evaluations')}</legend>
        <table className="bpr-init-table">
          <ColumnHeads labels={[t2('fiscalYear'), t2('achievement'), t2('reason')]} />
          <tbody>
            {years.map((fy) => {
              const ev = evaluationOf(fy);
              const yl = fiscalYearLabel(fy, lang);
              return (
                <tr key={fy}>
                  <th scope="row">{yl}</th>
                  <td>
                    <select
                      aria-label={t2('achievementOf', { year: yl })}
                      value={ev?.achievement ?? ''}
                      onChange={(e) => {
                        const rest = draft.evaluations.filter((x) => x.fiscalYear !== fy);
                        const a = e.target.value as (typeof ACHIEVEMENTS)[number] | '';
                        set('evaluations', a ? [...rest, { fiscalYear: fy, achievement: a, reason: ev?.reason ?? '' }] : rest);
                      }}
                    >
                      <option value="">―</option>
                      {ACHIEVEMENTS.map((a) => (
                        <option key={a} value={a}>
                          {t2(`achievement.${a}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <textarea
                      aria-label={t2('reasonOf', { year: yl })}
                      rows={1}
                      disabled={!ev}
                      placeholder={ev ? '' : t2('reasonNeedsAchievement')}
                      value={ev?.reason ?? ''}
                      onChange={(e) =>
                        set(
                          'evaluations',
                          draft.evaluations.map((x) => (x.fiscalYear === fy ? { ...x, reason: e.target.value } : x)),
                        )
                      }
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="bpr-hint">{t2('achievementHint')}</p>
      </fieldset>

      <fieldset className="bpr-init-section">
        <legend>{t2('field.nextStep')}</legend>
        <div className="bpr-radio-group" role="radiogroup" aria-label={t2('field.nextStep')}>
          {NEXT_STEPS.map((s) => (
            <label key={s}>
              <input type="radio" name={`${id}-next`} checked={draft.nextStep === s} onChange={() => set('nextStep', s)} /> {t2(`next.${s}`)}
            </label>
          ))}
          <label>
            <input type="radio" name={`${id}-next`} checked={draft.nextStep === undefined} onChange={() => set('nextStep', undefined)} /> {t2('next.none')}
          </label>
        </div>
        <label className="bpr-init-block-label" htmlFor={`${id}-policytext`}>
          {t2('field.nextPolicy')}
        </label>
        <textarea id={`${id}-policytext`} rows={2} value={draft.nextPolicy} onChange={(e) => set('nextPolicy', e.target.value)} />
      </fieldset>

      <fieldset className="bpr-init-section">
        <legend>{t2('field.costs')}</legend>
        <div className="bpr-form bpr-init-form">
          <span>{t2('initialCost')}</span>
          <span>
            <NumberField
              label={t2('initialCost')}
              value={draft.costs.initialYen}
              min={0}
              invalidMessage={t2('notANonNegative')}
              onChange={(v) => set('costs', { ...draft.costs, initialYen: v })}
            />{' '}
            {t2('unit.yen')}
          </span>
          <span>{t2('annualCost')}</span>
          <span>
            <NumberField
              label={t2('annualCost')}
              value={draft.costs.annualYen}
              min={0}
              invalidMessage={t2('notANonNegative')}
              onChange={(v) => set('costs', { ...draft.costs, annualYen: v })}
            />{' '}
            {t2('unit.yenPerYear')}
          </span>
        </div>
      </fieldset>

      <div className="bpr-init-editor-footer">
        <button type="button" className="bpr-button-primary" disabled={busy} onClick={() => void save()}>
          {t2('save')}
        </button>
      </div>

      {conflict && (
        <Dialog
          title={t2('conflictTitle')}
          // Autosave stays paused until one is chosen (as in the process editor), so there is no way out without a choice.
          onCancel={() => undefined}
          actions={
            <div className="bpr-conflict-actions">
              <button type="button" onClick={() => void reloadLatest()}>
                {t2('conflictReload')}
              </button>
              <button type="button" className="bpr-button-primary" onClick={() => void overwrite()}>
                {t2('conflictOverwrite')}
              </button>
            </div>
          }
        >
          <p>{t2('conflictMessage')}</p>
        </Dialog>
      )}
      {confirmLeave && (
        <ConfirmDialog
          title={t2('leaveTitle')}
          message={t2(status === 'conflict' ? 'leaveConflictMessage' : 'leaveInvalidMessage')}
          confirmLabel={t2('leaveDiscard')}
          cancelLabel={t2('leaveStay')}
          danger
          onConfirm={leaveDiscarding}
          onCancel={() => setConfirmLeave(false)}
        />
      )}
      {confirmDelete && (
        <ConfirmDialog
          title={t2('deleteTitle')}
          message={t2('deleteMessage', { title: saved.title })}
          confirmLabel={t2('delete')}
          cancelLabel={t2('cancel')}
          danger
          onConfirm={() => void remove()}
          onCancel={() => setConfirmDelete(false)}
        />
      )}
    </section>
  );
}

/** 担当課 as one line 「市民課、税務課」; the text is kept while typing and split into 課 as it changes. */
function DepartmentsInput({
  id,
  value,
  choices,
  invalid,
  onChange,
}: {
  id: string;
  value: string;
  choices: string[];
  invalid: boolean;
  onChange(v: string[]): void;
}) {
  const [text, setText] = useState(value);
  useEffect(() => {
    if (parseDepartments(text).join('、') !== value) setText(value);
    // Only an outside change resets the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <>
      <input
        id={id}
        list={`${id}-list`}
        value={text}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseDepartments(e.target.value));
        }}
      />
      <datalist id={`${id}-list`}>
        {choices.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
    </>
  );
}
