import { SelectEntry, TextFieldEntry, isSelectEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { parseNumberCell, CellError } from '../../domain/model/numbers';

/**
 * Small builders for standard panel entries. The text field's `validate` runs the same parse and
 * schema as the write; `setValue` is called with that error and then writes nothing.
 */
export interface EntryDef {
  id: string;
  component: unknown;
  isEdited?: unknown;
  [prop: string]: unknown;
}

export type Debounce = (fn: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown;

export interface TextSpec {
  id: string;
  label: string;
  description?: string;
  placeholder?: string;
  get(): string;
  /** Returns the message when `text` cannot be written. */
  check(text: string): string | null;
  /** Writes `text`; only called after `check` passed. */
  put(text: string): void;
}

export function textEntry(spec: TextSpec, debounce: Debounce | undefined): EntryDef {
  return {
    id: spec.id,
    component: TextFieldEntry,
    isEdited: isTextFieldEntryEdited,
    label: spec.label,
    description: spec.description,
    placeholder: spec.placeholder,
    debounce,
    getValue: () => spec.get(),
    // The stored value shown is valid by construction; only a typed value needs checking.
    validate: (value: string | undefined) => (value === undefined || value === spec.get() ? null : spec.check(value ?? '')),
    setValue: (value: string | undefined, error: string | null) => {
      if (error) return;
      if ((value ?? '') === spec.get()) return;
      spec.put(value ?? '');
    },
  };
}

export interface SelectSpec {
  id: string;
  label: string;
  options: Array<{ value: string; label: string }>;
  get(): string;
  put(value: string): void;
}

export function selectEntry(spec: SelectSpec): EntryDef {
  return {
    id: spec.id,
    component: SelectEntry,
    isEdited: isSelectEntryEdited,
    label: spec.label,
    getOptions: () => spec.options,
    getValue: () => spec.get(),
    setValue: (value: string) => spec.put(value),
  };
}

/** Number text for a field, or the error of parsing it. */
export function numberOrError(text: string, label: string): { value?: number; error?: string } {
  try {
    return { value: parseNumberCell(text, label) };
  } catch (e) {
    if (e instanceof CellError) return { error: e.message };
    throw e;
  }
}

export const numberText = (n: unknown): string => (typeof n === 'number' && Number.isFinite(n) ? String(n) : '');
