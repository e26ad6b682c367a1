import { NEXT_STEPS, type Initiative } from '../../domain/model/initiative';
import { InputRangeExplainer, InputRangeText } from '../common/InputRange';
import { fiscalYearLabel } from '../../domain/model/fiscalYear';
import { useI18n } from '../../i18n';
import type { ProcessRecord } from '../../store/types';
import { formatDateTime } from '../common/format';
import { formatEstimate, formatNumber } from '../simulation/format';
import { DiagramThumbnail, PrintDiagram } from './DiagramThumbnail';
import { indicatorYearRows } from './indicatorRows';
import { pairFigures } from './pairFigures';
import { pairId, type PairState } from './usePairComparisons';
import { ColumnHeads } from '../common/ColumnHeads';

export interface ProgressSheetProps {
  initiative: Initiative;
  processes: readonly ProcessRecord[];
  states: Record<string, PairState>;
  currentKey?: string;
  /** Years to print when the 取組 itself names none. */
  years: readonly number[];
  onClose(): void;
}

/** The years the sheet covers: from the first to the last year the 取組 names. */
function sheetYears(i: Initiative, fallback: readonly number[]): number[] {
  const named = [
    ...i.schedule.map((s) => s.fiscalYear),
    ...i.evaluations.map((e) => e.fiscalYear),
    ...i.indicators.flatMap((x) => x.years.map((y) => y.fiscalYear)),
  ];
  if (named.length === 0) return [...fallback];
  const out: number[] = [];
  for (let y = Math.min(...named); y <= Math.max(...named); y++) out.push(y);
  return out;
}

/**
 * The 進捗管理票 of one 取組 on A4, in the order the plans print it. On screen it is a preview with
 * 印刷/戻る; the print style sheet hides the app around it.
 */
export function ProgressSheet({ initiative: i, processes, states, currentKey, years, onClose }: ProgressSheetProps) {
  const { t, lang } = useI18n();
  const t2 = (key: string, params?: Record<string, string | number>) => t(`initiatives.${key}`, params);
  const byId = new Map(processes.map((p) => [p.id, p]));
  const ys = sheetYears(i, years);
  const num = (v: number | undefined, unit: string) => (v === undefined ? '―' : `${formatNumber(v, lang, Number.isInteger(v) ? 0 : 2)} ${unit}`.trim());

  return (
    <div className="bpr-init-print-preview">
      <div className="bpr-init-noprint bpr-init-print-toolbar">
        <button type="button" onClick={onClose}>
          {t2('closePreview')}
        </button>
        <button type="button" className="bpr-button-primary" onClick={() => window.print()}>
          {t2('print')}
        </button>
        <span className="bpr-hint">{t2('printHint')}</span>
      </div>

      <article className="bpr-sheet" aria-label={t2('sheetLabel', { title: i.title })}>
        <h1 className="bpr-sheet-title">{t2('sheetTitle')}</h1>
        <table className="bpr-sheet-table bpr-sheet-head">
          <tbody>
            <tr>
              <th scope="row">{t2('field.title')}</th>
              <td colSpan={3} className="bpr-sheet-initiative-title">
                {i.title}
              </td>
            </tr>
            <tr>
              <th scope="row">{t2('categoryPath')}</th>
              <td>{i.categoryPath.join(' ＞ ') || '―'}</td>
              <th scope="row">{t2('field.departments')}</th>
              <td>{i.departments.join('、')}</td>
            </tr>
            <tr>
              <th scope="row">{t2('field.currentIssues')}</th>
              <td colSpan={3} className="bpr-sheet-text">
                {i.currentIssues || '―'}
              </td>
            </tr>
            <tr>
              <th scope="row">{t2('field.summary')}</th>
              <td colSpan={3} className="bpr-sheet-text">
                {i.summary || '―'}
              </td>
            </tr>
          </tbody>
        </table>

        <section className="bpr-sheet-section">
          <h2>{t2('field.bprFindings')}</h2>
          {i.bprFindings.length ? (
            <table className="bpr-sheet-table">
              <ColumnHeads labels={[t2('finding.issue'), t2('finding.solution')]} />
              <tbody>
                {i.bprFindings.map((f, n) => (
                  <tr key={n}>
                    <td>{f.issue}</td>
                    <td>{f.solution}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>―</p>
          )}
        </section>

        <section className="bpr-sheet-section">
          <h2>{t2('field.schedule')}</h2>
          <table className="bpr-sheet-table bpr-sheet-schedule">
            <thead>
              <tr>
                {ys.map((fy) => (
                  <th key={fy} scope="col">
                    {fiscalYearLabel(fy, lang)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {ys.map((fy) => {
                  const s = i.schedule.find((x) => x.fiscalYear === fy);
                  return (
                    <td key={fy}>
                      {s?.stages.map((st) => t2(`stage.${st}`)).join('・')}
                      {s?.note ? <div className="bpr-sheet-note">{s.note}</div> : null}
                      {!s && '―'}
                    </td>
                  );
                })}
              </tr>
            </tbody>
          </table>
        </section>

        <section className="bpr-sheet-section">
          <h2>{t2('field.indicators')}</h2>
          {i.indicators.length === 0 && <p>―</p>}
          {i.indicators.map((ind) => (
            <table key={ind.id} className="bpr-sheet-table bpr-sheet-indicator" data-indicator={ind.name}>
              <caption>
                {ind.name}（{ind.unit || '―'}） {t2('baseline')}: {ind.baseline ? `${num(ind.baseline.value, ind.unit)}（${ind.baseline.date}）` : '―'}
              </caption>
              <ColumnHeads labels={[t2('fiscalYear'), t2('target'), t2('estimate'), t2('measured')]} />
              <tbody>
                {indicatorYearRows(ind, ys, currentKey).map((row) => (
                  <tr key={row.fiscalYear}>
                    <th scope="row">{fiscalYearLabel(row.fiscalYear, lang)}</th>
                    <td>{num(row.target, ind.unit)}</td>
                    <td>
                      {row.estimate
                        ? `${formatEstimate(row.estimate, ind.unit, lang).text} ${t2('estimateBadge')}${row.estimate.stale ? ` ${t2('staleEstimate')}` : ''}`
                        : '―'}
                      {row.estimate && <InputRangeText text={formatEstimate(row.estimate, ind.unit, lang).range} />}
                    </td>
                    <td>{num(row.measured, ind.unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </section>

        <section className="bpr-sheet-section">
          <h2>{t2('field.evaluations')}</h2>
          <table className="bpr-sheet-table">
            <ColumnHeads labels={[t2('fiscalYear'), t2('achievement'), t2('reason')]} />
            <tbody>
              {ys.map((fy) => {
                const ev = i.evaluations.find((e) => e.fiscalYear === fy);
                return (
                  <tr key={fy}>
                    <th scope="row">{fiscalYearLabel(fy, lang)}</th>
                    <td className="bpr-sheet-mark">{ev?.achievement ?? '―'}</td>
                    <td>{ev?.reason || ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="bpr-sheet-legend">{t2('achievementHint')}</p>
        </section>

        <section className="bpr-sheet-section">
          <h2>{t2('field.nextStep')}</h2>
          <table className="bpr-sheet-table">
            <thead>
              <tr>
                {NEXT_STEPS.map((s) => (
                  <th key={s} scope="col">
                    {t2(`nextLong.${s}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {NEXT_STEPS.map((s) => (
                  <td key={s} className="bpr-sheet-mark">
                    {i.nextStep === s ? '●' : ''}
                  </td>
                ))}
              </tr>
              {i.nextPolicy && (
                <tr>
                  <td colSpan={3}>{i.nextPolicy}</td>
                </tr>
              )}
            </tbody>
          </table>
          {(i.costs.initialYen !== undefined || i.costs.annualYen !== undefined) && (
            <p>
              {t2('initialCost')}: {num(i.costs.initialYen, t2('unit.yen'))} ／ {t2('annualCost')}: {num(i.costs.annualYen, t2('unit.yenPerYear'))}
            </p>
          )}
        </section>

        <section className="bpr-sheet-section bpr-sheet-maps">
          <h2>{t2('field.attachments')}</h2>
          {i.attachments.length === 0 && <p>―</p>}
          {i.attachments.map((a) => {
            const asIs = byId.get(a.asIsProcessId);
            const toBe = a.toBeProcessId ? byId.get(a.toBeProcessId) : undefined;
            const state = a.toBeProcessId ? states[pairId({ asIsId: a.asIsProcessId, toBeId: a.toBeProcessId })] : undefined;
            return (
              <div key={a.asIsProcessId} className="bpr-sheet-pair">
                <div className="bpr-sheet-pair-maps">
                  {asIs && <DiagramThumbnail xml={asIs.xml} label={`As-Is: ${asIs.name}`} />}
                  {toBe && <DiagramThumbnail xml={toBe.xml} label={`To-Be: ${toBe.name}`} />}
                </div>
                {state?.record ? (
                  <>
                    <dl className="bpr-init-figures bpr-sheet-figures">
                      {pairFigures(state.record.result, lang).map((f) => (
                        <div key={f.key} data-figure={f.key}>
                          <dt>{f.label}</dt>
                          <dd>
                            {f.text} {t2('estimateBadge')}
                            <InputRangeText text={f.range} />
                          </dd>
                        </div>
                      ))}
                    </dl>
                    <InputRangeExplainer show={state.record.result.hoursSavedPerYear.inputRange !== undefined} />
                    <p className="bpr-sheet-legend">
                      {t2('computedAt', {
                        time: formatDateTime(state.record.computedAt, lang),
                        replications: state.record.result.replications,
                        seed: state.record.result.seed,
                      })}
                      {state.outdated ? ` ${t2('outdated')}` : ''}
                    </p>
                  </>
                ) : (
                  toBe && <p className="bpr-sheet-legend">{t2('sheetNotComputed')}</p>
                )}
              </div>
            );
          })}
          <p className="bpr-sheet-legend">{t2('estimateNote')}</p>
        </section>
        {/* The maps again, legible: each on landscape pages of its own after the sheet. */}
        {i.attachments.flatMap((a) => {
          const asIs = byId.get(a.asIsProcessId);
          const toBe = a.toBeProcessId ? byId.get(a.toBeProcessId) : undefined;
          return [
            asIs && <PrintDiagram key={`${a.asIsProcessId}:as-is`} xml={asIs.xml} title={`As-Is: ${asIs.name}`} />,
            toBe && <PrintDiagram key={`${a.asIsProcessId}:to-be`} xml={toBe.xml} title={`To-Be: ${toBe.name}`} />,
          ];
        })}
      </article>
    </div>
  );
}
