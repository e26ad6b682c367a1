import { useMemo } from 'react';
import { createPortal } from 'react-dom';
import type { ComparisonResult } from '../../domain/analysis/compare';
import type { PublishedSource } from '../../domain/analysis/sources';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../common/format';
import { decimalsFor, formatNumber } from '../simulation/format';
import { beforeAfterRows, keyFigures, taskDeltaItems } from './viewModel';
import { WaterfallChart } from './WaterfallChart';
import { PrintDiagram } from '../initiatives/DiagramThumbnail';

export interface PrintSummaryProps {
  result: ComparisonResult;
  asIsName: string;
  toBeName: string;
  department: string;
  computedAt: string;
  sources: PublishedSource[];
  /** The two maps, printed legibly on landscape pages after the summary. */
  asIsXml?: string;
  toBeXml?: string;
}

/** Largest task changes kept on the one-page summary; the full list is in the CSV/xlsx. */
const PRINT_TASKS = 10;

/**
 * One A4 page for the 稟議 / workshop handout, then the two maps on landscape pages; hidden on screen,
 * the only thing printed (compare.css). Rendered straight under <body> so it paginates in normal flow
 * (an absolutely placed printout cannot break into pages or switch to landscape).
 */
export function PrintSummary({ result, asIsName, toBeName, department, computedAt, sources, asIsXml, toBeXml }: PrintSummaryProps) {
  const { t, lang } = useI18n();
  const figures = useMemo(() => keyFigures(result, lang), [result, lang]);
  const rows = useMemo(() => beforeAfterRows(result, lang), [result, lang]);
  const deltas = useMemo(() => {
    const all = taskDeltaItems(result, lang);
    return [...all]
      .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
      .slice(0, PRINT_TASKS)
      .sort((a, b) => b.value - a.value);
  }, [result, lang]);
  const num = (v: number, d?: number) => formatNumber(v, lang, d);
  const hoursUnit = t('compare.unit.hoursPerYear');

  return createPortal(
    <article className="bpr-cmp-print" aria-hidden="true">
      <h1>{t('compare.print.title')}</h1>
      <p className="bpr-cmp-print-pair">
        {t('compare.print.pair', { asIs: asIsName, toBe: toBeName, department })}
        <br />
        {t('compare.print.meta', { time: formatDateTime(computedAt, lang), replications: result.replications, seed: result.seed })}
      </p>
      <table className="bpr-cmp-print-table">
        <tbody>
          {figures.map((f) => (
            <tr key={f.key}>
              <th>
                {f.label}（{t('compare.estimated')}）
              </th>
              <td>
                {f.figure.text}
                {f.figure.range ? ` ${f.figure.range}` : ''}
              </td>
            </tr>
          ))}
          {rows.map((r) => (
            <tr key={r.key}>
              <th>
                {r.label}
                {r.note ? `（${r.note}）` : ''}
              </th>
              <td>
                {r.asIs?.value ?? '―'} → {r.toBe?.value ?? '―'} {r.unit}
                {r.saved ? `（${r.saved.text}${r.saved.range ? ` ${r.saved.range}` : ''}）` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <WaterfallChart
        title={t('compare.chart.tasks')}
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
        width={720}
        labelChars={20}
      />
      <h2>{t('compare.print.sources')}</h2>
      <ul className="bpr-cmp-print-sources">
        {sources.map((s) => (
          <li key={s.id}>
            {s.label}
            {s.figure ? `: ${s.figure}` : ''}
          </li>
        ))}
        <li>{t('compare.print.method')}</li>
        {result.hoursSavedPerYear.inputRange && <li>{t('inputRange.explain')}</li>}
      </ul>
      {asIsXml && <PrintDiagram xml={asIsXml} title={`${t('compare.side.asIs')}: ${asIsName}`} />}
      {toBeXml && <PrintDiagram xml={toBeXml} title={`${t('compare.side.toBe')}: ${toBeName}`} />}
    </article>,
    document.body,
  );
}
