/**
 * Parsing what Excel (or Google Sheets, LibreOffice) puts on the clipboard: rows end with `\r\n`
 * (sometimes `\n`), cells are tab-separated, and a cell holding a tab, newline or quote is wrapped
 * in double quotes with inner quotes doubled. The trailing row terminator Excel always appends
 * must not become an empty last row.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let cellStart = true;
  const endCell = () => {
    row.push(cell);
    cell = '';
    cellStart = true;
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (cellStart && ch === '"') {
      // Quoted cell: read to the closing quote, "" stands for one quote.
      let j = i + 1;
      let quoted = '';
      let closed = false;
      while (j < text.length) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            quoted += '"';
            j += 2;
            continue;
          }
          closed = true;
          j += 1;
          break;
        }
        quoted += text[j];
        j += 1;
      }
      if (closed) {
        cell = quoted;
        i = j;
        cellStart = false;
        continue;
      }
      // An unmatched quote is ordinary text (a user typed 5" for example).
    }
    cellStart = false;
    if (ch === '\t') {
      endCell();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i += 1;
    }
  }
  if (!(cellStart && row.length === 0 && cell === '')) endRow();
  return rows;
}

/** The inverse, for copying a block out of the table into Excel. */
export function toTsv(rows: string[][]): string {
  const quote = (c: string) => (/[\t\r\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(quote).join('\t')).join('\r\n') + '\r\n';
}
