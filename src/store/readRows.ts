/**
 * Reads stored rows one by one so that one damaged row does not hide the others: rows that fail with
 * `Unreadable` are collected beside the readable ones (to be shown and left untouched); any other
 * failure is a bug and is thrown.
 */
export function readRows<Row, Rec, E extends Error>(
  rows: readonly Row[],
  read: (row: Row) => Rec,
  Unreadable: abstract new (...args: never[]) => E,
): { records: Rec[]; unreadable: E[] } {
  const records: Rec[] = [];
  const unreadable: E[] = [];
  for (const row of rows) {
    try {
      records.push(read(row));
    } catch (err) {
      if (err instanceof Unreadable) unreadable.push(err);
      else throw err;
    }
  }
  return { records, unreadable };
}
