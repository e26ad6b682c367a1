import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/domain/exchange/csv';
import { writeXlsx } from '../../../src/domain/exchange/xlsx';
import { parseInventoryFile, parseInventoryTable, parseMapping } from '../../../src/domain/inventory/parse';
import { DEFAULT_RANK_WEIGHTS, rankInventory } from '../../../src/domain/inventory/rank';
import { annualHoursOf, fteOfRow, planMerge, totalsBy, type InventoryFields } from '../../../src/domain/inventory/record';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);
function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < s.length; i++) {
    out[2 + i * 2] = s.charCodeAt(i) & 0xff;
    out[3 + i * 2] = s.charCodeAt(i) >> 8;
  }
  return out;
}
// 「課,業務名,件数,分」 and 「市民課,住民票,1200,6」 in Shift_JIS (CP932) bytes, written out by hand.
const SJIS = new Uint8Array([
  0x89, 0xdb, 0x2c, 0x8b, 0xc6, 0x96, 0xb1, 0x96, 0xbc, 0x2c, 0x8c, 0x8f, 0x90, 0x94, 0x0d, 0x0a, 0x8e, 0x73, 0x96, 0xaf, 0x89, 0xdb, 0x2c, 0x8f, 0x5a, 0x96,
  0xaf, 0x95, 0x5b, 0x2c, 0x31, 0x32, 0x30, 0x30, 0x0d, 0x0a,
]);

describe('inventory parsing', () => {
  it.each([
    ['課', '業務名', '年間処理件数', '1件当たり処理時間（分）'],
    ['課名', '事務名', '件数', '1件あたり時間'],
    ['所属', '業務名', '年間件数', '処理時間(分)'],
    ['担当課', '事務名', '処理件数', '1件当たり処理時間'],
  ])('given header variant %s/%s/%s/%s, when parsed, then the columns are recognised and hours = 件数 × 分 / 60', (a, b, c, d) => {
    const p = parseInventoryTable([
      [a, b, c, d],
      ['市民課', '住民票の写し交付', '12,000', '６'],
    ]);
    expect(p.problems).toEqual([]);
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0].section).toBe('市民課');
    // 12,000 件 × 6 分 / 60 = 1,200 h
    expect(annualHoursOf(p.rows[0]).hours).toBe(1200);
  });

  it('given a CP932 CSV without BOM, when parsed, then the Japanese headers and names are read', () => {
    expect(parseCsv(SJIS)[0]).toEqual(['課', '業務名', '件数']);
    const p = parseInventoryTable([
      ...parseCsv(SJIS)
        .slice(0, 1)
        .map((r) => [...r, '処理時間']),
      ['市民課', '住民票', '1200', '6'],
    ]);
    expect(p.rows[0].name).toBe('住民票');
  });

  it('given UTF-8 with BOM and a UTF-16 TSV (Excel Unicode text), when parsed, then both give the same rows', () => {
    const csv = '課,業務名,年間業務時間\r\n市民課,転入届,300\r\n';
    const a = parseInventoryFile('a.csv', bom(csv));
    const b = parseInventoryFile('b.txt', utf16le(csv.replace(/,/g, '\t')));
    expect(a.rows).toEqual(b.rows);
    expect(a.rows[0].enteredHours).toBe(300);
  });

  it('given names with full-width brackets and rare kanji, when parsed, then they are kept exactly as written', () => {
    const p = parseInventoryTable([
      ['課', '業務名', '年間業務時間'],
      ['市民課', '証明書交付（①髙﨑～）', '１，２００'],
    ]);
    expect(p.rows[0].name).toBe('証明書交付（①髙﨑～）');
    expect(p.rows[0].enteredHours).toBe(1200);
  });

  it('given blank, 小計 and 合計 rows, when parsed, then they are skipped and not counted', () => {
    const p = parseInventoryTable([
      ['課', '業務名', '年間業務時間'],
      ['市民課', 'A', '100'],
      ['', '', ''],
      ['市民課 小計', '', '100'],
      ['合計', '', '100'],
    ]);
    expect(p.rows).toHaveLength(1);
    expect(p.skipped).toEqual({ blank: 1, subtotal: 2 });
  });

  it('given refused rows, when parsed, then nothing is imported and each refusal names its row and reason', () => {
    const p = parseInventoryTable([
      ['課', '業務名', '件数', '1件当たり処理時間（分）'],
      ['市民課', 'A', '10', '6'],
      ['市民課', '', '10', '6'],
      ['税務課', 'B', 'たくさん', '6'],
      ['税務課', 'C', '-5', '6'],
      ['税務課', 'D', '', ''],
      ['市民課', 'A', '1', '1'],
    ]);
    expect(p.rows).toEqual([]);
    expect(p.refused.map((r) => [r.row, r.code])).toEqual([
      [3, 'name-missing'],
      [4, 'not-a-number'],
      [5, 'negative'],
      [6, 'no-hours'],
      [7, 'duplicate'],
    ]);
    expect(p.refused[1].message).toContain('4行目の「年間件数」');
  });

  it('given an unknown header and a mapping, when parsed, then the mapped column is used and reported as mapped', () => {
    const mapping = parseMapping('担当組織=section,事務の名称=業務名');
    const p = parseInventoryTable(
      [
        ['担当組織', '事務の名称', '年間時間'],
        ['市民課', 'A', '5'],
      ],
      mapping,
    );
    expect(p.columns.map((c) => c.how)).toEqual(['mapped', 'mapped', 'recognised']);
    expect(p.rows[0].name).toBe('A');
  });

  it('given an xlsx, when parsed, then it reads like the CSV', () => {
    const bytes = writeXlsx([
      {
        name: '調査',
        rows: [
          ['部', '課', '係', '業務名', '年間業務時間'],
          ['市民部', '市民課', '窓口係', 'A', 42],
        ],
      },
    ]);
    const p = parseInventoryFile('x.xlsx', bytes);
    expect(p.rows[0]).toMatchObject({ department: '市民部', unit: '窓口係', enteredHours: 42 });
  });
});

const row = (over: Partial<InventoryFields>): InventoryFields => ({
  department: '',
  section: '市民課',
  unit: '',
  name: 'x',
  code: '',
  purpose: '',
  legalBasis: '',
  peakPeriod: '',
  paper: false,
  systemEntry: false,
  outsourced: false,
  note: '',
  ...over,
});

describe('inventory totals, merge and ranking', () => {
  it('given three 業務 in two 課, when totalled, then hours, 人工 and shares match the hand arithmetic', () => {
    const rows = [
      row({ name: 'A', annualCount: 1860, minutesPerCase: 60, routine: '定型' }), // 1,860 h
      row({ name: 'B', enteredHours: 930, core: 'ノンコア' }), // 930 h
      row({ section: '税務課', name: 'C', enteredHours: 100, annualCount: 600, minutesPerCase: 10 }), // 600×10/60 = 100 h
    ];
    const t = totalsBy(rows, 'section', 1860);
    expect(t).toEqual([
      { key: '市民課', hours: 2790, fte: 1.5, count: 2, routineShare: 1860 / 2790, nonCoreShare: 930 / 2790 },
      { key: '税務課', hours: 100, fte: 100 / 1860, count: 1, routineShare: 0, nonCoreShare: 0 },
    ]);
    expect(fteOfRow(rows[0], 1860)).toBe(1);
  });

  it('given a stored inventory, when the same sheet is imported again with one change, then one row updates and none is added', () => {
    const stored = [row({ name: 'A', code: '001', enteredHours: 1 }), row({ name: 'B', enteredHours: 2 })];
    const plan = planMerge(stored, [
      row({ name: 'A（改）', code: '００１', enteredHours: 1 }),
      row({ name: 'B', enteredHours: 2 }),
      row({ name: 'C', enteredHours: 3 }),
    ]);
    expect(plan.updated.map((u) => u.existing.name)).toEqual(['A']);
    expect(plan.unchanged).toBe(1);
    expect(plan.added.map((a) => a.name)).toEqual(['C']);
  });

  it('given weights, when ranked, then potential = hours × factors and reasons say which factors applied', () => {
    const rows = [
      row({ name: '大きいが非定型', enteredHours: 1000, routine: '非定型' }), // 1000
      row({ name: '定型・紙', enteredHours: 400, routine: '定型', paper: true }), // 400 × 2 × 1.5 = 1200
      row({ name: '定型・ノンコア・入力', enteredHours: 100, routine: '定型', core: 'ノンコア', systemEntry: true }), // 100×2×1.5×1.3 = 390
    ];
    const r = rankInventory(rows, DEFAULT_RANK_WEIGHTS);
    expect(r.map((x) => [x.row.name, x.score])).toEqual([
      ['定型・紙', 1200],
      ['大きいが非定型', 1000],
      ['定型・ノンコア・入力', 390.00000000000006],
    ]);
    expect(r[0].reasons).toEqual(['hours', 'routine', 'paper']);
    const flat = rankInventory(rows, { routine: 1, nonCore: 1, paper: 1, systemEntry: 1 });
    expect(flat[0].row.name).toBe('大きいが非定型');
  });
});

describe('sample inventory', () => {
  it('given the fictional city sample, when written as CSV and read back, then every 業務 is imported and the hours per 業務 are on the 東海村 scale', async () => {
    const { sampleInventory } = await import('../../../src/domain/inventory/sample');
    const { toCsv } = await import('../../../src/domain/exchange/csv');
    const { INVENTORY_FIELDS, INVENTORY_FIELD_LABELS } = await import('../../../src/domain/inventory/parse');
    const rows = sampleInventory();
    const table = [
      INVENTORY_FIELDS.map((f) => INVENTORY_FIELD_LABELS[f]),
      ...rows.map((r) => INVENTORY_FIELDS.map((f) => (typeof r[f] === 'boolean' ? (r[f] ? '○' : '') : ((r[f] as string | number | undefined) ?? null)))),
    ];
    const p = parseInventoryFile('s.csv', new TextEncoder().encode(toCsv(table)));
    expect(p.refused).toEqual([]);
    expect(p.rows).toEqual(rows);
    // 東海村: 364,000 h / 4,339 業務 ≈ 84 h per 業務; the sample stays within a factor of two of that.
    const perRow = rows.reduce((s, r) => s + annualHoursOf(r).hours, 0) / rows.length;
    expect(perRow).toBeGreaterThan(42);
    expect(perRow).toBeLessThan(168);
  });
});
