import { isAny } from 'bpmnlint-utils';
import endEventRequired from 'bpmnlint/rules/end-event-required.js';
import global from 'bpmnlint/rules/global.js';
import labelRequired from 'bpmnlint/rules/label-required.js';
import noBpmndi from 'bpmnlint/rules/no-bpmndi.js';
import noDisconnected from 'bpmnlint/rules/no-disconnected.js';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows.js';
import startEventRequired from 'bpmnlint/rules/start-event-required.js';
import { guardRule } from './guard';
import gatewayProbabilities from './rules/gatewayProbabilities';
import loopHasExit from './rules/loopHasExit';
import noUnreachable from './rules/noUnreachable';
import roleHasHeadcount from './rules/roleHasHeadcount';
import startHasVolume from './rules/startHasVolume';
import taskHasTime from './rules/taskHasTime';
import type { EnterFn, RuleCategory, RuleFactory } from './types';

/**
 * The one rule set of BPR Studio, used by the CLI, node tests and the modeler's live lint alike.
 * Our rules are the `bpr` plugin (bpmnlint name `bpmnlint-plugin-bpr`); from bpmnlint's own
 * recommended set only the rules that matter for a workshop diagram are kept (not `global`:
 * it flags every unnamed bpmn:Message other tools export, which a workshop cannot act on).
 * Names are the normalized names bpmnlint reports under.
 */

export const BPR_RULES: Record<string, RuleFactory> = {
  'bpr/gateway-probabilities': gatewayProbabilities,
  'bpr/task-has-time': taskHasTime,
  'bpr/role-has-headcount': roleHasHeadcount,
  'bpr/no-unreachable': noUnreachable,
  'bpr/loop-has-exit': loopHasExit,
  'bpr/start-has-volume': startHasVolume,
};

/**
 * A collapsed sub-process with nothing inside is a placeholder whose time sits on the sub-process
 * itself (see task-has-time), and an empty process is a pool drawn as a black box (住民, 他課);
 * asking either for start and end events would only be noise.
 */
function skippingEmptyScopes(factory: RuleFactory): RuleFactory {
  return (config) => {
    const rule = factory(config);
    const enter = rule.check as EnterFn;
    return {
      ...rule,
      check: (node, reporter) => (isAny(node, ['bpmn:SubProcess', 'bpmn:Process']) && !(node.flowElements ?? []).length ? undefined : enter(node, reporter)),
    };
  };
}

const BUILTIN_RULES: Record<string, RuleFactory> = {
  'start-event-required': skippingEmptyScopes(startEventRequired as RuleFactory),
  'end-event-required': skippingEmptyScopes(endEventRequired as RuleFactory),
  'no-disconnected': noDisconnected as RuleFactory,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows as RuleFactory,
  'label-required': labelRequired as RuleFactory,
  'no-bpmndi': noBpmndi as RuleFactory,
  global: global as RuleFactory,
};

export const RULE_CATEGORIES: Record<string, RuleCategory> = {
  'bpr/gateway-probabilities': 'error',
  'bpr/task-has-time': 'error',
  'bpr/role-has-headcount': 'error',
  'bpr/no-unreachable': 'error',
  'bpr/loop-has-exit': 'error',
  'bpr/start-has-volume': 'error',
  'start-event-required': 'error',
  'no-duplicate-sequence-flows': 'error',
  // bpr/no-unreachable says more precisely what a missing flow breaks.
  'no-disconnected': 'warn',
  // A process may end implicitly when its last step finishes.
  'end-event-required': 'warn',
  'label-required': 'warn',
  'no-bpmndi': 'warn',
};

export interface LintConfig {
  rules: Record<string, RuleCategory | 'off'>;
}

// `global` stays resolvable (a caller may switch it on) but is off by default, see above.
export const lintConfig: LintConfig = { rules: { ...RULE_CATEGORIES, global: 'off' } };

export interface LintResolver {
  resolveRule(pkg: string, ruleName: string): RuleFactory | null;
  resolveConfig(pkg: string, configName: string): null;
}

/** bpmnlint package + rule → our name: ('bpmnlint', 'global') → 'global', ('bpmnlint-plugin-bpr', 'x') → 'bpr/x'. */
export function ruleKey(pkg: string, ruleName: string): string {
  if (pkg === 'bpmnlint') return ruleName;
  const scoped = /^(@[^/]+\/)?(?:bpmnlint-plugin-)?(.+)$/.exec(pkg);
  return `${scoped?.[1] ?? ''}${scoped?.[2] ?? pkg}/${ruleName}`;
}

/** A static resolver: every factory wrapped by guardRule, nothing loaded at run time. */
export function createResolver(extra: Record<string, RuleFactory> = {}): LintResolver {
  const all: Record<string, RuleFactory> = {};
  for (const [name, factory] of Object.entries({ ...BUILTIN_RULES, ...BPR_RULES, ...extra })) all[name] = guardRule(name, factory);
  return {
    resolveRule: (pkg, ruleName) => all[ruleKey(pkg, ruleName)] ?? null,
    resolveConfig: () => null,
  };
}

export const lintResolver: LintResolver = createResolver();
