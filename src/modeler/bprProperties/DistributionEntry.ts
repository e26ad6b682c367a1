import { h } from '@bpmn-io/properties-panel/preact';
import { useEffect, useRef, useState } from '@bpmn-io/properties-panel/preact/hooks';
import { DISTRIBUTION_TYPES, distributionMean, distributionSchema, type Distribution, type DistributionType } from '../../domain/model/annotations';
import { formatNumber } from '../../domain/model/numbers';
import { tr } from './text';

/**
 * A distribution edited as one unit: the type, then the fields that type needs. Fields are kept
 * locally until the whole distribution is complete and valid (a three-point estimate is entered
 * min → mode → max without an error flashing at each step), and only then written, in one command.
 */
type FieldName = 'value' | 'min' | 'mode' | 'max' | 'mean' | 'sd';

export const FIELDS_BY_TYPE: Record<DistributionType, FieldName[]> = {
  fixed: ['value'],
  triangular: ['min', 'mode', 'max'],
  normal: ['mean', 'sd'],
  lognormal: ['mean', 'sd'],
  exponential: ['mean'],
  uniform: ['min', 'max'],
};

type Fields = Partial<Record<FieldName, string>>;

function fieldsOf(d: Record<string, unknown> | undefined): Fields {
  const out: Fields = {};
  if (!d) return out;
  for (const k of ['value', 'min', 'mode', 'max', 'mean', 'sd'] as FieldName[]) {
    const v = d[k];
    if (typeof v === 'number' && Number.isFinite(v)) out[k] = String(v);
  }
  return out;
}

/** Carry values over when the type changes so switching 固定 → 三点見積り keeps the number as 最頻. */
function carryOver(from: Fields, to: DistributionType): Fields {
  const base = from.value ?? from.mode ?? from.mean;
  const out: Fields = {};
  for (const k of FIELDS_BY_TYPE[to]) {
    if (from[k] !== undefined) out[k] = from[k];
    else if ((k === 'value' || k === 'mode' || k === 'mean') && base !== undefined) out[k] = base;
  }
  return out;
}

export interface DistributionEntryProps {
  element: unknown;
  id: string;
  /** The stored distribution as raw attributes (may be invalid) or undefined. */
  getStored(): Record<string, unknown> | undefined;
  /** Writes (undefined removes); returns the message to show, or null. */
  write(d: Distribution | undefined): string | null;
  unitLabel: string;
  /** Offered types; the staff time offers all, a lag only some. */
  types?: readonly DistributionType[];
  allowEmpty?: boolean;
  label?: string;
}

const COMMIT_DELAY_MS = 400;

export function DistributionEntry(props: DistributionEntryProps) {
  const { id, element, unitLabel } = props;
  const stored = props.getStored();
  const storedKey = JSON.stringify(stored ?? null);
  const [type, setType] = useState<string>((stored?.type as string) ?? '');
  const [fields, setFields] = useState<Fields>(fieldsOf(stored));
  const [error, setError] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // The model is the truth: after undo/redo or a table edit, show what is stored.
  useEffect(() => {
    setType((stored?.type as string) ?? '');
    setFields(fieldsOf(stored));
    setError(null);
    setHint(null);
  }, [storedKey, element]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (t: string, f: Fields) => {
    clearTimeout(timer.current);
    if (t === '') {
      setHint(null);
      setError(stored ? props.write(undefined) : null);
      return;
    }
    const names = FIELDS_BY_TYPE[t as DistributionType];
    const missing = names.filter((n) => (f[n] ?? '').trim() === '');
    if (missing.length) {
      setError(null);
      setHint(tr('dist.incomplete', { fields: missing.map((n) => tr(`dist.${n}`)).join('・') }));
      return;
    }
    setHint(null);
    const candidate: Record<string, unknown> = { type: t };
    for (const n of names) {
      const text = (f[n] ?? '').normalize('NFKC').trim();
      candidate[n] = text === '' ? undefined : Number(text);
    }
    const parsed = distributionSchema.safeParse(candidate);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '');
      return;
    }
    if (JSON.stringify(parsed.data) === JSON.stringify(stored ?? null)) {
      setError(null);
      return;
    }
    setError(props.write(parsed.data));
  };

  const onType = (e: Event) => {
    const t = (e.target as HTMLSelectElement).value;
    const next = t ? carryOver(fields, t as DistributionType) : {};
    setType(t);
    setFields(next);
    commit(t, next);
  };

  const onField = (name: FieldName) => (e: Event) => {
    const next = { ...fields, [name]: (e.target as HTMLInputElement).value };
    setFields(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(type, next), COMMIT_DELAY_MS);
  };
  const flush = () => {
    if (timer.current !== undefined) commit(type, fields);
    timer.current = undefined;
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') flush();
  };

  const types = props.types ?? DISTRIBUTION_TYPES;
  const names = type ? FIELDS_BY_TYPE[type as DistributionType] : [];
  const storedParsed = stored ? distributionSchema.safeParse(stored) : undefined;
  const meanText =
    storedParsed?.success && storedParsed.data.type !== 'fixed' ? tr('dist.meanHint', { mean: formatNumber(distributionMean(storedParsed.data)) }) : null;
  const selectId = `bio-properties-panel-${id}-type`;

  return h(
    'div',
    { class: `bio-properties-panel-entry bpr-distribution${error ? ' has-error' : ''}`, 'data-entry-id': id },
    h(
      'div',
      { class: 'bio-properties-panel-select' },
      h('label', { for: selectId, class: 'bio-properties-panel-label' }, props.label ?? tr('dist.type')),
      h(
        'select',
        { id: selectId, name: `${id}-type`, class: 'bio-properties-panel-input', value: type, onChange: onType },
        props.allowEmpty === false ? null : h('option', { value: '' }, tr('dist.none')),
        types.map((t) => h('option', { value: t, key: t }, tr(`dist.${t}`))),
      ),
    ),
    names.length
      ? h(
          'div',
          { class: `bpr-distribution-fields bpr-fields-${names.length}` },
          names.map((n) =>
            h(
              'div',
              { class: 'bio-properties-panel-textfield', key: n },
              h('label', { for: `bio-properties-panel-${id}-${n}`, class: 'bio-properties-panel-label' }, `${tr(`dist.${n}`)} (${unitLabel})`),
              h('input', {
                id: `bio-properties-panel-${id}-${n}`,
                name: `${id}-${n}`,
                class: 'bio-properties-panel-input',
                type: 'text',
                inputMode: 'decimal',
                autoComplete: 'off',
                value: fields[n] ?? '',
                onInput: onField(n),
                onBlur: flush,
                onKeyDown,
              }),
            ),
          ),
        )
      : null,
    error ? h('div', { class: 'bio-properties-panel-error', role: 'alert' }, error) : null,
    !error && hint ? h('div', { class: 'bio-properties-panel-description bpr-hint' }, hint) : null,
    !error && !hint && meanText ? h('div', { class: 'bio-properties-panel-description' }, meanText) : null,
  );
}
