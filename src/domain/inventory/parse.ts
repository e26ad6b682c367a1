import { parseCsv } from '../exchange/csv';
import { normalizeHeader } from '../exchange/survey';
import { readXlsx, type CellValue } from '../exchange/xlsx';
import { inventoryFieldsSchema, type InventoryFields } from './record';

/**
 * A city's 業務量調査 sheet → inventory rows. Header names differ by city, so common spellings are
 * recognised and the rest can be mapped by the user (`mapping`: header text → field). All or nothing:
 * when any row is refused, `rows` is empty and every refused row is listed with its number and reason.
 */
export type InventoryField = keyof InventoryFields;

export const INVENTORY_HEADER_ALIASES: Record<InventoryField, string[]> = {
  department: ['部', '部名', '所管部', '担当部'],
  section: ['課', '課名', '所属', '担当課', '所管課', '所管部署', '担当部署', '部署'],
  unit: ['係', '係名', '担当係', 'グループ', '班'],
  name: ['業務名', '事務名', '事務事業名', '業務'],
  code: ['整理番号', '番号', '業務番号', 'No', 'No.', '業務ID'],
  purpose: ['目的・概要', '目的', '概要', '業務概要', '業務内容'],
  legalBasis: ['根拠法令', '根拠法令等', '根拠'],
  routine: ['定型/非定型', '定型・非定型', '定型', '業務区分'],
  core: ['コア/ノンコア', 'コア・ノンコア', 'コア', 'ノンコア'],
  annualCount: ['年間処理件数', '年間件数', '件数', '処理件数', '年間件数(件)'],
  minutesPerCase: ['1件当たり処理時間', '1件あたり時間', '1件当たり時間', '1件あたり処理時間', '処理時間', '単位時間'],
  enteredHours: ['年間業務時間', '年間時間', '年間処理時間', '業務時間', '年間業務時間(h)', '年間業務時間(時間)'],
  staffCount: ['従事職員数', '職員数', '従事者数'],
  enteredFte: ['人工', '投入資源', '投入人工'],
  peakPeriod: ['繁忙期', '繁忙時期'],
  paper: ['紙', '紙媒体', '紙の有無'],
  systemEntry: ['システム入力', 'システム', 'システム利用'],
  outsourced: ['外部委託', '委託'],
  note: ['備考', 'メモ'],
};

export const INVENTORY_FIELD_LABELS: Record<InventoryField, string> = {
  department: '部',
  section: '課',
  unit: '係',
  name: '業務名',
  code: '整理番号',
  purpose: '目的・概要',
  legalBasis: '根拠法令',
  routine: '定型/非定型',
  core: 'コア/ノンコア',
  annualCount: '年間件数',
  minutesPerCase: '1件あたり時間(分)',
  enteredHours: '年間業務時間(h)',
  staffCount: '従事職員数',
  enteredFte: '人工',
  peakPeriod: '繁忙期',
  paper: '紙',
  systemEntry: 'システム入力',
  outsourced: '外部委託',
  note: '備考',
};

/** Header to put in the template and the export, in this order. */
export const INVENTORY_FIELDS = Object.keys(INVENTORY_FIELD_LABELS) as InventoryField[];

const unitless = (h: CellValue) => normalizeHeader(h).replace(/\((h|時間|分|件|人)\)$/i, '');
const ALIAS = new Map<string, InventoryField>();
for (const [f, aliases] of Object.entries(INVENTORY_HEADER_ALIASES) as Array<[InventoryField, string[]]>)
  for (const a of aliases) if (!ALIAS.has(unitless(a))) ALIAS.set(unitless(a), f);
for (const f of INVENTORY_FIELDS) ALIAS.set(f.toLowerCase(), f);

export type RefusalCode = 'name-missing' | 'section-missing' | 'not-a-number' | 'negative' | 'bad-choice' | 'no-hours' | 'duplicate';
export interface RefusedRow {
  row: number;
  code: RefusalCode;
  field?: InventoryField;
  message: string;
}

export interface ColumnMatch {
  column: number;
  header: string;
  field: InventoryField | null;
  how: 'recognised' | 'mapped' | 'ignored';
}

export interface InventoryParse {
  headerRow: number;
  columns: ColumnMatch[];
  rows: InventoryFields[];
  /** Row number (1-based, in the sheet) of each entry of `rows`. */
  rowNumbers: number[];
  refused: RefusedRow[];
  skipped: { blank: number; subtotal: number };
  /** Problems with the sheet as a whole (no header, no 業務名 column). */
  problems: string[];
}

/** `'所属=section,事務の名称=name'` (CLI --map) → mapping; field may be given by key or Japanese label. */
export function parseMapping(spec: string): Record<string, InventoryField> {
  const out: Record<string, InventoryField> = {};
  for (const part of spec.split(',')) {
    const eq = part.lastIndexOf('=');
    if (eq <= 0) continue;
    const header = part.slice(0, eq).trim();
    const target = part.slice(eq + 1).trim();
    const field = (INVENTORY_FIELDS as string[]).includes(target) ? (target as InventoryField) : ALIAS.get(unitless(target));
    if (field) out[header] = field;
  }
  return out;
}

const isBlank = (v: CellValue | undefined) => v === null || v === undefined || String(v).trim() === '';
const SUBTOTAL = /^(小計|合計|総計|計)$/;

function matchColumns(header: CellValue[], mapping: Record<string, InventoryField>): ColumnMatch[] {
  const mapped = new Map(Object.entries(mapping).map(([h, f]) => [unitless(h), f]));
  const used = new Set<InventoryField>();
  return header.map((cell, column) => {
    const h = isBlank(cell) ? '' : String(cell).trim();
    const m = mapped.get(unitless(h));
    if (m) {
      used.add(m);
      return { column, header: h, field: m, how: 'mapped' as const };
    }
    const f = ALIAS.get(unitless(h));
    if (f && !used.has(f)) {
      used.add(f);
      return { column, header: h, field: f, how: 'recognised' as const };
    }
    return { column, header: h, field: null, how: 'ignored' as const };
  });
}

/** Full-width digits, thousands separators and units go; '' stays undefined. */
export function readNumber(v: CellValue | undefined): number | undefined | 'nan' {
  if (isBlank(v)) return undefined;
  if (typeof v === 'number') return v;
  const s = String(v)
    .normalize('NFKC')
    .replace(/[,，\s]/g, '')
    .replace(/(件|分|時間|h|人|人工)$/i, '');
  if (s === '' || s === '-' || s === '―') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : 'nan';
}

const TRUTHY = /^(○|〇|◯|●|有|あり|有り|はい|yes|y|true|1|✓|レ)$/i;
const FALSY = /^(×|無|なし|無し|いいえ|no|n|false|0|-|ー)$/i;

/** Finds the header row (first 20 rows) by its 業務名 column, then reads every data row. */
export function parseInventoryTable(table: CellValue[][], mapping: Record<string, InventoryField> = {}): InventoryParse {
  const out: InventoryParse = { headerRow: 0, columns: [], rows: [], rowNumbers: [], refused: [], skipped: { blank: 0, subtotal: 0 }, problems: [] };
  let at = -1;
  for (let r = 0; r < Math.min(table.length, 20); r++) {
    const cols = matchColumns(table[r] ?? [], mapping);
    if (cols.some((c) => c.field === 'name') && cols.some((c) => c.field === 'section')) {
      at = r;
      out.columns = cols;
      break;
    }
  }
  if (at < 0) {
    out.problems.push(
      '見出し行が見つかりません。「課」と「業務名」の列（例: 課名・所属・担当課 / 業務名・事務名）を含む見出し行を先頭20行以内に入れるか、列の対応を指定してください。',
    );
    if (table.length) out.columns = matchColumns(table[0] ?? [], mapping);
    return out;
  }
  out.headerRow = at + 1;
  const col = new Map(out.columns.filter((c) => c.field).map((c) => [c.field as InventoryField, c.column]));
  const seenKeys = new Map<string, number>();
  const rows: InventoryFields[] = [];
  const rowNumbers: number[] = [];
  for (let r = at + 1; r < table.length; r++) {
    const line = table[r] ?? [];
    const rowNo = r + 1;
    if (line.every(isBlank)) {
      out.skipped.blank++;
      continue;
    }
    const get = (f: InventoryField) => (col.has(f) ? line[col.get(f)!] : undefined);
    const str = (f: InventoryField) => (isBlank(get(f)) ? '' : String(get(f)).trim());
    // 小計/合計 rows repeat figures already counted: a label cell saying so and no 業務名 of its own.
    const labels = [str('department'), str('section'), str('unit'), str('name'), str('code')].map((s) => s.normalize('NFKC').replace(/\s/g, ''));
    const subtotalLabel = (s: string) => SUBTOTAL.test(s) || /(小計|合計|総計)$/.test(s) || /^(小計|合計)[(（]/.test(s);
    if (labels.some(subtotalLabel) && (!labels[3] || subtotalLabel(labels[3]))) {
      out.skipped.subtotal++;
      continue;
    }
    const refuse = (code: RefusalCode, message: string, field?: InventoryField) =>
      out.refused.push({
        row: rowNo,
        code,
        message: `${rowNo}行目${field ? `の「${INVENTORY_FIELD_LABELS[field]}」` : ''}: ${message}`,
        ...(field ? { field } : {}),
      });
    const before = out.refused.length;
    const num = (f: InventoryField): number | undefined => {
      const n = readNumber(get(f));
      if (n === 'nan') {
        refuse('not-a-number', `数値ではありません（「${String(get(f))}」）。`, f);
        return undefined;
      }
      if (n !== undefined && n < 0) {
        refuse('negative', `負の値 (${n}) は入力できません。`, f);
        return undefined;
      }
      return n;
    };
    const flag = (f: InventoryField): boolean => {
      const s = str(f).normalize('NFKC');
      if (!s || FALSY.test(s)) return false;
      if (TRUTHY.test(s)) return true;
      refuse('bad-choice', `「○」か空欄で入力してください（「${s}」）。`, f);
      return false;
    };
    const choice = <T extends string>(f: InventoryField, yes: T, no: T, yesWords: RegExp, noWords: RegExp): T | undefined => {
      const s = str(f).normalize('NFKC');
      if (!s) return undefined;
      if (noWords.test(s)) return no;
      if (yesWords.test(s)) return yes;
      refuse('bad-choice', `「${yes}」か「${no}」で入力してください（「${s}」）。`, f);
      return undefined;
    };
    const name = str('name');
    const section = str('section');
    if (!name) refuse('name-missing', '空欄です。業務名を入力してください。', 'name');
    if (!section) refuse('section-missing', '空欄です。課を入力してください。', 'section');
    const fields = {
      department: str('department'),
      section,
      unit: str('unit'),
      name,
      code: str('code'),
      purpose: str('purpose'),
      legalBasis: str('legalBasis'),
      routine: choice('routine', '定型' as const, '非定型' as const, /^(定型|○|〇)$/, /^(非定型|×)$/),
      core: choice('core', 'コア' as const, 'ノンコア' as const, /^(コア|○|〇)$/, /^(ノンコア|非コア|×)$/),
      annualCount: num('annualCount'),
      minutesPerCase: num('minutesPerCase'),
      enteredHours: num('enteredHours'),
      staffCount: num('staffCount'),
      enteredFte: num('enteredFte'),
      peakPeriod: str('peakPeriod'),
      paper: flag('paper'),
      systemEntry: flag('systemEntry'),
      outsourced: flag('outsourced'),
      note: str('note'),
    };
    if (out.refused.length > before) continue;
    if (fields.enteredHours === undefined && (fields.annualCount === undefined || fields.minutesPerCase === undefined)) {
      refuse('no-hours', '年間業務時間か、年間件数と1件あたり時間の両方を入力してください。');
      continue;
    }
    const parsed = inventoryFieldsSchema.safeParse(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
    if (!parsed.success) {
      refuse('bad-choice', parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('、'));
      continue;
    }
    const key = fields.code ? `#${fields.code.normalize('NFKC')}` : `${section.normalize('NFKC')}\u0000${name.normalize('NFKC')}`;
    const dup = seenKeys.get(key);
    if (dup !== undefined) {
      refuse('duplicate', `${dup}行目と同じ業務です（${fields.code ? `整理番号「${fields.code}」` : `「${section}」の「${name}」`}）。`);
      continue;
    }
    seenKeys.set(key, rowNo);
    rows.push(parsed.data);
    rowNumbers.push(rowNo);
  }
  if (out.refused.length === 0) {
    out.rows = rows;
    out.rowNumbers = rowNumbers;
  }
  if (rows.length === 0 && out.refused.length === 0) out.problems.push(`${at + 2}行目以降に業務の行がありません。`);
  return out;
}

/** Rows of a file: .xlsx (the first sheet with an inventory header) or CSV/TSV (UTF-8 ± BOM, CP932, UTF-16). */
export function readInventoryRows(fileName: string, bytes: Uint8Array, mapping: Record<string, InventoryField> = {}): CellValue[][] {
  if (fileName.toLowerCase().endsWith('.xlsx') || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const sheets = readXlsx(bytes);
    return (
      sheets.find(
        (s) => parseInventoryTable(s.rows.slice(0, 20), mapping).problems.length === 0 || parseInventoryTable(s.rows.slice(0, 20), mapping).headerRow > 0,
      ) ?? sheets[0]
    ).rows;
  }
  return parseCsv(bytes);
}

export function parseInventoryFile(fileName: string, bytes: Uint8Array, mapping: Record<string, InventoryField> = {}): InventoryParse {
  return parseInventoryTable(readInventoryRows(fileName, bytes, mapping), mapping);
}
