import type { ParamValues } from '../../domain/analysis/interventions/common';
import { formatParamValue, isAutoParam, readParamInput, type ParamProblem, type TemplateParamSpec } from '../../domain/analysis/interventions';

/**
 * The parameter form of the templates dialog as plain data: what a field shows, and the values handed
 * to applyTemplate (only what the user changed; blank means the published default or 自動). Reading
 * the text is the domain's (readParamInput), so the dialog and applyTemplate agree on what is valid.
 */

export type ParamDraft = string | boolean;

/** Numbers start at their default (¥ with separators); 自動 starts empty; a choice at its default option. */
export function initialDrafts(specs: readonly TemplateParamSpec[]): Record<string, ParamDraft> {
  const out: Record<string, ParamDraft> = {};
  for (const s of specs) {
    const v = s.default.value;
    out[s.key] = typeof v === 'boolean' ? v : isAutoParam(s) ? '' : formatParamValue(s, v);
  }
  return out;
}

export interface ParsedParams {
  values: ParamValues;
  /** Fields whose input is not understood, each naming the field. */
  problems: ParamProblem[];
  /** Keys whose number is outside the published range (allowed, but flagged). */
  outOfRange: string[];
}

export function parseDrafts(specs: readonly TemplateParamSpec[], drafts: Record<string, ParamDraft>): ParsedParams {
  const values: ParamValues = {};
  const problems: ParamProblem[] = [];
  const outOfRange: string[] = [];
  for (const s of specs) {
    const d = drafts[s.key];
    if (d === undefined) continue;
    const r = readParamInput(s, d);
    if (!r.ok) {
      problems.push(r.problem);
      continue;
    }
    if (r.value === undefined) continue;
    if (typeof r.value === 'number' && s.range && (r.value < s.range[0] || r.value > s.range[1])) outOfRange.push(s.key);
    if (r.value !== s.default.value) values[s.key] = r.value;
  }
  return { values, problems, outOfRange };
}

/** The field's text after leaving it: ¥ regrouped with separators once it reads as a number. */
export function tidyDraft(spec: TemplateParamSpec, draft: ParamDraft): ParamDraft {
  if (typeof draft === 'boolean' || spec.type.kind !== 'yen') return draft;
  const r = readParamInput(spec, draft);
  return r.ok && typeof r.value === 'number' ? formatParamValue(spec, r.value) : draft;
}

/** 「転入届（現行）（To-Be: 書かない窓口）」: the As-Is name and the scenario's name. */
export function toBeProcessName(asIsName: string, scenarioName: string): string {
  return `${asIsName}（To-Be: ${scenarioName}）`;
}
