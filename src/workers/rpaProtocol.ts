import { z } from 'zod';
import type { RpaRanking, TaskHoursTable } from '../domain/analysis/rpaCandidates';
import { estimateSchema } from '../domain/sim/result';
import { defineProtocol } from './rpc';

/**
 * The RPA候補 worker's protocol (carried by src/workers/rpc.ts). The page sends every process with
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

const rankingSchema = z.custom<RpaRanking>(
  (v) => !!v && typeof v === 'object' && Array.isArray((v as RpaRanking).candidates) && Array.isArray((v as RpaRanking).excluded),
  'RPA候補の結果の形式が正しくありません',
);

export const rpaProtocol = defineProtocol({
  name: 'RPA候補の計算用ワーカー',
  request: z.object({
    processes: z.array(rpaProcessMessageSchema),
    /** hash → table already simulated; those processes are not simulated again. */
    tables: z.record(z.string(), taskHoursTableSchema),
    /** hash → simulation error already seen; not retried for the same XML. */
    failures: z.record(z.string(), z.string()),
    settings: rpaSettingsMessageSchema,
    seed: z.number(),
    replications: z.number().int().min(1).max(100),
  }),
  /** Where the run is, and each table or failure as soon as it is known (the page caches both by hash). */
  progress: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('step'), done: z.number(), total: z.number(), processName: z.string() }),
    z.object({ kind: z.literal('table'), hash: z.string(), table: taskHoursTableSchema }),
    z.object({ kind: z.literal('simError'), hash: z.string(), message: z.string() }),
  ]),
  result: rankingSchema,
});
export type RpaRequest = z.input<typeof rpaProtocol.request>;
export type RpaProgress = z.output<typeof rpaProtocol.progress>;

export type { TaskHoursTable };
