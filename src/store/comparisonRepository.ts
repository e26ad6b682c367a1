import { z } from 'zod';
import { comparisonResultSchema, type ComparisonResult } from '../domain/analysis/compare';
import { sensitivityResultSchema, type SensitivityResult } from '../domain/analysis/sensitivity';
import { readVersioned, recordSchemaVersion } from '../domain/model/recordMigrations';
import type { BprDatabase } from './db';
import { writeOrStorageFull } from './quota';
import type { WorkspaceStore } from './types';

/**
 * The latest As-Is/To-Be comparison of each pair, with the hash of its inputs (both diagrams and the
 * options) so the view can tell whether the diagrams changed since. One row per pair: a new result
 * replaces the previous one. Rows are parsed with zod on load; an unreadable row is reported as absent
 * (the result can always be recomputed) and left in place until the next save overwrites it.
 */

export const COMPARISON_RECORD_VERSION = recordSchemaVersion('comparison');

/** Options that determine the figures; kept so the hash can be recomputed against the current diagrams. */
export const comparisonInputOptionsSchema = z.object({
  replications: z.number().int().min(2),
  seed: z.number(),
  hoursPerFte: z.number().positive().optional(),
});
export type ComparisonInputOptions = z.infer<typeof comparisonInputOptionsSchema>;

export const comparisonRecordSchema = z.object({
  schemaVersion: z.literal(COMPARISON_RECORD_VERSION),
  id: z.string(),
  asIsId: z.string().min(1),
  toBeId: z.string().min(1),
  inputHash: z.string().min(1),
  options: comparisonInputOptionsSchema.optional(),
  computedAt: z.string(),
  result: comparisonResultSchema,
  sensitivity: sensitivityResultSchema.nullable().optional(),
});
export type ComparisonRecord = z.infer<typeof comparisonRecordSchema>;

export interface SaveComparisonExtras {
  options?: ComparisonInputOptions;
  sensitivity?: SensitivityResult | null;
}

export const comparisonRowId = (asIsId: string, toBeId: string): string => `${asIsId}|${toBeId}`;

export function readComparisonRow(row: unknown): ComparisonRecord | undefined {
  const read = readVersioned('comparison', row, comparisonRecordSchema);
  return read.ok ? read.value : undefined;
}

export interface ComparisonRepositoryOptions {
  db: Pick<BprDatabase, 'comparisons' | 'transaction'>;
  now?: () => Date;
}

export class ComparisonRepository {
  private readonly db: ComparisonRepositoryOptions['db'];
  private readonly now: () => Date;

  constructor(options: ComparisonRepositoryOptions) {
    this.db = options.db;
    this.now = options.now ?? (() => new Date());
  }

  async getLatest(asIsId: string, toBeId: string): Promise<ComparisonRecord | undefined> {
    return readComparisonRow(await this.db.comparisons.get(comparisonRowId(asIsId, toBeId)));
  }

  async save(asIsId: string, toBeId: string, inputHash: string, result: ComparisonResult, extras: SaveComparisonExtras = {}): Promise<ComparisonRecord> {
    const record = comparisonRecordSchema.parse({
      schemaVersion: COMPARISON_RECORD_VERSION,
      id: comparisonRowId(asIsId, toBeId),
      asIsId,
      toBeId,
      inputHash,
      ...(extras.options ? { options: extras.options } : {}),
      computedAt: this.now().toISOString(),
      result,
      sensitivity: extras.sensitivity ?? null,
    });
    await writeOrStorageFull(() => this.db.comparisons.put(record));
    return record;
  }

  /** Readable comparisons where the process is the As-Is or the To-Be, newest first. */
  async listForProcess(processId: string): Promise<ComparisonRecord[]> {
    const rows = [
      ...(await this.db.comparisons.where('asIsId').equals(processId).toArray()),
      ...(await this.db.comparisons.where('toBeId').equals(processId).toArray()),
    ];
    const seen = new Set<string>();
    const out: ComparisonRecord[] = [];
    for (const row of rows) {
      const rec = readComparisonRow(row);
      if (!rec || seen.has(rec.id)) continue;
      seen.add(rec.id);
      out.push(rec);
    }
    return out.sort((a, b) => b.computedAt.localeCompare(a.computedAt));
  }
}

/** The repository over the workspace store's own database connection. */
export function comparisonRepositoryOf(store: WorkspaceStore, now?: () => Date): ComparisonRepository | null {
  const db = (store as { db?: BprDatabase }).db;
  return db?.comparisons ? new ComparisonRepository({ db, ...(now ? { now } : {}) }) : null;
}
