import { DiagramEditor, InterventionError } from './editor';
import { resolveParams, type ParamValues } from './common';
import { rpaTemplate } from './rpa';
import { aiOcrTemplate } from './aiOcr';
import { kakanaiTemplate } from './kakanai';
import { eApprovalTemplate } from './eApproval';
import { onlineTemplate } from './online';
import type { AppliedChange, InterventionTemplate, TemplateId, TemplateResult } from './types';

/**
 * Applying a template = parse a fresh copy, plan every change, apply those not excluded (nor depending on
 * an excluded one), serialize. Re-applying with one more id in `exclude` is how a single change is undone.
 */

export const TEMPLATES: Record<TemplateId, InterventionTemplate> = {
  rpa: rpaTemplate,
  'ai-ocr': aiOcrTemplate,
  kakanai: kakanaiTemplate,
  'e-approval': eApprovalTemplate,
  online: onlineTemplate,
};

export interface ApplyOptions {
  /** Change ids to leave out; changes depending on them are left out too. */
  exclude?: readonly string[];
}

export async function applyTemplate(
  xml: string,
  template: TemplateId | InterventionTemplate,
  selection: readonly string[],
  params: ParamValues = {},
  options: ApplyOptions = {},
): Promise<TemplateResult> {
  const t = typeof template === 'string' ? TEMPLATES[template] : template;
  if (!t) throw new InterventionError(`不明な改善テンプレートです: ${String(template)}`);
  const editor = await DiagramEditor.open(xml);
  const { resolved } = resolveParams(t.params, params);
  const plan = t.plan(editor, [...selection], params);
  const excluded = new Set(options.exclude ?? []);
  // Dependencies are listed before their dependents, so one pass settles them.
  for (const c of plan.changes) if (c.dependsOn?.some((d) => excluded.has(d))) excluded.add(c.id);
  const warnings = [...plan.warnings];
  const changes: AppliedChange[] = [];
  for (const c of plan.changes) {
    const { apply, ...change } = c;
    let applied = false;
    if (!excluded.has(c.id)) {
      try {
        apply(editor);
        applied = true;
      } catch (err) {
        if (!(err instanceof InterventionError)) throw err;
        warnings.push(err.message);
      }
    }
    changes.push({ ...change, applied });
  }
  return {
    xml: await editor.serialize(),
    changes,
    costs: plan.costs(new Set(changes.filter((c) => c.applied).map((c) => c.id))),
    parameters: resolved.map((p) => (plan.autoValues?.[p.key] && p.value === 'auto' ? { ...p, auto: plan.autoValues[p.key] } : p)),
    warnings,
  };
}

/** The template's own pre-selection for a diagram (what the UI ticks before the user edits). */
export async function suggestSelection(xml: string, template: TemplateId): Promise<string[]> {
  const editor = await DiagramEditor.open(xml);
  return TEMPLATES[template].suggest(editor);
}

export { DiagramEditor, InterventionError } from './editor';
export type * from './types';
export * from './params';
