import {
  DEFAULT_CALENDAR_ID,
  defaultOfficeCalendar,
  distributionMean,
  elementLabel,
  isResidentRole,
  RESIDENT_ROLE,
  ROBOT_CALENDAR_ID,
  robotCalendar,
  type Arrivals,
  type Calendar,
  type DiagramAnnotations,
  type Distribution,
  type Role,
} from '../model/annotations';
import { readDiagramAnnotations } from './annotationsRead';
import { removeDiagramAnnotations } from './annotationsWrite';
import { KEEP_PROPERTY } from './keepDescriptor';
import { isA, type ModdleElement } from './bprAccess';
import { parseDiagram, serializeDiagram, type DiagramErrorCode } from './parseDiagram';
import { annualOpenMinutes, convertQbp, hasBprAnnotations, QBP_NS, QBP_ROBOT_TIMETABLE_ID, readQbp } from './qbpImport';
import { participantsProcesses } from './walk';

/**
 * bpr annotations → a BIMP / QBP `qbp:processSimulationInfo` block, written where BIMP 2.0.7 reads
 * it (the last child of <definitions>, see placeQbpBlock) and shaped to validate against
 * QBPSchema.xsd. BIMP wants seconds and probabilities 0..1; ours are minutes and percent.
 * What BIMP cannot express (seasonality, lags, holidays, a resident's own time next to staff time)
 * is left out with a Japanese warning, never silently.
 */

export interface QbpExportOptions {
  /** Cases BIMP simulates; default one year's volume, at most 10,000. */
  processInstances?: number;
  /** xs:dateTime of the simulation clock's start; default 1 April of the current year, 08:30 JST. */
  startDateTime?: string;
  /** Default JPY. */
  currency?: string;
  /**
   * Leave the bpr: annotations out, so the file holds BIMP's settings only: `bpr simulate` then runs
   * exactly what BIMP runs on it (with them, the bpr: values win and include what BIMP cannot express).
   */
  bimpOnly?: boolean;
}

export interface QbpExport {
  xml: string;
  warnings: string[];
  /** The process the block was written into. */
  processId: string;
}

export type QbpExportErrorCode = DiagramErrorCode | 'no-arrivals' | 'serialize';

export class QbpExportError extends Error {
  readonly code: QbpExportErrorCode;
  constructor(code: QbpExportErrorCode, message: string) {
    super(message);
    this.name = 'QbpExportError';
    this.code = code;
  }
}

/** A plain element tree, written as text by qbpNodeToXml. */
export interface QbpNode {
  name: string;
  attrs: Record<string, string>;
  children: QbpNode[];
  text?: string;
}

const node = (local: string, attrs: Record<string, string | number | boolean | undefined> = {}, children: QbpNode[] = [], text?: string): QbpNode => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) out[k] = typeof v === 'number' ? formatNumber(v) : String(v);
  return { name: `qbp:${local}`, attrs: out, children, ...(text !== undefined ? { text } : {}) };
};

// Minutes × 60 leaves binary noise (0.1 × 60 = 6.000000000000001); BIMP reads plain decimals.
const formatNumber = (x: number) => String(Math.round(x * 1e6) / 1e6);

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
const SPLIT_TYPES = ['bpmn:ExclusiveGateway', 'bpmn:EventBasedGateway', 'bpmn:InclusiveGateway', 'bpmn:ComplexGateway'];
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
/** BIMP has no "no queue"; a pool this large never makes a case wait. */
export const QBP_UNLIMITED_AMOUNT = 9999;
const MAX_DEFAULT_INSTANCES = 10_000;

/** Minutes → the XSD's DistributionInfo in seconds (mean/arg1/arg2 as the schema documents them). */
export function distributionToQbp(d: Distribution, local = 'durationDistribution'): QbpNode {
  const s = (m: number) => m * 60;
  const unit = [node('timeUnit', {}, [], 'minutes')];
  switch (d.type) {
    case 'fixed':
      return node(local, { type: 'FIXED', mean: s(d.value) }, unit);
    case 'normal':
      return node(local, { type: 'NORMAL', mean: s(d.mean), arg1: s(d.sd) }, unit);
    // The schema's lognormal arg1 is the variance, in seconds².
    case 'lognormal':
      return node(local, { type: 'LOGNORMAL', mean: s(d.mean), arg1: s(d.sd) ** 2 }, unit);
    case 'exponential':
      return node(local, { type: 'EXPONENTIAL', mean: s(d.mean), arg1: s(d.mean) }, unit);
    case 'uniform':
      return node(local, { type: 'UNIFORM', arg1: s(d.min), arg2: s(d.max) }, unit);
    case 'triangular':
      return node(local, { type: 'TRIANGULAR', mean: s(d.mode), arg1: s(d.min), arg2: s(d.max) }, unit);
  }
}

const hms = (t: string) => (t === '24:00' ? '23:59:59.000+00:00' : `${t}:00.000+00:00`);

/** Contiguous weekday runs (Mon–Fri → one rule), each split at lunch. */
export function calendarRules(c: Calendar): QbpNode[] {
  const days = [...new Set(c.weekdays)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const d of days) {
    const last = runs[runs.length - 1];
    if (last && d === last[1] + 1) last[1] = d;
    else runs.push([d, d]);
  }
  const spans: Array<[string, string]> =
    c.lunchStart && c.lunchEnd
      ? [
          [c.open, c.lunchStart],
          [c.lunchEnd, c.close],
        ]
      : [[c.open, c.close]];
  const rules: QbpNode[] = [];
  for (const [from, to] of runs)
    for (const [open, close] of spans)
      rules.push(node('rule', { fromTime: hms(open), toTime: hms(close), fromWeekDay: WEEKDAYS[from - 1], toWeekDay: WEEKDAYS[to - 1] }));
  return rules;
}

const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function idMaker(taken: Set<string>) {
  return (wanted: string, fallback: string): string => {
    let base = NCNAME.test(wanted) ? wanted : fallback;
    if (!NCNAME.test(base)) base = `qbp_${base.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
    let id = base;
    for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
    taken.add(id);
    return id;
  };
}

function defaultStart(calendar: Calendar): string {
  return `${new Date().getFullYear()}-04-01T${calendar.open === '24:00' ? '00:00' : calendar.open}:00.000+09:00`;
}

interface ProcessParts {
  tasks: ModdleElement[];
  splits: Array<{ gateway: ModdleElement; outgoing: ModdleElement[] }>;
  starts: ModdleElement[];
}

function partsOf(process: ModdleElement): ProcessParts {
  const parts: ProcessParts = { tasks: [], splits: [], starts: [] };
  // From sourceRef, not `outgoing`: files without <outgoing> children leave that list empty in moddle.
  const outgoing = new Map<ModdleElement, ModdleElement[]>();
  const gateways: ModdleElement[] = [];
  const visit = (container: ModdleElement, top: boolean) => {
    for (const el of (container.flowElements as ModdleElement[] | undefined) ?? []) {
      if (TASK_TYPES.some((t) => isA(el, t))) parts.tasks.push(el);
      else if (SPLIT_TYPES.some((t) => isA(el, t))) gateways.push(el);
      else if (top && isA(el, 'bpmn:StartEvent')) parts.starts.push(el);
      else if (isA(el, 'bpmn:SequenceFlow') && el.sourceRef) {
        const src = el.sourceRef as ModdleElement;
        outgoing.set(src, [...(outgoing.get(src) ?? []), el]);
      }
      if (isA(el, 'bpmn:SubProcess') && !el.triggeredByEvent) visit(el, false);
    }
  };
  visit(process, true);
  for (const gateway of gateways) {
    const out = outgoing.get(gateway) ?? [];
    if (out.length > 1) parts.splits.push({ gateway, outgoing: out });
  }
  return parts;
}

/**
 * The qbp tree for one process of the diagram. Pure: reads annotations, returns the block and what
 * could not be carried over.
 */
export function buildQbpInfo(
  definitions: ModdleElement,
  annotations: DiagramAnnotations,
  opts: QbpExportOptions & { takenIds?: Iterable<string> } = {},
): { info: QbpNode; processId: string; warnings: string[] } {
  const warnings: string[] = [];
  const processes = participantsProcesses(definitions);
  const volumeOf = (s: ModdleElement) => annotations.starts[s.id as string]?.annualVolume ?? 0;
  const process = processes.find((p) => partsOf(p).starts.some((s) => volumeOf(s) > 0));
  if (!process)
    throw new QbpExportError(
      'no-arrivals',
      '年間件数が設定された開始イベントがないため、BIMP の到着間隔を決められません。開始イベントに年間件数を入力してください。',
    );
  const processLabel = (p: ModdleElement) => elementLabel(p.id as string, p.name as string | undefined);
  for (const p of processes)
    if (p !== process && partsOf(p).tasks.length)
      warnings.push(`BIMP は 1 つのプロセスだけを扱うため、${processLabel(p)} は書き出していません（書き出したのは ${processLabel(process)}）。`);
  const parts = partsOf(process);
  const label = (el: ModdleElement) => elementLabel(el.id as string, el.name as string | undefined);
  const newId = idMaker(new Set(opts.takenIds ?? []));

  // Calendars: the diagram's, plus the built-in ones a role or arrival may name without defining.
  const calendars = new Map<string, Calendar>();
  for (const c of annotations.settings.calendars) calendars.set(c.id, c);
  const builtIn = (id: string | undefined) => {
    if (id === DEFAULT_CALENDAR_ID && !calendars.has(id)) calendars.set(id, defaultOfficeCalendar());
    if (id === ROBOT_CALENDAR_ID && !calendars.has(id)) calendars.set(id, robotCalendar());
  };

  // Arrivals: all annotated starts of the process feed one BIMP arrival stream.
  const arriving = parts.starts.filter((s) => volumeOf(s) > 0);
  const first: Arrivals = annotations.starts[arriving[0].id as string];
  const volume = arriving.reduce((a, s) => a + volumeOf(s), 0);
  if (arriving.length > 1)
    warnings.push(`BIMP の到着は 1 本だけのため、開始イベント ${arriving.map(label).join('、')} の年間件数を合計 ${volume} 件として書き出しました。`);
  let arrivalCalendarId = first.calendar ?? DEFAULT_CALENDAR_ID;
  builtIn(arrivalCalendarId);
  if (!calendars.has(arrivalCalendarId)) {
    warnings.push(`到着のカレンダー「${arrivalCalendarId}」が定義されていないため、庁舎開庁時間として書き出しました。`);
    arrivalCalendarId = DEFAULT_CALENDAR_ID;
    builtIn(arrivalCalendarId);
  }
  const arrivalCalendar = calendars.get(arrivalCalendarId) as Calendar;
  if (
    arriving.some((s) => {
      const w = annotations.starts[s.id as string].seasonality;
      return w && w.some((x) => x !== w[0]);
    })
  )
    warnings.push('BIMP には月別の繁閑がないため、年間件数を 1 年に均等に配分した到着間隔で書き出しました。');
  const openMinutes = annualOpenMinutes(arrivalCalendar);
  // Per open minute the same rate as our simulation, so queues build up the same way.
  const interArrivalSeconds = (openMinutes * 60) / volume;

  // Resources: one per role, plus the resident and "no role" pools, which never queue.
  const resources: QbpNode[] = [];
  const resourceIdOf = new Map<string, string>();
  const timetableIds = new Map<string, string>();
  const timetableOf = (calendarId: string | undefined, who: string): string => {
    let id = calendarId ?? DEFAULT_CALENDAR_ID;
    builtIn(id);
    if (!calendars.has(id)) {
      warnings.push(`${who}のカレンダー「${id}」が定義されていないため、庁舎開庁時間として書き出しました。`);
      id = DEFAULT_CALENDAR_ID;
      builtIn(id);
    }
    return id;
  };
  const addResource = (role: Role, key: string) => {
    const unlimited = role.headcount === undefined;
    const amount = unlimited ? QBP_UNLIMITED_AMOUNT : Math.min(QBP_UNLIMITED_AMOUNT, Math.max(1, Math.round(role.headcount as number)));
    if (unlimited && !isResidentRole(role.name) && key !== '')
      warnings.push(`役割「${role.name}」の人数が未設定のため、BIMP では ${QBP_UNLIMITED_AMOUNT} 人（待ちなし）として書き出しました。`);
    if (!unlimited && amount !== role.headcount)
      warnings.push(`役割「${role.name}」の人数 ${role.headcount} 人は BIMP では整数のため ${amount} 人として書き出しました。`);
    const id = newId(`qbp_resource_${resources.length + 1}`, 'qbp_resource');
    resourceIdOf.set(key, id);
    resources.push(
      node('resource', {
        id,
        name: role.name,
        totalAmount: amount,
        costPerHour: role.hourlyCost ?? 0,
        timetableId: timetableOf(role.calendar, `役割「${role.name}」`),
      }),
    );
  };
  for (const r of annotations.settings.roles) addResource(r, r.name);

  const elements: QbpNode[] = [];
  let untimed = 0;
  for (const task of parts.tasks) {
    const step = annotations.steps[task.id as string];
    const roleName = step?.role;
    const resident = isResidentRole(roleName) || (!roleName && !step?.staffTime && !!step?.residentTime);
    let duration = resident ? (step?.residentTime ?? step?.staffTime) : step?.staffTime;
    if (!resident && step?.residentTime && step.staffTime)
      warnings.push(
        `${label(task)}: BIMP の作業時間は 1 つのため、職員処理時間だけを書き出し、住民の所要時間（平均 ${formatNumber(distributionMean(step.residentTime))} 分）は含めていません。`,
      );
    if (step?.lag)
      warnings.push(`${label(task)}: 待ち時間（${step.lag.unit === 'businessDays' ? '営業日' : '分'}単位）は BIMP で表せないため書き出していません。`);
    if (!duration) {
      untimed++;
      duration = { type: 'fixed', value: 0 };
    }
    const key = resident ? (roleName ?? RESIDENT_ROLE) : (roleName ?? '');
    if (!resourceIdOf.has(key)) {
      if (key === '') addResource({ name: '担当未設定' }, '');
      else addResource({ name: key }, key);
    }
    elements.push(
      node('element', { elementId: task.id as string }, [
        distributionToQbp(duration),
        node('resourceIds', {}, [node('resourceId', {}, [], resourceIdOf.get(key))]),
      ]),
    );
  }
  if (untimed) warnings.push(`処理時間が未入力の作業が ${untimed} 件あるため、BIMP では 0 秒として書き出しました。`);
  // Measured on the samples with 住民 steps (test/domain/bpmn/fixtures/bimp-parity.json): BIMP waits overnight where we do not.
  if (
    parts.tasks.some((t) => {
      const st = annotations.steps[t.id as string];
      return isResidentRole(st?.role) || (!!st?.residentTime && !st.staffTime);
    })
  )
    warnings.push(
      'BIMP には「住民の来庁中は閉庁時刻や昼休みを過ぎても窓口が処理を終える」扱いがないため、BIMP では住民の手続も閉庁時間・昼休みに止まり、リードタイムが本アプリより長く出ます。',
    );

  // Branching: BIMP needs a number on every outgoing flow of a split.
  const sequenceFlows: QbpNode[] = [];
  for (const { gateway: gw, outgoing } of parts.splits) {
    const defaultFlow = gw.default as ModdleElement | undefined;
    const pct = (f: ModdleElement) => annotations.flows[f.id as string]?.probability;
    const inclusive = isA(gw, 'bpmn:InclusiveGateway') || isA(gw, 'bpmn:ComplexGateway');
    const open = outgoing.filter((f) => pct(f) === undefined);
    const set = outgoing.filter((f) => pct(f) !== undefined);
    const p = new Map<ModdleElement, number>();
    for (const f of set) p.set(f, (pct(f) as number) / 100);
    if (inclusive) {
      // Ours: each branch is independent and the default runs only when none of the others did.
      // BIMP 2.0.7 draws every flow, the default too, independently and draws again while none was
      // taken (observed: 30 % / 65 % came out as 36.9 % / 79.9 %). A default that leads straight to a
      // join or an end does no work, so taking it always (1) leaves the other branches' chances as ours.
      const others = outgoing.filter((f) => f !== defaultFlow);
      if (defaultFlow && pct(defaultFlow) === undefined) {
        const target = defaultFlow.targetRef as ModdleElement | undefined;
        const workless = !!target && (isA(target, 'bpmn:Gateway') || isA(target, 'bpmn:EndEvent'));
        p.set(defaultFlow, workless ? 1 : others.reduce((a, f) => a * (1 - (p.get(f) ?? 0)), 1));
        if (!workless)
          warnings.push(
            `${label(gw)}: BIMP は包含ゲートウェイの既定の流れも他の流れと独立に選ぶため、既定の流れ ${label(defaultFlow)} の確率は他の流れが 1 本も選ばれない確率として書き出しました（BIMP では他の流れと同時に選ばれることがあります）。`,
          );
      }
      const missing = others.filter((f) => pct(f) === undefined);
      if (missing.length) {
        for (const f of missing) p.set(f, 0.5);
        warnings.push(`${label(gw)}: 分岐確率が未入力の流れ（${missing.map(label).join('、')}）を 50% として書き出しました。`);
      }
    } else {
      const sum = set.reduce((a, f) => a + (p.get(f) as number), 0);
      if (open.length) {
        const rest = Math.max(0, 1 - sum) / open.length;
        for (const f of open) p.set(f, rest);
        const onlyDefault = open.length === 1 && open[0] === defaultFlow;
        if (!onlyDefault)
          warnings.push(
            `${label(gw)}: 分岐確率が未入力の流れ（${open.map(label).join('、')}）に残り ${formatNumber(Math.max(0, 1 - sum) * 100)}% を均等に割り振りました。`,
          );
      } else if (Math.abs(sum - 1) > 1e-6 && sum > 0) {
        for (const f of set) p.set(f, (p.get(f) as number) / sum);
        warnings.push(`${label(gw)}: 分岐確率の合計が ${formatNumber(sum * 100)}% のため、合計 100% になるよう比例配分して書き出しました。`);
      }
    }
    for (const f of outgoing) {
      const value = Math.min(1, Math.max(0, p.get(f) ?? 0));
      sequenceFlows.push(node('sequenceFlow', { elementId: f.id as string, executionProbability: Math.round(value * 1e9) / 1e9 }));
    }
  }

  // Timetables last: roles and arrivals decided which calendars are needed.
  const timetables: QbpNode[] = [];
  for (const [id, c] of calendars) {
    const tid = newId(id === ROBOT_CALENDAR_ID ? QBP_ROBOT_TIMETABLE_ID : id, `qbp_timetable_${timetables.length + 1}`);
    timetableIds.set(id, tid);
    timetables.push(
      node('timetable', { id: tid, default: id === arrivalCalendarId ? 'true' : 'false', name: c.name ?? id }, [node('rules', {}, calendarRules(c))]),
    );
  }
  const holidayCalendars = [...calendars.values()].filter((c) => c.publicHolidays || c.yearEndClosure || c.closedDates?.length);
  if (holidayCalendars.length)
    warnings.push(
      `BIMP のタイムテーブルは祝日・年末年始・休業日を表せないため、${holidayCalendars.map((c) => `「${c.name ?? c.id}」`).join('、')}は曜日と時刻だけを書き出しました（到着間隔は休日を除いた開庁時間で計算しています）。`,
    );
  for (const r of resources) r.attrs.timetableId = timetableIds.get(r.attrs.timetableId) as string;

  const instances = opts.processInstances ?? Math.min(MAX_DEFAULT_INSTANCES, Math.max(2, Math.round(volume)));
  if (!Number.isInteger(instances) || instances < 2)
    throw new QbpExportError('invalid', `BIMP のシミュレーション件数は 2 件以上の整数にしてください（指定: ${instances}）。`);

  const fixed = first.interArrival === 'fixed';
  if (arriving.some((s) => (annotations.starts[s.id as string].interArrival === 'fixed') !== fixed))
    warnings.push(
      `開始イベントごとに到着間隔の分布が異なるため、BIMP には ${label(arriving[0])} の分布（${fixed ? '一定間隔' : 'ポアソン到着'}）で書き出しました。`,
    );
  const arrival = node(
    'arrivalRateDistribution',
    fixed ? { type: 'FIXED', mean: interArrivalSeconds } : { type: 'EXPONENTIAL', mean: interArrivalSeconds, arg1: interArrivalSeconds },
    [node('timeUnit', {}, [], 'minutes')],
  );
  const info = node(
    'processSimulationInfo',
    {
      id: newId('qbp_simulation', 'qbp_simulation'),
      processId: process.id as string,
      processInstances: instances,
      startDateTime: opts.startDateTime ?? defaultStart(arrivalCalendar),
      currency: opts.currency ?? 'JPY',
    },
    [
      arrival,
      node('timetables', {}, timetables),
      ...(resources.length ? [node('resources', {}, resources)] : []),
      ...(elements.length ? [node('elements', {}, elements)] : []),
      ...(sequenceFlows.length ? [node('sequenceFlows', {}, sequenceFlows)] : []),
    ],
  );
  return { info, processId: process.id as string, warnings };
}

const escapeAttr = (v: string) =>
  v
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
const escapeText = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The tree as XML text; the root declares the qbp namespace itself, so it needs nothing from <definitions>. */
export function qbpNodeToXml(n: QbpNode, depth = 1, root = true): string {
  const pad = '  '.repeat(depth);
  const attrs = [...(root ? [`xmlns:qbp="${QBP_NS}"`] : []), ...Object.entries(n.attrs).map(([k, v]) => `${k}="${escapeAttr(v)}"`)];
  const open = `${pad}<${n.name}${attrs.length ? ` ${attrs.join(' ')}` : ''}`;
  if (n.text !== undefined) return `${open}>${escapeText(n.text)}</${n.name}>`;
  if (!n.children.length) return `${open} />`;
  return `${open}>\n${n.children.map((c) => qbpNodeToXml(c, depth + 1, false)).join('\n')}\n${pad}</${n.name}>`;
}

// Generic (unknown-namespace) elements carry their namespace in $descriptor, whatever the prefix.
const isQbpBlock = (v: ModdleElement) => {
  const ns = (v as { $descriptor?: { ns?: { uri?: string; localName?: string } } }).$descriptor?.ns;
  return v.$type === 'qbp:processSimulationInfo' || (ns?.uri === QBP_NS && ns.localName === 'processSimulationInfo');
};

const DEFINITIONS_CLOSE = /<\/([\w.-]+:)?definitions\s*>\s*$/;

/**
 * BIMP 2.0.7 reads the block only as a direct child of <definitions> (its own files put it last, after
 * the diagram); inside a process's extensionElements it stops with "Unable to parse BPMN file".
 * bpmn-moddle drops unknown elements at that level, so the block is added to the serialized text.
 */
export function placeQbpBlock(xml: string, info: QbpNode): string {
  const m = DEFINITIONS_CLOSE.exec(xml);
  if (!m) throw new QbpExportError('serialize', 'BPMN の definitions 要素の終わりが見つからないため、BIMP の設定を書き込めません。');
  return `${xml.slice(0, m.index).replace(/\s*$/, '')}\n${qbpNodeToXml(info)}\n${xml.slice(m.index)}`;
}

/** The diagram with its BIMP block replaced by one built from its bpr annotations. */
export async function exportQbp(input: string | Uint8Array, opts: QbpExportOptions = {}): Promise<QbpExport> {
  const parsed = await parseDiagram(input);
  if (!parsed.ok) throw new QbpExportError(parsed.error.code, parsed.error.message);
  const definitions = parsed.definitions as ModdleElement;
  const read = readDiagramAnnotations(definitions);
  let annotations = read.annotations;
  const notes = read.issues.map((i) => `注釈の問題のため一部を書き出していません: ${i.message}`);
  // A file with BIMP settings and no bpr: annotations (e.g. saved by BIMP) is re-exported from those
  // settings, with its own case count, start and currency unless asked otherwise.
  const qbp = hasBprAnnotations(annotations) ? undefined : readQbp(parsed.xml);
  let options = opts;
  if (qbp) {
    const conv = convertQbp(qbp, definitions);
    annotations = conv.annotations;
    notes.push(...conv.warnings);
    options = {
      ...(conv.processInstances !== undefined && conv.processInstances >= 2 ? { processInstances: Math.round(conv.processInstances) } : {}),
      ...(conv.startDateTime ? { startDateTime: conv.startDateTime } : {}),
      ...(qbp.currency ? { currency: qbp.currency } : {}),
      ...opts,
    };
  }
  const { info, processId, warnings } = buildQbpInfo(definitions, annotations, { ...options, takenIds: Object.keys(parsed.elementsById) });
  warnings.unshift(...notes);

  // An older block (in extensionElements, or under <definitions> where the keep package holds it)
  // would contradict the new one.
  const kept = (definitions as Record<string, unknown>)[KEEP_PROPERTY] as ModdleElement[] | undefined;
  if (kept) (definitions as Record<string, unknown>)[KEEP_PROPERTY] = kept.filter((v) => !isQbpBlock(v));
  for (const p of participantsProcesses(definitions)) {
    const ext = p.extensionElements;
    if (ext?.values) ext.values = ext.values.filter((v) => !isQbpBlock(v));
  }
  if (opts.bimpOnly) removeDiagramAnnotations(parsed.moddle, definitions);

  let xml: string;
  try {
    xml = placeQbpBlock(await serializeDiagram(definitions), info);
  } catch (err) {
    if (err instanceof QbpExportError) throw err;
    throw new QbpExportError('serialize', err instanceof Error ? err.message : String(err));
  }
  return { xml, warnings, processId };
}
