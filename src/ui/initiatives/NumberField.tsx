import { useEffect, useState } from 'react';

/** 「1,234」「１２３」 → 1234; '' → undefined; anything else → NaN. */
export function parseNumberInput(text: string): number | undefined {
  const s = text.normalize('NFKC').replace(/[,\s]/g, '');
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : Number.NaN;
}

export interface NumberFieldProps {
  value: number | undefined;
  onChange(value: number | undefined): void;
  label: string;
  id?: string;
  className?: string;
  min?: number;
  invalidMessage: string;
}

/**
 * A number typed as text, so full-width digits and thousands separators are accepted and a half-typed
 * value is not lost; it is passed on only when it reads as a number (or is cleared).
 */
export function NumberField({ value, onChange, label, id, className, min, invalidMessage }: NumberFieldProps) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    const current = parseNumberInput(text);
    if (current !== value && !(current !== undefined && Number.isNaN(current))) setText(value === undefined ? '' : String(value));
    // Only an outside change of `value` resets the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const parsed = parseNumberInput(text);
  const invalid = (parsed !== undefined && Number.isNaN(parsed)) || (parsed !== undefined && min !== undefined && parsed < min);
  return (
    <span className="bpr-init-number">
      <input
        id={id}
        className={className}
        inputMode="decimal"
        aria-label={label}
        aria-invalid={invalid || undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const n = parseNumberInput(e.target.value);
          if (n === undefined || (!Number.isNaN(n) && (min === undefined || n >= min))) onChange(n);
        }}
      />
      {invalid && (
        <span className="bpr-init-field-error" role="alert">
          {invalidMessage}
        </span>
      )}
    </span>
  );
}
