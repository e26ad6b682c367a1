import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  departmentsOf,
  defaultRpaRankingSettings,
  reconcileTrialYen,
  type RpaCandidate,
  type RpaRanking,
  type RpaRankingSettings,
} from '../../domain/analysis/rpaCandidates';
import { RPA_FORMULA_JA } from '../../domain/analysis/rpaScore';
import { toCsv } from '../../domain/exchange/csv';
import { writeXlsx } from '../../domain/exchange/xlsx';
import { useI18n } from '../../i18n';
import { exportFileName } from '../../domain/exchange/fileName';
import { downloadBlob } from '../../modeler/io/download';
import { settingsRepositoryOf } from '../../store/settingsRepository';
import type { ProcessRecord, WorkspaceStore } from '../../store/types';
import { runComparison } from '../compare/compareClient';
import { formatNumber } from '../simulation/format';
import { requestStepSelection } from './pendingSelection';
import { RankingCancelledError, rpaRankingClient, type RankingProgress } from './rankingClient';
import { RpaQuestions } from './RpaQuestions';
import { RpaSettingsPanel } from './RpaSettingsPanel';
import { ScatterChart } from './ScatterChart';
import { tryRpa, type CreatedRpaToBe, type TryRpaOutcome } from './tryRpa';
import { scenarioLabel } from '../compare/pairs';
import { applyFilters, excludedByReason, exportTable, formatHours, formatPercent, formatYenPerYear, pageOf, rowOf, scatterPoints } from './viewModel';
import { xmlHash } from './xmlHash';
import './rpa.css';

export interface RpaViewProps {
  repo: WorkspaceStore;
  workspaceId: string;
  processes: ProcessRecord[];
  onChanged(): Promise<void>;
  onOpenProcess(processId: string): void;
  /** Shows the comparison tab for the pair, when the app has one. */
  onCompare?(asIsId: string, toBeId: string): void;
}

type RunState =
  { phase: 'idle' } | { phase: 'running'; progress: RankingProgress | null } | { phase: 'done' } | { phase: 'cancelled' } | { phase: 'error'; message: string };

type TryState =
  | { phase: 'creating'; candidate: RpaCandidate }
  | { phase: 'comparing'; candidate: RpaCandidate; created: CreatedRpaToBe; fraction: number }
  | { phase: 'done'; candidate: RpaCandidate; outcome: TryRpaOutcome }
  | { phase: 'error'; candidate: RpaCandidate; message: string; created?: CreatedRpaToBe };

export function RpaView({ repo, workspaceId, processes, onChanged, onOpenProcess, onCompare }: RpaViewProps) {
  const { t, lang } = useI18n();
  const settingsRepo = useMemo(() => settingsRepositoryOf(repo), [repo]);
  const [settings, setSettings] = useState<RpaRankingSettings | null>(null);
  const [settingsIsDefault, setSettingsIsDefault] = useState(true);
  const [settingsProblem, setSettingsProblem] = useState<string | null>(null);
  const [ranking, setRanking] = useState<RpaRanking | null>(null);
  const [run, setRun] = useState<RunState>({ phase: 'idle' });
  const [department, setDepartment] = useState('');
  const [minScoreText, setMinScoreText] = useState('0');
  const [page, setPage] = useState(0);
  const [trial, setTrial] = useState<TryState | null>(null);
  const [exportNote, setExportNote] = useState<string | null>(null);
  const [rerunToken, setRerunToken] = useState(0);
  const [asking, setAsking] = useState<RpaCandidate | null>(null);
  const [answeredNote, setAnsweredNote] = useState<string | null>(null);
  const trialAbort = useRef<AbortController | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    settingsRepo.loadRpaSettings(workspaceId).then(
      (loaded) => {
        if (!live) return;
        setSettings(loaded.settings);
        setSettingsIsDefault(loaded.isDefault);
        setSettingsProblem(loaded.problem ?? null);
      },
      (e: Error) => {
        if (!live) return;
        setSettings(defaultRpaRankingSettings());
        setSettingsProblem(e.message);
      },
    );
    return () => {
      live = false;
    };
  }, [settingsRepo, workspaceId]);

  // Only the As-Is diagrams matter: a new To-Be or a rename of a To-Be does not re-rank.
  const asIs = useMemo(() => processes.filter((p) => p.kind === 'as-is'), [processes]);
  const asIsKey = useMemo(() => asIs.map((p) => `${p.id}|${p.name}|${p.department}|${xmlHash(p.xml)}`).join('\n'), [asIs]);
  const asIsRef = useRef(asIs);
  asIsRef.current = asIs;

  useEffect(() => {
    if (!settings) return;
    const client = rpaRankingClient();
    let live = true;
    setRun({ phase: 'running', progress: null });
    client
      .rank(asIsRef.current, settings, (progress) => live && setRun({ phase: 'running', progress }))
      .then(
        (r) => {
          if (!live) return;
          setRanking(r);
          setRun({ phase: 'done' });
        },
        (e: Error) => {
          if (!live) return;
          setRun(e instanceof RankingCancelledError ? { phase: 'cancelled' } : { phase: 'error', message: e.message });
        },
      );
    return () => {
      live = false;
    };
  }, [asIsKey, settings, rerunToken]);

  useEffect(() => () => trialAbort.current?.abort(), []);

  const minScore = Math.min(100, Math.max(0, Number(minScoreText.normalize('NFKC')) || 0));
  const all = ranking?.candidates ?? [];
  const departments = useMemo(() => departmentsOf(all), [all]);
  const filtered = useMemo(() => applyFilters(all, { departments: department ? [department] : [], minScore }), [all, department, minScore]);
  const rows = useMemo(() => filtered.map((c) => rowOf(c, lang)), [filtered, lang]);
  const shownPage = pageOf(rows, page);
  const points = useMemo(() => scatterPoints(filtered, lang), [filtered, lang]);
  const excludedGroups = useMemo(() => excludedByReason(ranking?.excluded ?? []), [ranking]);

  useEffect(() => setPage(0), [department, minScore]);

  const saveSettings = useCallback(
    async (next: RpaRankingSettings) => {
      const saved = await settingsRepo.saveRpaSettings(workspaceId, next);
      setSettings(saved);
      setSettingsIsDefault(false);
      setSettingsProblem(null);
    },
    [settingsRepo, workspaceId],
  );
  const resetSettings = useCallback(async () => {
    setSettings(await settingsRepo.resetRpaSettings(workspaceId));
    setSettingsIsDefault(true);
    setSettingsProblem(null);
  }, [settingsRepo, workspaceId]);

  const exportAs = (format: 'csv' | 'xlsx') => {
    const table = exportTable(filtered);
    const name = exportFileName({ parts: [t('rpa.exportFile')], date: new Date(), ext: format });
    if (format === 'csv') {
      downloadBlob(name, new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
      setExportNote(t('rpa.exported', { file: name }));
      return;
    }
    const excluded = [
      ['プロセス', '担当課', '工程', '工程ID', '理由'],
      ...(ranking?.excluded ?? []).map((e) => [e.processName, e.department, e.taskName, e.taskId, e.message]),
    ];
    const s = settings ?? defaultRpaRankingSettings();
    const settingRows = [
      ['項目', '値'],
      ['ロボット1台の年間ライセンス料 (円/年)', s.licenceYenPerRobotYear],
      ['1業務あたりの開発費 (円)', s.developmentYenPerTask],
      ['年間保守費 (開発費に対する%/年)', s.maintenanceRatePerYear * 100],
      ['1台で動かす業務数 (業務/台)', s.tasksPerRobot],
      ['時間単価の既定値 (円/時間)', s.hourlyCostFallbackYen],
      ['設定', settingsIsDefault ? '既定値（仮定値）' : '自団体の設定'],
      ['計算式', RPA_FORMULA_JA],
    ];
    const bytes = writeXlsx([
      { name: 'RPA候補', rows: table },
      { name: '対象外', rows: excluded },
      { name: '設定', rows: settingRows },
    ]);
    downloadBlob(name, new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    setExportNote(t('rpa.exported', { file: name }));
  };

  const startTry = async (candidate: RpaCandidate) => {
    if (!settings) return;
    trialAbort.current?.abort();
    const abort = new AbortController();
    trialAbort.current = abort;
    setTrial({ phase: 'creating', candidate });
    let created: CreatedRpaToBe | undefined;
    try {
      const outcome = await tryRpa(repo, candidate, settings, processes, runComparison, {
        signal: abort.signal,
        onCreated: (c) => {
          created = c;
          setTrial({ phase: 'comparing', candidate, created: c, fraction: 0 });
          void onChanged();
        },
        onProgress: (fraction) => !abort.signal.aborted && created && setTrial({ phase: 'comparing', candidate, created, fraction }),
      });
      if (!abort.signal.aborted) setTrial({ phase: 'done', candidate, outcome });
    } catch (e) {
      if (!abort.signal.aborted) setTrial({ phase: 'error', candidate, message: e instanceof Error ? e.message : String(e), created });
    }
  };

  useEffect(() => {
    if (trial) resultRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [trial?.phase]);

  const editInDiagram = (c: RpaCandidate) => {
    requestStepSelection(c.processId, c.taskId);
    onOpenProcess(c.processId);
  };

  const running = run.phase === 'running';
  const progressText =
    run.phase === 'running'
      ? run.progress && run.progress.total > 0 && run.progress.processName
        ? t('rpa.progress', { done: run.progress.done, total: run.progress.total, name: run.progress.processName })
        : ranking
          ? t('rpa.ranking')
          : t('rpa.progressStarting')
      : null;

  return (
    <section className="bpr-rpa" aria-labelledby="rpa-heading">
      <header className="bpr-rpa-header">
        <h2 id="rpa-heading">{t('rpa.heading')}</h2>
        <p className="bpr-rpa-muted">{t('rpa.intro')}</p>
      </header>

      {asIs.length === 0 && <p role="status">{t('rpa.noProcesses')}</p>}
      {settingsProblem && (
        <p role="alert" className="bpr-rpa-error">
          {settingsProblem}
        </p>
      )}

      <div className="bpr-rpa-status">
        {running && (
          <>
            <p role="status" aria-live="polite">
              {progressText}
            </p>
            {run.progress && run.progress.total > 0 && <progress max={run.progress.total} value={run.progress.done} aria-label={progressText ?? ''} />}
            <button type="button" onClick={() => rpaRankingClient().cancel()}>
              {t('rpa.cancel')}
            </button>
          </>
        )}
        {run.phase === 'cancelled' && <p role="status">{t('rpa.cancelled')}</p>}
        {run.phase === 'error' && (
          <p role="alert" className="bpr-rpa-error">
            {t('rpa.failed', { message: run.message })}
          </p>
        )}
        {!running && asIs.length > 0 && (
          <button type="button" onClick={() => setRerunToken((n) => n + 1)}>
            {t('rpa.rerun')}
          </button>
        )}
      </div>

      {answeredNote && (
        <p role="status" className="bpr-rpa-info">
          {answeredNote}
        </p>
      )}
      {asking && (
        <RpaQuestions
          repo={repo}
          candidate={asking}
          onClose={() => setAsking(null)}
          onSaved={async () => {
            setAnsweredNote(t('rpa.q.saved', { task: asking.taskName }));
            setAsking(null);
            await onChanged();
          }}
        />
      )}
      {ranking && ranking.warnings.length > 0 && (
        <details className="bpr-rpa-warnings">
          <summary>
            {t('rpa.warnings')}（{ranking.warnings.length}）
          </summary>
          <ul>
            {ranking.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}

      {trial && (
        <div
          ref={resultRef}
          className="bpr-rpa-trial"
          role="region"
          aria-label={t('rpa.resultHeading', { task: trial.candidate.taskName, process: trial.candidate.processName })}
        >
          <TrialPanel
            trial={trial}
            settings={settings}
            onClose={() => {
              trialAbort.current?.abort();
              setTrial(null);
            }}
            onOpenProcess={onOpenProcess}
            onCompare={onCompare}
          />
        </div>
      )}

      {ranking && (
        <>
          <div className="bpr-rpa-toolbar" role="group" aria-label={t('rpa.filters')}>
            <label>
              {t('rpa.department')}
              <select value={department} onChange={(e) => setDepartment(e.target.value)}>
                <option value="">{t('rpa.allDepartments')}</option>
                {departments.map((d) => (
                  <option key={d} value={d}>
                    {d || t('rpa.noDepartment')}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('rpa.minScore')}
              <input type="number" min={0} max={100} step={5} value={minScoreText} onChange={(e) => setMinScoreText(e.target.value)} />
            </label>
            <span className="bpr-rpa-muted">{t('rpa.shown', { shown: filtered.length, total: all.length })}</span>
            <span className="bpr-rpa-spacer" />
            <button type="button" onClick={() => exportAs('csv')} disabled={filtered.length === 0}>
              {t('rpa.exportCsv')}
            </button>
            <button type="button" onClick={() => exportAs('xlsx')} disabled={filtered.length === 0}>
              {t('rpa.exportXlsx')}
            </button>
            {exportNote && (
              <span role="status" className="bpr-rpa-info">
                {exportNote}
              </span>
            )}
          </div>

          <div className="bpr-rpa-table-wrap">
            <table className="bpr-rpa-table" data-testid="rpa-ranking">
              <caption className="bpr-rpa-caption">
                {t('rpa.heading')}（{t('rpa.estimateMark')}: 95%CI）
              </caption>
              <thead>
                <tr>
                  {(
                    [
                      'rank',
                      'process',
                      'department',
                      'task',
                      'score',
                      'volume',
                      'staffHours',
                      'hoursSaved',
                      'yenSaved',
                      'cost',
                      'payback',
                      'roi',
                      'actions',
                    ] as const
                  ).map((col) => (
                    <th key={col} scope="col" data-col={col}>
                      {t(`rpa.col.${col}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shownPage.items.map((r) => {
                  const c = r.candidate;
                  const busy = trial && (trial.phase === 'creating' || trial.phase === 'comparing');
                  return (
                    <tr key={r.key} data-task-id={c.taskId} data-process-id={c.processId} data-rank={c.rank}>
                      <td data-col="rank">{r.rank}</td>
                      <td data-col="process">{r.process}</td>
                      <td data-col="department">{r.department}</td>
                      <td data-col="task">
                        <span className="bpr-rpa-task">{r.task}</span>
                        <button
                          type="button"
                          className="bpr-rpa-link"
                          aria-label={t('rpa.editInDiagramLabel', { task: c.taskName, process: c.processName })}
                          onClick={() => editInDiagram(c)}
                        >
                          {t('rpa.editInDiagram')}
                        </button>
                      </td>
                      <td data-col="score">
                        <span className="bpr-rpa-points">{r.score}</span>
                        {r.assessmentLabel ? (
                          <details className="bpr-rpa-notes">
                            <summary className="bpr-rpa-badge">{r.assessmentLabel}</summary>
                            <ul>
                              {r.notes
                                .split('\n')
                                .filter(Boolean)
                                .map((n, i) => (
                                  <li key={i}>{n}</li>
                                ))}
                            </ul>
                          </details>
                        ) : (
                          <span className="bpr-rpa-badge is-assessed" title={r.notes || undefined}>
                            {t('rpa.assessedBadge')}
                          </span>
                        )}
                        {c.caution && c.needsAnswers.length > 0 && <span className="bpr-rpa-caution-tag">{t(`rpa.caution.${c.caution}`)}</span>}
                        {c.needsAnswers.length > 0 && (
                          <>
                            <span className="bpr-rpa-muted bpr-rpa-needs">{t('rpa.needsAnswers')}</span>
                            <button
                              type="button"
                              className="bpr-rpa-link bpr-rpa-answer"
                              aria-label={t('rpa.answerLabel', { task: c.taskName, process: c.processName })}
                              onClick={() => setAsking(c)}
                            >
                              {t('rpa.answer', { count: c.needsAnswers.length })}
                            </button>
                          </>
                        )}
                      </td>
                      <td data-col="volume">{r.volume}</td>
                      <td data-col="staffHours">{r.staffHours ? <Figure value={r.staffHours.value} ci={r.staffHours.ci} /> : t('rpa.notSimulated')}</td>
                      <td data-col="hoursSaved">
                        <Figure value={r.hoursSaved.value} ci={r.hoursSaved.ci} />
                      </td>
                      <td data-col="yenSaved">
                        <Figure value={r.yenSaved.value} ci={r.yenSaved.ci} />
                        {c.hourlyCostSource === 'fallback' && <span className="bpr-rpa-assumption">{t('rpa.fallbackCost')}</span>}
                      </td>
                      <td data-col="cost">{r.cost}</td>
                      <td data-col="payback" className={r.paysBack ? '' : 'bpr-rpa-never'}>
                        {r.payback}
                      </td>
                      <td data-col="roi">{r.roi}</td>
                      <td data-col="actions">
                        <button
                          type="button"
                          className="bpr-rpa-try"
                          disabled={!!busy}
                          aria-label={t('rpa.tryRpaLabel', { task: c.taskName, process: c.processName })}
                          onClick={() => void startTry(c)}
                        >
                          {t('rpa.tryRpa')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {shownPage.pageCount > 1 && (
            <nav className="bpr-rpa-pager" aria-label={t('rpa.page', { from: shownPage.from, to: shownPage.to })}>
              <button type="button" onClick={() => setPage(shownPage.page - 1)} disabled={shownPage.page === 0}>
                {t('rpa.prevPage')}
              </button>
              <span>{t('rpa.page', { from: shownPage.from, to: shownPage.to })}</span>
              <button type="button" onClick={() => setPage(shownPage.page + 1)} disabled={shownPage.page >= shownPage.pageCount - 1}>
                {t('rpa.nextPage')}
              </button>
            </nav>
          )}

          {excludedGroups.length > 0 && (
            <details className="bpr-rpa-excluded">
              <summary>{t('rpa.excludedHeading', { count: ranking.excluded.length })}</summary>
              {excludedGroups.map((g) => (
                <div key={g.reason}>
                  <h4>{t(`rpa.reason.${g.reason}`)}</h4>
                  <ul>
                    {g.steps.map((s) => (
                      <li key={`${s.processId}:${s.taskId}`}>
                        {s.message}（{s.processName}）
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </details>
          )}

          <div className="bpr-rpa-lower">
            <ScatterChart
              title={t('rpa.chartHeading')}
              description={`${t('rpa.chartDesc')}${points.length < filtered.length ? ` ${t('rpa.chartTopOnly', { count: points.length })}` : ''}`}
              items={points.map((p) => ({
                key: p.key,
                x: p.x,
                y: p.y,
                yLow: p.yLow,
                yHigh: p.yHigh,
                label: p.label,
                mark: p.rank <= 5 ? String(p.rank) : undefined,
                hollow: p.estimated,
              }))}
              xLabel={t('rpa.chartX')}
              yLabel={t('rpa.chartY')}
              formatX={(v) => formatNumber(v, lang, 0)}
              formatY={(v) => formatNumber(v, lang, 0)}
              xMax={100}
              emptyText={t('rpa.noProcesses')}
            />
            {settings && <RpaSettingsPanel settings={settings} isDefault={settingsIsDefault} onSave={saveSettings} onReset={resetSettings} />}
          </div>
          <p className="bpr-rpa-formula bpr-rpa-muted">{t('rpa.formula', { formula: RPA_FORMULA_JA })}</p>
        </>
      )}
      {!ranking && settings && run.phase !== 'running' && asIs.length > 0 && (
        <RpaSettingsPanel settings={settings} isDefault={settingsIsDefault} onSave={saveSettings} onReset={resetSettings} />
      )}
    </section>
  );
}

function Figure({ value, ci }: { value: string; ci: string }) {
  return (
    <span className="bpr-rpa-figure">
      <span className="bpr-rpa-value">{value}</span>
      <span className="bpr-rpa-ci">{ci}</span>
    </span>
  );
}

function TrialPanel({
  trial,
  settings,
  onClose,
  onOpenProcess,
  onCompare,
}: {
  trial: TryState;
  settings: RpaRankingSettings | null;
  onClose(): void;
  onOpenProcess(id: string): void;
  onCompare?(asIsId: string, toBeId: string): void;
}) {
  const { t, lang } = useI18n();
  const c = trial.candidate;
  const created = trial.phase === 'done' ? trial.outcome : trial.phase === 'comparing' || trial.phase === 'error' ? trial.created : undefined;
  const predicted = formatHours(c.hoursSavedPerYear, lang);
  return (
    <>
      <h3>{t('rpa.resultHeading', { task: c.taskName, process: c.processName })}</h3>
      {trial.phase === 'creating' && <p role="status">{t('rpa.creating')}</p>}
      {created && (
        <p role="status">
          {t('rpa.created', { scenario: created.toBe.scenarioName ?? created.toBe.name, asIs: created.asIs.name, name: created.toBe.name })}
          {created.otherScenarios.length > 0 && ` ${t('rpa.relinked', { names: created.otherScenarios.map((p) => `「${scenarioLabel(p)}」`).join('') })}`}
        </p>
      )}
      {trial.phase === 'comparing' && (
        <p role="status" aria-live="polite">
          {t('rpa.comparing', { percent: Math.round(trial.fraction * 100) })}
          <progress max={1} value={trial.fraction} />
        </p>
      )}
      {trial.phase === 'error' && (
        <p role="alert" className="bpr-rpa-error">
          {t('rpa.tryFailed', { message: trial.message })}
        </p>
      )}
      {trial.phase === 'done' && (
        <dl className="bpr-rpa-result" data-testid="rpa-trial-result">
          <div>
            <dt>{t('rpa.resultSaving')}</dt>
            <dd>
              <Figure {...formatHours(trial.outcome.comparison.hoursSavedPerYear, lang)} />
            </dd>
          </div>
          <div>
            <dt>{t('rpa.resultYen')}</dt>
            <dd>
              <Figure {...formatYenPerYear(trial.outcome.comparison.yenSavedPerYear, lang)} />
            </dd>
          </div>
          <div>
            <dt>{t('rpa.resultPercent')}</dt>
            <dd>
              <Figure
                value={formatPercent(trial.outcome.comparison.percentSaved.mean / 100, lang)}
                ci={t('rpa.ci', {
                  low: formatNumber(trial.outcome.comparison.percentSaved.ci95[0], lang, 1),
                  high: formatNumber(trial.outcome.comparison.percentSaved.ci95[1], lang, 1),
                })}
              />
            </dd>
          </div>
          <p className="bpr-rpa-muted">{t('rpa.resultPredicted', { hours: `${predicted.value}（${predicted.ci}）` })}</p>
        </dl>
      )}
      {trial.phase === 'done' && settings && <YenReconciliation candidate={c} settings={settings} trialYen={trial.outcome.comparison.yenSavedPerYear} />}
      <div className="bpr-rpa-actions">
        {created && (
          <button type="button" onClick={() => onOpenProcess(created.toBe.id)}>
            {t('rpa.openToBe')}
          </button>
        )}
        {created && onCompare && trial.phase === 'done' && (
          <button type="button" onClick={() => onCompare(created.asIs.id, created.toBe.id)}>
            {t('rpa.openCompare')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('rpa.close')}
        </button>
      </div>
    </>
  );
}

/** The ranking's ¥ and the trial's ¥ side by side, with each step between them (domain reconcileTrialYen). */
function YenReconciliation({
  candidate,
  settings,
  trialYen,
}: {
  candidate: RpaCandidate;
  settings: RpaRankingSettings;
  trialYen: TryRpaOutcome['comparison']['yenSavedPerYear'];
}) {
  const { t, lang } = useI18n();
  const r = reconcileTrialYen(candidate, settings, trialYen);
  const yen = (v: number) => t('rpa.unit.yenPerYear', { value: formatNumber(Math.round(v), lang, 0) });
  const signed = (v: number) => (v < 0 ? `−${yen(-v)}` : yen(v));
  const trial = formatYenPerYear(trialYen, lang);
  return (
    <section className="bpr-rpa-reconcile" data-testid="rpa-trial-reconcile" aria-label={t('rpa.reconcileHeading')}>
      <h4>{t('rpa.reconcileHeading')}</h4>
      <table>
        <tbody>
          <tr data-line="ranking">
            <th scope="row">{t('rpa.reconcileRanking')}</th>
            <td>{yen(r.rankingYen)}</td>
          </tr>
          {!r.staffPricedInTrial && (
            <tr data-line="unpriced">
              <th scope="row">{t('rpa.reconcileUnpriced')}</th>
              <td>{signed(-r.rankingYen)}</td>
            </tr>
          )}
          <tr data-line="licence">
            <th scope="row">{t('rpa.reconcileLicence')}</th>
            <td>{signed(-r.licenceShareYen)}</td>
          </tr>
          <tr data-line="expected" className="bpr-rpa-reconcile-sum">
            <th scope="row">{t('rpa.reconcileExpected')}</th>
            <td>{signed(r.expectedTrialYen)}</td>
          </tr>
          <tr data-line="trial">
            <th scope="row">{t('rpa.reconcileTrial')}</th>
            <td>
              {trial.value}（{trial.ci}）
            </td>
          </tr>
        </tbody>
      </table>
      <p className="bpr-rpa-muted" data-line="verdict">
        {r.withinInterval ? t('rpa.reconcileWithin') : t('rpa.reconcileOutside', { diff: signed(trialYen.mean - r.expectedTrialYen) })}
      </p>
      <p className="bpr-rpa-muted">{t('rpa.reconcileNotIncluded')}</p>
    </section>
  );
}
