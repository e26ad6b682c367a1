/**
 * The one way every stored record kind is brought up to date (store records, 取組, the workspace
 * file): `steps[n]` turns a version-n record into version n+1, so the current version of a kind is
 * `steps.length`. A record without `schemaVersion` is v0. Pure: Dexie reads and file imports both call it.
 */
export type LooseRecord = Record<string, unknown>;
export type Migration = (record: LooseRecord) => LooseRecord;

export type MigrationOutcome = { ok: true; record: LooseRecord; fromVersion: number } | { ok: false; problem: string; fromVersion?: number };

/** Runs every step from the record's version up to the current one; never mutates its input. */
export function migrateUp(steps: readonly Migration[], raw: unknown): MigrationOutcome {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, problem: 'レコードがオブジェクトではありません' };
  const declared = (raw as LooseRecord).schemaVersion;
  const fromVersion = declared === undefined ? 0 : declared;
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion) || fromVersion < 0)
    return { ok: false, problem: `データ形式の版 (schemaVersion) が不正です: ${JSON.stringify(declared)}` };
  if (fromVersion > steps.length)
    return {
      ok: false,
      fromVersion,
      problem: `新しい版のBPR Studioで保存されたデータです（データ形式 v${fromVersion}、このアプリが読めるのは v${steps.length} まで）`,
    };
  let record: LooseRecord = { ...(raw as LooseRecord) };
  for (let v = fromVersion; v < steps.length; v++) {
    try {
      record = steps[v](record);
    } catch (err) {
      return { ok: false, fromVersion, problem: `データ形式 v${v} から v${v + 1} への移行に失敗しました: ${String(err)}` };
    }
  }
  return { ok: true, record, fromVersion };
}
