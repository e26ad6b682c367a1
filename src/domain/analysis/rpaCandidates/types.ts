import type { Estimate } from '../../sim/stats';
import type { ModdleElement } from '../../bpmn/bprAccess';
import type { AutomationCostSettings } from '../roi';
import type { RpaAssessment } from '../rpaScore';

/** One diagram handed to the ranking; To-Be diagrams are skipped (only current work can be automated). */
export interface RpaProcessInput {
  /** Unique key across the workspace; hoursByTask is asked with it. */
  processId: string;
  processName: string;
  /** 担当課; empty when unknown. */
  department?: string;
  kind: 'as-is' | 'to-be';
  /** Either the .bpmn text or definitions already parsed (bpmn-moddle / bpmn-js business objects). */
  xml?: string;
  definitions?: ModdleElement;
}

/** Simulated figures of one task: staff hours per year and, when known, completions per year. */
export interface TaskSimFigures {
  staffHoursPerYear: Estimate;
  countPerYear?: Estimate;
}

/** Per process: task id → simulated figures (a bare Estimate is read as staff hours per year). */
export type TaskHoursTable = Record<string, TaskSimFigures | Estimate>;
export type HoursByTask = (processId: string) => TaskHoursTable | undefined;

export interface RpaRankingSettings extends AutomationCostSettings {
  /** Used when a step's role has no hourly cost (or the step has no role). */
  hourlyCostFallbackYen: number;
}

export type AssessmentField = 'ruleBased' | 'digitalInput' | 'structuredInput' | 'stability' | 'documented' | 'exceptionRate';

export const UNASSESSED_LABEL = '未評価（推定値）';
export const PARTLY_ASSESSED_LABEL = '一部未評価（推定値）';

export interface RpaCandidate {
  /** 1 = best; equal to the position in the returned list. */
  rank: number;
  processId: string;
  processName: string;
  department: string;
  taskId: string;
  taskName: string;
  role: string | null;
  /** True only when the workshop answered all five questions and the exception rate. */
  assessed: boolean;
  /** '' when assessed, else 未評価（推定値） or 一部未評価（推定値）. */
  assessmentLabel: string;
  /** The answers the score used (entered or derived), systems from the step's `systems`. */
  assessment: RpaAssessment;
  /** Answers that were derived, not entered. */
  estimatedFields: AssessmentField[];
  /** Key questions (KEY_ASSESSMENT_FIELDS) not answered yet: while any is missing the step ranks after screened ones. */
  needsAnswers: AssessmentField[];
  /** Face-to-face (the resident is present) or a superior's judgement; such unscreened steps rank last. */
  caution: 'face-to-face' | 'judgement' | null;
  /** Why each derived answer has its value (Japanese, for a tooltip). */
  derivationNotes: string[];
  /** Suitability 0–100. */
  score: number;
  /** Share of the step's staff time a robot can take, 0–0.9. */
  automationPotential: number;
  /** 0–100. */
  ease: number;
  /** Completions per year (arrivals × visits per case) from the simulation; null when not simulated. */
  annualVolume: number | null;
  /** annualVolume / annual arrivals of the process; null when either is unknown. */
  visitsPerCase: number | null;
  /** Simulated staff hours per year; null when the process could not be simulated. */
  staffHoursPerYear: Estimate | null;
  hoursSavedPerYear: Estimate;
  hourlyCostYen: number;
  hourlyCostSource: 'role' | 'fallback';
  yenSavedPerYear: Estimate;
  developmentYen: number;
  annualCostYen: number;
  netAnnualYen: number;
  /** null = 回収不能 (savings never exceed the running cost). */
  paybackMonths: number | null;
  roi3y: number;
  totalCost3yYen: number;
  /** Caveats in Japanese, e.g. missing simulation or fallback hourly cost. */
  notes: string[];
}

export type ExclusionReason = 'automated' | 'resident' | 'no-staff-time';

export interface RpaExcludedStep {
  processId: string;
  processName: string;
  department: string;
  taskId: string;
  taskName: string;
  reason: ExclusionReason;
  /** Japanese sentence naming the step. */
  message: string;
}

export interface RpaRanking {
  candidates: RpaCandidate[];
  excluded: RpaExcludedStep[];
  /** Problems with whole diagrams (unreadable, annotation issues) in Japanese. */
  warnings: string[];
}
