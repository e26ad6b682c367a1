import { useEffect, useId, useMemo, useState } from 'react';
import { applyTemplate, DiagramEditor, suggestSelection, TEMPLATES, type TemplateId, type TemplateResult } from '../../domain/analysis/interventions';
import { flowOrder } from '../../domain/analysis/interventions/common';
import { SOURCES } from '../../domain/analysis/sources';
import { useI18n } from '../../i18n';
import { uniqueScenarioName } from '../../domain/model/scenario';
import type { ProcessRecord, WorkspaceRepository } from '../../store/types';
import { Dialog } from '../common/Dialog';
import { scenarioLabel, scenariosOf } from '../compare/pairs';
import { initialDrafts, parseDrafts, tidyDraft, toBeProcessName, type ParamDraft } from './templateDraft';
import { defaultText, ParamField, UsedParameters, problemText } from './ParamField';
import './templates.css';
import { ColumnHeads } from '../common/ColumnHeads';

export interface TemplateDialogProps {
  repo: WorkspaceRepository;
  asIs: ProcessRecord;
  /** The diagram as currently edited (the editor's unsaved state); the stored XML otherwise. */
  asIsXml?: string;
  /**
   * A scenario of `asIs` to apply the template on top of (templates in turn, e.g. 書かない窓口 then
   * 電子決裁); without it the template starts from the As-Is.
   */
  base?: ProcessRecord;
  processes: ProcessRecord[];
  onClose(): void;
  /** After the To-Be was written (list refresh). */
  onCreated(toBeId: string): void | Promise<void>;
  onCompare(asIsId: string, toBeId: string): void;
}

export const TEMPLATE_ORDER: TemplateId[] = ['rpa', 'ai-ocr', 'kakanai', 'e-approval', 'online'];

interface StepRow {
  id: string;
  name: string;
  role: string;
}

type Phase = { kind: 'edit' } | { kind: 'choose' } | { kind: 'saving' } | { kind: 'done'; toBeId: string; name: string; scenario: string; replaced: boolean };

async function listSteps(xml: string): Promise<StepRow[]> {
  const editor = await DiagramEditor.open(xml);
  const tasks = new Set(editor.tasks().map((t) => t.id as string));
  return flowOrder(editor)
    .filter((id) => tasks.has(id))
    .map((id) => ({ id, name: ((editor.byId(id)?.name as string | undefined) ?? '').trim() || id, role: editor.roleOf(id) ?? '' }));
}

/**
 * 改善テンプレート: pick a template, the steps it acts on and its parameters, look at each change and
 * leave any out, then write the result as a new To-Be scenario of the As-Is, or over the scenario it
 * started from. The As-Is is only read; the As-Is's other scenarios are never touched.
 */
export function TemplateDialog({ repo, asIs, asIsXml, base, processes, onClose, onCreated, onCompare }: TemplateDialogProps) {
  const { t } = useI18n();
  const id = useId();
  const xml = base ? base.xml : (asIsXml ?? asIs.xml);
  const [templateId, setTemplateId] = useState<TemplateId>('kakanai');
  const [steps, setSteps] = useState<StepRow[]>([]);
  const [selection, setSelection] = useState<string[] | null>(null);
  const [drafts, setDrafts] = useState<Record<string, ParamDraft>>(() => initialDrafts(TEMPLATES.kakanai.params));
  const [exclude, setExclude] = useState<string[]>([]);
  const [preview, setPreview] = useState<TemplateResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'edit' });

  const template = TEMPLATES[templateId];
  const parsed = useMemo(() => parseDrafts(template.params, drafts), [template, drafts]);
  const scenarioNames = scenariosOf(processes, asIs.id).map(scenarioLabel);

  useEffect(() => {
    let live = true;
    listSteps(xml).then(
      (rows) => live && setSteps(rows),
      (e: Error) => live && setError(t('compare.tpl.readFailed', { message: e.message })),
    );
    return () => {
      live = false;
    };
  }, [xml]);

  // A new template starts from its own pre-selection and defaults.
  useEffect(() => {
    let live = true;
    setSelection(null);
    setExclude([]);
    setDrafts(initialDrafts(TEMPLATES[templateId].params));
    suggestSelection(xml, templateId).then(
      (ids) => live && setSelection(ids),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [xml, templateId]);

  const valuesKey = JSON.stringify(parsed.values);
  useEffect(() => {
    if (!selection || parsed.problems.length > 0) return;
    let live = true;
    applyTemplate(xml, templateId, selection, parsed.values, { exclude }).then(
      (res) => {
        if (!live) return;
        setPreview(res);
        setError(null);
      },
      (e: Error) => live && setError(t('compare.tpl.applyFailed', { message: e.message })),
    );
    return () => {
      live = false;
    };
    // parsed.values is compared by content so typing the same number does not re-apply.
  }, [xml, templateId, selection, valuesKey, exclude, parsed.problems.length]);

  const toggleStep = (stepId: string, on: boolean) =>
    setSelection((s) => {
      const current = s ?? [];
      return on ? [...current.filter((x) => x !== stepId), stepId] : current.filter((x) => x !== stepId);
    });
  const toggleChange = (changeId: string, on: boolean) => setExclude((ex) => (on ? ex.filter((x) => x !== changeId) : [...ex, changeId]));

  const appliedCount = preview?.changes.filter((c) => c.applied).length ?? 0;
  const canCreate = !!preview && appliedCount > 0 && parsed.problems.length === 0 && phase.kind === 'edit';

  const write = async (mode: 'new' | 'replace') => {
    if (!preview) return;
    setPhase({ kind: 'saving' });
    try {
      let toBe: ProcessRecord;
      if (mode === 'replace' && base) {
        // The scenario's current diagram goes into the version history first, so 版の履歴 can bring it back.
        await repo.saveProcess(base.id, {}, { reason: 'save' });
        toBe = await repo.saveProcess(base.id, { xml: preview.xml }, { reason: 'save' });
      } else {
        const scenario = uniqueScenarioName(base ? `${scenarioLabel(base)}＋${template.label}` : template.label, scenarioNames);
        const name = toBeProcessName(asIs.name, scenario);
        toBe = await repo.createProcess(asIs.workspaceId, {
          name,
          department: asIs.department,
          kind: 'to-be',
          xml: preview.xml,
          linkedProcessId: asIs.id,
          scenarioName: scenario,
        });
      }
      await onCreated(toBe.id);
      setPhase({ kind: 'done', toBeId: toBe.id, name: toBe.name, scenario: scenarioLabel(toBe), replaced: mode === 'replace' });
    } catch (e) {
      setError(t('compare.tpl.createFailed', { message: (e as Error).message }));
      setPhase({ kind: 'edit' });
    }
  };

  const create = () => {
    if (!canCreate) return;
    if (base) setPhase({ kind: 'choose' });
    else void write('new');
  };

  if (phase.kind === 'done') {
    return (
      <Dialog
        title={t('compare.tpl.doneTitle')}
        onCancel={onClose}
        className="bpr-tpl-dialog"
        actions={
          <>
            <button type="button" onClick={onClose}>
              {t('compare.tpl.close')}
            </button>
            <button type="button" className="bpr-button-primary" autoFocus onClick={() => onCompare(asIs.id, phase.toBeId)}>
              {t('compare.tpl.compare')}
            </button>
          </>
        }
      >
        <p role="status">
          {t(phase.replaced ? 'compare.tpl.replacedMessage' : 'compare.tpl.createdMessage', { name: phase.name, scenario: phase.scenario, asIs: asIs.name })}
        </p>
      </Dialog>
    );
  }

  if (phase.kind === 'choose' && base) {
    return (
      <Dialog
        title={t('compare.tpl.existingTitle')}
        onCancel={() => setPhase({ kind: 'edit' })}
        className="bpr-tpl-dialog"
        actions={
          <button type="button" onClick={() => setPhase({ kind: 'edit' })}>
            {t('compare.tpl.back')}
          </button>
        }
      >
        <p>{t('compare.tpl.existingMessage', { asIs: asIs.name, scenario: scenarioLabel(base) })}</p>
        <div className="bpr-tpl-choices">
          <button type="button" className="bpr-button-primary" onClick={() => void write('replace')}>
            {t('compare.tpl.replaceExisting')}
          </button>
          <button type="button" onClick={() => void write('new')}>
            {t('compare.tpl.createNew')}
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={base ? t('compare.tpl.titleOnScenario', { name: asIs.name, scenario: scenarioLabel(base) }) : t('compare.tpl.title', { name: asIs.name })}
      onCancel={onClose}
      className="bpr-tpl-dialog"
      actions={
        <>
          <button type="button" onClick={onClose}>
            {t('compare.tpl.cancel')}
          </button>
          <button type="button" className="bpr-button-primary" disabled={!canCreate} onClick={create}>
            {phase.kind === 'saving' ? t('compare.tpl.creating') : t('compare.tpl.create')}
          </button>
        </>
      }
    >
      <p className="bpr-tpl-intro">{t('compare.tpl.intro')}</p>
      {error && (
        <div role="alert" className="bpr-error">
          {error}
        </div>
      )}
      <fieldset className="bpr-tpl-section">
        <legend>{t('compare.tpl.template')}</legend>
        <div className="bpr-tpl-templates">
          {TEMPLATE_ORDER.map((tid) => (
            <label key={tid} className={`bpr-tpl-template ${tid === templateId ? 'bpr-tpl-template-on' : ''}`}>
              <input type="radio" name={`${id}-template`} checked={tid === templateId} onChange={() => setTemplateId(tid)} />
              <span className="bpr-tpl-template-name">{TEMPLATES[tid].label}</span>
              <span className="bpr-tpl-template-desc">{TEMPLATES[tid].description}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="bpr-tpl-section">
        <legend>{t('compare.tpl.steps')}</legend>
        <p className="bpr-tpl-hint">{t('compare.tpl.stepsHint')}</p>
        <ul className="bpr-tpl-steps" aria-label={t('compare.tpl.steps')}>
          {steps.map((s) => (
            <li key={s.id}>
              <label>
                <input
                  type="checkbox"
                  checked={selection?.includes(s.id) ?? false}
                  disabled={!selection}
                  onChange={(e) => toggleStep(s.id, e.target.checked)}
                />
                {s.name}
                {s.role && <span className="bpr-tpl-role">{s.role}</span>}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset className="bpr-tpl-section">
        <legend>{t('compare.tpl.params')}</legend>
        <table className="bpr-tpl-params">
          <ColumnHeads labels={[t('compare.tpl.param'), t('compare.tpl.value'), t('compare.tpl.source')]} />
          <tbody>
            {template.params.map((p) => {
              const source = SOURCES[p.default.source];
              const assumed = p.default.source === 'assumption';
              const fieldId = `${id}-param-${p.key}`;
              const label = t(`templates.p.${templateId}.${p.key}`);
              return (
                <tr key={p.key} data-param={p.key}>
                  <th scope="row">
                    <label htmlFor={fieldId}>{label}</label>
                  </th>
                  <td>
                    <ParamField
                      id={fieldId}
                      spec={p}
                      label={label}
                      draft={drafts[p.key]}
                      problem={parsed.problems.find((x) => x.key === p.key)}
                      outOfRange={parsed.outOfRange.includes(p.key)}
                      auto={preview?.parameters.find((r) => r.key === p.key)?.auto}
                      onChange={(d) => setDrafts((all) => ({ ...all, [p.key]: d }))}
                      onBlur={() => setDrafts((all) => ({ ...all, [p.key]: tidyDraft(p, all[p.key]) }))}
                    />
                  </td>
                  <td className="bpr-tpl-source">
                    <span className={`bpr-tpl-badge ${assumed ? 'bpr-tpl-badge-assumed' : ''}`}>
                      {assumed ? t('compare.tpl.assumed') : t('compare.tpl.estimated')}
                    </span>
                    {t('compare.tpl.default', {
                      value: defaultText(p, t),
                      unit: p.type.kind === 'choice' || p.type.kind === 'boolean' || p.default.value === 'auto' ? '' : p.unit,
                    })}
                    <span className="bpr-tpl-source-label">
                      {source.label}
                      {source.figure ? `（${source.figure}）` : ''}
                    </span>
                    {p.default.derivation && <span className="bpr-tpl-derivation">{p.default.derivation}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {parsed.problems.length > 0 && (
          <div role="alert" className="bpr-tpl-problems">
            <p>{t('templates.problems')}</p>
            <ul>
              {parsed.problems.map((pr) => (
                <li key={pr.key}>{problemText(pr, t(`templates.p.${templateId}.${pr.key}`), t)}</li>
              ))}
            </ul>
          </div>
        )}
      </fieldset>

      <fieldset className="bpr-tpl-section">
        <legend>{t('compare.tpl.changes', { count: appliedCount })}</legend>
        <p className="bpr-tpl-hint">{t('compare.tpl.changesHint')}</p>
        {preview && preview.changes.length === 0 && <p>{t('compare.tpl.noChanges')}</p>}
        <ul className="bpr-tpl-changes" data-testid="template-changes">
          {preview?.changes.map((c) => {
            const excluded = exclude.includes(c.id);
            return (
              <li key={c.id} className={`bpr-tpl-change bpr-tpl-change-${c.kind} ${c.applied ? '' : 'bpr-tpl-change-off'}`}>
                <label>
                  <input type="checkbox" checked={!excluded} disabled={!excluded && !c.applied} onChange={(e) => toggleChange(c.id, e.target.checked)} />
                  <span className="bpr-tpl-kind">{t(`compare.tpl.kind.${c.kind}`)}</span>
                  <span>{c.description}</span>
                </label>
                {!excluded && !c.applied && <span className="bpr-tpl-hint">{t('compare.tpl.dependsExcluded')}</span>}
              </li>
            );
          })}
        </ul>
        {preview && preview.warnings.length > 0 && (
          <ul className="bpr-tpl-warnings" role="note">
            {preview.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        )}
        {preview && <UsedParameters templateId={templateId} specs={template.params} resolved={preview.parameters} />}
        {base ? (
          <p className="bpr-tpl-hint">{t('compare.tpl.onScenario', { scenario: scenarioLabel(base) })}</p>
        ) : (
          scenarioNames.length > 0 && <p className="bpr-tpl-hint">{t('compare.tpl.hasToBe', { names: scenarioNames.map((n) => `「${n}」`).join('') })}</p>
        )}
        <p className="bpr-tpl-hint">{t('compare.tpl.asIsUntouched')}</p>
      </fieldset>
    </Dialog>
  );
}
