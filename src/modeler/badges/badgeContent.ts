import { describeIssues, distributionMean, stepAnnotationSchema, type Arrivals, type StepAnnotation } from '../../domain/model/annotations';
import { probabilityOf, rawArrivals, rawStep } from '../../domain/bpmn/annotationsRead';
import { isExclusiveSplit, validateGatewayProbabilities } from '../../domain/bpmn/gatewayProbabilities';
import { isA, type ModdleElement } from '../../domain/bpmn/bprAccess';
import { formatNumber } from '../../domain/model/numbers';
import { isResidentRole, roleOf } from '../../domain/lint/read';
import { tr } from '../bprProperties/text';

/**
 * What the canvas shows next to an element: its figures and, separately, what is missing. Pure so
 * the wording is tested in node; the overlay module only places it.
 */
export interface BadgeContent {
  figures?: string;
  /** The figures' pieces, so the canvas can wrap between them and never inside one. */
  parts?: string[];
  /** The staff minutes alone, for a zoomed-out canvas where the full line would cover neighbours. */
  compact?: string;
  /** One line per missing or inconsistent piece; shown as ⚠ with these as its title. */
  problems: string[];
}

/**
 * `resident`: the step is done by the resident (its role, lane or pool is 住民…), so the time it needs
 * is the resident's, not the staff's — the same rule as lint's bpr/task-has-time.
 */
export function stepBadge(ann: StepAnnotation | undefined, resident = false): BadgeContent {
  const parts: string[] = [];
  const problems: string[] = [];
  let compact: string | undefined;
  const staff = ann?.staffTime;
  // A resident's own step carries a staff time of 0: its badge shows the resident's minutes instead.
  const residentOnly = !!staff && !!ann?.residentTime && distributionMean(staff) === 0;
  if (staff && !residentOnly) {
    const minutes = formatNumber(distributionMean(staff));
    compact = tr('badge.staff', { minutes });
    parts.push(
      staff.type === 'triangular' || staff.type === 'uniform'
        ? tr('badge.staffRange', { minutes, min: formatNumber(staff.min), max: formatNumber(staff.max) })
        : tr('badge.staff', { minutes }),
    );
  } else if (!staff && !ann?.residentTime) {
    // A step with only the resident's time is the resident's own step: it needs no staff time.
    problems.push(tr(resident ? 'badge.missingResident' : 'badge.missingStaff'));
  }
  if (ann?.residentTime) {
    const resident = tr('badge.resident', { minutes: formatNumber(distributionMean(ann.residentTime)) });
    parts.push(resident);
    compact ??= resident;
  }
  if (ann?.lag) {
    parts.push(tr('badge.lag', { value: formatNumber(distributionMean(ann.lag.distribution)), unit: tr(`unit.${ann.lag.unit}`) }));
  }
  return parts.length ? { figures: parts.join('・'), parts, ...(compact ? { compact } : {}), problems } : { problems };
}

export function startBadge(arrivals: Partial<Arrivals> | undefined): BadgeContent {
  const v = arrivals?.annualVolume;
  return typeof v === 'number' && Number.isFinite(v)
    ? { figures: tr('badge.volume', { volume: v.toLocaleString('ja-JP') }), problems: [] }
    : { problems: [tr('badge.missingVolume')] };
}

export function flowBadge(flow: ModdleElement): BadgeContent {
  const p = probabilityOf(flow);
  return p === undefined ? { problems: [] } : { figures: `${formatNumber(p)}%`, problems: [] };
}

export function gatewayBadge(gateway: ModdleElement): BadgeContent {
  if (!isExclusiveSplit(gateway)) return { problems: [] };
  const outgoing = ((gateway.outgoing as ModdleElement[] | undefined) ?? []).filter(Boolean);
  if (outgoing.every((f) => probabilityOf(f) === undefined)) return { problems: [tr('badge.missingProbability')] };
  return { problems: validateGatewayProbabilities(gateway).map((i) => i.message) };
}

/** Which badge an element gets; undefined for elements that carry none. */
export function badgeFor(bo: ModdleElement): BadgeContent | undefined {
  if (isA(bo, 'bpmn:Activity')) {
    const raw = rawStep(bo);
    const r = raw === undefined ? undefined : stepAnnotationSchema.safeParse(raw);
    if (r && !r.success) return { problems: describeIssues(bo.id ?? '', bo.name as string | undefined, r.error).map((i) => i.message) };
    return stepBadge(r?.data, isResidentRole(roleOf(bo)?.role));
  }
  if (isA(bo, 'bpmn:StartEvent')) {
    // Only the process's own start events take arrivals; a sub-process start is reached by flow.
    if (isA(bo.$parent as ModdleElement, 'bpmn:SubProcess')) return undefined;
    return startBadge(rawArrivals(bo) as Partial<Arrivals> | undefined);
  }
  if (isA(bo, 'bpmn:SequenceFlow')) {
    const src = bo.sourceRef as ModdleElement | undefined;
    if (isA(src, 'bpmn:ExclusiveGateway') || isA(src, 'bpmn:InclusiveGateway')) return flowBadge(bo);
    return undefined;
  }
  if (isA(bo, 'bpmn:Gateway')) return gatewayBadge(bo);
  return undefined;
}
