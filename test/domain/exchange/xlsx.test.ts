import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { columnIndexOf, columnLetters, readXlsx, writeXlsx, XlsxError } from '../../../src/domain/exchange/xlsx';

const fixtureDir = resolve(__dirname, 'fixtures/excel-prefixed');

function zipFolder(dir: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name !== 'README.md') files[relative(dir, p).split('\\').join('/')] = new Uint8Array(readFileSync(p));
    }
  };
  walk(dir);
  return zipSync(files);
}

describe('column references', () => {
  it('given indexes, when converted to letters and back, then A, Z, AA, AB, ZZ, AAA round-trip', () => {
    for (const [i, s] of [
      [0, 'A'],
      [25, 'Z'],
      [26, 'AA'],
      [27, 'AB'],
      [701, 'ZZ'],
      [702, 'AAA'],
    ] as const) {
      expect(columnLetters(i)).toBe(s);
      expect(columnIndexOf(`${s}12`)).toBe(i);
    }
  });
});

describe('writeXlsx / readXlsx', () => {
  it('given Japanese text, numbers and gaps, when written and read back, then the values come back typed and in place', () => {
    const sheets = [
      {
        name: '業務量調査',
        rows: [['業務名', '処理時間(分)', null, '備考'], ['住民票の写し交付', 8, null, '  前後に空白  '], [], [null, 0.25, -3, 'A&B <"x">']],
      },
      { name: '二枚目', rows: [[1, 2, 3]] },
    ];
    const back = readXlsx(writeXlsx(sheets));
    expect(back.map((s) => s.name)).toEqual(['業務量調査', '二枚目']);
    expect(back[0].rows[0]).toEqual(['業務名', '処理時間(分)', null, '備考']);
    expect(back[0].rows[1]).toEqual(['住民票の写し交付', 8, null, '  前後に空白  ']);
    expect(back[0].rows[2]).toEqual([]);
    expect(back[0].rows[3]).toEqual([null, 0.25, -3, 'A&B <"x">']);
    expect(back[1].rows).toEqual([[1, 2, 3]]);
  });

  it('given a workbook, when written, then it holds the parts Excel requires, numbers as numbers and column widths', () => {
    const parts = unzipSync(writeXlsx([{ name: 'a/b:c', rows: [['名前', 42]] }]));
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/worksheets/sheet1.xml',
        'xl/sharedStrings.xml',
        'xl/styles.xml',
      ]),
    );
    expect(Object.keys(parts)[0]).toBe('[Content_Types].xml');
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<c r="B1"><v>42</v></c>');
    expect(sheet).toContain('<col min="1" max="1" width="8" customWidth="1"/>');
    expect(strFromU8(parts['xl/sharedStrings.xml'])).toContain('<t>名前</t>');
    // Excel refuses / and : in sheet names.
    expect(strFromU8(parts['xl/workbook.xml'])).toContain('name="a_b_c"');
  });

  it('given an Excel-style file with prefixes, rich text, furigana, inline strings and gaps, when read, then the cell values are right', () => {
    const [first, second] = readXlsx(zipFolder(fixtureDir));
    expect(first.name).toBe('調査&集計');
    expect(first.rows[0]).toEqual(['業務名', null, '本人確認 ']);
    expect(first.rows[1]).toEqual([]);
    const row3 = first.rows[2];
    expect(row3.slice(0, 6)).toEqual(['窓口', 'インライン', 12.5, 'TRUE', '#N/A', '窓口x']);
    expect(row3[27]).toBe('A < B & "C"');
    expect(row3.length).toBe(28);
    expect(second.rows).toEqual([[1, -0.0025], ['リッチテキスト']]);
  });

  it('given bytes that are not a zip, an old .xls or an oversized file, when read, then a Japanese error says which', () => {
    expect(() => readXlsx(new TextEncoder().encode('業務名,手順'))).toThrow(/ZIP形式ではありません/);
    expect(() => readXlsx(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toThrow(/\.xls/);
    const big = writeXlsx([{ name: 'S', rows: [['x'.repeat(5000)]] }]);
    expect(() => readXlsx(big, { maxBytes: 100 })).toThrow(XlsxError);
    expect(() => readXlsx(big, { maxBytes: 100 })).toThrow(/大きすぎます/);
    expect(() => readXlsx(big, { maxUnzippedBytes: 1000 })).toThrow(/展開後のサイズ/);
    expect(() => readXlsx(zipSync({ 'a.txt': new Uint8Array([1]) }))).toThrow(/workbook\.xml/);
  });
});
