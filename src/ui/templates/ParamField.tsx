import type { AutoValue, ParamProblem, ResolvedParameter, TemplateId, TemplateParamSpec } from '../../domain/analysis/interventions';
import { formatParamValue, isAutoParam } from '../../domain/analysis/interventions';
import { SOURCES } from '../../domain/analysis/sources';
import { useI18n } from '../../i18n';
import type { TParams } from '../../i18n/core';
import type { ParamDraft } from './templateDraft';

/**
 * One control per parameter type (the type is the template spec's): a select for choices, a checkbox
 * for yes/no, a text field with its unit for numbers (¥ regrouped on leaving the field), and for 「自動」
 * the value the template will use on this diagram.
 */

type T = (key: string, params?: TParams) => string;

export function problemText(p: ParamProblem, label: string, t: T): string {
  return t(`templates.err.${p.code}`, { field: label, input: p.input, min: p.min ?? '', max: p.max ?? '', unit: p.unit });
}

function choiceLabel(spec: TemplateParamSpec, value: string, t: T): string {
  return t(`templates.opt.${spec.key}.${value}`);
}

/** A value as the dialog words it: choices by their label, yes/no, ¥ with separators. */
export function valueText(spec: TemplateParamSpec, value: number | boolean | string, t: T): string {
  if (typeof value === 'boolean') return t(value ? 'templates.yes' : 'templates.no');
  if (value === 'auto' && isAutoParam(spec)) return t('templates.autoPlaceholder');
  if (spec.type.kind === 'choice' && typeof value === 'string') return choiceLabel(spec, value, t);
  return formatParamValue(spec, value);
}

export function defaultText(spec: TemplateParamSpec, t: T): string {
  return valueText(spec, spec.default.value, t);
}

const isNumberKind = (spec: TemplateParamSpec) => ['yen', 'minutes', 'percent', 'quantity'].includes(spec.type.kind);

export interface ParamFieldProps {
  id: string;
  spec: TemplateParamSpec;
  label: string;
  draft: ParamDraft | undefined;
  problem?: ParamProblem;
  outOfRange: boolean;
  /** From the latest preview: what 自動 came to. */
  auto?: AutoValue;
  onChange(draft: ParamDraft): void;
  onBlur(): void;
}

export function ParamField({ id, spec, label, draft, problem, outOfRange, auto, onChange, onBlur }: ParamFieldProps) {
  const { t } = useI18n();
  const errorId = `${id}-error`;
  const autoId = `${id}-auto`;
  const type = spec.type;
  const describedBy = [problem ? errorId : '', isAutoParam(spec) ? autoId : ''].filter(Boolean).join(' ') || undefined;
  let control;
  if (type.kind === 'boolean') {
    control = <input id={id} type="checkbox" checked={draft === true} onChange={(e) => onChange(e.target.checked)} />;
  } else if (type.kind === 'choice') {
    control = (
      <select id={id} value={typeof draft === 'string' ? draft : String(spec.default.value)} onChange={(e) => onChange(e.target.value)}>
        {type.options.map((o) => (
          <option key={o.value} value={o.value}>
            {choiceLabel(spec, o.value, t)}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        id={id}
        className={`bpr-tpl-input ${type.kind === 'yen' ? 'bpr-tpl-input-yen' : ''}`}
        value={typeof draft === 'string' ? draft : ''}
        inputMode={isNumberKind(spec) ? 'decimal' : undefined}
        placeholder={isAutoParam(spec) ? t('templates.autoPlaceholder') : undefined}
        aria-invalid={!!problem}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
    );
  }
  const showAuto = isAutoParam(spec) && (draft === '' || draft === undefined);
  return (
    <>
      {control}
      {spec.unit && type.kind !== 'boolean' && type.kind !== 'choice' && <span className="bpr-tpl-unit">{spec.unit}</span>}
      {spec.range && (
        <span className={`bpr-tpl-range ${outOfRange ? 'bpr-tpl-range-out' : ''}`}>
          {t('compare.tpl.range', { low: spec.range[0], high: spec.range[1], unit: spec.unit })}
        </span>
      )}
      {showAuto && (
        <span id={autoId} className="bpr-tpl-auto" data-testid={`auto-${spec.key}`}>
          {auto ? t('templates.autoUses', { value: auto.text }) : t('templates.autoPending', { derivation: spec.default.derivation ?? '' })}
        </span>
      )}
      {problem && (
        <span id={errorId} className="bpr-tpl-error">
          {problemText(problem, label, t)}
        </span>
      )}
    </>
  );
}

/** The preview's list of what each parameter came to and where it came from. */
export function UsedParameters({
  templateId,
  specs,
  resolved,
}: {
  templateId: TemplateId;
  specs: readonly TemplateParamSpec[];
  resolved: readonly ResolvedParameter[];
}) {
  const { t } = useI18n();
  return (
    <section className="bpr-tpl-used" aria-label={t('templates.used')}>
      <h4>{t('templates.used')}</h4>
      <ul data-testid="template-used">
        {resolved.map((r) => {
          const spec = specs.find((s) => s.key === r.key);
          if (!spec) return null;
          const label = t(`templates.p.${templateId}.${r.key}`);
          const unit = spec.type.kind === 'choice' || spec.type.kind === 'boolean' ? '' : spec.unit;
          let value: string;
          let where: string;
          if (r.auto) {
            value = r.auto.text;
            where = `${t('templates.usedAuto', { source: SOURCES[r.auto.source].label })}${r.auto.derivation ? `: ${r.auto.derivation}` : ''}`;
          } else {
            value = `${valueText(spec, r.value, t)}${r.value === 'auto' ? '' : unit}`;
            where = r.overridden
              ? t('templates.usedInput')
              : `${t('templates.usedDefault', { source: SOURCES[r.default.source].label })}${r.default.derivation ? `: ${r.default.derivation}` : ''}`;
          }
          return (
            <li key={r.key} data-param={r.key}>
              <span className="bpr-tpl-used-label">{label}</span>: <span className="bpr-tpl-used-value">{value}</span>（{where}）
            </li>
          );
        })}
      </ul>
    </section>
  );
}
