import { z } from 'zod';
import type { RpaRanking, TaskHoursTable } from '../domain/analysis/rpaCandidates';
import { estimateSchema } from '../domain/sim/result';

/**
 * Messages between the RPA候補 page and src/workers/rpaWorker.ts. The page sends every process with
 * a hash of its XML and the simulated hours it already has for those hashes; the worker simulates
 * only what is missing, reports each new table (the page caches it) and then ranks.
 */

export const rpaSettingsMessageSchema = z.object({
  licenceYenPerRobotYear: z.number(),
  developmentYenPerTask: z.number(),
  maintenanceRatePerYear: z.number(),
  tasksPerRobot: z.number(),
  hourlyCostFallbackYen: z.number(),
});

export const taskHoursTableSchema = z.record(
  z.string(),
  z.union([z.object({ staffHoursPerYear: estimateSchema, countPerYear: estimateSchema.optional() }), estimateSchema]),
);

export const rpaProcessMessageSchema = z.object({
  processId: z.string(),
  processName: z.string(),
  department: z.string(),
  kind: z.enum(['as-is', 'to-be']),
  xml: z.string(),
  hash: z.string(),
});
export type RpaProcessMessage = z.infer<typeof rpaProcessMessageSchema>;

export const rpaRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('rpa.rank'),
    id: z.string(),
    processes: z.array(rpaProcessMessageSchema),
    /** hash → table already simulated; those processes are not simulated again. */
    tables: z.record(z.string(), taskHoursTableSchema),
    /** hash → simulation error already seen; not retried for the same XML. */
    failures: z.record(z.string(), z.string()),
    settings: rpaSettingsMessageSchema,
    seed: z.number(),
    replications: z.number().int().min(1).max(100),
  }),
  z.object({ type: z.literal('rpa.cancel'), id: z.string() }),
]);
export type RpaRequest = z.infer<typeof rpaRequestSchema>;

const rankingSchema = z.custom<RpaRanking>(
  (v) => !!v && typeof v === 'object' && Array.isArray((v as RpaRanking).candidates) && Array.isArray((v as RpaRanking).excluded),
  'RPA候補の結果の形式が正しくありません',
);

export const rpaResponseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rpa.progress'), id: z.string(), done: z.number(), total: z.number(), processName: z.string() }),
  z.object({ type: z.literal('rpa.table'), id: z.string(), hash: z.string(), table: taskHoursTableSchema }),
  z.object({ type: z.literal('rpa.simError'), id: z.string(), hash: z.string(), message: z.string() }),
  z.object({ type: z.literal('rpa.result'), id: z.string(), ranking: rankingSchema }),
  z.object({ type: z.literal('rpa.error'), id: z.string(), message: z.string() }),
  z.object({ type: z.literal('rpa.cancelled'), id: z.string() }),
]);
export type RpaResponse = z.infer<typeof rpaResponseSchema>;

export type { TaskHoursTable };
