import { useMemo } from 'react';
import type { SimulationResult } from '../../domain/sim/result';
import type { Estimate } from '../../domain/sim/stats';
import { useI18n } from '../../i18n';
import { BarChart } from '../charts/BarChart';
import { Histogram } from '../charts/Histogram';
import { UtilisationBars } from '../charts/UtilisationBars';
import { decimalsFor, formatNumber, formatPlain } from './format';
import { InputRangeExplainer, InputRangeText } from '../common/InputRange';
import { kpiCards, leadTimeHistogramView, maxTaskHours, robotRoleNames, staffRoleRows, runSummary, taskHourBars, utilisationItems } from './resultView';

export interface ResultsViewProps {
  result: SimulationResult;
  heatShown: boolean;
  onToggleHeat(show: boolean): void;
  onSelectElement(elementId: string): void;
}

/** KPI cards, warnings, charts and the per-task / per-role tables of one simulation result. */
export function ResultsView({ result, heatShown, onToggleHeat, onSelectElement }: ResultsViewProps) {
  const { t, lang } = useI18n();
  const cards = useMemo(() => kpiCards(result, lang), [result, lang]);
  const bars = useMemo(() => taskHourBars(result, lang), [result, lang]);
  const utilisation = useMemo(() => utilisationItems(result, lang), [result, lang]);
  const robots = useMemo(() => robotRoleNames(result), [result]);
  const staffRoles = useMemo(() => staffRoleRows(result), [result]);
  const leadTimes = useMemo(() => leadTimeHistogramView(result, lang), [result, lang]);
  const robotTag = (
    <span className="bpr-sim-tag bpr-sim-tag-robot" title={t('simulation.robotTagTitle')}>
      {t('simulation.robotTag')}
    </span>
  );
  const num = (v: number, decimals?: number) => formatNumber(v, lang, decimals);

  /** Mean over its interval, both with the mean's decimals; '―' when the figure does not apply. */
  const cell = (est: Estimate | null, scale = 1) => {
    if (!est) return <span className="bpr-sim-na">―</span>;
    const d = decimalsFor(est.mean * scale);
    const same = est.ci95[0] === est.ci95[1];
    return (
      <>
        <span className="bpr-sim-cell-mean">{num(est.mean * scale, d)}</span>
        {!same && <span className="bpr-sim-cell-ci">{t('simulation.range', { low: num(est.ci95[0] * scale, d), high: num(est.ci95[1] * scale, d) })}</span>}
      </>
    );
  };

  return (
    <section className="bpr-sim-results" aria-labelledby="sim-results-heading">
      <div className="bpr-sim-results-head">
        <h3 id="sim-results-heading">{t('simulation.resultsHeading')}</h3>
        <span className="bpr-sim-summary">{runSummary(result, lang)}</span>
        <label className="bpr-sim-heat-toggle">
          <input type="checkbox" checked={heatShown} onChange={(e) => onToggleHeat(e.target.checked)} />
          {t('simulation.heatToggle')}
        </label>
      </div>
      {heatShown && (
        <p className="bpr-sim-heat-legend">
          <span className="bpr-sim-heat-scale" aria-hidden="true">
            {[1, 2, 3, 4, 5].map((l) => (
              <span key={l} className={`bpr-sim-heat-swatch bpr-sim-heat-swatch-${l}`} />
            ))}
          </span>
          {t('simulation.heatLegend', { max: `${num(maxTaskHours(result))} ${t('simulation.unit.hoursPerYear')}` })}
        </p>
      )}

      {result.warnings.length > 0 && (
        <div className="bpr-sim-warnings" role="note">
          <strong>{t('simulation.warningsTitle', { count: result.warnings.length })}</strong>
          <ul>
            {result.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}

      <h4 className="bpr-sim-subheading">{t('simulation.kpiHeading')}</h4>
      <dl className="bpr-sim-kpis">
        {cards.map((c) => (
          <div key={c.key} className="bpr-sim-kpi" data-kpi={c.key}>
            <dt>{c.label}</dt>
            <dd>
              {c.figure ? (
                <>
                  <span className="bpr-sim-kpi-value">{c.figure.value}</span>
                  <span className="bpr-sim-kpi-unit">{c.unit}</span>
                  <span className="bpr-sim-kpi-ci">{c.figure.ci}</span>
                  <InputRangeText text={c.figure.range} />
                </>
              ) : (
                <span className="bpr-sim-kpi-value bpr-sim-na">{t('simulation.notApplicable')}</span>
              )}
              {c.note && <span className="bpr-sim-kpi-note">{c.note}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <InputRangeExplainer show={cards.some((c) => c.figure?.range)} />

      <h4 className="bpr-sim-subheading">{t('simulation.chartsHeading')}</h4>
      <div className="bpr-sim-charts">
        <div className="bpr-sim-chart bpr-sim-chart-main">
          <BarChart
            title={t('simulation.chart.taskHours')}
            description={t('simulation.chart.taskHoursDesc')}
            items={bars}
            axisLabel={t('simulation.chart.hoursAxis')}
            formatTick={(v) => num(v, v >= 10 || v === 0 ? 0 : decimalsFor(v))}
            formatValue={(item) => num(item.value)}
            emptyText={t('simulation.chart.empty')}
            width={820}
            labelChars={22}
          />
        </div>
        <div className="bpr-sim-chart">
          <Histogram
            title={t('simulation.chart.leadTime')}
            description={leadTimes.description}
            edges={leadTimes.edges}
            counts={leadTimes.counts}
            xLabel={leadTimes.xLabel}
            yLabel={t('simulation.chart.casesAxis')}
            formatX={(v) => num(v, leadTimes.decimals)}
            formatY={(v) => num(v, 0)}
            describeBin={(index) => leadTimes.describeBin(index)}
            emptyText={t('simulation.chart.empty')}
          />
        </div>
        <div className="bpr-sim-chart">
          <UtilisationBars
            title={t('simulation.chart.utilisation')}
            description={t('simulation.chart.utilisationDesc')}
            items={utilisation}
            axisLabel={t('simulation.chart.utilisationAxis')}
            formatPercent={(v) => `${num(v, 0)}%`}
            emptyText={t('simulation.chart.noHeadcount')}
            width={520}
          />
        </div>
      </div>

      <h4 className="bpr-sim-subheading">{t('simulation.tasksHeading')}</h4>
      <p className="bpr-sim-hint">{t('simulation.tableCiNote')}</p>
      <div className="bpr-sim-table-wrap">
        <table className="bpr-sim-table">
          <thead>
            <tr>
              <th scope="col">{t('simulation.col.task')}</th>
              <th scope="col">{t('simulation.col.role')}</th>
              <th scope="col" className="num">
                {t('simulation.col.countPerYear')}
              </th>
              <th scope="col" className="num">
                {t('simulation.col.wait')}
              </th>
              <th scope="col" className="num">
                {t('simulation.col.processing')}
              </th>
              <th scope="col" className="num">
                {t('simulation.col.hoursPerYear')}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.tasks.map((task) => (
              <tr key={task.id}>
                <th scope="row">
                  <button
                    type="button"
                    className="bpr-sim-issue-link"
                    title={t('simulation.selectElement', { id: task.id })}
                    onClick={() => onSelectElement(task.id)}
                  >
                    {task.name || task.id}
                  </button>
                  {task.residentFacing && <span className="bpr-sim-tag">{t('simulation.residentFacing')}</span>}
                </th>
                <td>
                  {task.role ?? <span className="bpr-sim-na">{t('simulation.noRole')}</span>}
                  {task.role !== null && robots.has(task.role) && robotTag}
                </td>
                <td className="num">{cell(task.countPerYear)}</td>
                <td className="num">{cell(task.waitMinutes)}</td>
                <td className="num">{cell(task.processingMinutes)}</td>
                <td className="num">{cell(task.staffHoursPerYear)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h4 className="bpr-sim-subheading">{t('simulation.rolesHeading')}</h4>
      <div className="bpr-sim-table-wrap">
        <table className="bpr-sim-table">
          <thead>
            <tr>
              <th scope="col">{t('simulation.col.roleName')}</th>
              <th scope="col" className="num">
                {t('simulation.col.headcount')}
              </th>
              <th scope="col" className="num">
                {t('simulation.col.utilisation')}
              </th>
              <th scope="col" className="num">
                {t('simulation.col.hoursPerYear')}
              </th>
              <th scope="col" className="num" title={t('simulation.col.overtimeHint')}>
                {t('simulation.col.overtime')}
              </th>
              <th scope="col" className="num" title={t('simulation.col.loadHint')}>
                {t('simulation.col.load')}
              </th>
              <th scope="col" className="num">
                {t('simulation.col.fte')}
              </th>
              <th scope="col" className="num">
                {t('simulation.col.cost')}
              </th>
            </tr>
          </thead>
          <tbody>
            {staffRoles.map((role) => (
              <tr key={role.name} data-robot={role.robot ? 'true' : undefined}>
                <th scope="row">
                  {role.name}
                  {role.robot && robotTag}
                </th>
                <td className="num">{role.headcount === null ? t('simulation.unlimited') : formatPlain(role.headcount, lang)}</td>
                <td className="num">{cell(role.utilisation, 100)}</td>
                <td className="num">{cell(role.staffHoursPerYear)}</td>
                <td className="num" data-col="overtime">
                  {role.overtimeHoursPerYear ? cell(role.overtimeHoursPerYear) : '―'}
                </td>
                <td className="num" data-col="load" data-overloaded={role.load && role.load.mean > 1 ? 'true' : undefined}>
                  {role.load ? cell(role.load, 100) : '―'}
                </td>
                <td className="num">{cell(role.fte)}</td>
                <td className="num">{cell(role.costYenPerYear)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
