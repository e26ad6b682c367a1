import {
  calendarSchema,
  DEFAULT_HOURS_PER_FTE,
  distributionSchema,
  elementLabel,
  isResidentRole,
  robotCalendar,
  type Calendar,
  type DiagramAnnotations,
  type Distribution,
  type FlowAnnotation,
  type Role,
  type StepAnnotation,
} from '../model/annotations';
import { isA, type ModdleElement } from './bprAccess';
import { validateGatewayProbabilities } from './gatewayProbabilities';
import { allFlowElements, participantsProcesses } from './walk';
import { childNamed, childrenNamed, findElementsByNs, type XmlNode } from './xmlFragment';

/**
 * BIMP / QBP simulation parameters (namespace below, structure in QBPSchema.xsd) → bpr annotations.
 * QBP stores every duration in SECONDS whatever its UI showed (`timeUnit` is only the UI's choice),
 * and probabilities as 0..1; ours are minutes and percent.
 */
export const QBP_NS = 'http://www.qbp-simulator.com/Schema201212';

export interface QbpDistribution {
  type: string;
  mean?: number;
  arg1?: number;
  arg2?: number;
  histogram?: Array<{ probability: number; distribution: QbpDistribution }>;
}
export interface QbpTimetableRule {
  fromTime: string;
  toTime: string;
  fromWeekDay: string;
  toWeekDay?: string;
}
export interface QbpTimetable {
  id: string;
  name?: string;
  isDefault: boolean;
  rules: QbpTimetableRule[];
}
export interface QbpResource {
  id: string;
  name?: string;
  totalAmount?: number;
  costPerHour?: number;
  timetableId?: string;
}
export interface QbpElement {
  elementId: string;
  duration?: QbpDistribution;
  resourceIds: string[];
  fixedCost?: number;
}
export interface QbpSequenceFlow {
  elementId: string;
  executionProbability?: number;
}

export interface QbpInfo {
  /** Where the block was: bpmn-moddle keeps the first, drops the second. */
  placement: 'extensionElements' | 'definitions';
  processId?: string;
  processInstances?: number;
  startDateTime?: string;
  currency?: string;
  /** Inter-arrival time in seconds; the timetable it applies to when given per timetable. */
  arrival?: QbpDistribution & { timetableId?: string };
  timetables: QbpTimetable[];
  resources: QbpResource[];
  elements: QbpElement[];
  sequenceFlows: QbpSequenceFlow[];
}

const numAttr = (n: XmlNode | undefined, name: string): number | undefined => {
  const v = n?.attrs[name];
  if (v === undefined || v.trim() === '') return undefined;
  const x = Number(v);
  return Number.isFinite(x) ? x : undefined;
};

function readDistribution(n: XmlNode | undefined): QbpDistribution | undefined {
  if (!n || !n.attrs.type) return undefined;
  const bins = childrenNamed(childNamed(n, 'histogramDataBins'), 'histogramData')
    .map((b) => ({ probability: numAttr(b, 'probability') ?? 0, distribution: readDistribution(childNamed(b, 'distribution')) }))
    .filter((b): b is { probability: number; distribution: QbpDistribution } => b.distribution !== undefined);
  return {
    type: n.attrs.type.toUpperCase(),
    mean: numAttr(n, 'mean'),
    arg1: numAttr(n, 'arg1'),
    arg2: numAttr(n, 'arg2'),
    ...(bins.length ? { histogram: bins } : {}),
  };
}

function placementOf(xml: string, at: number): QbpInfo['placement'] {
  const before = xml.slice(0, at);
  const open = before.search(/<([\w.-]+:)?extensionElements[\s>][^]*$/);
  if (open < 0) return 'definitions';
  return /<\/([\w.-]+:)?extensionElements\s*>/.test(before.slice(open)) ? 'definitions' : 'extensionElements';
}

function toInfo(node: XmlNode, placement: QbpInfo['placement']): QbpInfo {
  const arrivalNode = childNamed(node, 'arrivalRateDistribution');
  let arrival: QbpInfo['arrival'];
  if (arrivalNode?.attrs.type) arrival = readDistribution(arrivalNode);
  else {
    // Later BIMP versions nest one distribution per timetable.
    const d = childrenNamed(childNamed(arrivalNode, 'byTimetable'), 'distribution')[0];
    const dist = readDistribution(d);
    if (dist) arrival = { ...dist, timetableId: d?.attrs.timetableId };
  }
  return {
    placement,
    processId: node.attrs.processId,
    processInstances: numAttr(node, 'processInstances'),
    startDateTime: node.attrs.startDateTime,
    currency: node.attrs.currency,
    arrival,
    timetables: childrenNamed(childNamed(node, 'timetables'), 'timetable').map((t) => ({
      id: t.attrs.id ?? '',
      name: t.attrs.name,
      isDefault: t.attrs.default === 'true',
      rules: childrenNamed(childNamed(t, 'rules'), 'rule').map((r) => ({
        fromTime: r.attrs.fromTime ?? '',
        toTime: r.attrs.toTime ?? '',
        fromWeekDay: r.attrs.fromWeekDay ?? '',
        toWeekDay: r.attrs.toWeekDay,
      })),
    })),
    resources: childrenNamed(childNamed(node, 'resources'), 'resource').map((r) => ({
      id: r.attrs.id ?? '',
      name: r.attrs.name,
      totalAmount: numAttr(r, 'totalAmount'),
      costPerHour: numAttr(r, 'costPerHour'),
      timetableId: r.attrs.timetableId,
    })),
    elements: childrenNamed(childNamed(node, 'elements'), 'element').map((e) => ({
      elementId: e.attrs.elementId ?? '',
      duration: readDistribution(childNamed(e, 'durationDistribution')),
      resourceIds: childrenNamed(childNamed(e, 'resourceIds'), 'resourceId')
        .map((r) => r.text.trim())
        .filter(Boolean),
      fixedCost: numAttr(e, 'fixedCost'),
    })),
    sequenceFlows: childrenNamed(childNamed(node, 'sequenceFlows'), 'sequenceFlow').map((f) => ({
      elementId: f.attrs.elementId ?? '',
      executionProbability: numAttr(f, 'executionProbability'),
    })),
  };
}

/**
 * Whether the diagram carries its own bpr: simulation inputs; when it does they win over any BIMP
 * block in the file (the BIMP block is then only what was last exported).
 */
export function hasBprAnnotations(a: Pick<DiagramAnnotations, 'steps' | 'starts'>): boolean {
  return Object.keys(a.steps).length > 0 || Object.keys(a.starts).length > 0;
}

/** Every qbp:processSimulationInfo block of the file, wherever it sits. */
export function readQbpAll(xml: string): QbpInfo[] {
  const found: QbpInfo[] = [];
  for (const { node, at } of findElementsByNs(xml, QBP_NS, 'processSimulationInfo')) found.push(toInfo(node, placementOf(xml, at)));
  return found;
}

export function readQbp(xml: string): QbpInfo | undefined {
  return readQbpAll(xml)[0];
}

// ---------------------------------------------------------------- conversion

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

const hhmm = (t: string) => /^(\d{2}):(\d{2})/.exec(t)?.slice(1, 3).join(':');
const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Minutes of work a calendar offers in a 365-day year, holidays and year-end closure included. */
export function annualOpenMinutes(c: Calendar): number {
  const lunch = c.lunchStart && c.lunchEnd ? minutesOf(c.lunchEnd) - minutesOf(c.lunchStart) : 0;
  const perDay = minutesOf(c.close) - minutesOf(c.open) - lunch;
  let days = (c.weekdays.length * 365) / 7;
  // Japanese holidays falling on weekdays (≈16 a year) and 12/29–1/3 (≈4 weekdays).
  if (c.publicHolidays) days -= (16 * c.weekdays.filter((d) => d <= 5).length) / 5;
  if (c.yearEndClosure) days -= (6 * c.weekdays.length) / 7;
  return Math.max(0, days * perDay);
}

/**
 * The timetable id our export gives the 24-hour robot calendar (`24h` is no XML id); a timetable
 * with this id or the robot calendar's name that is open around the clock comes back as that calendar,
 * so its roles stay robots.
 */
export const QBP_ROBOT_TIMETABLE_ID = 'qbp_robot_24h';

function timetableToCalendar(t: QbpTimetable, warnings: string[]): Calendar | undefined {
  // Open spans per weekday (0 = Monday); a day with two spans and a gap is a day with a lunch break.
  const spans: Array<Array<[string, string]>> = WEEKDAYS.map(() => []);
  for (const r of t.rules) {
    const from = WEEKDAYS.indexOf(r.fromWeekDay.toUpperCase());
    const to = WEEKDAYS.indexOf((r.toWeekDay ?? r.fromWeekDay).toUpperCase());
    const f = hhmm(r.fromTime);
    // BIMP's UI cannot enter 24:00 and writes 23:59 for "until midnight".
    let c = hhmm(r.toTime);
    if (c === '23:59') c = '24:00';
    if (from < 0 || to < 0 || !f || !c || minutesOf(f) >= minutesOf(c)) {
      warnings.push(
        `BIMP のタイムテーブル「${t.name ?? t.id}」の規則（${r.fromWeekDay}〜${r.toWeekDay ?? ''} ${r.fromTime}〜${r.toTime}）は読み取れないため無視しました。`,
      );
      continue;
    }
    for (let d = from; ; d = (d + 1) % 7) {
      spans[d].push([f, c]);
      if (d === to) break;
    }
  }
  const days = spans.map((s, i) => ({ day: i + 1, spans: mergeSpans(s) })).filter((d) => d.spans.length > 0);
  if (days.length === 0) return undefined;
  const shape = JSON.stringify(days[0].spans);
  const sameEveryDay = days.every((d) => JSON.stringify(d.spans) === shape);
  const first = days[0].spans;
  let hours: Pick<Calendar, 'open' | 'close' | 'lunchStart' | 'lunchEnd'>;
  if (sameEveryDay && first.length === 1) hours = { open: first[0][0], close: first[0][1] };
  else if (sameEveryDay && first.length === 2) hours = { open: first[0][0], lunchStart: first[0][1], lunchEnd: first[1][0], close: first[1][1] };
  else {
    const all = days.flatMap((d) => d.spans);
    const open = all.reduce((a, s) => (minutesOf(s[0]) < minutesOf(a) ? s[0] : a), all[0][0]);
    const close = all.reduce((a, s) => (minutesOf(s[1]) > minutesOf(a) ? s[1] : a), all[0][1]);
    warnings.push(
      `BIMP のタイムテーブル「${t.name ?? t.id}」は曜日ごとに時間帯が異なるか、1 日に 3 つ以上の時間帯があります。最も早い開始と最も遅い終了でまとめました。`,
    );
    hours = { open, close };
  }
  const aroundTheClock = days.length === 7 && hours.open === '00:00' && hours.close === '24:00' && !hours.lunchStart;
  const robot = robotCalendar();
  const isRobot = aroundTheClock && (t.id === QBP_ROBOT_TIMETABLE_ID || t.name === robot.name);
  const cal = calendarSchema.safeParse({
    id: isRobot ? robot.id : t.id,
    name: t.name,
    ...hours,
    weekdays: days.map((d) => d.day),
    publicHolidays: false,
    yearEndClosure: false,
  });
  return cal.success ? cal.data : undefined;
}

/** Sorted spans with touching or overlapping ones joined (two rules 08:30–12:00, 12:00–17:15 are one span). */
function mergeSpans(spans: Array<[string, string]>): Array<[string, string]> {
  const sorted = [...spans].sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]));
  const out: Array<[string, string]> = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && minutesOf(s[0]) <= minutesOf(last[1])) {
      if (minutesOf(s[1]) > minutesOf(last[1])) last[1] = s[1];
    } else out.push([s[0], s[1]]);
  }
  return out;
}

/** The mean of a QBP distribution in seconds, per the XSD's meaning of mean/arg1/arg2. */
export function qbpMeanSeconds(d: QbpDistribution): number | undefined {
  switch (d.type) {
    case 'EXPONENTIAL':
      return d.arg1 !== undefined && d.arg1 > 0 ? d.arg1 : d.mean;
    case 'UNIFORM':
      return d.arg1 !== undefined && d.arg2 !== undefined ? (d.arg1 + d.arg2) / 2 : d.mean;
    case 'TRIANGULAR':
      return d.arg1 !== undefined && d.arg2 !== undefined && d.mean !== undefined ? (d.arg1 + d.mean + d.arg2) / 3 : d.mean;
    case 'HISTOGRAM': {
      const bins = d.histogram ?? [];
      const total = bins.reduce((a, b) => a + b.probability, 0);
      if (!bins.length || total <= 0) return d.mean;
      return bins.reduce((a, b) => a + (b.probability / total) * (qbpMeanSeconds(b.distribution) ?? 0), 0);
    }
    default:
      return d.mean;
  }
}

/**
 * Seconds → minutes, mapped per the XSD: FIXED mean; NORMAL mean, arg1 = standard deviation;
 * EXPONENTIAL arg1 = mean; UNIFORM arg1..arg2; TRIANGULAR arg1 = min, mean = mode, arg2 = max;
 * LOGNORMAL mean, arg1 = variance. GAMMA and HISTOGRAM have no bpr equivalent (warned).
 */
export function qbpDistributionToMinutes(d: QbpDistribution, where: string, warnings: string[]): Distribution | undefined {
  const m = (s: number | undefined) => (s === undefined ? NaN : s / 60);
  let out: unknown;
  switch (d.type) {
    case 'FIXED':
      out = { type: 'fixed', value: m(d.mean) };
      break;
    case 'NORMAL':
      out = { type: 'normal', mean: m(d.mean), sd: m(d.arg1 ?? 0) };
      break;
    case 'EXPONENTIAL':
      out = { type: 'exponential', mean: m(qbpMeanSeconds(d)) };
      break;
    case 'UNIFORM':
      out = { type: 'uniform', min: m(d.arg1), max: m(d.arg2) };
      break;
    case 'TRIANGULAR':
      out = { type: 'triangular', min: m(d.arg1), mode: m(d.mean), max: m(d.arg2) };
      break;
    case 'LOGNORMAL':
      out = { type: 'lognormal', mean: m(d.mean), sd: m(Math.sqrt(d.arg1 ?? 0)) };
      break;
    case 'GAMMA':
      warnings.push(`${where}: ガンマ分布には対応していないため、同じ平均と分散の対数正規分布に置き換えました。`);
      out = { type: 'lognormal', mean: m(d.mean), sd: m(Math.sqrt(d.arg1 ?? 0)) };
      break;
    case 'HISTOGRAM':
      warnings.push(`${where}: ヒストグラム分布には対応していないため、その平均値の固定値に置き換えました。`);
      out = { type: 'fixed', value: m(qbpMeanSeconds(d)) };
      break;
    default:
      warnings.push(`${where}: 分布「${d.type}」には対応していないため、平均値の固定値として読み込みました。`);
      out = { type: 'fixed', value: m(d.mean) };
  }
  const r = distributionSchema.safeParse(out);
  if (r.success) return r.data;
  const mean = qbpMeanSeconds(d);
  if (mean !== undefined && mean >= 0) {
    warnings.push(`${where}: 分布「${d.type}」のパラメータが不正なため、平均 ${(mean / 60).toString()} 分の固定値として読み込みました。`);
    return { type: 'fixed', value: mean / 60 };
  }
  warnings.push(`${where}: 分布「${d.type}」のパラメータが読み取れないため、時間は読み込みませんでした。`);
  return undefined;
}

// 0.2 × 100 is 20.000000000000004 in binary floating point.
const percent = (p: number) => Math.round(p * 100 * 1e9) / 1e9;

export interface QbpConversion {
  annotations: DiagramAnnotations;
  warnings: string[];
  processInstances?: number;
  startDateTime?: string;
  /** Mean time between two cases in minutes, as BIMP had it. */
  meanInterArrivalMinutes?: number;
}

/**
 * A whole number when the rate is one up to the 6 decimals our export writes (our own exports come
 * back as entered); otherwise unrounded, since rounding would change the interval BIMP uses.
 */
const volumeOf = (v: number) => (Math.abs(v - Math.round(v)) <= v * 1e-7 ? Math.round(v) : v);

export function convertQbp(qbp: QbpInfo, definitions: ModdleElement): QbpConversion {
  const warnings: string[] = [];
  const byId = new Map<string, ModdleElement>();
  for (const el of allFlowElements(definitions)) if (el.id) byId.set(el.id, el);
  const label = (id: string) => elementLabel(id, byId.get(id)?.name as string | undefined);

  const calendars: Calendar[] = [];
  /** Timetable id → calendar id (the robot timetable becomes the 24-hour calendar `24h`). */
  const calendarOf = new Map<string, string>();
  for (const t of qbp.timetables) {
    let c = timetableToCalendar(t, warnings);
    if (c && calendars.some((x) => x.id === c!.id)) c = { ...c, id: t.id };
    if (c && !calendars.some((x) => x.id === c!.id)) {
      calendars.push(c);
      calendarOf.set(t.id, c.id);
    }
  }
  const roles: Role[] = [];
  const roleNameOf = new Map<string, string>();
  for (const r of qbp.resources) {
    let name = (r.name ?? '').trim() || r.id;
    if (roles.some((x) => x.name === name)) name = `${name} (${r.id})`;
    roleNameOf.set(r.id, name);
    const role: Role = { name };
    // The resident is no staff pool: our export gives it a never-queueing amount, which is not a headcount.
    if (!isResidentRole(name)) {
      if (r.totalAmount !== undefined && r.totalAmount > 0) role.headcount = r.totalAmount;
      else warnings.push(`BIMP のリソース「${name}」の人数が 0 または未設定のため、人数は読み込みませんでした。`);
    }
    if (r.costPerHour !== undefined && r.costPerHour >= 0) role.hourlyCost = r.costPerHour;
    const calendarId = r.timetableId ? calendarOf.get(r.timetableId) : undefined;
    if (calendarId) role.calendar = calendarId;
    roles.push(role);
  }

  const steps: Record<string, StepAnnotation> = {};
  for (const e of qbp.elements) {
    const bo = byId.get(e.elementId);
    if (!bo) {
      warnings.push(`BIMP の設定にある要素 ${elementLabel(e.elementId)} が図にないため無視しました。`);
      continue;
    }
    if (!isA(bo, 'bpmn:Activity')) continue;
    const step: StepAnnotation = {};
    const role = e.resourceIds.length ? roleNameOf.get(e.resourceIds[0]) : undefined;
    if (e.duration) {
      const d = qbpDistributionToMinutes(e.duration, `${label(e.elementId)} の処理時間`, warnings);
      // A step the resident does is the resident's own time, not staff time.
      if (d) step[isResidentRole(role) ? 'residentTime' : 'staffTime'] = d;
    }
    if (e.resourceIds.length) {
      if (role) step.role = role;
      else warnings.push(`${label(e.elementId)}: BIMP のリソース「${e.resourceIds[0]}」が定義されていません。`);
      if (e.resourceIds.length > 1)
        warnings.push(
          `${label(e.elementId)}: BIMP では ${e.resourceIds.length} 種類のリソースが割り当てられていますが、最初の「${role ?? e.resourceIds[0]}」だけを担当役割にしました。`,
        );
    }
    steps[e.elementId] = step;
  }

  const flows: Record<string, FlowAnnotation> = {};
  for (const f of qbp.sequenceFlows) {
    if (f.executionProbability === undefined) continue;
    const bo = byId.get(f.elementId);
    if (!bo || !isA(bo, 'bpmn:SequenceFlow')) {
      warnings.push(`BIMP の設定にあるシーケンスフロー ${elementLabel(f.elementId)} が図にないため無視しました。`);
      continue;
    }
    if (f.executionProbability < 0 || f.executionProbability > 1) {
      warnings.push(`${label(f.elementId)}: BIMP の分岐確率 ${f.executionProbability} が 0〜1 の範囲外のため無視しました。`);
      continue;
    }
    flows[f.elementId] = { probability: percent(f.executionProbability) };
  }
  for (const issue of validateGatewayProbabilities(definitions, flows)) warnings.push(`BIMP から読み込んだ${issue.message}`);

  const starts: DiagramAnnotations['starts'] = {};
  let meanInterArrivalMinutes: number | undefined;
  if (qbp.arrival) {
    const meanSec = qbpMeanSeconds(qbp.arrival);
    const timetableId = qbp.arrival.timetableId ?? qbp.timetables.find((t) => t.isDefault)?.id;
    const calendarId = timetableId ? calendarOf.get(timetableId) : undefined;
    const calendar = calendars.find((c) => c.id === calendarId);
    const process = participantsProcesses(definitions).find((p) => p.id === qbp.processId) ?? participantsProcesses(definitions)[0];
    const startEvents = ((process?.flowElements as ModdleElement[] | undefined) ?? []).filter((e) => isA(e, 'bpmn:StartEvent'));
    if (meanSec === undefined || meanSec <= 0) {
      warnings.push('BIMP の到着間隔が 0 または読み取れないため、年間件数は読み込みませんでした。');
    } else {
      meanInterArrivalMinutes = meanSec / 60;
      if (!calendar) warnings.push('BIMP の到着タイムテーブルが見つからないため、年間件数は 24 時間 365 日の到着として計算しました。');
      const openMinutes = calendar ? annualOpenMinutes(calendar) : 365 * 24 * 60;
      if (startEvents.length === 0) warnings.push('開始イベントがないため、BIMP の到着設定は読み込みませんでした。');
      else {
        if (startEvents.length > 1)
          warnings.push(`開始イベントが ${startEvents.length} 個あるため、BIMP の到着設定は最初の ${label(startEvents[0].id as string)} に設定しました。`);
        const type = qbp.arrival.type;
        if (type !== 'EXPONENTIAL' && type !== 'FIXED')
          warnings.push(`BIMP の到着間隔の分布「${type}」には対応していないため、同じ平均のポアソン到着（指数分布）として読み込みました。`);
        starts[startEvents[0].id as string] = {
          annualVolume: volumeOf(openMinutes / meanInterArrivalMinutes),
          ...(calendar ? { calendar: calendar.id } : {}),
          ...(type === 'FIXED' ? { interArrival: 'fixed' as const } : {}),
        };
      }
    }
  }

  return {
    annotations: { steps, flows, starts, settings: { hoursPerFte: DEFAULT_HOURS_PER_FTE, roles, calendars } },
    warnings,
    processInstances: qbp.processInstances,
    startDateTime: qbp.startDateTime,
    meanInterArrivalMinutes,
  };
}

export function qbpToAnnotations(qbp: QbpInfo, definitions: ModdleElement): DiagramAnnotations {
  return convertQbp(qbp, definitions).annotations;
}
