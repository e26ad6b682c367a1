import { strFromU8, strToU8, Unzip, UnzipInflate, UnzipPassThrough, zipSync, type Zippable } from 'fflate';
import { decodeXmlEntities, escapeXml, scanXml } from './xmlScan';

/**
 * Just enough OOXML spreadsheet (.xlsx) to hand a table to Excel and to read one back: values, a
 * styled and frozen header and number formats per column; no formulas or merged cells. Pure; runs in
 * node, the browser and a worker.
 */
export type CellValue = string | number | null;
export interface SheetData {
  name: string;
  rows: CellValue[][];
}
export interface WriteSheet extends SheetData {
  /** Column widths in Excel's character units; computed from the content when omitted. */
  columnWidths?: number[];
  /** The first N rows are a header: bold on a grey fill, and frozen so they stay while scrolling. */
  headerRows?: number;
  /** Excel number format per column for the rows below the header, e.g. '#,##0' or '0.0%'. */
  numberFormats?: Array<string | undefined>;
}

export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxError';
  }
}

export const DEFAULT_MAX_XLSX_BYTES = 20 * 1024 * 1024;
/** Zip bombs: the parts we read may not inflate past this in total. */
// 64 MB of sheet XML is far beyond a 10,000-row survey and keeps the string and the scan well inside a tab's memory.
export const DEFAULT_MAX_XLSX_UNZIPPED_BYTES = 64 * 1024 * 1024;

// ---------------------------------------------------------------- writing

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A1-style column letters for a 0-based index: 0 → A, 27 → AB. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index of "AB12" (→ 27) or "AB" (→ 27); -1 when it is not a cell reference. */
export function columnIndexOf(ref: string): number {
  const m = /^\$?([A-Za-z]{1,3})/.exec(ref);
  if (!m) return -1;
  let n = 0;
  for (const ch of m[1].toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

// Excel refuses these in sheet names and caps names at 31 characters.
function sheetNames(sheets: readonly { name: string }[]): string[] {
  const used = new Set<string>();
  return sheets.map((s, i) => {
    const base = (
      s.name
        .replace(/[\\/?*[\]:]/g, '_')
        .replace(/^'+|'+$/g, '')
        .trim() || `Sheet${i + 1}`
    ).slice(0, 31);
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1)}_${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** East Asian characters take about two columns in Excel's width unit. */
function displayWidth(v: CellValue): number {
  if (v === null) return 0;
  let w = 0;
  for (const ch of String(v)) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}

function autoWidths(rows: CellValue[][]): number[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((v, c) => (widths[c] = Math.max(widths[c] ?? 0, displayWidth(v))));
  return Array.from(widths, (w) => Math.min(60, Math.max(8, (w ?? 0) + 2)));
}

/**
 * The workbook's cell styles: 0 plain, 1 header, then one per distinct number format. Custom formats
 * are numbered from 164, where Excel's own built-in ids end.
 */
class StyleTable {
  private readonly formats: string[] = [];
  styleOf(format: string | undefined): number {
    if (!format) return 0;
    let i = this.formats.indexOf(format);
    if (i < 0) i = this.formats.push(format) - 1;
    return 2 + i;
  }
  xml(): string {
    const numFmts = this.formats.length
      ? `<numFmts count="${this.formats.length}">${this.formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(f)}"/>`).join('')}</numFmts>`
      : '';
    const xfs = [
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
      '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>',
      ...this.formats.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`),
    ];
    return (
      `${XML_DECL}<styleSheet xmlns="${NS_MAIN}">${numFmts}` +
      '<fonts count="2"><font><sz val="11"/><name val="Yu Gothic"/><family val="3"/><charset val="128"/></font>' +
      '<font><b/><sz val="11"/><name val="Yu Gothic"/><family val="3"/><charset val="128"/></font></fonts>' +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
      '<fill><patternFill patternType="solid"><fgColor rgb="FFDDE4EE"/><bgColor indexed="64"/></patternFill></fill></fills>' +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
      '<border><left/><right/><top/><bottom style="thin"><color rgb="FF8A99AD"/></bottom><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

function sheetXml(sheet: WriteSheet, sharedIndex: (s: string) => number, styles: StyleTable): string {
  const widths = sheet.columnWidths ?? autoWidths(sheet.rows);
  const header = sheet.headerRows ?? 0;
  const cols = widths.length ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
  // Frozen below the header: Excel keeps the column names in view while scrolling.
  const views =
    header > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${header}" topLeftCell="A${header + 1}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="A${header + 1}" sqref="A${header + 1}"/></sheetView></sheetViews>`
      : '';
  const formatStyle = (sheet.numberFormats ?? []).map((f) => styles.styleOf(f));
  const rows = sheet.rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const ref = `${columnLetters(c)}${r + 1}`;
          const style = r < header ? 1 : (formatStyle[c] ?? 0);
          const s = style ? ` s="${style}"` : '';
          if (v === null || v === undefined || (typeof v === 'string' && v === '')) return r < header ? `<c r="${ref}"${s}/>` : '';
          if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : '';
          return `<c r="${ref}"${s} t="s"><v>${sharedIndex(String(v))}</v></c>`;
        })
        .join('');
      return cells ? `<row r="${r + 1}">${cells}</row>` : '';
    })
    .join('');
  return `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${views}${cols}<sheetData>${rows}</sheetData></worksheet>`;
}

/** An .xlsx workbook with one worksheet per entry; strings go to the shared string table as Excel does. */
export function writeXlsx(sheets: readonly WriteSheet[]): Uint8Array {
  if (sheets.length === 0) throw new XlsxError('Excelファイルには1枚以上のシートが必要です。');
  const names = sheetNames(sheets);
  const shared: string[] = [];
  const sharedAt = new Map<string, number>();
  let sharedRefs = 0;
  const sharedIndex = (s: string): number => {
    sharedRefs++;
    let i = sharedAt.get(s);
    if (i === undefined) {
      i = shared.length;
      shared.push(s);
      sharedAt.set(s, i);
    }
    return i;
  };
  const files: Zippable = {};
  const styles = new StyleTable();
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s, sharedIndex, styles))));
  const si = shared.map((s) => (/^\s|\s$|\n/.test(s) ? `<si><t xml:space="preserve">${escapeXml(s)}</t></si>` : `<si><t>${escapeXml(s)}</t></si>`)).join('');
  files['xl/sharedStrings.xml'] = strToU8(`${XML_DECL}<sst xmlns="${NS_MAIN}" count="${sharedRefs}" uniqueCount="${shared.length}">${si}</sst>`);
  files['xl/styles.xml'] = strToU8(styles.xml());
  files['xl/workbook.xml'] = strToU8(
    `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>` +
      names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
  );
  const n = sheets.length;
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">` +
      names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${n + 1}" Type="${REL_TYPE}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${REL_TYPE}/sharedStrings" Target="sharedStrings.xml"/>` +
      '</Relationships>',
  );
  files['_rels/.rels'] = strToU8(
    `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  files['[Content_Types].xml'] = strToU8(
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
      names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.worksheet+xml"/>`).join('') +
      `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>` +
      '</Types>',
  );
  // [Content_Types].xml first: some readers sniff the first entry.
  const ordered: Zippable = { '[Content_Types].xml': files['[Content_Types].xml'] };
  for (const [k, v] of Object.entries(files)) if (k !== '[Content_Types].xml') ordered[k] = v;
  return zipSync(ordered, { level: 6, mtime: new Date('2025-04-01T00:00:00Z') });
}

// ---------------------------------------------------------------- reading

export interface ReadXlsxOptions {
  maxBytes?: number;
  maxUnzippedBytes?: number;
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
const isOle = (b: Uint8Array) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** Zip part names are case-insensitive in OPC and may be written with a leading slash. */
function resolvePart(baseDir: string, target: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : `${baseDir}${target}`;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function relationships(xml: string | undefined): Map<string, { target: string; type: string }> {
  const rels = new Map<string, { target: string; type: string }>();
  if (!xml) return rels;
  for (const tag of scanXml(xml))
    if (tag.local === 'Relationship' && tag.kind !== 'close' && tag.attrs.Id)
      rels.set(tag.attrs.Id, { target: tag.attrs.Target ?? '', type: tag.attrs.Type ?? '' });
  return rels;
}

/** Text of an <si> or <is>: all <t> runs, leaving out phonetic guides (<rPh>, furigana) Excel adds to Japanese text. */
function collectText(tags: Iterator<{ kind: string; local: string; textAfter: string }>, endLocal: string): string {
  let text = '';
  let inPhonetic = 0;
  for (let step = tags.next(); !step.done; step = tags.next()) {
    const t = step.value;
    if (t.kind === 'close' && t.local === endLocal) break;
    if (t.local === 'rPh' || t.local === 'phoneticPr') {
      if (t.kind === 'open') inPhonetic++;
      else if (t.kind === 'close') inPhonetic--;
      continue;
    }
    // Only the text right after <t> counts; whitespace between runs is layout, not content.
    if (t.local === 't' && t.kind === 'open' && !inPhonetic) text += t.textAfter;
  }
  return text;
}

function readSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const tags = scanXml(xml);
  for (let step = tags.next(); !step.done; step = tags.next()) {
    const t = step.value;
    if (t.local !== 'si') continue;
    if (t.kind === 'empty') out.push('');
    else if (t.kind === 'open') out.push(collectText(tags, 'si'));
  }
  return out;
}

function readSheet(xml: string, shared: string[], sheetName: string): CellValue[][] {
  const rows: CellValue[][] = [];
  let rowIndex = -1;
  let colIndex = -1;
  const tags = scanXml(xml);
  for (let step = tags.next(); !step.done; step = tags.next()) {
    const t = step.value;
    if (t.kind === 'close') continue;
    if (t.local === 'row') {
      const r = Number(t.attrs.r);
      rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1;
      colIndex = -1;
      continue;
    }
    if (t.local !== 'c') continue;
    const ref = t.attrs.r;
    if (ref) {
      const c = columnIndexOf(ref);
      colIndex = c >= 0 ? c : colIndex + 1;
      const rowPart = /(\d+)$/.exec(ref);
      if (rowPart && rowIndex < 0) rowIndex = Number(rowPart[1]) - 1;
    } else colIndex++;
    if (rowIndex < 0) rowIndex = 0;
    if (t.kind === 'empty') continue;
    const type = t.attrs.t ?? 'n';
    let raw: string | undefined;
    let inline: string | undefined;
    for (let inner = tags.next(); !inner.done; inner = tags.next()) {
      const u = inner.value;
      if (u.kind === 'close' && u.local === 'c') break;
      if (u.local === 'v' && u.kind === 'open') raw = u.textAfter;
      else if (u.local === 'is' && u.kind === 'open') inline = collectText(tags, 'is');
    }
    const value = cellValue(type, raw, inline, shared, sheetName, ref);
    if (value === null) continue;
    while (rows.length <= rowIndex) rows.push([]);
    const row = rows[rowIndex];
    while (row.length < colIndex) row.push(null);
    row[colIndex] = value;
  }
  return rows;
}

function cellValue(type: string, raw: string | undefined, inline: string | undefined, shared: string[], sheet: string, ref: string | undefined): CellValue {
  switch (type) {
    case 's': {
      if (raw === undefined) return null;
      const s = shared[Number(raw)];
      if (s === undefined)
        throw new XlsxError(`シート「${sheet}」のセル ${ref ?? ''} が存在しない共有文字列 (${raw}) を参照しています。ファイルが壊れている可能性があります。`);
      return s;
    }
    case 'inlineStr':
      return inline ?? raw ?? null;
    case 'str':
    case 'e':
    case 'd':
      return raw ?? null;
    case 'b':
      return raw === undefined ? null : raw.trim() === '1' || raw.trim().toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
    default: {
      if (raw === undefined || raw.trim() === '') return inline ?? null;
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw;
    }
  }
}

/**
 * Inflates the .xml/.rels parts chunk by chunk and counts what actually comes out, so a zip whose
 * headers understate the sizes stops at the limit instead of being inflated in full first.
 */
function inflateLimited(bytes: Uint8Array, maxUnzipped: number): Record<string, Uint8Array> {
  const chunks: Record<string, Uint8Array[]> = {};
  let total = 0;
  let failure: unknown;
  const tooLarge = () => new XlsxError(`Excelファイルの展開後のサイズが大きすぎます（上限 ${mb(maxUnzipped)}）。`);
  const unzip = new Unzip((file) => {
    if (!(file.name.endsWith('.xml') || file.name.endsWith('.rels'))) return;
    if (file.originalSize !== undefined && total + file.originalSize > maxUnzipped) {
      failure ??= tooLarge();
      return;
    }
    const parts: Uint8Array[] = (chunks[file.name] = []);
    file.ondata = (err, data) => {
      if (failure) return;
      if (err) {
        failure = err;
        return;
      }
      total += data.length;
      if (total > maxUnzipped) {
        failure = tooLarge();
        file.terminate();
        return;
      }
      parts.push(data);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  // Fed in slices so that the check above runs between slices and memory stays near the limit.
  const SLICE = 256 * 1024;
  for (let at = 0; at < bytes.length && !failure; at += SLICE) unzip.push(bytes.subarray(at, Math.min(bytes.length, at + SLICE)), at + SLICE >= bytes.length);
  if (failure) throw failure;
  const files: Record<string, Uint8Array> = {};
  for (const [name, parts] of Object.entries(chunks)) {
    const len = parts.reduce((n, p) => n + p.length, 0);
    const out = new Uint8Array(len);
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    files[name] = out;
  }
  return files;
}

/** Every worksheet in workbook order, rows indexed from sheet row 1 (rows[0]); empty cells are null. */
export function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): SheetData[] {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_XLSX_BYTES;
  const maxUnzipped = options.maxUnzippedBytes ?? DEFAULT_MAX_XLSX_UNZIPPED_BYTES;
  if (isOle(bytes)) throw new XlsxError('古い形式のExcelファイル (.xls) は読み込めません。Excelで「.xlsx」形式または CSV (UTF-8) で保存し直してください。');
  if (!isZip(bytes)) throw new XlsxError('Excelファイル (.xlsx) ではありません（ZIP形式ではありません）。');
  if (bytes.length > maxBytes) throw new XlsxError(`Excelファイルが大きすぎます（${mb(bytes.length)}、上限 ${mb(maxBytes)}）。`);
  let files: Record<string, Uint8Array>;
  try {
    files = inflateLimited(bytes, maxUnzipped);
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw new XlsxError(`Excelファイルを展開できません（ファイルが壊れている可能性があります）: ${err instanceof Error ? err.message : String(err)}`);
  }
  const byLower = new Map(Object.keys(files).map((k) => [k.toLowerCase().replace(/^\//, ''), k]));
  const text = (part: string): string | undefined => {
    const key = byLower.get(part.toLowerCase());
    return key === undefined ? undefined : strFromU8(files[key]).replace(/^\uFEFF/, '');
  };
  const rootRels = relationships(text('_rels/.rels'));
  const office = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = office ? resolvePart('', office.target) : 'xl/workbook.xml';
  const workbook = text(workbookPath);
  if (!workbook) throw new XlsxError('Excelファイルにブック (workbook.xml) がありません。.xlsx 形式のファイルか確認してください。');
  const baseDir = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  const relsPath = `${baseDir}_rels/${workbookPath.slice(baseDir.length)}.rels`;
  const rels = relationships(text(relsPath));
  const sstRel = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'));
  const shared = readSharedStrings(text(sstRel ? resolvePart(baseDir, sstRel.target) : `${baseDir}sharedStrings.xml`));
  const sheets: SheetData[] = [];
  for (const tag of scanXml(workbook)) {
    if (tag.local !== 'sheet' || tag.kind === 'close') continue;
    const name = decodeXmlEntities(tag.attrs.name ?? `Sheet${sheets.length + 1}`);
    const rel = rels.get(tag.attrs.id ?? '');
    // Chart sheets and dialog sheets have no cells to read.
    if (rel && !rel.type.endsWith('/worksheet')) continue;
    const path = rel ? resolvePart(baseDir, rel.target) : `${baseDir}worksheets/sheet${sheets.length + 1}.xml`;
    const xml = text(path);
    if (xml === undefined) throw new XlsxError(`Excelファイルのシート「${name}」の中身 (${path}) がありません。ファイルが壊れている可能性があります。`);
    sheets.push({ name, rows: readSheet(xml, shared, name) });
  }
  if (sheets.length === 0) throw new XlsxError('Excelファイルにワークシートがありません。');
  return sheets;
}
