import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/domain/exchange/csv';
import { readXlsx } from '../../../src/domain/exchange/xlsx';
import { inventoryTemplateXlsx, inventoryToCsv, inventoryToXlsx } from '../../../src/domain/inventory/export';
import { parseInventoryFile, parseInventoryTable } from '../../../src/domain/inventory/parse';
import type { InventoryFields } from '../../../src/domain/inventory/record';

const row = (over: Partial<InventoryFields>): InventoryFields => ({
  department: '市民生活部',
  section: '市民課',
  unit: '',
  name: '',
  code: '',
  purpose: '',
  legalBasis: '',
  peakPeriod: '',
  note: '',
  paper: false,
  systemEntry: false,
  outsourced: false,
  ...over,
});
// Hand-computed: 12,000 × 6 / 60 = 1,200 h; 1,200 / 1,200 h per FTE = 1.00 人工. The second has 900 h entered.
const ROWS = [
  row({ name: '住民票の写しの交付', code: '001', routine: '定型', core: 'ノンコア', annualCount: 12000, minutesPerCase: 6, paper: true }),
  row({ section: '税務課', department: '総務部', name: '給与支払報告書の入力', code: '002', enteredHours: 900, systemEntry: true }),
];

describe('inventory export', () => {
  it('given two 業務, when exported to xlsx, then the computed columns hold the hand-computed hours and 人工, and the ranking sheet puts the 定型・ノンコア・紙 one first', () => {
    const [list, ranking] = readXlsx(inventoryToXlsx(ROWS, 1200));
    const header = list.rows[0];
    const at = (name: string) => header.indexOf(name);
    expect(list.rows[1][at('年間時間(h)[計算]')]).toBe(1200);
    expect(list.rows[1][at('年間時間の根拠')]).toBe('件数×分');
    expect(list.rows[1][at('人工[計算]')]).toBe(1);
    expect(list.rows[2][at('年間時間(h)[計算]')]).toBe(900);
    expect(list.rows[2][at('年間時間の根拠')]).toBe('入力値');
    expect(list.rows[2][at('人工[計算]')]).toBe(0.75);
    expect(list.rows[1][at('紙')]).toBe('○');
    // Default weights 定型 2 × ノンコア 1.5 × 紙 1.5 = 4.5 → 1,200 × 4.5 = 5,400; the other 900 × 1.3 (システム入力) = 1,170.
    expect(ranking.rows.slice(1).map((r) => [r[0], r[5], r[8]])).toEqual([
      [1, '住民票の写しの交付', 5400],
      [2, '給与支払報告書の入力', 1170],
    ]);
  });

  it('given the xlsx, when its parts are read, then the header is bold, filled and frozen, numbers carry formats and column widths are set', () => {
    const parts = unzipSync(inventoryToXlsx(ROWS, 1200));
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
    const styles = strFromU8(parts['xl/styles.xml']);
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toMatch(/<col min="1" max="1" width="\d+" customWidth="1"\/>/);
    // Header cells use style 1 (bold font 1 on fill 2); 年間件数 (column J) the '#,##0' format.
    expect(sheet).toMatch(/<c r="A1" s="1" t="s">/);
    expect(styles).toContain('<font><b/>');
    expect(styles).toMatch(/<xf numFmtId="0" fontId="1" fillId="2"/);
    const fmtId = /<numFmt numFmtId="(\d+)" formatCode="#,##0"\/>/.exec(styles)?.[1];
    expect(fmtId).toBeDefined();
    const xfs = [...styles.matchAll(/<xf numFmtId="(\d+)"[^>]*?(?:\/>|>)/g)].slice(1).map((m) => m[1]);
    const styleOfJ2 = Number(/<c r="J2" s="(\d+)"/.exec(sheet)?.[1]);
    expect(xfs[styleOfJ2]).toBe(fmtId);
  });

  it('given the exported xlsx and CSV, when imported again, then the same 業務 come back (nothing refused)', () => {
    const back = parseInventoryFile('業務一覧.xlsx', inventoryToXlsx(ROWS, 1200));
    expect(back.refused).toEqual([]);
    expect(back.rows.map((r) => [r.code, r.name, r.annualCount, r.enteredHours, r.paper])).toEqual([
      ['001', '住民票の写しの交付', 12000, undefined, true],
      ['002', '給与支払報告書の入力', undefined, 900, false],
    ]);
    const csv = inventoryToCsv(ROWS, 1200);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parseInventoryTable(parseCsv(csv)).rows.map((r) => r.name)).toEqual(['住民票の写しの交付', '給与支払報告書の入力']);
  });

  it('given the template, when read by the importer, then every column is recognised and its example row is valid', () => {
    const p = parseInventoryFile('テンプレート.xlsx', inventoryTemplateXlsx());
    expect(p.columns.every((c) => c.how === 'recognised')).toBe(true);
    expect(p.refused).toEqual([]);
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]).toMatchObject({ section: '市民課', annualCount: 12000, minutesPerCase: 6 });
  });
});
