import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useI18n } from '../../i18n';
import { simulationResultRepositoryOf } from '../../store/simulationResultRepository';
import type { ProcessRecord, WorkspaceRepository } from '../../store/types';
import { formatDateTime } from '../common/format';
import { simulationInputHash } from '../compare/inputHash';
import { DiagramPreview } from './DiagramPreview';
import { IssueList } from './IssueList';
import { ResultsView } from './ResultsView';
import { heatEntries } from './resultView';
import { runControllerFor } from './runRegistry';
import { RunSettingsForm } from './RunSettingsForm';
import { draftOf, parseDraft, type SettingsDraft } from './settingsLimits';
import type { SimRunController } from './simRunController';
import type { SimRunState } from './simRunMachine';
import './simulation.css';

export interface SimulationViewProps {
  repo: WorkspaceRepository;
  /** The process open in the editor; null when none is. */
  processId: string | null;
  /** The workspace's hours per person-year (人工), the same the 比較 tab uses. */
  hoursPerFte?: number;
  onGoToWorkspace(): void;
}

/** The シミュレーション tab: runs the open process in the worker and shows what came out. */
export function SimulationView({ repo, processId, hoursPerFte, onGoToWorkspace }: SimulationViewProps) {
  const { t } = useI18n();
  if (!processId) {
    return (
      <section className="bpr-sim bpr-empty-editor">
        <p>{t('simulation.noProcess')}</p>
        <button type="button" onClick={onGoToWorkspace}>
          {t('simulation.goToWorkspace')}
        </button>
      </section>
    );
  }
  return <ProcessSimulation key={processId} repo={repo} processId={processId} hoursPerFte={hoursPerFte} />;
}

function useRunSnapshot(controller: SimRunController) {
  return useSyncExternalStore(
    (onChange) => {
      const sub = controller.actor.subscribe(onChange);
      return () => sub.unsubscribe();
    },
    () => controller.actor.getSnapshot(),
  );
}

function ProcessSimulation({ repo, processId, hoursPerFte }: { repo: WorkspaceRepository; processId: string; hoursPerFte?: number }) {
  const { t, lang } = useI18n();
  const controller = useMemo(() => runControllerFor(processId), [processId]);
  const snapshot = useRunSnapshot(controller);
  const state = snapshot.value as SimRunState;
  const { context } = snapshot;
  const busy = snapshot.hasTag('busy');

  const [record, setRecord] = useState<ProcessRecord | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(context.settings));
  const [heatShown, setHeatShown] = useState(true);
  const [focus, setFocus] = useState<{ id: string; nonce: number } | null>(null);

  useEffect(() => {
    let live = true;
    repo.getProcess(processId).then(
      (rec) => {
        if (!live) return;
        if (rec) setRecord(rec);
        else setLoadError(t('editor.notFound'));
      },
      (error: Error) => live && setLoadError(error.message),
    );
    return () => {
      live = false;
    };
    // Not keyed on `t`: switching the language must not reload the process.
  }, [repo, processId]);

  // Every result a run completes is stored; after a reload it is shown again while the diagram and the
  // settings are the ones it was computed from (a changed diagram simply shows no stored result).
  const stored = useMemo(() => simulationResultRepositoryOf(repo), [repo]);
  useEffect(() => {
    if (!stored) return;
    controller.onResult = (xml, settings, result) => {
      void simulationInputHash(xml, { ...settings, hoursPerFte })
        .then((hash) => stored.save(processId, hash, settings, result))
        .catch(() => undefined); // Not storing a cache entry loses nothing: the run's result is on screen.
    };
  }, [controller, stored, processId, hoursPerFte]);
  useEffect(() => {
    if (!stored || !record || context.result || !controller.actor.getSnapshot().matches('idle')) return;
    let live = true;
    (async () => {
      const cached = await stored.getLatest(processId);
      if (!cached || !live) return;
      if ((await simulationInputHash(record.xml, { ...cached.settings, hoursPerFte })) !== cached.inputHash || !live) return;
      if (controller.restore(record.xml, cached.settings, cached.result, new Date(cached.computedAt))) setDraft(draftOf(cached.settings));
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [stored, record, controller, processId]);

  const parsed = parseDraft(draft);
  const result = context.result;
  const heat = useMemo(() => (result && heatShown ? heatEntries(result, lang) : null), [result, heatShown, lang]);
  const select = (id: string) => setFocus((f) => ({ id, nonce: (f?.nonce ?? 0) + 1 }));

  const run = async () => {
    if (!parsed.settings || busy) return;
    // Read the stored diagram now, not at mount: leaving the editor saves pending edits on the way out.
    const fresh = await repo.getProcess(processId).catch(() => undefined);
    const current = fresh ?? record;
    if (!current) return;
    if (fresh) setRecord(fresh);
    void controller.start(current.xml, parsed.settings, hoursPerFte);
  };

  const percent = Math.round(context.progress * 100);
  const stale = !!result && !!record && controller.resultXml !== null && controller.resultXml !== record.xml;
  const blockingTitle = context.issues.some((i) => i.source !== 'run')
    ? t('simulation.blockingTitle', { count: context.issues.length })
    : t('simulation.runErrorTitle');

  if (loadError) {
    return (
      <div role="alert" className="bpr-error">
        {t('simulation.loadFailed', { message: loadError })}
      </div>
    );
  }
  if (!record) return <p role="status">{t('simulation.loading')}</p>;

  return (
    <section className="bpr-sim" aria-labelledby="sim-heading">
      <header className="bpr-sim-header">
        <h2 id="sim-heading">{t('simulation.heading')}</h2>
        <span className="bpr-sim-process">{t('simulation.processLabel', { name: record.name })}</span>
        <span className={`bpr-kind-badge bpr-kind-${record.kind}`}>{t(`workspace.kind.${record.kind}`)}</span>
      </header>

      <div className="bpr-sim-top">
        <RunSettingsForm draft={draft} invalid={parsed.invalid} disabled={busy} onChange={setDraft} onSubmit={() => void run()}>
          <div className="bpr-sim-actions">
            <button type="submit" className="bpr-button-primary" disabled={busy || !parsed.settings}>
              {result ? t('simulation.rerun') : t('simulation.run')}
            </button>
            <button type="button" onClick={() => controller.cancel()} disabled={!(state === 'validating' || state === 'running')}>
              {t('simulation.cancel')}
            </button>
          </div>
          {busy && (
            <div
              className="bpr-sim-progress"
              role="progressbar"
              aria-label={t('simulation.progressLabel')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-valuetext={`${percent}%`}
            >
              <div
                className={`bpr-sim-progress-fill ${state === 'validating' ? 'bpr-sim-progress-pending' : ''}`}
                style={{ width: `${Math.max(percent, 2)}%` }}
              />
            </div>
          )}
          <p role="status" className={`bpr-sim-state bpr-sim-state-${state}`} data-state={state}>
            {t(`simulation.state.${state}`, { percent })}
          </p>
        </RunSettingsForm>

        <div className="bpr-sim-diagram">
          <DiagramPreview xml={record.xml} heat={heat} focus={focus} label={t('simulation.diagram')} onError={(message) => setLoadError(message)} />
          <p className="bpr-sim-hint">{t('simulation.diagramHint')}</p>
        </div>
      </div>

      {state === 'error' && (
        <>
          {context.errorMessage && context.issues.length === 0 && (
            <div role="alert" className="bpr-error">
              <span className="bpr-sim-preline">{context.errorMessage}</span>
            </div>
          )}
          <IssueList title={blockingTitle} hint={t('simulation.blockingHint')} issues={context.issues} tone="error" onSelect={select} />
        </>
      )}
      <IssueList title={t('simulation.notesTitle', { count: context.notes.length })} issues={context.notes} tone="warn" onSelect={select} />

      {result && (
        <>
          {state === 'done' && controller.restored && controller.resultAt && (
            <p className="bpr-info" role="note">
              {t('simulation.restoredResult', { time: formatDateTime(controller.resultAt.toISOString(), lang, true) })}
            </p>
          )}
          {state !== 'done' && controller.resultAt && (
            <p className="bpr-info">{t('simulation.previousResult', { time: formatDateTime(controller.resultAt.toISOString(), lang, true) })}</p>
          )}
          {stale && <p className="bpr-info">{t('simulation.staleResult')}</p>}
          <ResultsView result={result} heatShown={heatShown} onToggleHeat={setHeatShown} onSelectElement={select} />
        </>
      )}
    </section>
  );
}
