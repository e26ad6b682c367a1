import { useId, useState } from 'react';
import { InputRangeText } from '../common/InputRange';
import { INDICATOR_KINDS, type Indicator, type IndicatorKind, type Initiative } from '../../domain/model/initiative';
import { fiscalYearLabel } from '../../domain/model/fiscalYear';
import { useI18n } from '../../i18n';
import { formatEstimate, formatNumber } from '../simulation/format';
import { INDICATOR_TEMPLATES, indicatorYearRows, isLinkedKind, setIndicatorValue } from './indicatorRows';
import { NumberField } from './NumberField';
import { ColumnHeads } from '../common/ColumnHeads';

export interface IndicatorsEditorProps {
  draft: Initiative;
  years: readonly number[];
  /** Key of the attached maps' latest comparisons; undefined when none is computed. */
  currentKey?: string;
  estimateYear: number;
  onChange(next: Initiative): void;
}

const newIndicatorId = () => `ind-${globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2)}`;

/** 評価指標: definition, 基準値, and per year 目標値 / 推計値 (95%CI) / 実績値 side by side. */
export function IndicatorsEditor({ draft, years, currentKey, estimateYear, onChange }: IndicatorsEditorProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [template, setTemplate] = useState(0);

  const patch = (indicatorId: string, change: Partial<Indicator>) =>
    onChange({ ...draft, indicators: draft.indicators.map((i) => (i.id === indicatorId ? { ...i, ...change } : i)) });

  return (
    <div className="bpr-init-indicators">
      {draft.indicators.length === 0 && <p className="bpr-hint">{t('initiatives.noIndicators')}</p>}
      {draft.indicators.map((ind, n) => {
        const base = `${id}-${n}`;
        const linked = isLinkedKind(ind.kind);
        return (
          <fieldset key={ind.id} className="bpr-init-indicator" data-indicator={ind.name}>
            <legend>{t('initiatives.indicatorN', { n: n + 1 })}</legend>
            <div className="bpr-init-indicator-head">
              <label htmlFor={`${base}-name`}>{t('initiatives.indicatorName')}</label>
              <input id={`${base}-name`} value={ind.name} onChange={(e) => patch(ind.id, { name: e.target.value })} />
              <label htmlFor={`${base}-unit`}>{t('initiatives.unit')}</label>
              <input id={`${base}-unit`} className="bpr-init-short" value={ind.unit} onChange={(e) => patch(ind.id, { unit: e.target.value })} />
              <label htmlFor={`${base}-kind`}>{t('initiatives.kind')}</label>
              <select id={`${base}-kind`} value={ind.kind} onChange={(e) => patch(ind.id, { kind: e.target.value as IndicatorKind })}>
                {INDICATOR_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`initiatives.kind.${k}`)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="bpr-button-danger-outline"
                onClick={() => onChange({ ...draft, indicators: draft.indicators.filter((i) => i.id !== ind.id) })}
              >
                {t('initiatives.removeIndicator')}
              </button>
            </div>
            <div className="bpr-init-indicator-head">
              <span>{t('initiatives.baseline')}</span>
              <NumberField
                label={t('initiatives.baselineValue', { name: ind.name })}
                value={ind.baseline?.value}
                invalidMessage={t('initiatives.notANumber')}
                onChange={(v) =>
                  patch(ind.id, { baseline: v === undefined ? undefined : { value: v, date: ind.baseline?.date ?? new Date().toISOString().slice(0, 10) } })
                }
              />
              <span>{ind.unit}</span>
              <label htmlFor={`${base}-bdate`}>{t('initiatives.baselineDate')}</label>
              <input
                id={`${base}-bdate`}
                type="date"
                value={ind.baseline?.date ?? ''}
                disabled={!ind.baseline}
                onChange={(e) => ind.baseline && patch(ind.id, { baseline: { value: ind.baseline.value, date: e.target.value } })}
              />
            </div>
            {linked && <p className="bpr-hint">{t('initiatives.linkedHint', { year: fiscalYearLabel(estimateYear, lang) })}</p>}
            <table className="bpr-init-table bpr-init-indicator-table">
              <ColumnHeads labels={[t('initiatives.fiscalYear'), t('initiatives.target'), t('initiatives.estimate'), t('initiatives.measured')]} />
              <tbody>
                {indicatorYearRows(ind, years, currentKey).map((row) => {
                  const yl = fiscalYearLabel(row.fiscalYear, lang);
                  return (
                    <tr key={row.fiscalYear} data-fiscal-year={row.fiscalYear}>
                      <th scope="row">{yl}</th>
                      <td>
                        <NumberField
                          label={t('initiatives.targetOf', { name: ind.name, year: yl })}
                          value={row.target}
                          invalidMessage={t('initiatives.notANumber')}
                          onChange={(v) => onChange(setIndicatorValue(draft, ind.id, row.fiscalYear, 'target', v))}
                        />{' '}
                        {ind.unit}
                      </td>
                      <td className="bpr-init-estimate-cell" data-testid="estimate-cell">
                        {row.estimate ? (
                          <>
                            {formatEstimate(row.estimate, ind.unit, lang).text}{' '}
                            <span className="bpr-init-estimate-badge">{t('initiatives.estimateBadge')}</span>
                            {row.estimate.stale && <span className="bpr-init-warning"> {t('initiatives.staleEstimate')}</span>}
                            <InputRangeText text={formatEstimate(row.estimate, ind.unit, lang).range} />
                          </>
                        ) : linked ? (
                          <span className="bpr-hint">{t('initiatives.noEstimate')}</span>
                        ) : (
                          '―'
                        )}
                      </td>
                      <td>
                        <NumberField
                          label={t('initiatives.measuredOf', { name: ind.name, year: yl })}
                          value={row.measured}
                          invalidMessage={t('initiatives.notANumber')}
                          onChange={(v) => onChange(setIndicatorValue(draft, ind.id, row.fiscalYear, 'measured', v))}
                        />{' '}
                        {ind.unit}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </fieldset>
        );
      })}
      <div className="bpr-init-add-row">
        <label htmlFor={`${id}-template`}>{t('initiatives.indicatorTemplate')}</label>
        <select id={`${id}-template`} value={template} onChange={(e) => setTemplate(Number(e.target.value))}>
          {INDICATOR_TEMPLATES.map((tpl, i) => (
            <option key={tpl.name} value={i}>
              {tpl.name}（{tpl.unit}・{t(`initiatives.kind.${tpl.kind}`)}）
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => {
            const tpl = INDICATOR_TEMPLATES[template];
            onChange({ ...draft, indicators: [...draft.indicators, { id: newIndicatorId(), name: tpl.name, unit: tpl.unit, kind: tpl.kind, years: [] }] });
          }}
        >
          {t('initiatives.addIndicator')}
        </button>
      </div>
      <p className="bpr-hint">{t('initiatives.measuredHint', { example: formatNumber(1234.5, lang, 1) })}</p>
    </div>
  );
}
