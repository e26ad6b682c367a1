import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ACHIEVEMENTS, NEXT_STEPS, STAGES, type Initiative, type Stage } from '../../domain/model/initiative';
import { fiscalYearLabel, fiscalYearOf } from '../../domain/model/fiscalYear';
import { useI18n } from '../../i18n';
import { InitiativeConflictError, type InitiativeRecord, type InitiativeRepository } from '../../store/initiativeRepository';
import type { ProcessRecord, WorkspaceStore } from '../../store/types';
import { ConfirmDialog, Dialog } from '../common/Dialog';
import { useNotice } from '../common/useNotice';
import { AttachmentsPanel } from './AttachmentsPanel';
import { measureSuggestions, parseDepartments, policySuggestions } from './categories';
import { comparablePairs, comparisonKeyOf, refreshEstimates } from './comparisonFigures';
import { defaultEstimateYear, editablePatch, editorYears, isDirty } from './editorState';
import { IndicatorsEditor } from './IndicatorsEditor';
import { NumberField } from './NumberField';
import { ProgressSheet } from './ProgressSheet';
import { usePairComparisons } from './usePairComparisons';
import { validateInitiative, type FieldIssue } from './validation';
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
  const [draft, setDraft] = useState<Initiative>(() => stripRevision(record));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [notice, setNotice] = useNotice();
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [extraYears, setExtraYears] = useState({ before: 0, after: 0 });
  const currentFy = fiscalYearOf(new Date());
  const [estimateYear, setEstimateYear] = useState(() => defaultEstimateYear(stripRevision(record), currentFy));
  const years = editorYears(draft, currentFy, extraYears);
  const dirty = isDirty(draft, saved);
  const t2 = (key: string, params?: Record<string, string | number>) => t(`initiatives.${key}`, params);

  const pairs = useMemo(() => comparablePairs(saved), [saved]);
  const { states, comparisons, recalc, cancel } = usePairComparisons(props.store, pairs, processes, props.hoursPerFte);
  const currentKey = comparisons.length ? comparisonKeyOf(comparisons) : undefined;

  const savedRef = useRef(saved);
  savedRef.current = saved;
  const onSavedRef = useRef(props.onSaved);
  onSavedRef.current = props.onSaved;

  const adopt = (next: InitiativeRecord, replaceDraft: boolean) => {
    setSaved(next);
    if (replaceDraft) setDraft(stripRevision(next));
    onSavedRef.current(next);
  };

  // An estimate follows the attached maps' latest comparison: written into the stored record at once
  // (only the estimates, so unsaved edits in the form stay unsaved) and into the form.
  useEffect(() => {
    if (comparisons.length === 0) return;
    setDraft((d) => refreshEstimates(d, estimateYear, comparisons).initiative);
    const base = savedRef.current;
    const { initiative, changed } = refreshEstimates(stripRevision(base), estimateYear, comparisons);
    if (!changed) return;
    repo.update(base.id, { indicators: initiative.indicators }, { expectedRevision: base.revision }).then(
      (next) => {
        setSaved(next);
        onSavedRef.current(next);
      },
      // A conflict here is reported by the next 保存; the estimate is re-applied after reloading.
      () => undefined,
    );
  }, [currentKey, estimateYear, repo]);

  const set = <K extends keyof Initiative>(key: K, value: Initiative[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async (overwrite = false) => {
    const found = validateInitiative({ ...draft, ...editablePatch(draft) });
    setIssues(found);
    if (found.length) return;
    setBusy(true);
    try {
      let expected = saved.revision;
      if (overwrite) expected = (await repo.get(saved.id))?.revision ?? expected;
      const next = await repo.update(saved.id, editablePatch(draft), { expectedRevision: expected });
      adopt(next, true);
      setConflict(false);
      setNotice({ kind: 'info', text: t2('saved') });
    } catch (err) {
      if (err instanceof InitiativeConflictError) setConflict(true);
      else setNotice({ kind: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const reloadLatest = async () => {
    const latest = await repo.get(saved.id);
    setConflict(false);
    if (latest) adopt(latest, true);
    else setNotice({ kind: 'error', text: t2('goneElsewhere') });
  };

  const attachmentChange = async (change: () => Promise<InitiativeRecord>) => {
    setBusy(true);
    try {
      const next = await change();
      setSaved(next);
      setDraft((d) => ({ ...d, attachments: next.attachments }));
      props.onSaved(next);
    } catch (err) {
      if (err instanceof InitiativeConflictError) setConflict(true);
      else setNotice({ kind: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setConfirmDelete(false);
    try {
      await repo.delete(saved.id);
      props.onDeleted(saved.id);
    } catch (err) {
      setNotice({ kind: 'error', text: (err as Error).message });
    }
  };

  const issueAt = (field: string) => issues.filter((i) => i.path[0] === field);
  const fieldLabel = (i: FieldIssue) => t2(`field.${String(i.path[0])}`);

  if (printing) {
    return (
      <ProgressSheet
        initiative={draft}
        processes={processes}
        states={states}
        currentKey={currentKey}
        years={years}
        onClose={() => setPrinting(false)}
      />
    );
  }

  const scheduleOf = (fy: number) => draft.schedule.find((s) => s.fiscalYear === fy) ?? { fiscalYear: fy, stages: [] as Stage[], note: '' };
  const putSchedule = (fy: number, change: Partial<{ stages: Stage[]; note: string }>) => {
    const entry = { ...scheduleOf(fy), ...change };
    set('schedule', [...draft.schedule.filter((s) => s.fiscalYear !== fy), entry].sort((a, b) => a.fiscalYear - b.fiscalYear));
  };
  const evaluationOf = (fy: number) => draft.evaluations.find((e) => e.fiscalYear === fy);
  const departmentsText = draft.departments.join('、');
  const departmentChoices = [...new Set([...processes.map((p) => p.department), ...props.all.flatMap((i) => i.departments)])];

  return (
    <section className="bpr-init-editor" aria-labelledby={`${id}-heading`}>
      <header className="bpr-init-editor-header">
        <button type="button" onClick={props.onBack}>
          {t2('backToList')}
        </button>
        <h2 id={`${id}-heading`}>{draft.title || t2('untitled')}</h2>
        <span className="bpr-save-status" role="status" data-dirty={dirty}>
          {dirty ? t2('unsaved') : t2('allSaved')}
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
          <input id={`${id}-title`} value={draft.title} aria-invalid={issueAt('title').length > 0 || undefined} onChange={(e) => set('title', e.target.value)} />
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
          <DepartmentsInput id={`${id}-dept`} value={departmentsText} choices={departmentChoices} invalid={issueAt('departments').length > 0} onChange={(v) => set('departments', v)} />
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
                    onChange={(e) => set('bprFindings', draft.bprFindings.map((x, k) => (k === n ? { ...x, issue: e.target.value } : x)))}
                  />
                </td>
                <td>
                  <textarea
                    aria-label={t2('finding.solutionN', { n: n + 1 })}
                    rows={2}
                    value={f.solution}
                    onChange={(e) => set('bprFindings', draft.bprFindings.map((x, k) => (k === n ? { ...x, solution: e.target.value } : x)))}
                  />
                </td>
                <td>
                  <button type="button" onClick={() => set('bprFindings', draft.bprFindings.filter((_, k) => k !== n))}>
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
                        onClick={() => putSchedule(fy, { stages: on ? entry.stages.filter((x) => x !== s) : STAGES.filter((x) => x === s || entry.stages.includes(x)) })}
                      >
                        {t2(`stage.${s}`)}
                      </button>
                    );
                  })}
                </div>
                <input aria-label={t2('scheduleNote', { year: yl })} placeholder={t2('scheduleNotePlaceholder')} value={entry.note} onChange={(e) => putSchedule(fy, { note: e.target.value })} />
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
          onAttach={(pair) => void attachmentChange(() => repo.attach(saved.id, pair, { expectedRevision: saved.revision }))}
          onDetach={(asIsId) => void attachmentChange(() => repo.detach(saved.id, asIsId, { expectedRevision: saved.revision }))}
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
        <IndicatorsEditor draft={draft} years={years} currentKey={currentKey} estimateYear={estimateYear} onChange={setDraft} />
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
                      onChange={(e) => set('evaluations', draft.evaluations.map((x) => (x.fiscalYear === fy ? { ...x, reason: e.target.value } : x)))}
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
          onCancel={() => setConflict(false)}
          actions={
            <div className="bpr-conflict-actions">
              <button type="button" onClick={() => void reloadLatest()}>
                {t2('conflictReload')}
              </button>
              <button type="button" className="bpr-button-primary" onClick={() => void save(true)}>
                {t2('conflictOverwrite')}
              </button>
              <button type="button" onClick={() => setConflict(false)}>
                {t2('cancel')}
              </button>
            </div>
          }
        >
          <p>{t2('conflictMessage')}</p>
        </Dialog>
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
function DepartmentsInput({ id, value, choices, invalid, onChange }: { id: string; value: string; choices: string[]; invalid: boolean; onChange(v: string[]): void }) {
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
