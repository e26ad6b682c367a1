import { crashMessage, isBuiltinRule, translateBuiltin } from './messages';
import { type Bo, indexElements, rootOf } from './model';
import type { EnterFn, LeaveFn, Reporter, RuleDefinition, RuleFactory } from './types';

/**
 * Wraps a rule factory so that (1) a rule that throws — bpmnlint's `global` and `no-bpmndi` do on
 * definitions without a process — reports one finding and stops, instead of failing the whole lint
 * (in the modeler that would be an unhandled rejection on every edit), and (2) bpmnlint's English
 * messages come out in Japanese with the element's name. The state lives in the factory call, and
 * bpmnlint calls the factory once per Linter, so a fresh Linter per diagram starts clean.
 */

export const CRASH_FLAG = 'bprRuleCrashed';

export function guardRule(ruleName: string, factory: RuleFactory): RuleFactory {
  return (config?: unknown): RuleDefinition => {
    let inner: RuleDefinition | undefined;
    let factoryError: unknown;
    try {
      inner = factory(config);
    } catch (err) {
      factoryError = err;
    }

    let root: Bo | undefined;
    let index: Map<string, Bo> | undefined;
    let crashed = false;

    const translateInto = (reporter: Reporter): Reporter =>
      isBuiltinRule(ruleName)
        ? {
            report(id, message, context) {
              index ??= indexElements(root);
              reporter.report(id, translateBuiltin(ruleName, message, index.get(id), id), context);
            },
          }
        : reporter;

    const crash = (err: unknown, reporter: Reporter) => {
      if (crashed) return;
      crashed = true;
      reporter.report(root?.id ?? '', crashMessage(ruleName, err), { [CRASH_FLAG]: true });
    };

    // A new tree (another diagram through a reused Linter) must not see the last one's state.
    const track = (node: Bo) => {
      const r = rootOf(node);
      if (r !== root) {
        root = r;
        index = undefined;
        crashed = false;
      }
    };

    const check = inner?.check as unknown;
    const enter: EnterFn | undefined = typeof check === 'function' ? (check as EnterFn) : (check as { enter?: EnterFn } | undefined)?.enter;
    const leave: LeaveFn | undefined = typeof check === 'function' ? undefined : (check as { leave?: LeaveFn } | undefined)?.leave;

    const guardedEnter: EnterFn = (node, reporter) => {
      track(node);
      if (crashed) return false;
      if (factoryError !== undefined || !inner) {
        crash(factoryError ?? new Error('ルールが定義されていません'), reporter);
        return false;
      }
      if (!enter && !leave) {
        crash(new Error('検査処理（check）がありません'), reporter);
        return false;
      }
      if (!enter) return;
      try {
        return enter(node, translateInto(reporter));
      } catch (err) {
        crash(err, reporter);
        return false;
      }
    };

    const guardedLeave: LeaveFn = (node, reporter) => {
      if (crashed || !leave) return;
      try {
        leave(node, translateInto(reporter));
      } catch (err) {
        crash(err, reporter);
      }
    };

    return { ...(inner?.meta ? { meta: inner.meta } : {}), check: { enter: guardedEnter, leave: guardedLeave } };
  };
}
