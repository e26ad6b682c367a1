import { useId, useState, type FormEvent } from 'react';
import { checkScenarioName, SCENARIO_NAME_MAX } from '../../domain/model/scenario';
import { useI18n } from '../../i18n';
import type { ProcessRecord, WorkspaceRepository, WorkspaceStore } from '../../store/types';
import { Dialog } from '../common/Dialog';
import { TemplateDialog } from '../templates/TemplateDialog';
import { toBeProcessName } from '../templates/templateDraft';
import { scenarioLabel, scenariosOf } from './pairs';

export interface NewScenarioFlowProps {
  repo: WorkspaceRepository;
  asIs: ProcessRecord;
  processes: ProcessRecord[];
  onClose(): void;
  /** After each write (list refresh); the caller re-reads the processes. */
  onChanged(): void | Promise<void>;
  /** The flow ended with this scenario written (its label as shown). */
  onCreated(asIsId: string, toBeId: string, scenario: string): void;
  /** 「比較する」 in the template step: show the pair in 比較. Defaults to onCreated. */
  onCompare?(asIsId: string, toBeId: string): void;
}

/**
 * 「新しいシナリオ」: copy the As-Is (or one of its scenarios) into a named To-Be scenario, then
 * optionally go on to the 改善テンプレート dialog on top of it, so templates can be applied in turn.
 */
export function NewScenarioFlow({ repo, asIs, processes, onClose, onChanged, onCreated, onCompare }: NewScenarioFlowProps) {
  const [created, setCreated] = useState<ProcessRecord | null>(null);
  if (created)
    return (
      <TemplateDialog
        repo={repo}
        asIs={asIs}
        base={created}
        processes={processes}
        onClose={() => {
          onClose();
          onCreated(asIs.id, created.id, scenarioLabel(created));
        }}
        onCreated={() => onChanged()}
        onCompare={(asIsId, toBeId) => {
          onClose();
          if (onCompare) onCompare(asIsId, toBeId);
          else onCreated(asIsId, toBeId, scenarioLabel(created));
        }}
      />
    );
  return (
    <NewScenarioDialog
      repo={repo}
      asIs={asIs}
      processes={processes}
      onCancel={onClose}
      onCreated={async (toBe, applyTemplate) => {
        await onChanged();
        if (applyTemplate) setCreated(toBe);
        else {
          onClose();
          onCreated(asIs.id, toBe.id, scenarioLabel(toBe));
        }
      }}
    />
  );
}

function NewScenarioDialog({
  repo,
  asIs,
  processes,
  onCancel,
  onCreated,
}: {
  repo: WorkspaceRepository;
  asIs: ProcessRecord;
  processes: ProcessRecord[];
  onCancel(): void;
  onCreated(toBe: ProcessRecord, applyTemplate: boolean): void | Promise<void>;
}) {
  const { t } = useI18n();
  const id = useId();
  const scenarios = scenariosOf(processes, asIs.id);
  const [name, setName] = useState('');
  const [sourceId, setSourceId] = useState(asIs.id);
  const [applyTemplate, setApplyTemplate] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    const problem = checkScenarioName(name, scenarios.map(scenarioLabel));
    if (problem) return setError(t(`compare.scn.dialog.${problem}`, { name: name.trim(), max: SCENARIO_NAME_MAX }));
    setSaving(true);
    setError(null);
    try {
      // The source as stored now: another tab may have saved it since the list was read.
      const source = (await repo.getProcess(sourceId)) ?? asIs;
      const scenarioName = name.trim();
      const toBe = await repo.createProcess(asIs.workspaceId, {
        name: toBeProcessName(asIs.name, scenarioName),
        department: asIs.department,
        kind: 'to-be',
        xml: source.xml,
        linkedProcessId: asIs.id,
        scenarioName,
      });
      await onCreated(toBe, applyTemplate);
    } catch (e) {
      setError(t('compare.scn.dialog.failed', { message: (e as Error).message }));
      setSaving(false);
    }
  };

  return (
    <Dialog
      title={t('compare.scn.dialog.title', { asIs: asIs.name })}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" onClick={onCancel}>
            {t('compare.scn.dialog.cancel')}
          </button>
          <button type="submit" form={`${id}-form`} className="bpr-button-primary" disabled={saving}>
            {t('compare.scn.dialog.create')}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="bpr-cmp-scn-form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="bpr-cmp-scn-intro">{t('compare.scn.dialog.intro')}</p>
        <label htmlFor={`${id}-name`}>{t('compare.scn.dialog.name')}</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={SCENARIO_NAME_MAX + 20}
          aria-invalid={error !== null}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setName(e.target.value)}
          autoFocus
        />
        <span id={`${id}-hint`} className="bpr-hint">
          {t('compare.scn.dialog.nameHint', { max: SCENARIO_NAME_MAX })}
        </span>
        <label htmlFor={`${id}-source`}>{t('compare.scn.dialog.source')}</label>
        <select id={`${id}-source`} value={sourceId} onChange={(e) => setSourceId(e.target.value)}>
          <option value={asIs.id}>{t('compare.scn.dialog.sourceAsIs', { name: asIs.name })}</option>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {t('compare.scn.dialog.sourceScenario', { name: scenarioLabel(s) })}
            </option>
          ))}
        </select>
        <label className="bpr-cmp-scn-check">
          <input type="checkbox" checked={applyTemplate} onChange={(e) => setApplyTemplate(e.target.checked)} /> {t('compare.scn.dialog.applyTemplate')}
        </label>
        {error && (
          <p role="alert" className="bpr-error">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}

/** 「名前を変更」 of a scenario row: only the scenario's short name changes, not the process or its diagram. */
export function RenameScenarioDialog({
  repo,
  scenario,
  processes,
  onCancel,
  onRenamed,
}: {
  repo: WorkspaceStore;
  scenario: ProcessRecord;
  processes: ProcessRecord[];
  onCancel(): void;
  onRenamed(renamed: ProcessRecord): void | Promise<void>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState(scenarioLabel(scenario));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const others = scenario.linkedProcessId ? scenariosOf(processes, scenario.linkedProcessId).filter((p) => p.id !== scenario.id) : [];

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    const problem = checkScenarioName(name, others.map(scenarioLabel));
    if (problem) return setError(t(`compare.scn.dialog.${problem}`, { name: name.trim(), max: SCENARIO_NAME_MAX }));
    setSaving(true);
    try {
      await onRenamed(await repo.renameScenario(scenario.id, name));
    } catch (e) {
      setError(t('compare.scn.rename.failed', { message: (e as Error).message }));
      setSaving(false);
    }
  };

  return (
    <Dialog
      title={t('compare.scn.rename.title', { name: scenarioLabel(scenario) })}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" onClick={onCancel}>
            {t('compare.scn.dialog.cancel')}
          </button>
          <button type="submit" form={`${id}-form`} className="bpr-button-primary" disabled={saving}>
            {t('compare.scn.rename.save')}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="bpr-cmp-scn-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={`${id}-name`}>{t('compare.scn.dialog.name')}</label>
        <input id={`${id}-name`} value={name} aria-invalid={error !== null} onChange={(e) => setName(e.target.value)} autoFocus />
        <span className="bpr-hint">{t('compare.scn.rename.hint', { process: scenario.name })}</span>
        {error && (
          <p role="alert" className="bpr-error">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
