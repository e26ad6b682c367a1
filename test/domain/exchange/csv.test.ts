import { describe, expect, it } from 'vitest';
import { CsvError, decodeText, parseCsv, toCsv } from '../../../src/domain/exchange/csv';

describe('toCsv', () => {
  it('given cells with commas, quotes, newlines and numbers, when written, then there is a BOM, CRLF and RFC 4180 quoting', () => {
    const csv = toCsv([
      ['業務名', '備考'],
      ['住民票', 'a,b'],
      ['"引用"', '1行目\n2行目'],
      [12.5, null],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFF業務名,備考\r\n住民票,"a,b"\r\n"""引用""","1行目\n2行目"\r\n12.5,\r\n');
  });

  it('given text that Excel would run as a formula, when written, then it is kept as text and negative numbers stay numbers', () => {
    const csv = toCsv([['=HYPERLINK("http://x")', '+1', '-照合', '@SUM(A1)', -5, '通常']]);
    expect(csv).toBe('\uFEFF"\'=HYPERLINK(""http://x"")",\'+1,\'-照合,\'@SUM(A1),-5,通常\r\n');
  });

  it('given rows, when written and parsed back, then the same strings come out', () => {
    const rows = [
      ['a', 'b,c', '"d"'],
      ['改行\r\nあり', '', ' 空白 '],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});

describe('parseCsv', () => {
  it('given LF, CRLF and CR line ends and no final newline, when parsed, then each line is a row', () => {
    expect(parseCsv('a,b\nc,d\r\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('given an unclosed quote, when parsed, then a Japanese error names the line where it opened', () => {
    expect(() => parseCsv('a,b\n"c,d\ne')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n"c,d\ne')).toThrow(/2行目/);
  });

  it('given Shift_JIS bytes as Japanese Excel writes them, when parsed, then the text is decoded', () => {
    // 業務名,手順\r\n in Shift_JIS
    const sjis = Uint8Array.from([0x8b, 0xc6, 0x96, 0xb1, 0x96, 0xbc, 0x2c, 0x8e, 0xe8, 0x8f, 0x87, 0x0d, 0x0a]);
    expect(decodeText(sjis).encoding).toBe('shift_jis');
    expect(parseCsv(sjis)).toEqual([['業務名', '手順']]);
  });

  it('given UTF-8 with and without a BOM, when decoded, then both read as UTF-8', () => {
    const plain = new TextEncoder().encode('業務名,手順');
    expect(decodeText(plain)).toEqual({ text: '業務名,手順', encoding: 'utf-8' });
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...plain]);
    expect(parseCsv(withBom)).toEqual([['業務名', '手順']]);
  });
});
