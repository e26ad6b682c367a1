import type { ScenarioCosts } from '../compare';
import type { SourcedDefault, SourceId } from '../sources';
import type { DiagramEditor } from './editor';

/**
 * What an intervention template produces: every change it makes, one by one, so the UI can list them
 * and the user can leave any out (re-apply with `exclude`). A change that only makes sense after
 * another names it in `dependsOn` and is left out with it.
 */

export type TemplateId = 'rpa' | 'ai-ocr' | 'kakanai' | 'e-approval' | 'online';

export type ChangeKind = 'modified' | 'removed' | 'added';

export interface Change {
  /** Stable across re-applications of the same template, selection and parameters. */
  id: string;
  kind: ChangeKind;
  elementId: string;
  elementName: string;
  /** Japanese, for the change list; figures from defaults carry （推計）. */
  description: string;
  before?: string;
  after?: string;
  dependsOn?: string[];
}

export interface PlannedChange extends Change {
  apply(editor: DiagramEditor): void;
}

export interface AppliedChange extends Change {
  applied: boolean;
}

/** A parameter value with where it came from; `overridden` when the user set it. */
export interface ResolvedParameter {
  key: string;
  label: string;
  value: number | boolean | string;
  unit: string;
  default: SourcedDefault<number | boolean | string>;
  overridden: boolean;
  /** For an 「自動」 parameter left at 自動: what the template worked out and from which source. */
  auto?: AutoValue;
}

/** What an 「自動」 parameter came to on this diagram (Japanese text with its unit, e.g. 「83.33%（届出）」). */
export interface AutoValue {
  text: string;
  source: SourceId;
  derivation?: string;
}

/**
 * The kind of value a parameter takes, so the dialog can render a control per kind and parsing can
 * refuse what it does not understand. Units and labels live with the spec; bounds are hard limits
 * (a published `range` is only advice).
 */
export type ParamType =
  | { kind: 'choice'; options: ReadonlyArray<{ value: string; label: string }> }
  | { kind: 'boolean' }
  | { kind: 'yen' }
  | { kind: 'minutes' }
  | { kind: 'percent' }
  /** Counts, seconds, business days: a plain number in the spec's unit. */
  | { kind: 'quantity'; integer?: boolean }
  /** Free text such as a role name. */
  | { kind: 'text' };

export interface TemplatePlan {
  changes: PlannedChange[];
  /**
   * The running costs the applied changes add (licences, per-sheet prices), for display: the changes
   * themselves write them into the To-Be (bpr:settings fixedCostPerYear, bpr:step costPerCase).
   */
  costs(applied: ReadonlySet<string>): ScenarioCosts;
  warnings: string[];
  /** What each 「自動」 parameter left at 自動 came to, for the preview. */
  autoValues?: Record<string, AutoValue>;
}

export interface TemplateParamSpec {
  key: string;
  label: string;
  unit: string;
  type: ParamType;
  /** `default.value === 'auto'`: the template works the value out from the diagram unless the user sets one. */
  default: SourcedDefault<number | boolean | string>;
  /** Published range when the sources give one (e.g. RPA 45–90 %). */
  range?: [number, number];
  /** Hard bounds for numbers; percent defaults to 0–100, yen and minutes to ≥ 0. */
  min?: number;
  max?: number;
}

export interface InterventionTemplate {
  id: TemplateId;
  label: string;
  description: string;
  params: TemplateParamSpec[];
  /** Steps the template would act on when the user selects nothing (pre-selection for the UI). */
  suggest(editor: DiagramEditor): string[];
  plan(editor: DiagramEditor, selection: string[], params: Record<string, number | boolean | string>): TemplatePlan;
}

export interface TemplateResult {
  xml: string;
  changes: AppliedChange[];
  /** Running costs the applied changes added; already inside `xml`, so pass none to compareScenarios. */
  costs: ScenarioCosts;
  parameters: ResolvedParameter[];
  warnings: string[];
}
