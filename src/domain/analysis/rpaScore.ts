import { SOURCES, type SourcedDefault } from './sources';

/**
 * Screening a step for RPA the way established RPA programmes do: five questions answered 1–5
 * in the workshop, plus the exception rate and the number of systems the step touches.
 */
export interface RpaAssessment {
  /** 判断の定型性: 1 = judgement every time … 5 = fully rule-based */
  ruleBased: number;
  /** 入力の電子化: 1 = handwritten paper … 5 = already digital */
  digitalInput: number;
  /** 入力の構造化: 1 = free text … 5 = fixed fields */
  structuredInput: number;
  /** 安定性: 1 = procedure or system changes within 6 months … 5 = stable */
  stability: number;
  /** 手順の文書化: 1 = only in someone's head … 5 = written manual */
  documented: number;
  /** Share of cases that need a person anyway, 0–100 %. */
  exceptionRatePct: number;
  /** Systems touched by the step. */
  systems: number;
}

export const RPA_QUESTIONS = ['ruleBased', 'digitalInput', 'structuredInput', 'stability', 'documented'] as const;
export type RpaQuestion = (typeof RPA_QUESTIONS)[number];

/** Rule-based judgement weighs most: a robot cannot take over a step that needs discretion. */
export const RPA_WEIGHTS: Record<RpaQuestion, number> = {
  ruleBased: 0.3,
  digitalInput: 0.2,
  structuredInput: 0.2,
  stability: 0.15,
  documented: 0.15,
};

/** The upper end of published reductions for automated input work. */
export const MAX_AUTOMATION_SHARE: SourcedDefault<number> = {
  value: 0.9,
  source: 'rpaRange',
  derivation: `${SOURCES.rpaRange.figure} の上限`,
};

/** Shown in the UI next to the score so a workshop can check the arithmetic. */
export const RPA_FORMULA_JA =
  '適合度 = 100 × Σ 重み ×（回答−1）/ 4 （重み: 定型性 0.3、電子化 0.2、構造化 0.2、安定性 0.15、文書化 0.15）／' +
  '自動化可能率 = min(0.9, 適合度/100) ×（1 − 例外率）／実装容易度 = 適合度 ×（1 − 0.1 × (システム数 − 1)）';

export interface RpaScore {
  /** 0–100 */
  suitability: number;
  /** Share of the step's staff time a robot can take, 0–0.9 */
  automationPotential: number;
  /** 0–100; more systems make a robot harder to build and maintain */
  ease: number;
}

export function validateAssessment(a: RpaAssessment): string[] {
  const errors: string[] = [];
  for (const q of RPA_QUESTIONS) {
    const v = a[q];
    if (!Number.isFinite(v) || v < 1 || v > 5) errors.push(`${RPA_QUESTION_LABELS[q]}は1〜5で入力してください（入力値: ${v}）`);
  }
  if (!Number.isFinite(a.exceptionRatePct) || a.exceptionRatePct < 0 || a.exceptionRatePct > 100)
    errors.push(`例外率は0〜100%で入力してください（入力値: ${a.exceptionRatePct}）`);
  if (!Number.isInteger(a.systems) || a.systems < 0) errors.push(`システム数は0以上の整数で入力してください（入力値: ${a.systems}）`);
  return errors;
}

export const RPA_QUESTION_LABELS: Record<RpaQuestion, string> = {
  ruleBased: '判断の定型性',
  digitalInput: '入力の電子化',
  structuredInput: '入力データの構造化',
  stability: '安定性（6か月以内の手順・システム変更がない）',
  documented: '手順の文書化',
};

export function scoreAssessment(a: RpaAssessment): RpaScore {
  const errors = validateAssessment(a);
  if (errors.length) throw new RangeError(errors.join('／'));
  let s = 0;
  for (const q of RPA_QUESTIONS) s += RPA_WEIGHTS[q] * ((a[q] - 1) / 4);
  const suitability = 100 * s;
  const automationPotential = Math.min(MAX_AUTOMATION_SHARE.value, suitability / 100) * (1 - a.exceptionRatePct / 100);
  const ease = Math.max(0, suitability * (1 - 0.1 * Math.max(0, a.systems - 1)));
  return { suitability, automationPotential, ease };
}
