import { useVirtualizer } from '@tanstack/react-virtual';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { InventoryParse } from '../../domain/inventory/parse';
import { DEFAULT_RANK_WEIGHTS, type RankWeights } from '../../domain/inventory/rank';
import { totalsBy, type InventoryRecord } from '../../domain/inventory/record';
import { exportFileName } from '../../domain/exchange/fileName';
import { useI18n } from '../../i18n';
import { downloadBlob } from '../../modeler/io/download';
import type { BprDatabase } from '../../store/db';
import { InitiativeRepository } from '../../store/initiativeRepository';
import { InventoryRepository } from '../../store/inventoryRepository';
import { simulationResultRepositoryOf } from '../../store/simulationResultRepository';
import type { ProcessRecord, WorkspaceStore } from '../../store/types';
import { useNotice } from '../common/useNotice';
import { uniqueName } from '../workspace/processList';
import { InventoryTreemap } from './InventoryTreemap';
import { dashboardOf, filterRows, sortRows, treemapData, type DashboardRow, type SortKey } from './viewModel';
import './inventory.css';

export interface InventoryViewProps {
  store: WorkspaceStore;
  workspaceId: string;
  hoursPerFte: number;
  processes: readonly ProcessRecord[];
  onOpenProcess(processId: string): void;
  /** After a process was created here, so the workspace list is reloaded. */
  onChanged(): void;
}

type Level = 'department' | 'section' | 'unit';
// The sheet readers (CSV, xlsx) come with the dialog, not with the tab.
const InventoryImportDialog = lazy(() => import('./InventoryImportDialog').then((m) => ({ default: m.InventoryImportDialog })));
const ROW_HEIGHT = 36;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 業務の全体像: the city-wide inventory (one row per 業務 of every 課), its totals, a treemap of where
 * the hours are, and the ranking that proposes BPR targets; from any row an As-Is can be started.
 * Survey hours (調査値) and simulated hours (推計値) are separate columns and never added together.
 */
export function InventoryView({ store, workspaceId, hoursPerFte, processes, onOpenProcess, onChanged }: InventoryViewProps) {
  const { t, lang } = useI18n();
  const db = (store as { db?: BprDatabase }).db ?? null;
  const repo = useMemo(() => (db ? new InventoryRepository(db) : null), [db]);
  const [records, setRecords] = useState<InventoryRecord[] | null>(null);
  const [unreadable, setUnreadable] = useState(0);
  const [initiativeIds, setInitiativeIds] = useState<string[]>([]);
  const [simulated, setSimulated] = useState<Record<string, { mean: number; ci95: [number, number] }>>({});
  const [weights, setWeights] = useState<RankWeights>(DEFAULT_RANK_WEIGHTS);
  const [weightText, setWeightText] = useState<Record<keyof RankWeights, string>>(() => textOf(DEFAULT_RANK_WEIGHTS));
  const [level, setLevel] = useState<Level>('section');
  const [section, setSection] = useState('');
  const [text, setText] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'rank', descending: false });
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useNotice();
  const locale = lang === 'ja' ? 'ja-JP' : 'en-US';
  const n0 = (v: number) => Math.round(v).toLocaleString(locale);
  const n1 = (v: number) => v.toLocaleString(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const pct = (v: number) => `${(v * 100).toLocaleString(locale, { maximumFractionDigits: 1 })}%`;

  const reload = useCallback(async () => {
    if (!repo || !db) return;
    const { records: list, unreadable: bad } = await repo.load(workspaceId);
    setRecords(list);
    setUnreadable(bad.length);
    const { initiatives } = await new InitiativeRepository({ db }).load(workspaceId);
    setInitiativeIds(initiatives.map((i) => i.id));
  }, [repo, db, workspaceId]);
  useEffect(() => void reload(), [reload]);

  // 推計値: the latest stored simulation of each linked As-Is (its own figure, shown beside the survey's).
  useEffect(() => {
    const sims = simulationResultRepositoryOf(store);
    if (!sims || !records) return;
    let live = true;
    const asIs = new Set(processes.filter((p) => p.kind === 'as-is').map((p) => p.id));
    const ids = [...new Set(records.flatMap((r) => r.processIds.filter((id) => asIs.has(id))))];
    void Promise.all(ids.map(async (id) => [id, (await sims.getLatest(id))?.result.kpis.staffHoursPerYear] as const)).then((pairs) => {
      if (!live) return;
      const out: Record<string, { mean: number; ci95: [number, number] }> = {};
      for (const [id, est] of pairs) if (est) out[id] = est;
      setSimulated(out);
    });
    return () => {
      live = false;
    };
  }, [store, records, processes]);

  const dashboard = useMemo(
    () =>
      dashboardOf(
        records ?? [],
        processes.map((p) => ({ id: p.id, kind: p.kind, ...(p.linkedProcessId ? { linkedProcessId: p.linkedProcessId } : {}) })),
        initiativeIds,
        hoursPerFte,
        weights,
      ),
    [records, processes, initiativeIds, hoursPerFte, weights],
  );
  const shown = useMemo(() => sortRows(filterRows(dashboard.rows, { section, text }), sort.key, sort.descending), [dashboard.rows, section, text, sort]);
  const totals = useMemo(
    () =>
      totalsBy(
        (records ?? []).filter((r) => !section || r.section === section),
        level,
        hoursPerFte,
      ),
    [records, section, level, hoursPerFte],
  );
  const tree = useMemo(() => treemapData(dashboard.rows, t('inventory.treemap.noDepartment')), [dashboard.rows, t]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  const setWeight = (key: keyof RankWeights, value: string) => {
    setWeightText((w) => ({ ...w, [key]: value }));
    const v = Number(value);
    if (Number.isFinite(v) && v > 0) setWeights((w) => ({ ...w, [key]: v }));
  };
  const weightInvalid = (Object.keys(weightText) as Array<keyof RankWeights>).some((k) => !(Number(weightText[k]) > 0));

  const onImport = async (fileName: string, parsed: InventoryParse) => {
    if (!repo) return;
    const result = await repo.importRows(workspaceId, parsed.rows);
    setImporting(false);
    setNotice({ kind: 'info', text: t('inventory.import.done', { file: fileName, ...result }) });
    await reload();
  };

  const createAsIs = async (row: DashboardRow) => {
    if (!repo) return;
    try {
      // The BPMN writer (bpmn-moddle) comes with the first 「As-Isを作成」, not with the tab.
      const [{ asIsSkeletonOf }, { buildSurveyProcess }] = await Promise.all([
        import('../../domain/inventory/asIsSkeleton'),
        import('../../domain/exchange/survey'),
      ]);
      const skeleton = asIsSkeletonOf(row.row);
      const built = await buildSurveyProcess(skeleton.business);
      const name = processes.some((p) => p.name === row.row.name)
        ? uniqueName(
            row.row.name,
            processes.map((p) => p.name),
            t('exchange.survey.copyWord'),
          )
        : row.row.name;
      const created = await store.createProcess(workspaceId, { name, department: row.row.section, kind: 'as-is', xml: built.xml });
      await repo.link(row.row.id, { processId: created.id });
      const notes = skeleton.notes.filter((n) => n !== 'single-step').map((n) => t(`inventory.created.note.${n}`));
      setNotice({ kind: 'info', text: [t('inventory.created', { name: row.row.name }), ...notes].join(' ') });
      onChanged();
      await reload();
    } catch (e) {
      setNotice({ kind: 'error', text: t('inventory.created.failed', { message: (e as Error).message }) });
    }
  };

  const download = async (kind: 'xlsx' | 'csv' | 'template') => {
    // The xlsx writer comes with the first download.
    const { inventoryTemplateXlsx, inventoryToCsv, inventoryToXlsx } = await import('../../domain/inventory/export');
    const rows = records ?? [];
    const date = new Date();
    if (kind === 'template')
      downloadBlob(
        exportFileName({ parts: ['業務量調査テンプレート'], date, ext: 'xlsx' }),
        new Blob([inventoryTemplateXlsx() as BlobPart], { type: XLSX_TYPE }),
      );
    else if (kind === 'xlsx')
      downloadBlob(
        exportFileName({ parts: ['業務の全体像'], date, ext: 'xlsx' }),
        new Blob([inventoryToXlsx(rows, hoursPerFte, weights) as BlobPart], { type: XLSX_TYPE }),
      );
    else
      downloadBlob(
        exportFileName({ parts: ['業務の全体像'], date, ext: 'csv' }),
        new Blob([inventoryToCsv(rows, hoursPerFte)], { type: 'text/csv;charset=utf-8' }),
      );
  };

  const processById = useMemo(() => new Map(processes.map((p) => [p.id, p])), [processes]);
  const header = (key: SortKey | null, label: string) =>
    key ? (
      <button
        type="button"
        className="bpr-inventory-sort"
        aria-label={t('inventory.table.sortBy', { column: label })}
        aria-pressed={sort.key === key}
        onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key === 'hours' }))}
      >
        {label}
        {sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}
      </button>
    ) : (
      label
    );

  if (!db)
    return (
      <section className="bpr-inventory">
        <p>{t('inventory.empty')}</p>
      </section>
    );
  const s = dashboard.summary;
  return (
    <section className="bpr-inventory" aria-labelledby="bpr-inventory-title">
      <header className="bpr-inventory-header">
        <h2 id="bpr-inventory-title">{t('inventory.title')}</h2>
        <p className="bpr-hint">{t('inventory.intro')}</p>
        <div className="bpr-inventory-actions">
          <button type="button" className="bpr-button-primary" onClick={() => setImporting(true)}>
            {t('inventory.import')}
          </button>
          <button type="button" onClick={() => void download('template')}>
            {t('inventory.template')}
          </button>
          <button type="button" onClick={() => void download('xlsx')} disabled={!records?.length}>
            {t('inventory.exportXlsx')}
          </button>
          <button type="button" onClick={() => void download('csv')} disabled={!records?.length}>
            {t('inventory.exportCsv')}
          </button>
        </div>
      </header>
      {notice && (
        <div role={notice.kind === 'error' ? 'alert' : 'status'} className={`bpr-inventory-notice ${notice.kind === 'error' ? 'bpr-error' : 'bpr-info'}`}>
          {notice.text}
        </div>
      )}
      {unreadable > 0 && (
        <p role="alert" className="bpr-error">
          {t('inventory.loadProblems', { count: unreadable })}
        </p>
      )}
      {records !== null && records.length === 0 ? (
        <p className="bpr-inventory-empty">{t('inventory.empty')}</p>
      ) : (
        <>
          <dl className="bpr-inventory-summary" data-testid="inventory-summary">
            <div data-kpi="count">
              <dt>{t('inventory.summary.count')}</dt>
              <dd>{t('inventory.unit.count', { value: n0(s.count) })}</dd>
            </div>
            <div data-kpi="hours">
              <dt>{t('inventory.summary.hours')}</dt>
              <dd>{t('inventory.unit.hours', { value: n0(s.hours) })}</dd>
            </div>
            <div data-kpi="fte">
              <dt>{t('inventory.summary.fte')}</dt>
              <dd>{t('inventory.unit.fte', { value: n1(s.fte) })}</dd>
            </div>
            <div data-kpi="routine">
              <dt>{t('inventory.summary.routine')}</dt>
              <dd>{pct(s.routineShare)}</dd>
            </div>
            <div data-kpi="nonCore">
              <dt>{t('inventory.summary.nonCore')}</dt>
              <dd>{pct(s.nonCoreShare)}</dd>
            </div>
            <div data-kpi="coverage">
              <dt>{t('inventory.summary.coverage')}</dt>
              <dd>{t('inventory.summary.coverageValue', { asIs: s.withAsIs, toBe: s.withToBe, initiative: s.withInitiative })}</dd>
            </div>
          </dl>
          <p className="bpr-hint">{t('inventory.summary.hoursPerFte', { hours: n0(hoursPerFte) })}</p>

          <div className="bpr-inventory-overview">
            <InventoryTreemap data={tree} />
            <section className="bpr-inventory-totals" aria-labelledby="bpr-inventory-totals-title">
              <h3 id="bpr-inventory-totals-title">{t('inventory.totals.title')}</h3>
              <label>
                {t('inventory.totals.level')}{' '}
                <select value={level} onChange={(e) => setLevel(e.target.value as Level)}>
                  {(['department', 'section', 'unit'] as const).map((l) => (
                    <option key={l} value={l}>
                      {t(`inventory.totals.${l}`)}
                    </option>
                  ))}
                </select>
              </label>
              <table className="bpr-inventory-totals-table" data-testid="inventory-totals">
                <thead>
                  <tr>
                    <th scope="col">{t(`inventory.totals.${level}`)}</th>
                    <th scope="col">{t('inventory.totals.count')}</th>
                    <th scope="col">{t('inventory.totals.hours')}</th>
                    <th scope="col">{t('inventory.totals.fte')}</th>
                    <th scope="col">{t('inventory.totals.routine')}</th>
                    <th scope="col">{t('inventory.totals.nonCore')}</th>
                  </tr>
                </thead>
                <tbody>
                  {totals.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{row.key}</th>
                      <td className="bpr-num">{n0(row.count)}</td>
                      <td className="bpr-num">{n0(row.hours)}</td>
                      <td className="bpr-num">{n1(row.fte)}</td>
                      <td className="bpr-num">{pct(row.routineShare)}</td>
                      <td className="bpr-num">{pct(row.nonCoreShare)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>

          <fieldset className="bpr-inventory-weights">
            <legend>{t('inventory.weights.title')}</legend>
            <p className="bpr-hint">{t('inventory.weights.explain')}</p>
            {(['routine', 'nonCore', 'paper', 'systemEntry'] as const).map((k) => (
              <label key={k} title={t(`inventory.weights.${k}Help`)}>
                {t(`inventory.weights.${k}`)} ×
                <input
                  type="number"
                  min="0.1"
                  step="0.1"
                  value={weightText[k]}
                  onChange={(e) => setWeight(k, e.target.value)}
                  aria-describedby={`bpr-weight-help-${k}`}
                />
                <span id={`bpr-weight-help-${k}`} className="bpr-hint">
                  {t(`inventory.weights.${k}Help`)}
                </span>
              </label>
            ))}
            <button
              type="button"
              onClick={() => {
                setWeights(DEFAULT_RANK_WEIGHTS);
                setWeightText(textOf(DEFAULT_RANK_WEIGHTS));
              }}
            >
              {t('inventory.weights.reset')}
            </button>
            {weightInvalid && (
              <p role="alert" className="bpr-error">
                {t('inventory.weights.invalid')}
              </p>
            )}
          </fieldset>

          <section className="bpr-inventory-list" aria-labelledby="bpr-inventory-list-title">
            <h3 id="bpr-inventory-list-title">{t('inventory.table.title')}</h3>
            <div className="bpr-inventory-filters">
              <label>
                {t('inventory.filter.section')}{' '}
                <select value={section} onChange={(e) => setSection(e.target.value)}>
                  <option value="">{t('inventory.filter.allSections')}</option>
                  {dashboard.sections.map((sec) => (
                    <option key={sec} value={sec}>
                      {sec}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('inventory.filter.text')} <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
              </label>
              <span role="status" data-testid="inventory-count">
                {t('inventory.filter.count', { shown: n0(shown.length), total: n0(dashboard.rows.length) })}
              </span>
            </div>
            <div className="bpr-inventory-grid" role="table" aria-label={t('inventory.table.title')} aria-rowcount={shown.length + 1}>
              <div role="row" className="bpr-inventory-row bpr-inventory-head">
                <span role="columnheader">{header('rank', t('inventory.table.rank'))}</span>
                <span role="columnheader">{header('section', t('inventory.table.section'))}</span>
                <span role="columnheader">{t('inventory.table.unit')}</span>
                <span role="columnheader">{header('name', t('inventory.table.name'))}</span>
                <span role="columnheader" className="bpr-num">
                  {header('hours', t('inventory.table.hours'))}
                </span>
                <span role="columnheader" className="bpr-num">
                  {t('inventory.table.simulated')}
                </span>
                <span role="columnheader" className="bpr-num">
                  {t('inventory.table.fte')}
                </span>
                <span role="columnheader" className="bpr-num">
                  {t('inventory.table.score')}
                </span>
                <span role="columnheader">{t('inventory.table.reasons')}</span>
                <span role="columnheader">{t('inventory.table.coverage')}</span>
                <span role="columnheader">{t('inventory.table.actions')}</span>
              </div>
              <div ref={scrollRef} className="bpr-inventory-scroll" data-testid="inventory-rows">
                <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                  {virtualizer.getVirtualItems().map((item) => {
                    const r = shown[item.index];
                    const asIs = r.row.processIds.map((id) => processById.get(id)).find((p) => p?.kind === 'as-is');
                    const sim = asIs ? simulated[asIs.id] : undefined;
                    return (
                      <div
                        key={r.row.id}
                        role="row"
                        aria-rowindex={item.index + 2}
                        className="bpr-inventory-row"
                        data-inventory-id={r.row.id}
                        style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                      >
                        <span role="cell" className="bpr-num">
                          {r.rank}
                        </span>
                        <span role="cell">{r.row.section}</span>
                        <span role="cell">{r.row.unit}</span>
                        <span role="cell" className="bpr-inventory-name" title={r.row.purpose || undefined}>
                          {r.row.name}
                        </span>
                        <span role="cell" className="bpr-num" data-col="hours">
                          {n1(r.hours)}
                        </span>
                        <span role="cell" className="bpr-num" data-col="simulated" title={sim ? `95%CI ${n1(sim.ci95[0])}〜${n1(sim.ci95[1])}` : undefined}>
                          {sim ? n1(sim.mean) : '—'}
                        </span>
                        <span role="cell" className="bpr-num">
                          {r.fte.toLocaleString(locale, { maximumFractionDigits: 2 })}
                        </span>
                        <span role="cell" className="bpr-num">
                          {n0(r.score)}
                        </span>
                        <span role="cell" className="bpr-inventory-reasons">
                          {r.reasons.map((x) => t(`inventory.reason.${x}`)).join(lang === 'ja' ? '・' : ', ')}
                        </span>
                        <span role="cell" className="bpr-inventory-coverage">
                          {r.coverage.asIs || r.coverage.toBe || r.coverage.initiative ? (
                            <>
                              {r.coverage.asIs && <span className="bpr-chip">{t('inventory.coverage.asIs')}</span>}
                              {r.coverage.toBe && <span className="bpr-chip">{t('inventory.coverage.toBe')}</span>}
                              {r.coverage.initiative && <span className="bpr-chip">{t('inventory.coverage.initiative')}</span>}
                            </>
                          ) : (
                            <span className="bpr-hint">{t('inventory.coverage.none')}</span>
                          )}
                        </span>
                        <span role="cell">
                          {asIs ? (
                            <button type="button" onClick={() => onOpenProcess(asIs.id)} aria-label={`${r.row.name} ${t('inventory.action.open')}`}>
                              {t('inventory.action.open')}
                            </button>
                          ) : (
                            <button type="button" onClick={() => void createAsIs(r)} aria-label={`${r.row.name} ${t('inventory.action.createAsIs')}`}>
                              {t('inventory.action.createAsIs')}
                            </button>
                          )}
                        </span>
                      </div>
                    );
                  })}
                </div>
              </div>
            </div>
          </section>
        </>
      )}
      {importing && (
        <Suspense fallback={null}>
          <InventoryImportDialog onImport={onImport} onCancel={() => setImporting(false)} />
        </Suspense>
      )}
    </section>
  );
}

function textOf(w: RankWeights): Record<keyof RankWeights, string> {
  return { routine: String(w.routine), nonCore: String(w.nonCore), paper: String(w.paper), systemEntry: String(w.systemEntry) };
}
