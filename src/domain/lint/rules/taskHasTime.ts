import { labelOf } from '../messages';
import { type Bo, isTimedStep } from '../model';
import { isResidentRole, roleOf, stepFacts } from '../read';
import type { Reporter, RuleDefinition } from '../types';

/**
 * bpr/task-has-time — a step without a time makes the simulated lead time and workload silently
 * too small. Tasks of every kind, call activities and sub-processes with no activity inside need
 * the staff time (職員処理時間); a step done by the resident (role, lane or pool 住民…) needs
 * the resident's time (住民の所要時間) instead. A step that has only the resident's time is the
 * resident's own step wherever it is drawn (e.g. filling in the form at the counter): nobody on the
 * staff works on it, so it needs no staff time.
 */
export default function taskHasTime(): RuleDefinition {
  return {
    check(node: Bo, reporter: Reporter) {
      if (!isTimedStep(node)) return;
      const facts = stepFacts(node);
      const who = roleOf(node);
      if (isResidentRole(who?.role)) {
        if (!facts.hasResidentTime)
          reporter.report(
            node.id,
            `${labelOf(node)} は${who!.role}の手続きですが、住民の所要時間が未入力です` +
              (facts.hasStaffTime ? '（職員処理時間ではなく住民の所要時間に入力してください）' : ''),
          );
        return;
      }
      if (!facts.hasStaffTime && !facts.hasResidentTime) reporter.report(node.id, `${labelOf(node)} の職員処理時間が未入力です`);
    },
  };
}
