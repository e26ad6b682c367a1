import { RECORD_MIGRATIONS, UNASSIGNED_DEPARTMENT, type LooseRecord, type Migration, type MigrationOutcome } from '../domain/model/recordMigrations';
import { migrateUp } from '../domain/model/recordVersion';
import type { StoredRecordType } from './types';

/**
 * The store's view of the one migration registry (domain/model/recordMigrations.ts): the three record
 * types whose schemas live in records.ts. Comparisons, simulation results, settings, 取組 and the
 * inventory read through `readVersioned` in their own repositories, over the same registry.
 */
export type { LooseRecord, Migration, MigrationOutcome };
export { UNASSIGNED_DEPARTMENT };

export const MIGRATIONS: Readonly<Record<StoredRecordType, readonly Migration[]>> = {
  workspace: RECORD_MIGRATIONS.workspace,
  process: RECORD_MIGRATIONS.process,
  version: RECORD_MIGRATIONS.version,
};

export const currentSchemaVersion = (type: StoredRecordType): number => MIGRATIONS[type].length;

/** Runs every step from the record's version up to the current one (the shared runner); never mutates its input. */
export function migrateRecord(
  type: StoredRecordType,
  raw: unknown,
  migrations: Readonly<Record<StoredRecordType, readonly Migration[]>> = MIGRATIONS,
): MigrationOutcome {
  return migrateUp(migrations[type], raw);
}
