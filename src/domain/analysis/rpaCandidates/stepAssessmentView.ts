import type { StepAnnotation } from '../../model/annotations';
import { scoreAssessment, type RpaScore } from '../rpaScore';
import { ASSESSMENT_FIELD_LABELS, exclusionOf, resolveAssessment, type StepContext } from './derivedAssessment';
import { PARTLY_ASSESSED_LABEL, UNASSESSED_LABEL, type AssessmentField } from './types';

/**
 * What the properties panel shows for one step's RPA screening: each answer (entered, or derived and
 * marked 推定), the resulting score, and why the step is out of the ranking when it is. The same
 * rules as the ranking, so the panel and the ranking never disagree.
 */
export interface StepAssessmentField {
  field: AssessmentField;
  label: string;
  /** 1–5, or % for exceptionRate. */
  value: number;
  /** True when the workshop has not answered and `value` is derived. */
  estimated: boolean;
  /** Why the derived value is what it is; undefined for entered answers. */
  note?: string;
}

export interface StepAssessmentView {
  /** Set when the step is left out of the ranking (automated, resident's work, no staff time). */
  excludedMessage?: string;
  assessed: boolean;
  /** '' when assessed, else 未評価（推定値） / 一部未評価（推定値）. */
  label: string;
  fields: StepAssessmentField[];
  score: RpaScore;
  systems: number;
}

export function describeStepAssessment(step: StepAnnotation | undefined, ctx: StepContext): StepAssessmentView {
  const { answers, estimatedFields, derivationNotes } = resolveAssessment(step, ctx);
  const systems = step?.systems ?? 1;
  const fields = (Object.keys(answers) as AssessmentField[]).map((field): StepAssessmentField => {
    const i = estimatedFields.indexOf(field);
    return { field, label: ASSESSMENT_FIELD_LABELS[field], value: answers[field], estimated: i >= 0, note: i >= 0 ? derivationNotes[i] : undefined };
  });
  const score = scoreAssessment({
    ruleBased: answers.ruleBased,
    digitalInput: answers.digitalInput,
    structuredInput: answers.structuredInput,
    stability: answers.stability,
    documented: answers.documented,
    exceptionRatePct: answers.exceptionRate,
    systems,
  });
  const label = estimatedFields.length === 0 ? '' : estimatedFields.length === fields.length ? UNASSESSED_LABEL : PARTLY_ASSESSED_LABEL;
  return { excludedMessage: exclusionOf(step, ctx)?.message, assessed: estimatedFields.length === 0, label, fields, score, systems };
}
