import {
  DEFAULT_CALENDAR_ID,
  defaultOfficeCalendar,
  elementLabel,
  isResidentRole,
  ROBOT_CALENDAR_ID,
  robotCalendar,
  type Calendar,
  type DiagramAnnotations,
} from '../model/annotations';
import { isA, type ModdleElement } from '../bpmn/bprAccess';
import { laneNameOf } from '../bpmn/annotationsRead';
import type { SimIssue, SimModel, SimNode } from './model';
import { branchFindingMessage, checkBranchProbabilities, type BranchFinding } from '../model/branchProbabilities';
import { buildSimModel, type ArrivalSpec, type FlowSpec, type NodeSpec, type RoleSpec } from './modelBuilder';
import { findRunawayLoops } from './staticChecks';
import { isoDurationMinutes } from './timerDuration';

/**
 * BPMN definitions + workshop annotations → SimModel. Issues carry Japanese messages naming the element;
 * errors block a run (runSimulation throws SimValidationError), warnings travel with the result.
 * Pools are processes of one case: a message flow to another pool's start event starts its flow, to a
 * message catch event or receive task continues it.
 */

const TASK_TYPES = [
  'bpmn:Task',
  'bpmn:UserTask',
  'bpmn:ManualTask',
  'bpmn:ServiceTask',
  'bpmn:ScriptTask',
  'bpmn:BusinessRuleTask',
  'bpmn:SendTask',
  'bpmn:ReceiveTask',
  'bpmn:CallActivity',
];

const list = (x: unknown) => (Array.isArray(x) ? (x as ModdleElement[]) : []);
const defsOf = (el: ModdleElement) => list(el.eventDefinitions);
const hasDef = (el: ModdleElement, type: string) => defsOf(el).some((d) => isA(d, type));

export function compileModel(definitions: ModdleElement, annotations: DiagramAnnotations): SimModel {
  const issues: SimIssue[] = [];
  const label = (el: ModdleElement) => elementLabel(String(el.id), el.name as string | undefined);
  const warn = (el: ModdleElement | undefined, code: string, message: string) =>
    issues.push({ severity: 'warning', code, elementId: el?.id as string | undefined, message });
  const fail = (el: ModdleElement | undefined, code: string, message: string) =>
    issues.push({ severity: 'error', code, elementId: el?.id as string | undefined, message });

  const roots = list(definitions.rootElements);
  const processes = roots.filter((r) => isA(r, 'bpmn:Process'));
  const collaborations = roots.filter((r) => isA(r, 'bpmn:Collaboration'));
  const poolName = new Map<ModdleElement, string | undefined>();
  for (const c of collaborations)
    for (const p of list(c.participants)) if (p.processRef) poolName.set(p.processRef as ModdleElement, p.name as string | undefined);

  // Calendars and roles.
  const calendars = new Map<string, Calendar>([
    [DEFAULT_CALENDAR_ID, defaultOfficeCalendar()],
    [ROBOT_CALENDAR_ID, robotCalendar()],
  ]);
  for (const c of annotations.settings.calendars) calendars.set(c.id, c);
  const defaultCalendar = calendars.get(DEFAULT_CALENDAR_ID)!;
  const calendarOf = (id: string | undefined, what: string, el?: ModdleElement): Calendar => {
    if (!id) return defaultCalendar;
    const c = calendars.get(id);
    if (!c) {
      fail(el, 'unknown-calendar', `${what}のカレンダー「${id}」が定義されていません`);
      return defaultCalendar;
    }
    return c;
  };
  const roles: RoleSpec[] = annotations.settings.roles.map((r) => ({
    name: r.name,
    headcount: r.headcount ?? null,
    hourlyCost: r.hourlyCost ?? 0,
    calendar: calendarOf(r.calendar, `役割「${r.name}」`),
  }));
  for (const r of annotations.settings.roles)
    if (r.headcount === undefined && !isResidentRole(r.name))
      warn(undefined, 'role-no-headcount', `役割「${r.name}」の人数が未設定のため、待ち行列なし（人数無制限）で計算します`);

  const nodes: NodeSpec[] = [];
  const flows: FlowSpec[] = [];
  const byElement = new Map<ModdleElement, NodeSpec>();
  const linkThrows: { spec: NodeSpec; name: string; process: number }[] = [];
  const linkCatches = new Map<string, string>();

  const addNode = (el: ModdleElement, spec: Omit<NodeSpec, 'id' | 'name'>) => {
    const node: NodeSpec = { id: String(el.id), name: (el.name as string | undefined)?.trim() || undefined, ...spec };
    nodes.push(node);
    byElement.set(el, node);
    return node;
  };

  const visit = (container: ModdleElement, process: number, scopeId: string | undefined) => {
    for (const el of list(container.flowElements)) {
      const common = { process, scopeId };
      const lane = laneNameOf(definitions, String(el.id)) ?? poolName.get(processes[process]);
      if (TASK_TYPES.some((t) => isA(el, t))) {
        const step = annotations.steps[String(el.id)];
        const roleName = step?.role;
        if (roleName && !roles.some((r) => r.name === roleName)) {
          roles.push({ name: roleName, headcount: null, hourlyCost: 0, calendar: defaultCalendar });
          if (!isResidentRole(roleName))
            warn(el, 'role-undefined', `${label(el)} の担当役割「${roleName}」が設定にないため、待ち行列なし（人数無制限）で計算します`);
        }
        if (isA(el, 'bpmn:CallActivity'))
          warn(el, 'call-activity', `${label(el)} は呼び出しアクティビティです。呼び出し先は展開せず、1つのタスクとして計算します`);
        addNode(el, {
          ...common,
          kind: 'task',
          roleName,
          staffTime: step?.staffTime,
          residentTime: step?.residentTime,
          lag: step?.lag ? { distribution: step.lag.distribution, unit: step.lag.unit } : undefined,
          paperSheets: step?.paperSheets ?? 0,
          costPerCase: step?.costPerCase ?? 0,
          lane,
          waitsForMessage: isA(el, 'bpmn:ReceiveTask'),
        });
      } else if (isA(el, 'bpmn:SubProcess')) {
        if (el.triggeredByEvent) {
          warn(el, 'event-subprocess', `${label(el)} はイベントサブプロセスです。シミュレーションでは起動しません`);
          continue;
        }
        if (isA(el, 'bpmn:AdHocSubProcess')) warn(el, 'adhoc', `${label(el)} はアドホックサブプロセスです。内部の順序フローどおりに計算します`);
        addNode(el, { ...common, kind: 'subprocess', lane });
        visit(el, process, String(el.id));
      } else if (isA(el, 'bpmn:ExclusiveGateway')) addNode(el, { ...common, kind: 'exclusive' });
      else if (isA(el, 'bpmn:ParallelGateway')) addNode(el, { ...common, kind: 'parallel' });
      else if (isA(el, 'bpmn:InclusiveGateway')) addNode(el, { ...common, kind: 'inclusive' });
      else if (isA(el, 'bpmn:ComplexGateway')) {
        warn(el, 'complex-gateway', `${label(el)} は複合ゲートウェイです。包括ゲートウェイとして計算します`);
        addNode(el, { ...common, kind: 'inclusive' });
      } else if (isA(el, 'bpmn:EventBasedGateway')) addNode(el, { ...common, kind: 'eventBased' });
      else if (isA(el, 'bpmn:StartEvent')) addNode(el, { ...common, kind: 'start' });
      else if (isA(el, 'bpmn:EndEvent')) addNode(el, { ...common, kind: hasDef(el, 'bpmn:TerminateEventDefinition') ? 'terminate' : 'end' });
      else if (isA(el, 'bpmn:IntermediateCatchEvent')) {
        if (hasDef(el, 'bpmn:TimerEventDefinition')) addNode(el, { ...common, kind: 'timer', timerMinutes: timerMinutesOf(el) });
        else if (hasDef(el, 'bpmn:MessageEventDefinition')) addNode(el, { ...common, kind: 'messageCatch' });
        else {
          const link = defsOf(el).find((d) => isA(d, 'bpmn:LinkEventDefinition'));
          if (link?.name) linkCatches.set(`${process}:${link.name}`, String(el.id));
          else if (defsOf(el).length) warn(el, 'catch-ignored', `${label(el)} の種類のイベントは待たずに通過します`);
          addNode(el, { ...common, kind: 'throw' });
        }
      } else if (isA(el, 'bpmn:IntermediateThrowEvent')) {
        const spec = addNode(el, { ...common, kind: 'throw' });
        const link = defsOf(el).find((d) => isA(d, 'bpmn:LinkEventDefinition'));
        if (link?.name) linkThrows.push({ spec, name: String(link.name), process });
      } else if (isA(el, 'bpmn:BoundaryEvent')) {
        const host = el.attachedToRef as ModdleElement | undefined;
        if (!hasDef(el, 'bpmn:TimerEventDefinition')) {
          warn(el, 'boundary-ignored', `${label(el)} はタイマー以外の境界イベントです。シミュレーションでは発生しません`);
          addNode(el, { ...common, kind: 'throw' });
          continue;
        }
        addNode(el, {
          ...common,
          kind: 'boundaryTimer',
          attachedToId: host ? String(host.id) : undefined,
          interrupting: el.cancelActivity !== false,
          timerMinutes: timerMinutesOf(el),
        });
      } else if (isA(el, 'bpmn:SequenceFlow')) {
        const ann = annotations.flows[String(el.id)];
        const src = el.sourceRef as ModdleElement | undefined;
        flows.push({
          id: String(el.id),
          name: (el.name as string | undefined) || undefined,
          from: String(src?.id),
          to: String((el.targetRef as ModdleElement | undefined)?.id),
          probability: ann?.probability === undefined ? undefined : ann.probability / 100,
          isDefault: !!src && src.default === el,
        });
      }
    }
  };

  function timerMinutesOf(el: ModdleElement): number {
    const def = defsOf(el).find((d) => isA(d, 'bpmn:TimerEventDefinition'))!;
    const body = (x: unknown) => (x as ModdleElement | undefined)?.body as string | undefined;
    const duration = body(def.timeDuration);
    let minutes = isoDurationMinutes(duration);
    if (minutes === undefined && body(def.timeCycle)) {
      // R3/PT1H: the interval of a cycle; the timer fires once.
      minutes = isoDurationMinutes(
        body(def.timeCycle)!
          .split('/')
          .find((p) => /^P/i.test(p.trim())),
      );
      if (minutes !== undefined) warn(el, 'timer-cycle', `${label(el)} の繰り返しタイマーは1回だけ発生するものとして計算します`);
    }
    if (minutes === undefined) {
      warn(el, 'timer-unsupported', `${label(el)} のタイマーに期間 (ISO-8601 の PT2H、P3D など) がないため、0分として計算します`);
      return 0;
    }
    return minutes;
  }

  processes.forEach((p, i) => visit(p, i, undefined));

  // Link events jump to the catch of the same name in the same process.
  for (const t of linkThrows) {
    const target = linkCatches.get(`${t.process}:${t.name}`);
    if (target) flows.push({ id: `${t.spec.id}__link`, from: t.spec.id, to: target });
    else warn(undefined, 'link-unmatched', `${elementLabel(t.spec.id, t.spec.name)} のリンク「${t.name}」の受け側がありません`);
  }

  // Message flows between pools.
  const ids = new Set(nodes.map((n) => n.id));
  for (const c of collaborations) {
    for (const mf of list(c.messageFlows)) {
      const s = mf.sourceRef as ModdleElement | undefined,
        t = mf.targetRef as ModdleElement | undefined;
      if (!s || !t || !ids.has(String(s.id)) || !ids.has(String(t.id))) continue;
      const src = byElement.get(s)!;
      (src.messageTargetIds ??= []).push(String(t.id));
    }
  }

  // Arrivals.
  const arrivals: ArrivalSpec[] = [];
  for (const n of nodes) {
    if (n.kind !== 'start' || n.scopeId) continue;
    const a = annotations.starts[n.id];
    if (a?.annualVolume && a.annualVolume > 0)
      arrivals.push({
        start: n.id,
        annualVolume: a.annualVolume,
        seasonality: a.seasonality,
        calendar: calendarOf(a.calendar, `${elementLabel(n.id, n.name)} の到着`),
        ...(a.interArrival ? { interArrival: a.interArrival } : {}),
      });
  }
  if (arrivals.length === 0) fail(undefined, 'no-arrivals', '年間件数が設定された開始イベントがありません。開始イベントに年間件数を入力してください');

  // Sub-process inner start events need a scope-level start without a trigger.
  for (const n of nodes) {
    if (n.kind === 'subprocess' && !nodes.some((k) => k.scopeId === n.id && k.kind === 'start'))
      warn(undefined, 'subprocess-no-start', `${elementLabel(n.id, n.name)} に開始イベントがないため、内部を実行せずに完了します`);
  }

  const dropped = flows.filter((f) => !ids.has(f.from) || !ids.has(f.to));
  const model = buildSimModel({
    nodes,
    flows: flows.filter((f) => ids.has(f.from) && ids.has(f.to)),
    roles,
    arrivals,
    processes: processes.map((p) => ({ id: String(p.id), name: poolName.get(p) ?? (p.name as string | undefined) })),
    defaultCalendar,
    hoursPerFte: annotations.settings.hoursPerFte,
    fixedCostPerYear: annotations.settings.fixedCostPerYear ?? 0,
    issues,
  });
  if (dropped.length) warn(undefined, 'flow-dropped', `接続先が計算対象外のシーケンスフローを無視しました: ${dropped.map((f) => f.id).join(', ')}`);

  validateSplits(model, annotations, issues);
  for (const n of model.nodes) {
    if (n.kind === 'start' && n.scope < 0 && !model.arrivals.some((a) => a.startNode === n.index) && !n.internalMessageSource)
      warn(undefined, 'start-unused', `${elementLabel(n.id, n.name)} には年間件数もメッセージもないため、この開始イベントからは案件が始まりません`);
    if (n.kind === 'boundaryTimer' && n.attachedTo < 0)
      fail(undefined, 'boundary-host', `${elementLabel(n.id, n.name)} の付いているアクティビティが見つかりません`);
  }
  for (const loop of findRunawayLoops(model)) issues.push(loop);
  return model;
}

/** Splits by the shared rule (model/branchProbabilities.ts): whatever lint reports, the simulator refuses. */
function validateSplits(model: SimModel, annotations: DiagramAnnotations, issues: SimIssue[]): void {
  const codes: Record<BranchFinding['code'], string> = {
    'out-of-range': 'probability-range',
    missing: 'missing-probability',
    'over-100-besides-default': 'probability-sum',
    'sum-not-100': 'probability-sum',
    'all-zero': 'zero-probability',
  };
  for (const n of model.nodes) {
    if (n.outgoing.length < 2) continue;
    const annotated = n.outgoing.filter((f) => annotations.flows[model.flows[f].id]?.probability !== undefined);
    const needs = n.kind === 'exclusive' || n.kind === 'inclusive' || (annotated.length > 0 && n.kind !== 'parallel');
    if (!needs) continue;
    const values = n.outgoing.map((f) => ({
      label: elementLabel(model.flows[f].id, model.flows[f].name),
      probability: annotations.flows[model.flows[f].id]?.probability,
      isDefault: model.flows[f].isDefault,
    }));
    const finding = checkBranchProbabilities(n.split === 'some' ? 'inclusive' : 'exclusive', values);
    if (finding) issues.push({ severity: 'error', code: codes[finding.code], elementId: n.id, message: branchFindingMessage(finding, nodeText(n), values) });
  }
}

const nodeText = (n: SimNode) => elementLabel(n.id, n.name);
