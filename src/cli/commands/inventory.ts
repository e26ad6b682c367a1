import type { CliIo } from '../io';
import { singleInputArgs } from '../inputArgs';
import { readInputFile } from '../readInput';
import { basename } from 'node:path';
import { CsvError } from '../../domain/exchange/csv';
import { XlsxError } from '../../domain/exchange/xlsx';
import { DEFAULT_HOURS_PER_FTE } from '../../domain/model/annotations';
import { parseInventoryFile, parseMapping } from '../../domain/inventory/parse';
import { annualHoursOf, totalsBy } from '../../domain/inventory/record';
import { fteOf } from '../../domain/model/fte';

const USAGE = "使い方: npm run bpr -- inventory <調査.csv|調査.xlsx> [--json] [--map '見出し=項目,…'] [--hours-per-fte <時間>]";

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export async function run(args: string[], io: CliIo): Promise<number> {
  let json = false;
  let map = '';
  let hoursPerFte = DEFAULT_HOURS_PER_FTE;
  const input = singleInputArgs(
    args,
    (a, value) => {
      if (a === '--json') json = true;
      else if (a === '--map') map = value() ?? '';
      else if (a.startsWith('--map=')) map = a.slice(6);
      else if (a === '--hours-per-fte' || a.startsWith('--hours-per-fte=')) {
        const v = Number(a.includes('=') ? a.slice(a.indexOf('=') + 1) : value());
        if (!(v > 0)) return '--hours-per-fte には0より大きい数を指定してください';
        hoursPerFte = v;
      } else return false;
      return true;
    },
    USAGE,
    io,
  );
  if (input === undefined) return 2;
  const bytes = await readInputFile(input, io);
  if (!bytes) return 1;
  let parsed;
  try {
    parsed = parseInventoryFile(basename(input), bytes, parseMapping(map));
  } catch (err) {
    if (err instanceof XlsxError || err instanceof CsvError) {
      io.err(`${input}: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const refused = parsed.refused.map((r) => ({ row: r.row, code: r.code, ...(r.field ? { field: r.field } : {}), message: r.message }));
  const totalHours = parsed.rows.reduce((s, r) => s + annualHoursOf(r).hours, 0);
  const departments = totalsBy(parsed.rows, 'section', hoursPerFte).map((t) => ({
    department: t.key,
    hours: round(t.hours),
    fte: round(t.fte),
    count: t.count,
  }));
  const ok = parsed.problems.length === 0 && refused.length === 0;
  if (json) {
    io.out(
      JSON.stringify(
        {
          rows: parsed.rows.length,
          totalHours: round(totalHours),
          fte: round(fteOf(totalHours, hoursPerFte)),
          departments,
          refused,
          ...(parsed.problems.length ? { problems: parsed.problems } : {}),
        },
        null,
        2,
      ),
    );
    return ok ? 0 : 1;
  }
  for (const p of parsed.problems) io.err(`${input}: ${p}`);
  if (refused.length) {
    io.err(`${input}: ${refused.length} 行を取り込めません（1行でも問題があると何も取り込みません）:`);
    for (const r of refused) io.err(`  ${r.message}`);
    return 1;
  }
  if (!ok) return 1;
  const f = (x: number) => x.toLocaleString('ja-JP', { maximumFractionDigits: 1 });
  io.out(
    `${input}: ${parsed.rows.length} 業務、年間 ${f(totalHours)} h、${f(fteOf(totalHours, hoursPerFte))} 人工（1人工 = ${hoursPerFte.toLocaleString('ja-JP')} h/年）`,
  );
  for (const d of departments) io.out(`  ${d.department}: ${d.count} 業務、${f(d.hours)} h、${f(d.fte)} 人工`);
  return 0;
}
