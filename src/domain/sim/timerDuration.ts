/**
 * ISO-8601 durations of BPMN timers (PT2H, P3D, P1DT30M, P2W) in clock minutes. Years count 365 days and
 * months 30 days: timers are clock time, business days belong to a task's bpr lag. undefined if invalid.
 */
export function isoDurationMinutes(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const m =
    /^\s*P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?\s*$/i.exec(
      text,
    );
  if (!m || m.slice(1).every((x) => x === undefined) || /T\s*$/i.test(text)) return undefined;
  const n = (i: number) => (m[i] ? Number(m[i].replace(',', '.')) : 0);
  return n(1) * 525_600 + n(2) * 43_200 + n(3) * 10_080 + n(4) * 1440 + n(5) * 60 + n(6) + n(7) / 60;
}
