import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bpr as run } from '../support/cli';
import { toCsv } from '../../src/domain/exchange/csv';
import { writeXlsx } from '../../src/domain/exchange/xlsx';

const bpr = (...args: string[]) => run('inventory', ...args);

const dir = mkdtempSync(join(tmpdir(), 'bpr-inventory-'));
const rows = [
  ['担当組織', '業務名', '年間処理件数', '1件当たり処理時間（分）', '年間業務時間'],
  ['市民課', '住民票の写し交付', '18,600', '６', null], // 18,600 × 6 / 60 = 1,860 h
  ['市民課', '転入届', null, null, '930'],
  ['市民課 小計', null, null, null, '2790'],
  ['税務課', '給与支払報告書の入力', 2400, 15, null], // 600 h
];
const csv = join(dir, '調査.csv');
writeFileSync(csv, toCsv(rows), 'utf8');
const xlsx = join(dir, '調査.xlsx');
writeFileSync(xlsx, writeXlsx([{ name: '調査', rows }]));

describe('bpr inventory', () => {
  it.each([[csv], [xlsx]])('given %s with an unknown 課 header and --map, when run with --json, then totals by 課 match the hand sums', async (file) => {
    const r = await bpr(file, '--json', '--map', '担当組織=section');
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out);
    // 1,860 + 930 + 600 = 3,390 h; 3,390 / 1,860 = 1.82 人工
    expect(out).toEqual({
      rows: 3,
      totalHours: 3390,
      fte: 1.82,
      departments: [
        { department: '市民課', hours: 2790, fte: 1.5, count: 2 },
        { department: '税務課', hours: 600, fte: 0.32, count: 1 },
      ],
      refused: [],
    });
  });

  it('given a sheet with a bad row, when run, then it exits 1 and lists the row number and reason; --json lists it too', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      toCsv([
        ['課', '業務名', '年間業務時間'],
        ['市民課', 'A', '10'],
        ['市民課', 'B', 'たくさん'],
      ]),
      'utf8',
    );
    const r = await bpr(bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('3行目の「年間業務時間(h)」: 数値ではありません');
    const j = await bpr(bad, '--json');
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out)).toMatchObject({ rows: 0, refused: [{ row: 3, code: 'not-a-number', field: 'enteredHours' }] });
  });

  it('given no --map, when the 課 header is unknown, then it says which headers it needs', async () => {
    const r = await bpr(csv);
    expect(r.code).toBe(1);
    expect(r.err).toContain('見出し行が見つかりません');
  });
});
