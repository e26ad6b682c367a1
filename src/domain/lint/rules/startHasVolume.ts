import { is } from 'bpmnlint-utils';
import { labelOf } from '../messages';
import { type Bo, isFlowNode, messageFlowsOf, rootOf } from '../model';
import { annualVolumeOf } from '../read';
import type { Reporter, RuleDefinition } from '../types';

/**
 * bpr/start-has-volume — cases enter the simulation only through a start event's yearly volume.
 * Checked on start events directly in a process (not in sub-processes, which start when reached).
 * A start event woken by a message from a step of another drawn pool gets its cases from that
 * pool and needs no volume; a message from a black-box pool (住民 drawn as an empty pool) does not
 * count, since nothing upstream then produces the cases.
 */
export default function startHasVolume(): RuleDefinition {
  return {
    check(node: Bo, reporter: Reporter) {
      if (!is(node, 'bpmn:StartEvent') || !is(node.$parent, 'bpmn:Process')) return;
      const fed = messageFlowsOf(rootOf(node)).some((mf) => mf.targetRef === node && isFlowNode(mf.sourceRef));
      if (fed) return;
      const volume = annualVolumeOf(node);
      if (volume === undefined) reporter.report(node.id, `開始イベント${labelOf(node)} の年間件数が未入力です（件/年）`);
      else if (volume <= 0) reporter.report(node.id, `開始イベント${labelOf(node)} の年間件数が 0 件/年 です（この入口からは案件が発生しません）`);
    },
  };
}
