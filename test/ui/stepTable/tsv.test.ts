import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../../src/ui/process/stepTable/tsv';

describe('parseTsv', () => {
  it('given an Excel block with CRLF and a trailing terminator, when parsed, then rows and cells come back without an empty last row', () => {
    expect(parseTsv('5\t8\t15\r\n3\t4\t6\r\n')).toEqual([
      ['5', '8', '15'],
      ['3', '4', '6'],
    ]);
  });

  it('given LF line ends and empty cells, when parsed, then empty cells are kept in place', () => {
    expect(parseTsv('a\t\tc\n\tb\t')).toEqual([
      ['a', '', 'c'],
      ['', 'b', ''],
    ]);
  });

  it('given a quoted cell with a newline, tab and doubled quotes, when parsed, then it is one cell', () => {
    expect(parseTsv('"x\r\ny\t""z"""\t1\r\n')).toEqual([['x\r\ny\t"z"', '1']]);
  });

  it('given an unmatched quote, when parsed, then it is kept as text', () => {
    expect(parseTsv('5"\t2')).toEqual([['5"', '2']]);
  });

  it('given empty text, when parsed, then there are no rows', () => {
    expect(parseTsv('')).toEqual([]);
  });

  it('given rows with special characters, when written and parsed back, then they round-trip', () => {
    const rows = [
      ['受付', 'a\tb', '"q"'],
      ['', 'line\nbreak', '3'],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });
});
