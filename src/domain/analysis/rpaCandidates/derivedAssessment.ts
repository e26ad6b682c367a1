import { distributionMean, elementLabel, type StepAnnotation } from '../../model/annotations';
import { AUTOMATION_LABELS } from '../../model/automationLabels';
import type { AssessmentField, ExclusionReason } from './types';

/**
 * What the ranking assumes for a step the workshop has not screened yet. The annotations already say
 * a little about automatability (paper, systems, who does it); everything else stays at the neutral
 * middle answer 3 so that an unscreened step neither wins nor loses on guesswork. Entered answers
 * always win over derived ones, field by field.
 */

export interface StepContext {
  taskId: string;
  taskName: string;
  /** Role after the lane default (readDiagramAnnotations fills it). */
  role?: string;
  lane?: string;
}

export type DerivedAnswers = Record<AssessmentField, number>;

/** Neutral answers; 10 % exceptions is an assumption for a step nobody has examined. */
export const NEUTRAL_ANSWERS: Readonly<DerivedAnswers> = {
  ruleBased: 3,
  digitalInput: 3,
  structuredInput: 3,
  stability: 3,
  documented: 3,
  exceptionRate: 10,
};

/** Steps decided by a superior: the name says so, or the step sits in an approver's lane/role. */
const APPROVAL_NAME = /決裁|承認|押印/;
const APPROVER_ROLE = /決裁|承認|係長|課長|部長|局長|所長|室長|市長|町長|村長/;
/** Roles that are the resident, not staff: their time is not staff time a robot could take. */
const RESIDENT_ROLE = /^(住民|申請者|来庁者|届出人|市民)$/;

export function isApprovalStep(ctx: StepContext): boolean {
  return APPROVAL_NAME.test(ctx.taskName) || [ctx.role, ctx.lane].some((r) => !!r && APPROVER_ROLE.test(r));
}

const meanOf = (d: StepAnnotation['staffTime']) => (d ? distributionMean(d) : 0);

/** Whether the step is left out of the ranking, and why (Japanese, naming the step). */
export function exclusionOf(step: StepAnnotation | undefined, ctx: StepContext): { reason: ExclusionReason; message: string } | undefined {
  const label = elementLabel(ctx.taskId, ctx.taskName);
  if (step?.automation && step.automation !== 'none')
    return { reason: 'automated', message: `${label} は自動化（${AUTOMATION_LABELS[step.automation]}）が設定済みのため対象外です` };
  const residentRole = [step?.role, ctx.lane].some((r) => !!r && RESIDENT_ROLE.test(r.trim()));
  const staffMinutes = meanOf(step?.staffTime);
  if (residentRole || (staffMinutes <= 0 && meanOf(step?.residentTime) > 0))
    return { reason: 'resident', message: `${label} は住民が行う作業のため対象外です` };
  if (staffMinutes <= 0) return { reason: 'no-staff-time', message: `${label} は職員処理時間が未入力（または0分）のため対象外です` };
  return undefined;
}

/** Derived answers for every field plus the reasons, before entered answers are applied. */
export function deriveAnswers(
  step: StepAnnotation | undefined,
  ctx: StepContext,
): { answers: DerivedAnswers; notes: Partial<Record<AssessmentField, string>> } {
  const answers: DerivedAnswers = { ...NEUTRAL_ANSWERS };
  const notes: Partial<Record<AssessmentField, string>> = {};
  if (step?.systems === 0) {
    answers.digitalInput = 1;
    notes.digitalInput = '操作するシステムがない（システム数 0）ため、入力の電子化を1と推定';
  } else if ((step?.paperSheets ?? 0) > 0) {
    answers.digitalInput = 2;
    notes.digitalInput = `紙の書類（${step!.paperSheets} 枚）から入力するため、入力の電子化を2と推定`;
  }
  if (isApprovalStep(ctx)) {
    answers.ruleBased = 2;
    notes.ruleBased = '決裁・承認の作業（名称または決裁者のレーン）のため、判断の定型性を2と推定';
  } else if (meanOf(step?.residentTime) > 0) {
    answers.ruleBased = 2;
    notes.ruleBased = '住民と対面する作業（住民の所要時間あり）で職員の判断を伴うため、判断の定型性を2と推定';
  }
  return { answers, notes };
}

/**
 * The answers that decide most of the score (judgement 0.3, digital 0.2, structured 0.2 of the weights,
 * and the exception rate, which scales the potential directly): the questionnaire asks only these, and a
 * step counts as screened for the ranking once they are entered. Stability and documentation (0.15 each)
 * stay at their derived value until the workshop goes through the full screening.
 */
export const KEY_ASSESSMENT_FIELDS: readonly AssessmentField[] = ['ruleBased', 'digitalInput', 'structuredInput', 'exceptionRate'];

/** Why a step needs a person, as far as the annotations tell: the resident is there, or a superior decides. */
export type RpaCaution = 'face-to-face' | 'judgement';

export function cautionOf(step: StepAnnotation | undefined, ctx: StepContext): RpaCaution | null {
  if (meanOf(step?.residentTime) > 0) return 'face-to-face';
  if (isApprovalStep(ctx)) return 'judgement';
  return null;
}

/** Key answers the workshop has not entered yet. */
export function missingKeyAnswers(step: StepAnnotation | undefined): AssessmentField[] {
  const entered = step?.assessment ?? {};
  return KEY_ASSESSMENT_FIELDS.filter((f) => entered[f] === undefined);
}

export const ASSESSMENT_FIELD_LABELS: Record<AssessmentField, string> = {
  ruleBased: '判断の定型性',
  digitalInput: '入力の電子化',
  structuredInput: '入力データの構造化',
  stability: '安定性',
  documented: '手順の文書化',
  exceptionRate: '例外率',
};

const NEUTRAL_NOTES = Object.fromEntries(
  (Object.keys(NEUTRAL_ANSWERS) as AssessmentField[]).map((f) => [
    f,
    `${ASSESSMENT_FIELD_LABELS[f]}は未評価のため中間値 ${NEUTRAL_ANSWERS[f]}${f === 'exceptionRate' ? '%' : ''} と仮定`,
  ]),
) as Record<AssessmentField, string>;

/** Entered answers where present, derived ones elsewhere; lists which fields were derived. */
export function resolveAssessment(
  step: StepAnnotation | undefined,
  ctx: StepContext,
): { answers: DerivedAnswers; estimatedFields: AssessmentField[]; derivationNotes: string[] } {
  const { answers, notes } = deriveAnswers(step, ctx);
  const entered = step?.assessment ?? {};
  const estimatedFields: AssessmentField[] = [];
  const derivationNotes: string[] = [];
  for (const f of Object.keys(answers) as AssessmentField[]) {
    const v = entered[f];
    if (v !== undefined) {
      answers[f] = v;
      continue;
    }
    estimatedFields.push(f);
    derivationNotes.push(notes[f] ?? NEUTRAL_NOTES[f]);
  }
  return { answers, estimatedFields, derivationNotes };
}
