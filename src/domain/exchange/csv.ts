/**
 * CSV as Japanese offices exchange it: Excel writes Shift_JIS ("CSV (コンマ区切り)") or UTF-8 with
 * a BOM ("CSV UTF-8"); Excel reads UTF-8 correctly only with the BOM. Quoting follows RFC 4180.
 */
export type CsvCell = string | number | null | undefined;

const BOM = '\uFEFF';

/**
 * Text that Excel would run as a formula (=, +, -, @, tab, CR at the start) gets a leading apostrophe:
 * names come from diagrams of other tools and workshop typing, and opening an export must never
 * execute anything. Numbers are written as numbers and are not affected.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function quoteCell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  const raw = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v;
  const s = typeof v === 'string' && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 BOM, CRLF line ends and quoted fields where needed, so Excel opens it without mojibake. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((r) => r.map(quoteCell).join(',')).join('\r\n') + '\r\n';
}

export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvError';
  }
}

/**
 * Rows of strings. Accepts a BOM, CRLF / LF / CR line ends and quoted fields spanning lines.
 * Given bytes, decodes them first with `decodeText`. A trailing empty line is not a row.
 */
export function parseCsv(input: string | Uint8Array, options: { delimiter?: ',' | '\t' } = {}): string[][] {
  let text = typeof input === 'string' ? input : decodeText(input).text;
  if (text.startsWith(BOM)) text = text.slice(1);
  // Excel's 「Unicode テキスト」 is tab-separated; a first line with tabs and no commas is read that way.
  const firstLine = text.slice(0, Math.max(0, text.search(/\r|\n/)) || text.length);
  const delimiter = options.delimiter ?? (firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  let quotedFrom = 0;
  const n = text.length;
  let atFieldStart = true;
  let inQuotes = false;
  while (i < n) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      quotedFrom = line;
      atFieldStart = false;
      i++;
      continue;
    }
    if (ch === delimiter) {
      row.push(field);
      field = '';
      atFieldStart = true;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
      line++;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    // A stray quote inside an unquoted field is kept as text, as Excel does.
    field += ch;
    atFieldStart = false;
    i++;
  }
  if (inQuotes) throw new CsvError(`CSVの${quotedFrom}行目で始まる「"」が閉じられていません。`);
  if (!atFieldStart || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export type TextEncodingName = 'utf-8' | 'shift_jis' | 'utf-16le' | 'utf-16be';

/**
 * UTF-8 when there is a BOM or the bytes are valid UTF-8; Shift_JIS (Windows-31J, what Japanese
 * Excel writes) otherwise. Valid UTF-8 by chance in Shift_JIS text is rare beyond a few bytes.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  // Excel's 「Unicode テキスト」 save: UTF-16 little-endian with a BOM (big-endian only from other tools).
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
  }
}
