import { z } from 'zod';
import { simulationResultSchema, type SimulationResult } from '../domain/sim/result';
import { readVersioned, recordSchemaVersion } from '../domain/model/recordMigrations';
import type { BprDatabase } from './db';
import { writeOrStorageFull } from './quota';
import type { WorkspaceRepository } from './types';

/**
 * The latest simulation result of each process with the hash of its inputs (diagram and run settings),
 * so that after a reload the simulation tab shows it again while nothing changed. One row per process;
 * a new run replaces it. Like comparisons, an unreadable row counts as absent: it can be recomputed.
 */

export const SIMULATION_RECORD_VERSION = recordSchemaVersion('simulation');

/** The run settings the result was computed with (as the simulation tab's form holds them). */
export const simulationRunSettingsSchema = z.object({
  replications: z.number().int().min(1),
  seed: z.number(),
  period: z.enum(['years', 'cases']),
  years: z.number().positive(),
  cases: z.number().int().positive(),
  mode: z.enum(['fast', 'actor']),
});
export type StoredRunSettings = z.infer<typeof simulationRunSettingsSchema>;

export const simulationRecordSchema = z.object({
  schemaVersion: z.literal(SIMULATION_RECORD_VERSION),
  /** The process id. */
  id: z.string().min(1),
  inputHash: z.string().min(1),
  settings: simulationRunSettingsSchema,
  computedAt: z.string(),
  result: simulationResultSchema,
});
export type SimulationRecord = z.infer<typeof simulationRecordSchema>;

export class SimulationResultRepository {
  constructor(
    private readonly db: Pick<BprDatabase, 'simulations'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async getLatest(processId: string): Promise<SimulationRecord | undefined> {
    const read = readVersioned('simulation', await this.db.simulations.get(processId), simulationRecordSchema);
    return read.ok ? read.value : undefined;
  }

  async save(processId: string, inputHash: string, settings: StoredRunSettings, result: SimulationResult): Promise<SimulationRecord> {
    // Case traces are for the trace view of a live run only and can be large; the figures do not need them.
    const { traces: _traces, ...figures } = result;
    const record = simulationRecordSchema.parse({
      schemaVersion: SIMULATION_RECORD_VERSION,
      id: processId,
      inputHash,
      settings,
      computedAt: this.now().toISOString(),
      result: figures,
    });
    await writeOrStorageFull(() => this.db.simulations.put(record));
    return record;
  }

  /** A deleted process takes its stored result with it. */
  async forget(processId: string): Promise<void> {
    await this.db.simulations.delete(processId);
  }
}

/** The repository over the workspace store's own database connection (null for stores without one). */
export function simulationResultRepositoryOf(store: WorkspaceRepository, now?: () => Date): SimulationResultRepository | null {
  const db = (store as { db?: BprDatabase }).db;
  return db?.simulations ? new SimulationResultRepository(db, now) : null;
}
