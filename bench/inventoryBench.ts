import { toCsv } from '../src/domain/exchange/csv';
import { writeXlsx } from '../src/domain/exchange/xlsx';
import { INVENTORY_FIELD_LABELS, INVENTORY_FIELDS, parseInventoryFile } from '../src/domain/inventory/parse';
import { sampleInventory } from '../src/domain/inventory/sample';

/** 業務の全体像: parsing a 5,000-row survey sheet (CSV and .xlsx), the whole import path short of IndexedDB. Target < 2 s. */
export function benchInventory(rows = 5000): { csvSeconds: number; xlsxSeconds: number } {
  const table = [
    INVENTORY_FIELDS.map((f) => INVENTORY_FIELD_LABELS[f]),
    ...sampleInventory(rows).map((r) =>
      INVENTORY_FIELDS.map((f) => {
        const v = r[f];
        return typeof v === 'boolean' ? (v ? '○' : '') : (v ?? null);
      }),
    ),
  ];
  const csv = new TextEncoder().encode(toCsv(table));
  const xlsx = writeXlsx([{ name: '業務量調査', rows: table }]);
  const time = (f: () => void) => {
    f(); // warm-up
    const t0 = performance.now();
    f();
    return (performance.now() - t0) / 1000;
  };
  const check = (n: number) => {
    if (n !== rows) throw new Error(`inventory bench: ${n} rows read, expected ${rows}`);
  };
  const csvSeconds = time(() => check(parseInventoryFile('bench.csv', csv).rows.length));
  const xlsxSeconds = time(() => check(parseInventoryFile('bench.xlsx', xlsx).rows.length));
  console.log(`業務量調査の取込 (${rows.toLocaleString()} 行): CSV ${csvSeconds.toFixed(3)} 秒, xlsx ${xlsxSeconds.toFixed(3)} 秒（目標 2 秒未満）`);
  return { csvSeconds, xlsxSeconds };
}
