import { is } from 'bpmnlint-utils';
import { labelOf } from '../messages';
import { type Bo, nameOf, outgoingOf } from '../model';
import { probabilityOf } from '../read';
import type { Reporter, RuleDefinition } from '../types';

/**
 * bpr/gateway-probabilities — the simulator routes a case by these numbers, so they must add up.
 *
 * Exclusive gateway with two or more outgoing flows: every flow needs a probability and they sum
 * to 100% (±0.01). One exception, decided for workshops that only know "7割は…": the gateway's
 * default flow may be left empty and then takes the remainder (the others must not exceed 100%).
 * Inclusive gateway: each flow is taken independently, so each needs 0–100% (default flow may be
 * empty) and at least one must be above 0% unless a default flow catches the case.
 */

// ±0.01 percentage points, inclusive (33.33 × 3 passes); the epsilon absorbs binary rounding.
const TOLERANCE = 0.01 + 1e-9;
const pct = (x: number) => `${Number(x.toFixed(2))}%`;

export function flowLabel(flow: Bo): string {
  if (nameOf(flow)) return labelOf(flow);
  const target = flow.targetRef;
  return nameOf(target) ? `「→${nameOf(target)}」(${flow.id})` : `(${flow.id})`;
}

function rangeErrors(flows: Bo[], reporter: Reporter): boolean {
  let bad = false;
  for (const f of flows) {
    const p = probabilityOf(f);
    if (p !== undefined && (p < 0 || p > 100)) {
      reporter.report(f.id, `分岐${flowLabel(f)} の分岐確率 ${pct(p)} は 0〜100% の範囲外です`);
      bad = true;
    }
  }
  return bad;
}

function missingOf(flows: Bo[], defaultFlow: Bo | undefined): Bo[] {
  return flows.filter((f) => f !== defaultFlow && probabilityOf(f) === undefined);
}

function reportMissing(gateway: Bo, missing: Bo[], reporter: Reporter) {
  reporter.report(
    gateway.id,
    `${labelOf(gateway)} の分岐 ${missing.map(flowLabel).join('、')} に分岐確率がありません（合計 100% になるよう入力してください）`,
  );
}

function checkExclusive(gateway: Bo, flows: Bo[], reporter: Reporter) {
  if (rangeErrors(flows, reporter)) return;
  const defaultFlow = flows.includes(gateway.default) ? gateway.default : undefined;
  const missing = missingOf(flows, defaultFlow);
  if (missing.length) return reportMissing(gateway, missing, reporter);
  const sum = flows.reduce((s, f) => s + (probabilityOf(f) ?? 0), 0);
  if (defaultFlow && probabilityOf(defaultFlow) === undefined) {
    if (sum > 100 + TOLERANCE)
      reporter.report(gateway.id, `${labelOf(gateway)} の既定フロー以外の分岐確率の合計が ${pct(sum)} で、100% を超えています`);
    return;
  }
  if (Math.abs(sum - 100) > TOLERANCE)
    reporter.report(gateway.id, `${labelOf(gateway)} の分岐確率の合計が ${pct(sum)} です（100% にしてください）`);
}

function checkInclusive(gateway: Bo, flows: Bo[], reporter: Reporter) {
  if (rangeErrors(flows, reporter)) return;
  const defaultFlow = flows.includes(gateway.default) ? gateway.default : undefined;
  const missing = missingOf(flows, defaultFlow);
  if (missing.length) return reportMissing(gateway, missing, reporter);
  if (!defaultFlow && flows.every((f) => (probabilityOf(f) ?? 0) <= 0))
    reporter.report(gateway.id, `${labelOf(gateway)} の分岐確率がすべて 0% です（少なくとも 1 つは 0% より大きくしてください）`);
}

export default function gatewayProbabilities(): RuleDefinition {
  return {
    check(node: Bo, reporter: Reporter) {
      const exclusive = is(node, 'bpmn:ExclusiveGateway');
      if (!exclusive && !is(node, 'bpmn:InclusiveGateway')) return;
      const flows = outgoingOf(node);
      if (flows.length < 2) return;
      if (exclusive) checkExclusive(node, flows, reporter);
      else checkInclusive(node, flows, reporter);
    },
  };
}
