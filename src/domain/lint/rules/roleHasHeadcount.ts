import { is } from 'bpmnlint-utils';
import { kindOf, labelOf } from '../messages';
import { type Bo, allContainers, flowElementsOf, isActivity, isTimedStep } from '../model';
import { isResidentRole, roleOf, rolesOf, stepFacts } from '../read';
import type { Reporter, RuleDefinition } from '../types';

/**
 * bpr/role-has-headcount — workload per role is divided by the role's headcount, so every role a
 * step uses (its bpr:step role, else its lane's name) must be listed in bpr:settings with a
 * headcount above 0. Residents (住民…) are not staff and need no headcount. A role taken from a
 * lane is reported once on the lane rather than on each of its tasks.
 */
export default function roleHasHeadcount(): RuleDefinition {
  return {
    check(node: Bo, reporter: Reporter) {
      if (!is(node, 'bpmn:Definitions')) return;
      const roles = rolesOf(node);
      const reported = new Set<Bo>();
      for (const container of allContainers(node))
        for (const el of flowElementsOf(container)) {
          if (!isActivity(el) || !(isTimedStep(el) || stepFacts(el).role)) continue;
          const who = roleOf(el);
          if (!who || isResidentRole(who.role) || reported.has(who.holder)) continue;
          reported.add(who.holder);
          const where = `${kindOf(who.holder)}${labelOf(who.holder)}`;
          if (!roles.has(who.role))
            reporter.report(who.holder.id, `${where} の担当「${who.role}」が役割一覧にありません（設定で役割と人数を登録してください）`);
          else if (!((roles.get(who.role) ?? 0) > 0))
            reporter.report(who.holder.id, `役割「${who.role}」の人数が未設定です（${where} が使っています。1 人以上を入力してください）`);
        }
      return false;
    },
  };
}
