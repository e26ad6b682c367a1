import { groupDigits } from '../../model/numbers';
import type { TemplateParamSpec } from './types';

/**
 * Template parameters as people type them, read by the parameter's type (templates' specs carry it).
 * One reader for the dialog and for applyTemplate, so a value the dialog accepts is one the template
 * uses, and a value neither understands is refused with a code naming the field, never dropped.
 */

export type ParamValue = number | boolean | string;

export type ParamProblemCode =
  'notNumber' | 'notYen' | 'notMinutes' | 'notPercent' | 'notInteger' | 'belowMin' | 'aboveMax' | 'notChoice' | 'notBoolean' | 'notText';

export interface ParamProblem {
  key: string;
  /** The field's label, so a message can name it. */
  label: string;
  code: ParamProblemCode;
  /** What was typed or given, as text. */
  input: string;
  min?: number;
  max?: number;
  unit: string;
}

export type ParamReading = { ok: true; value: ParamValue | undefined } | { ok: false; problem: ParamProblem };

export const isAutoParam = (s: TemplateParamSpec): boolean => s.default.value === 'auto';

export const isNumberParam = (s: TemplateParamSpec): boolean =>
  s.type.kind === 'yen' || s.type.kind === 'minutes' || s.type.kind === 'percent' || s.type.kind === 'quantity';

/** Hard bounds: percent 0–100, every other number ≥ 0, unless the spec says otherwise. */
export function boundsOf(s: TemplateParamSpec): { min: number; max: number } {
  const min = s.min ?? 0;
  const max = s.max ?? (s.type.kind === 'percent' ? 100 : Number.POSITIVE_INFINITY);
  return { min, max };
}

const NOT_A_NUMBER: Record<string, ParamProblemCode> = { yen: 'notYen', minutes: 'notMinutes', percent: 'notPercent', quantity: 'notNumber' };

/** Words people type for 自動 in an automatic field. */
const AUTO_WORDS = /^(自動|auto|じどう)$/i;

/** Units and marks people add to a number: ¥, 円, 円/年, %, 分, the spec's own unit. */
function stripUnit(text: string, unit: string): string {
  let t = text.normalize('NFKC').replace(/[,\s]/g, '');
  const u = unit.normalize('NFKC').replace(/\s/g, '');
  if (u && t.endsWith(u)) t = t.slice(0, -u.length);
  return t.replace(/^[¥￥]/, '').replace(/(円\/年|円\/枚|円|%|分|秒|枚|台|営業日)$/, '');
}

function problem(s: TemplateParamSpec, code: ParamProblemCode, input: string): ParamReading {
  const { min, max } = boundsOf(s);
  return { ok: false, problem: { key: s.key, label: s.label, code, input, min, max: Number.isFinite(max) ? max : undefined, unit: s.unit } };
}

/** A number already read, checked against the type and bounds. */
function checkNumber(s: TemplateParamSpec, n: number, input: string): ParamReading {
  if (!Number.isFinite(n)) return problem(s, NOT_A_NUMBER[s.type.kind] ?? 'notNumber', input);
  if (s.type.kind === 'quantity' && s.type.integer && !Number.isInteger(n)) return problem(s, 'notInteger', input);
  const { min, max } = boundsOf(s);
  if (n < min) return problem(s, 'belowMin', input);
  if (n > max) return problem(s, 'aboveMax', input);
  return { ok: true, value: n };
}

/**
 * What the person typed (text) or ticked (boolean). `value: undefined` means "use the default / 自動"
 * (an empty field, or 自動 typed into an automatic one).
 */
export function readParamInput(s: TemplateParamSpec, input: string | boolean): ParamReading {
  const t = s.type;
  if (t.kind === 'boolean') return typeof input === 'boolean' ? { ok: true, value: input } : problem(s, 'notBoolean', String(input));
  const raw = String(input);
  const text = raw.trim();
  if (text === '') return { ok: true, value: undefined };
  if (isAutoParam(s) && AUTO_WORDS.test(text.normalize('NFKC'))) return { ok: true, value: undefined };
  if (t.kind === 'choice') {
    const hit = t.options.find((o) => o.value === text || o.label === text);
    return hit ? { ok: true, value: hit.value } : problem(s, 'notChoice', text);
  }
  if (t.kind === 'text') return { ok: true, value: text };
  const cleaned = stripUnit(text, s.unit);
  // Number('') is 0 and Number('0x10') is 16: only plain decimals count as typed numbers.
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return problem(s, NOT_A_NUMBER[t.kind] ?? 'notNumber', text);
  return checkNumber(s, Number(cleaned), text);
}

/** A value handed to applyTemplate by code (tryRpa, CLI): the same checks, without the text parsing. */
export function checkParamValue(s: TemplateParamSpec, v: ParamValue): ParamProblem | undefined {
  const t = s.type;
  const given = String(v);
  let r: ParamReading;
  if (v === 'auto' && isAutoParam(s)) return undefined;
  if (t.kind === 'boolean') r = typeof v === 'boolean' ? { ok: true, value: v } : problem(s, 'notBoolean', given);
  else if (t.kind === 'choice') r = typeof v === 'string' && t.options.some((o) => o.value === v) ? { ok: true, value: v } : problem(s, 'notChoice', given);
  else if (t.kind === 'text') r = typeof v === 'string' && v.trim() !== '' ? { ok: true, value: v } : problem(s, 'notText', given);
  else r = typeof v === 'number' ? checkNumber(s, v, given) : problem(s, NOT_A_NUMBER[t.kind] ?? 'notNumber', given);
  return r.ok ? undefined : r.problem;
}

const KIND_JA: Partial<Record<ParamProblemCode, string>> = {
  notNumber: '数値',
  notYen: '金額（円）',
  notMinutes: '時間（分）',
  notPercent: '割合（%）',
};

/**
 * Japanese sentence for a problem, for callers without the i18n resources (applyTemplate's error, CLI);
 * the dialog words the same codes through compare.tpl.err.*.
 */
export function paramProblemMessage(p: ParamProblem): string {
  const head = `「${p.label}」の「${p.input}」`;
  switch (p.code) {
    case 'notInteger':
      return `${head}は整数ではありません`;
    case 'belowMin':
      return `${head}は小さすぎます（${p.min}${p.unit}以上）`;
    case 'aboveMax':
      return `${head}は大きすぎます（${p.max}${p.unit}以下）`;
    case 'notChoice':
      return `${head}は選択肢にありません`;
    case 'notBoolean':
      return `${head}は「はい／いいえ」ではありません`;
    case 'notText':
      return `${head}は空です`;
    default:
      return `${head}は${KIND_JA[p.code] ?? '数値'}として読めません`;
  }
}

/** Thousands separators for yen; other numbers as they are. For the field's initial text. */
export function formatParamValue(s: TemplateParamSpec, v: ParamValue): string {
  if (typeof v !== 'number') return String(v);
  if (s.type.kind === 'yen') return groupDigits(v);
  return String(Math.round(v * 100) / 100);
}
