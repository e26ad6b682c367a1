import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ComparisonResult } from '../../domain/analysis/compare';
import { comparisonToCsv, comparisonToXlsx } from '../../domain/analysis/comparisonExport';
import type { SensitivityResult } from '../../domain/analysis/sensitivity';
import { useI18n } from '../../i18n';
import { exportFileName } from '../../domain/exchange/fileName';
import { downloadBlob } from '../../modeler/io/download';
import { COMPARISON_RECORD_VERSION, comparisonRepositoryOf, type ComparisonInputOptions, type ComparisonRecord } from '../../store/comparisonRepository';
import type { ProcessRecord, WorkspaceStore } from '../../store/types';
import { BarChart } from '../charts/BarChart';
import { formatDateTime } from '../common/format';
import { decimalsFor, formatNumber } from '../simulation/format';
import { TemplateDialog } from '../templates/TemplateDialog';
import { automationByTask } from './automation';
import { CompareDiagram, type DiagramOverlay } from './CompareDiagram';
import { ComparisonCancelledError, runComparisonDetailed } from './compareClient';
import { comparisonInputHash } from './inputHash';
import { NewScenarioFlow } from './NewScenarioDialog';
import { asIsWithScenarios, defaultPair, scenarioLabel, scenariosOf, type ComparePair } from './pairs';
import { PrintSummary } from './PrintSummary';
import { ScenarioOverview } from './ScenarioOverview';
import { Tornado } from './Tornado';
import { InputRangeExplainer, InputRangeText } from '../common/InputRange';
import { beforeAfterRows, diagramMarks, keyFigures, roleHourBars, sourcesFor, taskDeltaItems } from './viewModel';
import { WaterfallChart } from './WaterfallChart';
import './compare.css';

export interface CompareViewProps {
  repo: WorkspaceStore;
  /** The workspace's hours per FTE (人工換算). */
  hoursPerFte: number;
  processes: ProcessRecord[];
  /** Pair asked for by compare.open; null to choose from the open process. */
  requestedPair: ComparePair | null;
  openProcessId: string | null;
  onChanged(): Promise<void>;
  /** Switches the view to a pair (compare.open). */
  onSelectPair(pair: ComparePair): void;
}

export const DEFAULT_REPLICATIONS = 20;

interface Shown {
  record: ComparisonRecord;
  asIsXml: string;
  toBeXml: string;
}

type RunState = { kind: 'idle' } | { kind: 'running'; progress: number } | { kind: 'cancelled' } | { kind: 'error'; message: string };

function parseSettings(replications: string, seed: string): { replications: number; seed: number } | null {
  const r = Number(replications.trim());
  const s = Number(seed.trim());
  if (!Number.isInteger(r) || r < 2 || r > 1000) return null;
  if (!Number.isInteger(s) || s < 0 || s > 2 ** 31) return null;
  return { replications: r, seed: s };
}

/**
 * The 比較（As-Is / To-Be） tab: an As-Is with all its To-Be scenarios side by side, and the chosen
 * scenario against the As-Is in detail.
 */
export function CompareView({ repo, hoursPerFte, processes, requestedPair, openProcessId, onChanged, onSelectPair }: CompareViewProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const comparisons = useMemo(() => comparisonRepositoryOf(repo), [repo]);
  const groups = useMemo(() => asIsWithScenarios(processes), [processes]);
  const pair = useMemo(() => defaultPair(processes, requestedPair, openProcessId), [processes, requestedPair, openProcessId]);
  const asIs = pair ? processes.find((p) => p.id === pair.asIsId) : undefined;
  const toBe = pair ? processes.find((p) => p.id === pair.toBeId) : undefined;
  const scenarios = useMemo(() => (asIs ? scenariosOf(processes, asIs.id) : []), [processes, asIs]);
  const asIsWithoutToBe = useMemo(() => processes.filter((p) => p.kind === 'as-is' && !groups.some((x) => x.asIs.id === p.id)), [processes, groups]);

  const [replications, setReplications] = useState(String(DEFAULT_REPLICATIONS));
  const [seed, setSeed] = useState('1');
  const [run, setRun] = useState<RunState>({ kind: 'idle' });
  const [shown, setShown] = useState<Shown | null>(null);
  const [stale, setStale] = useState(false);
  const [automation, setAutomation] = useState<Record<string, string>>({});
  const [diagramError, setDiagramError] = useState<string | null>(null);
  const [templatesFor, setTemplatesFor] = useState<{ asIs: ProcessRecord; base?: ProcessRecord } | null>(null);
  const [newScenarioFor, setNewScenarioFor] = useState<ProcessRecord | null>(null);
  /** Bumped when the overview stored a new result for the pair shown in detail, so the detail reloads it. */
  const [reloads, setReloads] = useState(0);
  /** Bumped when the detail stored a new result, so the overview reads it (it keeps its own state otherwise). */
  const [detailRuns, setDetailRuns] = useState(0);
  const abortRef = useRef<AbortController | null>(null);
  const settings = parseSettings(replications, seed);

  useEffect(() => () => abortRef.current?.abort(), []);

  // The stored result of the pair, and whether either diagram changed since it was computed.
  useEffect(() => {
    setShown(null);
    setStale(false);
    setRun({ kind: 'idle' });
    setDiagramError(null);
    if (!pair) return;
    let live = true;
    (async () => {
      const [a, b] = await Promise.all([repo.getProcess(pair.asIsId), repo.getProcess(pair.toBeId)]);
      if (!a || !b) return;
      const record = await comparisons?.getLatest(pair.asIsId, pair.toBeId).catch(() => undefined);
      if (!live || !record) return;
      setShown({ record, asIsXml: a.xml, toBeXml: b.xml });
      if (record.options) {
        setReplications(String(record.options.replications));
        setSeed(String(record.options.seed));
        const now = await comparisonInputHash(a.xml, b.xml, record.options);
        if (live) setStale(now !== record.inputHash);
      }
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [repo, comparisons, pair?.asIsId, pair?.toBeId, reloads]);

  useEffect(() => {
    if (!shown) return setAutomation({});
    let live = true;
    automationByTask(shown.toBeXml).then(
      (map) => live && setAutomation(map),
      () => live && setAutomation({}),
    );
    return () => {
      live = false;
    };
  }, [shown?.toBeXml]);

  const start = async () => {
    if (!pair || !settings || run.kind === 'running') return;
    const [a, b] = await Promise.all([repo.getProcess(pair.asIsId), repo.getProcess(pair.toBeId)]);
    if (!a || !b) return setRun({ kind: 'error', message: t('compare.pairMissing') });
    const options: ComparisonInputOptions = { ...settings, hoursPerFte };
    const controller = new AbortController();
    abortRef.current = controller;
    setRun({ kind: 'running', progress: 0 });
    try {
      const out = await runComparisonDetailed(
        a.xml,
        b.xml,
        { ...options, sensitivity: true },
        {
          signal: controller.signal,
          onProgress: (progress) => setRun({ kind: 'running', progress }),
        },
      );
      const inputHash = await comparisonInputHash(a.xml, b.xml, options);
      let record: ComparisonRecord = {
        schemaVersion: COMPARISON_RECORD_VERSION,
        id: `${a.id}|${b.id}`,
        asIsId: a.id,
        toBeId: b.id,
        inputHash,
        options,
        computedAt: new Date().toISOString(),
        result: out.result,
        sensitivity: out.sensitivity,
      };
      try {
        if (comparisons) record = await comparisons.save(a.id, b.id, inputHash, out.result, { options, sensitivity: out.sensitivity });
      } catch (error) {
        setRun({ kind: 'error', message: t('compare.saveFailed', { message: (error as Error).message }) });
        setShown({ record, asIsXml: a.xml, toBeXml: b.xml });
        setStale(false);
        return;
      }
      setShown({ record, asIsXml: a.xml, toBeXml: b.xml });
      setStale(false);
      setRun({ kind: 'idle' });
      setDetailRuns((n) => n + 1);
    } catch (error) {
      if (error instanceof ComparisonCancelledError) setRun({ kind: 'cancelled' });
      else setRun({ kind: 'error', message: (error as Error).message });
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
    }
  };

  const result = shown?.record.result ?? null;
  const download = (kind: 'csv' | 'xlsx') => {
    if (!result) return;
    // Both maps are named: an As-Is can be compared with more than one To-Be.
    const name = exportFileName({ parts: [asIs?.name, toBe?.scenarioName ?? toBe?.name, '比較'], date: new Date(), ext: kind });
    if (kind === 'csv') downloadBlob(name, new Blob([comparisonToCsv(result)], { type: 'text/csv;charset=utf-8' }));
    else
      downloadBlob(
        name,
        new Blob([comparisonToXlsx(result) as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      );
  };

  const percent = run.kind === 'running' ? Math.round(run.progress * 100) : 0;

  return (
    <section className="bpr-cmp" aria-labelledby={`${id}-heading`}>
      <header className="bpr-cmp-header bpr-cmp-noprint">
        <h2 id={`${id}-heading`}>{t('compare.heading')}</h2>
        <label htmlFor={`${id}-pair`}>{t('compare.scn.asIsLabel')}</label>
        <select
          id={`${id}-pair`}
          value={pair?.asIsId ?? ''}
          disabled={run.kind === 'running'}
          onChange={(e) => {
            const chosen = groups.find((x) => x.asIs.id === e.target.value);
            if (chosen) onSelectPair({ asIsId: chosen.asIs.id, toBeId: chosen.scenarios[0].id });
          }}
        >
          {!pair && <option value="">{t('compare.noPairOption')}</option>}
          {groups.map((x) => (
            <option key={x.asIs.id} value={x.asIs.id}>
              {t('compare.scn.asIsOption', { asIs: x.asIs.name, count: x.scenarios.length })}
            </option>
          ))}
        </select>
        {asIs && (
          <button type="button" onClick={() => setTemplatesFor({ asIs })} disabled={run.kind === 'running'}>
            {t('compare.templates')}
          </button>
        )}
      </header>

      {!pair && (
        <div className="bpr-info bpr-cmp-noprint">
          <p>{t('compare.noPair')}</p>
          {asIsWithoutToBe.length > 0 && (
            <ul className="bpr-cmp-nopair">
              {asIsWithoutToBe.map((p) => (
                <li key={p.id}>
                  {p.name}{' '}
                  <button type="button" onClick={() => setTemplatesFor({ asIs: p })}>
                    {t('compare.templatesFor', { name: p.name })}
                  </button>{' '}
                  <button type="button" aria-label={t('compare.scn.newLabel', { name: p.name })} onClick={() => setNewScenarioFor(p)}>
                    {t('compare.scn.new')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {pair && asIs && toBe && (
        <ScenarioOverview
          key={`${asIs.id}:${detailRuns}`}
          store={repo}
          asIs={asIs}
          scenarios={scenarios}
          processes={processes}
          hoursPerFte={hoursPerFte}
          selectedToBeId={toBe.id}
          busy={run.kind === 'running'}
          onSelect={(toBeId) => onSelectPair({ asIsId: asIs.id, toBeId })}
          onLayerTemplate={(base) => setTemplatesFor({ asIs, base })}
          onNewScenario={() => setNewScenarioFor(asIs)}
          onStored={(toBeId) => toBeId === toBe.id && setReloads((n) => n + 1)}
          onChanged={onChanged}
        />
      )}

      {pair && asIs && toBe && (
        <>
          <h3 className="bpr-cmp-detail-heading bpr-cmp-noprint">{t('compare.scn.detailHeading', { scenario: scenarioLabel(toBe) })}</h3>
          <p className="bpr-cmp-pair bpr-cmp-noprint">
            <span className="bpr-kind-badge bpr-kind-as-is">{t('workspace.kind.as-is')}</span> {asIs.name}
            <span aria-hidden="true"> → </span>
            <span className="bpr-kind-badge bpr-kind-to-be">{t('workspace.kind.to-be')}</span> {toBe.name}
          </p>
          <form
            className="bpr-cmp-settings bpr-cmp-noprint"
            aria-label={t('compare.settings')}
            onSubmit={(e) => {
              e.preventDefault();
              void start();
            }}
          >
            <div className="bpr-cmp-field">
              <label htmlFor={`${id}-reps`}>{t('compare.replications')}</label>
              <input
                id={`${id}-reps`}
                inputMode="numeric"
                value={replications}
                disabled={run.kind === 'running'}
                onChange={(e) => setReplications(e.target.value)}
                aria-invalid={!parseSettings(replications, '1')}
              />
              <span className="bpr-cmp-hint">{t('compare.replicationsHint')}</span>
            </div>
            <div className="bpr-cmp-field">
              <label htmlFor={`${id}-seed`}>{t('compare.seed')}</label>
              <input
                id={`${id}-seed`}
                inputMode="numeric"
                value={seed}
                disabled={run.kind === 'running'}
                onChange={(e) => setSeed(e.target.value)}
                aria-invalid={!parseSettings('2', seed)}
              />
              <span className="bpr-cmp-hint">{t('compare.seedHint')}</span>
            </div>
            <div className="bpr-cmp-actions">
              <button type="submit" className="bpr-button-primary" disabled={!settings || run.kind === 'running'}>
                {result ? t('compare.rerun') : t('compare.run')}
              </button>
              <button type="button" onClick={() => abortRef.current?.abort()} disabled={run.kind !== 'running'}>
                {t('compare.cancel')}
              </button>
            </div>
            {!settings && (
              <p role="alert" className="bpr-cmp-field-error">
                {t('compare.invalidSettings')}
              </p>
            )}
            {run.kind === 'running' && (
              <div
                className="bpr-sim-progress bpr-cmp-progress"
                role="progressbar"
                aria-label={t('compare.progressLabel')}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
                aria-valuetext={`${percent}%`}
              >
                <div className="bpr-sim-progress-fill" style={{ width: `${Math.max(percent, 2)}%` }} />
              </div>
            )}
            <p role="status" className="bpr-cmp-state" data-state={run.kind}>
              {run.kind === 'running'
                ? t('compare.state.running', { percent })
                : run.kind === 'cancelled'
                  ? t('compare.state.cancelled')
                  : shown
                    ? t('compare.lastComputed', { time: formatDateTime(shown.record.computedAt, lang, true) })
                    : t('compare.state.idle')}
            </p>
          </form>
          {run.kind === 'error' && (
            <div role="alert" className="bpr-error bpr-cmp-noprint">
              {t('compare.failed', { message: run.message })}
            </div>
          )}
          {stale && (
            <div role="alert" className="bpr-cmp-stale bpr-cmp-noprint">
              {t('compare.stale')}
            </div>
          )}
          {diagramError && (
            <div role="alert" className="bpr-error">
              {diagramError}
            </div>
          )}
        </>
      )}

      {result && shown && asIs && toBe && (
        <ComparisonResults
          result={result}
          sensitivity={shown.record.sensitivity ?? null}
          asIsXml={shown.asIsXml}
          toBeXml={shown.toBeXml}
          automation={automation}
          onDownload={download}
          onDiagramError={setDiagramError}
        />
      )}
      {result && shown && asIs && toBe && (
        <PrintSummary
          result={result}
          asIsName={asIs.name}
          toBeName={toBe.name}
          department={asIs.department}
          computedAt={shown.record.computedAt}
          sources={sourcesFor(Object.values(automation))}
          asIsXml={shown.asIsXml}
          toBeXml={shown.toBeXml}
        />
      )}

      {templatesFor && (
        <TemplateDialog
          repo={repo}
          asIs={templatesFor.asIs}
          base={templatesFor.base}
          processes={processes}
          onClose={() => setTemplatesFor(null)}
          onCreated={() => onChanged()}
          onCompare={(asIsId, toBeId) => {
            setTemplatesFor(null);
            onSelectPair({ asIsId, toBeId });
          }}
        />
      )}
      {newScenarioFor && (
        <NewScenarioFlow
          repo={repo}
          asIs={newScenarioFor}
          processes={processes}
          onClose={() => setNewScenarioFor(null)}
          onChanged={onChanged}
          onCreated={(asIsId, toBeId) => onSelectPair({ asIsId, toBeId })}
        />
      )}
    </section>
  );
}

interface ResultsProps {
  result: ComparisonResult;
  sensitivity: SensitivityResult | null;
  asIsXml: string;
  toBeXml: string;
  automation: Record<string, string>;
  onDownload(kind: 'csv' | 'xlsx'): void;
  onDiagramError(message: string): void;
}

function ComparisonResults({ result, sensitivity, asIsXml, toBeXml, automation, onDownload, onDiagramError }: ResultsProps) {
  const { t, lang } = useI18n();
  const figures = useMemo(() => keyFigures(result, lang), [result, lang]);
  const rows = useMemo(() => beforeAfterRows(result, lang), [result, lang]);
  const deltas = useMemo(() => taskDeltaItems(result, lang), [result, lang]);
  const roleBars = useMemo(() => roleHourBars(result, lang), [result, lang]);
  const marks = useMemo(() => diagramMarks(result, automation, lang), [result, automation, lang]);
  const asIsMarkers = useMemo(() => Object.fromEntries(Object.entries(marks.asIs).map(([k, v]) => [k, `bpr-cmp-mark-${v}`])), [marks]);
  const asIsOverlays = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(marks.asIs).map(([k, v]): [string, DiagramOverlay] => [
          k,
          { text: t(`compare.mark.${v}`), tone: v, title: t(`compare.mark.${v}Title`) },
        ]),
      ),
    [marks, t],
  );
  const toBeOverlays = useMemo(() => Object.fromEntries(Object.entries(marks.toBe).map(([k, v]): [string, DiagramOverlay] => [k, v])), [marks]);
  const num = (v: number, d?: number) => formatNumber(v, lang, d);
  const hoursUnit = t('compare.unit.hoursPerYear');
  const cell = (est: { mean: number; ci95: [number, number] } | null) => {
    if (!est) return <span className="bpr-sim-na">―</span>;
    const d = decimalsFor(est.mean);
    return (
      <>
        <span className="bpr-sim-cell-mean">{num(est.mean, d)}</span>
        {est.ci95[0] !== est.ci95[1] && <span className="bpr-sim-cell-ci">{t('compare.range', { low: num(est.ci95[0], d), high: num(est.ci95[1], d) })}</span>}
      </>
    );
  };

  return (
    <section className="bpr-cmp-results bpr-cmp-noprint" aria-label={t('compare.resultsHeading')}>
      <div className="bpr-cmp-results-head">
        <h3>{t('compare.resultsHeading')}</h3>
        <span className="bpr-cmp-estimate-badge">{t('compare.estimated')}</span>
        <span className="bpr-cmp-method">{t('compare.method', { replications: result.replications, seed: result.seed })}</span>
        <span className="bpr-cmp-exports" role="group" aria-label={t('compare.exports')}>
          <button type="button" onClick={() => onDownload('csv')}>
            {t('compare.downloadCsv')}
          </button>
          <button type="button" onClick={() => onDownload('xlsx')}>
            {t('compare.downloadXlsx')}
          </button>
          <button type="button" onClick={() => window.print()}>
            {t('compare.print')}
          </button>
        </span>
      </div>

      <dl className="bpr-cmp-kpis">
        {figures.map((f) => (
          <div key={f.key} className="bpr-cmp-kpi" data-kpi={f.key}>
            <dt>
              {f.label} <span className="bpr-cmp-estimate-badge">{t('compare.estimated')}</span>
            </dt>
            <dd>
              <span className="bpr-cmp-kpi-value">{f.figure.value}</span>
              <span className="bpr-cmp-kpi-unit">{f.unit}</span>
              <span className="bpr-cmp-kpi-ci">{f.figure.ci}</span>
              <InputRangeText text={f.figure.range} />
              {f.note && <span className="bpr-cmp-kpi-note">{f.note}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <InputRangeExplainer show={figures.some((f) => f.figure.range)} />

      <table className="bpr-sim-table bpr-cmp-before-after">
        <caption>{t('compare.beforeAfterCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.col.item')}</th>
            <th scope="col" className="num">
              {t('compare.side.asIs')}
            </th>
            <th scope="col" className="num">
              {t('compare.side.toBe')}
            </th>
            <th scope="col" className="num">
              {t('compare.col.saved')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-row={r.key}>
              <th scope="row">
                {r.label}（{r.unit}）{r.note && <span className="bpr-sim-tag">{r.note}</span>}
              </th>
              <td className="num">{r.asIs?.text ?? t('compare.notApplicable')}</td>
              <td className="num">{r.toBe?.text ?? t('compare.notApplicable')}</td>
              <td className="num">
                {r.saved?.text ?? t('compare.notApplicable')}
                <InputRangeText text={r.saved?.range} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {result.warnings.length > 0 && (
        <div className="bpr-sim-warnings" role="note">
          <strong>{t('compare.warningsTitle', { count: result.warnings.length })}</strong>
          <ul>
            {result.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="bpr-cmp-chart" data-testid="compare-task-chart">
        <WaterfallChart
          title={t('compare.chart.tasks')}
          description={t('compare.chart.tasksDesc')}
          items={deltas}
          total={{
            label: t('compare.chart.total'),
            value: result.hoursSavedPerYear.mean,
            ci: result.hoursSavedPerYear.ci95,
            valueText: `${num(result.hoursSavedPerYear.mean)} ${hoursUnit}`,
          }}
          axisLabel={t('compare.chart.hoursAxis')}
          formatTick={(v) => num(v, Math.abs(v) >= 10 || v === 0 ? 0 : decimalsFor(v))}
          formatValue={(v) => num(v)}
          emptyText={t('compare.chart.empty')}
        />
      </div>

      <div className="bpr-cmp-diagrams">
        <div>
          <h4>{t('compare.diagramAsIs')}</h4>
          <CompareDiagram
            xml={asIsXml}
            markers={asIsMarkers}
            overlays={asIsOverlays}
            label={t('compare.diagramAsIs')}
            testId="compare-asis-diagram"
            onError={onDiagramError}
          />
          <p className="bpr-cmp-hint">
            <span className="bpr-cmp-legend-removed">{t('compare.mark.removed')}</span> {t('compare.mark.removedTitle')} ・{' '}
            <span className="bpr-cmp-legend-automated">{t('compare.mark.automated')}</span> {t('compare.mark.automatedTitle')}
          </p>
        </div>
        <div>
          <h4>{t('compare.diagramToBe')}</h4>
          <CompareDiagram
            xml={toBeXml}
            markers={{}}
            overlays={toBeOverlays}
            label={t('compare.diagramToBe')}
            testId="compare-tobe-diagram"
            onError={onDiagramError}
          />
          <p className="bpr-cmp-hint">{t('compare.toBeOverlayHint')}</p>
        </div>
      </div>

      <div className="bpr-cmp-chart">
        <BarChart
          title={t('compare.chart.roles')}
          description={t('compare.chart.rolesDesc')}
          items={roleBars}
          axisLabel={t('compare.chart.hoursAxis')}
          formatTick={(v) => num(v, v >= 10 || v === 0 ? 0 : decimalsFor(v))}
          formatValue={(item) => num(item.value)}
          emptyText={t('compare.chart.empty')}
          width={820}
          labelChars={22}
        />
      </div>

      {sensitivity && (
        <div className="bpr-cmp-chart">
          <Tornado
            title={t('compare.tornado.title')}
            description={t('compare.tornado.desc', { baseline: `${num(sensitivity.baselineHoursSavedPerYear)} ${hoursUnit}` })}
            sensitivity={sensitivity}
            axisLabel={t('compare.chart.hoursSavedAxis')}
            lowLabel={t('compare.tornado.low')}
            highLabel={t('compare.tornado.high')}
            baselineLabel={t('compare.tornado.baseline')}
            formatTick={(v) => num(v, Math.abs(v) >= 10 || v === 0 ? 0 : decimalsFor(v))}
            describe={(b) =>
              t('compare.tornado.bar', {
                label: b.label,
                low: `${num(b.lowInput)}${b.unit}`,
                high: `${num(b.highInput)}${b.unit}`,
                atLow: `${num(b.hoursSavedAtLow)} ${hoursUnit}`,
                atHigh: `${num(b.hoursSavedAtHigh)} ${hoursUnit}`,
              })
            }
            emptyText={t('compare.tornado.empty')}
          />
        </div>
      )}

      <h4>{t('compare.tasksHeading')}</h4>
      <div className="bpr-sim-table-wrap">
        <table className="bpr-sim-table" data-testid="compare-task-table">
          <thead>
            <tr>
              <th scope="col">{t('compare.col.task')}</th>
              <th scope="col">{t('compare.col.status')}</th>
              <th scope="col">{t('compare.col.role')}</th>
              <th scope="col" className="num">
                {t('compare.col.asIsHours')}
              </th>
              <th scope="col" className="num">
                {t('compare.col.toBeHours')}
              </th>
              <th scope="col" className="num">
                {t('compare.col.savedHours')}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.tasks.map((task) => (
              <tr key={task.key}>
                <th scope="row">{task.name}</th>
                <td>
                  {t(`compare.status.${task.status}`)}
                  {task.robot && <span className="bpr-sim-tag">{t('compare.status.robot')}</span>}
                </td>
                <td>{task.toBeRole ?? task.asIsRole ?? '―'}</td>
                <td className="num">{cell(task.asIsHoursPerYear)}</td>
                <td className="num">{cell(task.toBeHoursPerYear)}</td>
                <td className="num">{cell(task.hoursSavedPerYear)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h4>{t('compare.rolesHeading')}</h4>
      <div className="bpr-sim-table-wrap">
        <table className="bpr-sim-table">
          <thead>
            <tr>
              <th scope="col">{t('compare.col.roleName')}</th>
              <th scope="col" className="num">
                {t('compare.col.asIsHours')}
              </th>
              <th scope="col" className="num">
                {t('compare.col.toBeHours')}
              </th>
              <th scope="col" className="num">
                {t('compare.col.savedHours')}
              </th>
              <th scope="col" className="num">
                {t('compare.col.savedYen')}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.roles.map((role) => (
              <tr key={role.name}>
                <th scope="row">
                  {role.name}
                  {role.robot && <span className="bpr-sim-tag">{t('compare.status.robot')}</span>}
                </th>
                <td className="num">{cell(role.asIsHoursPerYear)}</td>
                <td className="num">{cell(role.toBeHoursPerYear)}</td>
                <td className="num">{role.robot ? t('compare.robotNotStaff') : cell(role.hoursSavedPerYear)}</td>
                <td className="num">{cell(role.yenSavedPerYear)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
