import { Linter } from 'bpmnlint';
import { type LintConfig, createResolver, lintConfig } from './config';
import { CRASH_FLAG } from './guard';
import { crashMessage } from './messages';
import { type Bo, indexElements, nameOf } from './model';
import type { RuleCategory, RuleFactory } from './types';

export interface LintFinding {
  /** The element the finding is about (the definitions' id for a whole-diagram problem). */
  id: string;
  name?: string;
  /** bpmnlint rule name, e.g. 'bpr/gateway-probabilities' or 'no-disconnected'. */
  rule: string;
  category: 'error' | 'warn';
  /** Japanese, naming the element. */
  message: string;
}

export interface LintOptions {
  /** Turn rules off or change their category, e.g. { 'label-required': 'off' }. */
  rules?: Record<string, RuleCategory | 'off'>;
  /** Additional rules by full name ('plugin/rule'), e.g. for tests or a municipality's own checks. */
  extraRules?: Record<string, { factory: RuleFactory; category?: RuleCategory }>;
}

interface RawReport {
  id?: string;
  message?: string;
  category?: string;
  [CRASH_FLAG]?: boolean;
}

/**
 * Lint a parsed diagram with the BPR Studio rule set. Never throws: a crashing rule, or a failure
 * of bpmnlint itself, becomes an 'error' finding. A new Linter is built for every call, because a
 * Linter keeps its rule instances and their state (no-duplicate-sequence-flows would otherwise
 * report the previous diagram's flows as duplicates).
 */
export async function lintDefinitions(definitions: Bo, opts: LintOptions = {}): Promise<LintFinding[]> {
  const extra: Record<string, RuleFactory> = {};
  const config: LintConfig = { rules: { ...lintConfig.rules, ...opts.rules } };
  for (const [name, { factory, category }] of Object.entries(opts.extraRules ?? {})) {
    extra[name] = factory;
    config.rules[name] = opts.rules?.[name] ?? category ?? 'error';
  }
  const rootId: string = typeof definitions?.id === 'string' ? definitions.id : '';

  let results: Record<string, RawReport[]>;
  try {
    results = await new Linter({ config, resolver: createResolver(extra) }).lint(definitions);
  } catch (err) {
    return [{ id: rootId, rule: 'bpmnlint', category: 'error', message: crashMessage('bpmnlint', err) }];
  }

  let index: Map<string, Bo> | undefined;
  const findings: LintFinding[] = [];
  for (const [rule, reports] of Object.entries(results)) {
    for (const r of reports) {
      // bpmnlint's own catch (category 'rule-error') only fires if our guard itself failed.
      const crashed = r[CRASH_FLAG] === true || r.category === 'rule-error';
      const id = typeof r.id === 'string' && r.id ? r.id : rootId;
      index ??= indexElements(definitions);
      const finding: LintFinding = {
        id,
        rule,
        category: crashed || r.category === 'error' ? 'error' : 'warn',
        message: r.category === 'rule-error' ? crashMessage(rule, r.message) : String(r.message ?? ''),
      };
      const name = nameOf(index.get(id));
      if (name) finding.name = name;
      findings.push(finding);
    }
  }
  const rank = (f: LintFinding) => (f.category === 'error' ? 0 : 1);
  return findings.sort((a, b) => rank(a) - rank(b));
}
