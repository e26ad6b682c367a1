import { InputRangeText } from '../common/InputRange';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import type { ProcessRecord, WorkspaceStore } from '../../store/types';
import { INITIATIVE_COMPARE_REPLICATIONS, INITIATIVE_COMPARE_SEED, pairId, usePairComparisons } from '../initiatives/usePairComparisons';
import { RenameScenarioDialog } from './NewScenarioDialog';
import { scenarioLabel } from './pairs';
import { scenarioFigureHeadings, scenarioFigures } from './viewModel';

export interface ScenarioOverviewProps {
  store: WorkspaceStore;
  asIs: ProcessRecord;
  scenarios: ProcessRecord[];
  processes: ProcessRecord[];
  hoursPerFte: number;
  selectedToBeId: string | null;
  /** The detailed comparison is running; the overview does not start a second worker meanwhile. */
  busy: boolean;
  onSelect(toBeId: string): void;
  onLayerTemplate(scenario: ProcessRecord): void;
  onNewScenario(): void;
  /** A result was stored (or first read) for this scenario, so a view showing it can reload. */
  onStored?(toBeId: string): void;
  /** After a scenario was renamed (list refresh). */
  onChanged(): void | Promise<void>;
}

/**
 * 比較's overview: one row per scenario of the As-Is with the headline figures side by side, each
 * with unit and 95 % interval. Results are the cached comparison of each (As-Is, To-Be) pair, the
 * same records the detailed view and 取組 read, computed here with the tab's default settings.
 */
export function ScenarioOverview({
  store,
  asIs,
  scenarios,
  processes,
  hoursPerFte,
  selectedToBeId,
  busy,
  onSelect,
  onLayerTemplate,
  onNewScenario,
  onStored,
  onChanged,
}: ScenarioOverviewProps) {
  const { t, lang } = useI18n();
  const [renaming, setRenaming] = useState<ProcessRecord | null>(null);
  const pairs = useMemo(() => scenarios.map((s) => ({ asIsId: asIs.id, toBeId: s.id })), [asIs.id, scenarios]);
  const { states, recalc, cancel } = usePairComparisons(store, pairs, processes, hoursPerFte);
  const headings = useMemo(() => scenarioFigureHeadings(lang), [lang]);
  const running = pairs.some((p) => states[pairId(p)]?.progress !== undefined);
  const missing = pairs.filter((p) => !states[pairId(p)]?.record || states[pairId(p)]?.outdated);
  const messages = { missing: t('compare.pairMissing') };

  // Tell the detail view when a row's stored result changed after it was first read.
  const seen = useRef(new Map<string, string>());
  useEffect(() => {
    for (const s of scenarios) {
      const state = states[pairId({ asIsId: asIs.id, toBeId: s.id })];
      if (!state) continue;
      // '' = read, nothing stored yet; a result arriving later counts as a change.
      const at = state.record?.computedAt ?? '';
      const before = seen.current.get(s.id);
      seen.current.set(s.id, at);
      if (before !== undefined && before !== at) onStored?.(s.id);
    }
  }, [states, scenarios, asIs.id, onStored]);

  const computeAll = async () => {
    // One after another: each comparison already fills a worker, and the machine is shared.
    for (const p of missing) await recalc(p, messages);
  };

  return (
    <section className="bpr-cmp-scenarios bpr-cmp-noprint" aria-label={t('compare.scn.heading')}>
      <div className="bpr-cmp-results-head">
        <h3>{t('compare.scn.heading')}</h3>
        <span className="bpr-cmp-estimate-badge">{t('compare.estimated')}</span>
        <span className="bpr-cmp-exports">
          <button type="button" onClick={() => void computeAll()} disabled={busy || running || missing.length === 0}>
            {t('compare.scn.computeAll')}
          </button>
          <button type="button" className="bpr-button-primary" aria-label={t('compare.scn.newLabel', { name: asIs.name })} onClick={onNewScenario}>
            {t('compare.scn.new')}
          </button>
        </span>
      </div>
      <div className="bpr-sim-table-wrap">
        <table className="bpr-sim-table" data-testid="scenario-table">
          <caption className="bpr-cmp-scn-caption">
            {t('compare.scn.caption', { asIs: asIs.name, replications: INITIATIVE_COMPARE_REPLICATIONS, seed: INITIATIVE_COMPARE_SEED })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('compare.scn.col.scenario')}</th>
              {headings.map((h) => (
                <th key={h.key} scope="col" className="num">
                  {h.heading}
                </th>
              ))}
              <th scope="col">{t('compare.scn.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {scenarios.map((s) => {
              const key = pairId({ asIsId: asIs.id, toBeId: s.id });
              const state = states[key];
              const figures = state?.record ? scenarioFigures(state.record.result, lang) : null;
              const label = scenarioLabel(s);
              const selected = s.id === selectedToBeId;
              return (
                <tr key={s.id} data-scenario={label} aria-current={selected ? 'true' : undefined} className={selected ? 'bpr-cmp-scn-selected' : undefined}>
                  <th scope="row">
                    <span className="bpr-cmp-scn-name">{label}</span>
                    {selected && <span className="bpr-sim-tag">{t('compare.scn.shown')}</span>}
                    {label !== s.name && <span className="bpr-cmp-hint bpr-cmp-scn-process">{s.name}</span>}
                    {state?.outdated && <span className="bpr-sim-tag bpr-cmp-scn-outdated">{t('compare.scn.outdated')}</span>}
                  </th>
                  {headings.map((h) => {
                    const f = figures?.[h.key];
                    return (
                      <td key={h.key} className="num" data-col={h.key}>
                        {figures ? (
                          f ? (
                            <>
                              <span className="bpr-sim-cell-mean">{f.text.slice(0, f.text.length - f.ci.length)}</span>
                              <span className="bpr-sim-cell-ci">{f.ci}</span>
                              <InputRangeText text={f.range} />
                            </>
                          ) : (
                            <span className="bpr-sim-na">{t('compare.notApplicable')}</span>
                          )
                        ) : (
                          <span className="bpr-sim-na">{t('compare.scn.notComputed')}</span>
                        )}
                      </td>
                    );
                  })}
                  <td>
                    <div className="bpr-cmp-scn-actions">
                      {state?.progress !== undefined ? (
                        <>
                          <span role="status">{t('compare.scn.computing', { percent: Math.round(state.progress * 100) })}</span>
                          <button type="button" onClick={() => cancel({ asIsId: asIs.id, toBeId: s.id })}>
                            {t('compare.scn.cancel')}
                          </button>
                        </>
                      ) : (
                        <button
                          type="button"
                          aria-label={t('compare.scn.computeLabel', { name: label })}
                          disabled={busy}
                          onClick={() => void recalc({ asIsId: asIs.id, toBeId: s.id }, messages)}
                        >
                          {state?.record ? t('compare.scn.recompute') : t('compare.scn.compute')}
                        </button>
                      )}
                      <button type="button" aria-label={t('compare.scn.showLabel', { name: label })} disabled={selected} onClick={() => onSelect(s.id)}>
                        {t('compare.scn.show')}
                      </button>
                      <button type="button" aria-label={t('compare.scn.layerLabel', { name: label })} onClick={() => onLayerTemplate(s)}>
                        {t('compare.scn.layer')}
                      </button>
                      <button type="button" aria-label={t('compare.scn.rename.label', { name: label })} onClick={() => setRenaming(s)}>
                        {t('compare.scn.rename.button')}
                      </button>
                      {state?.error && (
                        <span role="alert" className="bpr-cmp-field-error">
                          {t('compare.scn.failed', { message: state.error })}
                        </span>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {renaming && (
        <RenameScenarioDialog
          repo={store}
          scenario={renaming}
          processes={processes}
          onCancel={() => setRenaming(null)}
          onRenamed={async () => {
            setRenaming(null);
            await onChanged();
          }}
        />
      )}
    </section>
  );
}
