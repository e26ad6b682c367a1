import { isResidentRole, RESIDENT_ROLE } from '../model/annotations';
import type { BpmnModdle } from 'bpmn-moddle';
import { createArrivalsElement, createSettingsElement, createStepElement } from '../bpmn/annotationsWrite';
import type { ModdleElement } from '../bpmn/bprAccess';
import { createModdle } from '../bpmn/moddle';
import {
  DEFAULT_CALENDAR_ID,
  DEFAULT_HOURS_PER_FTE,
  defaultOfficeCalendar,
  distributionSchema,
  type Distribution,
  type StepAnnotation,
} from '../model/annotations';
import { parseCsv, toCsv } from './csv';
import { layoutWithLanes } from './laneLayout';
import { readXlsx, writeXlsx, type CellValue } from './xlsx';

/**
 * 業務量調査 (the per-step workload survey departments fill in as a spreadsheet) → one laid-out,
 * annotated BPMN process per 業務名. A row is one step, in order. The import is all or nothing:
 * every row problem is collected and reported with its row number and column.
 */

export { RESIDENT_ROLE as RESIDENT } from '../model/annotations';
const isResident = isResidentRole;

type Column = 'business' | 'step' | 'role' | 'minutes' | 'volume' | 'residentMinutes' | 'min' | 'mode' | 'max';

export const SURVEY_HEADERS = ['業務名', '手順', '担当', '処理時間(分)', '件数/年', '住民の記入時間(分)'] as const;

const COLUMN_LABELS: Record<Column, string> = {
  business: '業務名',
  step: '手順',
  role: '担当',
  minutes: '処理時間(分)',
  volume: '件数/年',
  residentMinutes: '住民の記入時間(分)',
  min: '最小(分)',
  mode: '最頻(分)',
  max: '最大(分)',
};

/** Header spellings seen in the field, after normalising (NFKC, no spaces, no unit brackets). */
const HEADER_ALIASES: Record<Column, string[]> = {
  business: ['業務名', '業務', '手続名', '手続き名', '事務名'],
  step: ['手順', '手順名', '作業', '作業名', '工程', '工程名'],
  role: ['担当', '担当者', '担当役割', '役割', '担当係'],
  minutes: ['処理時間', '職員処理時間', '所要時間', '作業時間'],
  volume: ['件数/年', '年間件数', '件数', '年間処理件数', '処理件数/年', '件数/年間'],
  residentMinutes: ['住民の記入時間', '住民記入時間', '住民の所要時間', '記入時間'],
  min: ['最小', '最小時間', '処理時間最小', '最短'],
  mode: ['最頻', '最頻値', '最頻時間', '処理時間最頻', '標準'],
  max: ['最大', '最大時間', '処理時間最大', '最長'],
};

/** NFKC folds full-width （分） and ／; units in brackets are dropped so 処理時間（分） = 処理時間. */
export function normalizeHeader(h: CellValue): string {
  return String(h ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[([【]([^)\]】]*)[)\]】]/g, (_all, inner: string) => (/^(分|件|回|min|分間)$/i.test(inner) ? '' : `(${inner})`))
    .replace(/[※*]/g, '');
}

const ALIAS_TO_COLUMN = new Map<string, Column>();
for (const [col, aliases] of Object.entries(HEADER_ALIASES) as Array<[Column, string[]]>) for (const a of aliases) ALIAS_TO_COLUMN.set(normalizeHeader(a), col);

export interface SurveyStep {
  /** Row number in the sheet (1 = the first line of the file). */
  row: number;
  name: string;
  role: string;
  resident: boolean;
  staffTime?: Distribution;
  residentTime?: Distribution;
}

export interface SurveyBusiness {
  name: string;
  annualVolume?: number;
  steps: SurveyStep[];
}

export interface SurveyProcess {
  name: string;
  xml: string;
  annualVolume?: number;
  /** Lanes top to bottom (住民 first). */
  roles: string[];
  stepCount: number;
  /** Things the workshop should check (e.g. headcounts set to 1 by default). */
  notes: string[];
}

export class SurveyImportError extends Error {
  constructor(readonly problems: string[]) {
    super(`業務量調査を取り込めませんでした（${problems.length}件の問題）:\n${problems.map((p) => `・${p}`).join('\n')}`);
    this.name = 'SurveyImportError';
  }
}

const blank = (v: CellValue | undefined) => v === null || v === undefined || String(v).trim() === '';
/** Names are kept exactly as written (（①髙﨑～） stays so); only comparisons and numbers are normalised. */
const text = (v: CellValue | undefined) => (blank(v) ? '' : String(v).trim());
const numberText = (v: CellValue | undefined) => text(v).normalize('NFKC');

/** Locates the header row (within the first 20 rows) by its 手順 column. */
function findHeader(rows: CellValue[][]): { at: number; columns: Map<Column, number> } | undefined {
  for (let r = 0; r < Math.min(rows.length, 20); r++) {
    const columns = new Map<Column, number>();
    (rows[r] ?? []).forEach((cell, c) => {
      const col = ALIAS_TO_COLUMN.get(normalizeHeader(cell));
      if (col && !columns.has(col)) columns.set(col, c);
    });
    if (columns.has('step')) return { at: r, columns };
  }
  return undefined;
}

/**
 * Reads the table (rows as they come from parseCsv or readXlsx, header included) into businesses.
 * `fallbackName` names the process when the sheet has no 業務名 column (e.g. the file name).
 */
export function readSurveyTable(rows: CellValue[][], fallbackName = '業務量調査'): SurveyBusiness[] {
  const header = findHeader(rows);
  if (!header) throw new SurveyImportError([`見出し行が見つかりません。1行目に「${SURVEY_HEADERS.join('」「')}」の見出しを入れてください。`]);
  const { at, columns } = header;
  const problems: string[] = [];
  for (const required of ['role', 'minutes'] as const)
    if (!columns.has(required) && !(required === 'minutes' && columns.has('mode')))
      problems.push(`見出し「${COLUMN_LABELS[required]}」の列がありません（${at + 1}行目）。`);
  if (problems.length) throw new SurveyImportError(problems);

  const cell = (row: CellValue[], col: Column) => (columns.has(col) ? row[columns.get(col)!] : undefined);
  const where = (rowNo: number, col: Column) => `${rowNo}行目の「${COLUMN_LABELS[col]}」`;
  const number = (row: CellValue[], rowNo: number, col: Column, label = '数値'): number | undefined => {
    const v = cell(row, col);
    if (blank(v)) return undefined;
    const n =
      typeof v === 'number'
        ? v
        : Number(
            numberText(v)
              .replace(/,/g, '')
              .replace(/(分|件|回)$/, ''),
          );
    if (!Number.isFinite(n)) {
      problems.push(`${where(rowNo, col)}: ${label}ではありません（「${String(v)}」）。半角または全角の数字で入力してください。`);
      return undefined;
    }
    if (n < 0) {
      problems.push(`${where(rowNo, col)}: 負の値 (${n}) は入力できません。`);
      return undefined;
    }
    return n;
  };

  const businesses: SurveyBusiness[] = [];
  const volumeRow = new Map<SurveyBusiness, number>();
  let current: SurveyBusiness | undefined;
  for (let r = at + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.every(blank)) continue;
    const rowNo = r + 1;
    const businessName = columns.has('business') ? text(cell(row, 'business')) : fallbackName;
    if (businessName && businessName !== current?.name) {
      current = businesses.find((b) => b.name === businessName);
      if (!current) businesses.push((current = { name: businessName, steps: [] }));
    }
    if (!current) {
      problems.push(`${where(rowNo, 'business')}: 空欄です。最初の手順の行には業務名を入力してください。`);
      continue;
    }
    const name = text(cell(row, 'step'));
    if (!name) problems.push(`${where(rowNo, 'step')}: 空欄です。手順の名前を入力してください。`);
    const role = text(cell(row, 'role'));
    if (!role) problems.push(`${where(rowNo, 'role')}: 空欄です。担当（例: 窓口担当、${RESIDENT_ROLE}）を入力してください。`);
    const minutes = number(row, rowNo, 'minutes');
    const residentMinutes = number(row, rowNo, 'residentMinutes');
    const volume = number(row, rowNo, 'volume');
    const tri = (['min', 'mode', 'max'] as const).map((c) => number(row, rowNo, c));
    let time: Distribution | undefined = minutes === undefined ? undefined : { type: 'fixed', value: minutes };
    const given = tri.filter((x) => x !== undefined).length;
    if (given === 3) {
      const d = distributionSchema.safeParse({ type: 'triangular', min: tri[0], mode: tri[1], max: tri[2] });
      if (d.success) time = d.data;
      else problems.push(`${rowNo}行目の「最小/最頻/最大(分)」: ${d.error.issues.map((i) => i.message).join('、')}`);
    } else if (given > 0) {
      const missing = (['min', 'mode', 'max'] as const).filter((_, i) => tri[i] === undefined).map((c) => `「${COLUMN_LABELS[c]}」`);
      problems.push(`${rowNo}行目: 最小・最頻・最大は3つとも入力してください（${missing.join('')}が空欄です）。`);
    }
    if (volume !== undefined) {
      if (current.annualVolume === undefined) {
        current.annualVolume = volume;
        volumeRow.set(current, rowNo);
      } else if (current.annualVolume !== volume)
        problems.push(
          `${where(rowNo, 'volume')}: 業務「${current.name}」の件数が ${volumeRow.get(current)}行目 (${current.annualVolume}件) と異なります (${volume}件)。1つの業務には1つの年間件数を入力してください。`,
        );
    }
    if (!name || !role) continue;
    const resident = isResident(role);
    const residentInput: Distribution | undefined = residentMinutes === undefined ? undefined : { type: 'fixed', value: residentMinutes };
    current.steps.push({
      row: rowNo,
      name,
      role,
      resident,
      // The resident's own step takes the resident's time; no staff member is busy during it.
      ...(resident ? { residentTime: time ?? residentInput } : { staffTime: time, residentTime: residentInput }),
    });
  }
  if (businesses.length === 0 && problems.length === 0) problems.push(`${at + 2}行目以降に手順の行がありません。`);
  if (problems.length) throw new SurveyImportError(problems);
  return businesses;
}

// ---------------------------------------------------------------- BPMN

function withExtension(moddle: BpmnModdle, owner: ModdleElement, ext: ModdleElement): void {
  const container = moddle.create('bpmn:ExtensionElements', { values: [ext] });
  container.$parent = owner;
  ext.$parent = container;
  owner.extensionElements = container;
}

/** Lanes in the order they are drawn: resident lanes on top (where the case starts), then staff by first appearance. */
function laneOrder(steps: SurveyStep[]): string[] {
  const seen = [...new Set(steps.map((s) => s.role))];
  return [...seen.filter(isResident), ...seen.filter((r) => !isResident(r))];
}

/** The business as a collaboration: one pool, a lane per 担当, steps in order, laid out left to right. */
export async function buildSurveyProcess(business: SurveyBusiness): Promise<SurveyProcess> {
  const moddle = createModdle();
  const roles = laneOrder(business.steps);
  const staffRoles = roles.filter((r) => !isResident(r));
  const process = moddle.create('bpmn:Process', { id: 'Process_1', isExecutable: false, flowElements: [], laneSets: [] });
  const laneSet = moddle.create('bpmn:LaneSet', { id: 'LaneSet_1', lanes: [] });
  laneSet.$parent = process;
  process.laneSets.push(laneSet);
  const lanes = new Map<string, ModdleElement>();
  roles.forEach((role, i) => {
    const lane = moddle.create('bpmn:Lane', { id: `Lane_${i + 1}`, name: role, flowNodeRef: [] });
    lane.$parent = laneSet;
    laneSet.lanes.push(lane);
    lanes.set(role, lane);
  });
  const add = (type: string, attrs: Record<string, unknown>, role: string | undefined): ModdleElement => {
    const el = moddle.create(type, attrs);
    el.$parent = process;
    process.flowElements.push(el);
    if (role) (lanes.get(role)!.flowNodeRef as ModdleElement[]).push(el);
    return el;
  };
  const first = business.steps[0];
  const last = business.steps[business.steps.length - 1];
  const start = add('bpmn:StartEvent', { id: 'StartEvent_1', name: '受付' }, first?.role);
  withExtension(
    moddle,
    start,
    createArrivalsElement(
      moddle,
      { ...(business.annualVolume !== undefined ? { annualVolume: business.annualVolume } : {}), calendar: DEFAULT_CALENDAR_ID },
      start,
    ),
  );
  const nodes: ModdleElement[] = [start];
  business.steps.forEach((s, i) => {
    const task = add('bpmn:Task', { id: `Activity_${i + 1}`, name: s.name }, s.role);
    const ann: StepAnnotation = {
      role: s.role,
      ...(s.staffTime ? { staffTime: s.staffTime } : {}),
      ...(s.residentTime ? { residentTime: s.residentTime } : {}),
    };
    withExtension(moddle, task, createStepElement(moddle, ann, task));
    nodes.push(task);
  });
  nodes.push(add('bpmn:EndEvent', { id: 'EndEvent_1', name: '完了' }, last?.role));
  for (let i = 0; i + 1 < nodes.length; i++) {
    const [source, target] = [nodes[i], nodes[i + 1]];
    const flow = add('bpmn:SequenceFlow', { id: `Flow_${i + 1}`, sourceRef: source, targetRef: target }, undefined);
    source.outgoing = [...((source.outgoing as ModdleElement[] | undefined) ?? []), flow];
    target.incoming = [...((target.incoming as ModdleElement[] | undefined) ?? []), flow];
  }

  const notes = staffRoles.length ? [`役割の人数は仮に1人としています（${staffRoles.join('、')}）。ワークショップで実際の人数を確認してください。`] : [];
  if (business.annualVolume === undefined) notes.push('「件数/年」が未入力のため、開始イベントの年間件数を入力してください。');
  const collaboration = moddle.create('bpmn:Collaboration', { id: 'Collaboration_1', participants: [] });
  const participant = moddle.create('bpmn:Participant', { id: 'Participant_1', name: business.name, processRef: process });
  participant.$parent = collaboration;
  collaboration.participants.push(participant);
  if (notes.length) {
    const doc = moddle.create('bpmn:Documentation', { text: `業務量調査から取り込み。${notes.join(' ')}` });
    doc.$parent = collaboration;
    collaboration.documentation = [doc];
  }
  withExtension(
    moddle,
    collaboration,
    createSettingsElement(
      moddle,
      {
        hoursPerFte: DEFAULT_HOURS_PER_FTE,
        // Residents are not staff: listed so every 担当 is a known role, but without a headcount (no queue).
        roles: roles.map((name) => (isResident(name) ? { name } : { name, headcount: 1, calendar: DEFAULT_CALENDAR_ID })),
        calendars: [defaultOfficeCalendar()],
      },
      collaboration,
    ),
  );
  const definitions = moddle.create('bpmn:Definitions', {
    id: 'Definitions_1',
    targetNamespace: 'http://bpmn.io/schema/bpmn',
    exporter: 'BPR Studio',
    exporterVersion: '0.1.0',
    rootElements: [collaboration, process],
  });
  collaboration.$parent = definitions;
  process.$parent = definitions;
  layoutWithLanes(moddle, definitions);
  const { xml } = await moddle.toXML(definitions, { format: true });
  return {
    name: business.name,
    xml,
    ...(business.annualVolume !== undefined ? { annualVolume: business.annualVolume } : {}),
    roles,
    stepCount: business.steps.length,
    notes,
  };
}

// ---------------------------------------------------------------- files

const isZipBytes = (b: Uint8Array) => b.length >= 2 && b[0] === 0x50 && b[1] === 0x4b;

/** The rows of a survey file: .xlsx (the first sheet with a 手順 header) or CSV (UTF-8 or Shift_JIS). */
export function readSurveyRows(fileName: string, bytes: Uint8Array): CellValue[][] {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xls'))
    throw new SurveyImportError(['古い形式のExcelファイル (.xls) は読み込めません。Excelで「.xlsx」形式か CSV で保存し直してください。']);
  if (lower.endsWith('.xlsx') || isZipBytes(bytes)) {
    const sheets = readXlsx(bytes);
    return (sheets.find((s) => findHeader(s.rows)) ?? sheets[0]).rows;
  }
  return parseCsv(bytes);
}

const baseName = (fileName: string) => fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || '業務量調査';

/** File → processes, one per 業務名. Throws SurveyImportError listing every problem (nothing is created then). */
export async function importSurvey(fileName: string, bytes: Uint8Array): Promise<SurveyProcess[]> {
  const businesses = readSurveyTable(readSurveyRows(fileName, bytes), baseName(fileName));
  const out: SurveyProcess[] = [];
  for (const b of businesses) out.push(await buildSurveyProcess(b));
  return out;
}

const TEMPLATE_ROWS: CellValue[][] = [
  [...SURVEY_HEADERS],
  ['住民票の写し交付', '申請書を記入する', RESIDENT_ROLE, 5, 4800, null],
  ['住民票の写し交付', '本人確認をして交付する', '窓口担当', 8, null, 2],
];

/** Template to download: the headers and two example rows (CSV with BOM, opens in Excel). */
export function surveyTemplateCsv(): string {
  return toCsv(TEMPLATE_ROWS);
}

export function surveyTemplateXlsx(): Uint8Array {
  return writeXlsx([{ name: '業務量調査', rows: TEMPLATE_ROWS }]);
}
