import type { ParamValues } from '../../domain/analysis/interventions/common';
import type { TemplateParamSpec } from '../../domain/analysis/interventions';

/**
 * The parameter form of the templates dialog as plain data: what a field shows, and the values handed
 * to applyTemplate (only what the user changed; blank means the published default).
 */

export type ParamDraft = string | boolean;

export function isNumeric(spec: TemplateParamSpec): boolean {
  return typeof spec.default.value === 'number' || spec.default.value === 'auto';
}

/** Empty text for a number means "use the default"; 'auto' defaults start empty too. */
export function initialDrafts(specs: readonly TemplateParamSpec[]): Record<string, ParamDraft> {
  const out: Record<string, ParamDraft> = {};
  for (const s of specs) {
    const v = s.default.value;
    out[s.key] = typeof v === 'boolean' ? v : typeof v === 'number' ? String(v) : v === 'auto' ? '' : v;
  }
  return out;
}

export interface ParsedParams {
  values: ParamValues;
  /** Keys whose text is not a number. */
  invalid: string[];
  /** Keys whose number is outside the published range (allowed, but flagged). */
  outOfRange: string[];
}

export function parseDrafts(specs: readonly TemplateParamSpec[], drafts: Record<string, ParamDraft>): ParsedParams {
  const values: ParamValues = {};
  const invalid: string[] = [];
  const outOfRange: string[] = [];
  for (const s of specs) {
    const d = drafts[s.key];
    if (d === undefined) continue;
    if (typeof d === 'boolean') {
      if (d !== s.default.value) values[s.key] = d;
      continue;
    }
    if (isNumeric(s)) {
      const text = d.normalize('NFKC').replace(/,/g, '').trim();
      if (text === '') continue;
      const n = Number(text);
      if (!Number.isFinite(n)) {
        invalid.push(s.key);
        continue;
      }
      if (s.range && (n < s.range[0] || n > s.range[1])) outOfRange.push(s.key);
      if (n !== s.default.value) values[s.key] = n;
      continue;
    }
    const text = d.trim();
    if (text !== '' && text !== s.default.value) values[s.key] = text;
  }
  return { values, invalid, outOfRange };
}

/** 「転入届（現行）（To-Be: 書かない窓口）」: the As-Is name and the scenario's name. */
export function toBeProcessName(asIsName: string, scenarioName: string): string {
  return `${asIsName}（To-Be: ${scenarioName}）`;
}
