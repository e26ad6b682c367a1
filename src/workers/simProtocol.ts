import { z } from 'zod';
import { simulationResultSchema } from '../domain/sim/result';
import { runLimitSchema } from '../domain/sim/runLimits';

/**
 * Messages to and from the simulation worker, in their own module so the page can validate replies
 * without importing the worker script (which installs its message handler on import).
 */

export const simOptionsSchema = z.object({
  seed: runLimitSchema('seed').optional(),
  replications: runLimitSchema('replications').optional(),
  cases: runLimitSchema('cases').optional(),
  years: runLimitSchema('years').optional(),
  warmupCases: z.number().int().min(0).optional(),
  mode: z.enum(['fast', 'actor']).optional(),
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  maxEventsPerCase: z.number().int().positive().optional(),
  trace: z.union([z.boolean(), z.number().int().min(0)]).optional(),
  hoursPerFte: z.number().positive().optional(),
  /** 想定の幅 (sim/inputRange): absent means on, so every view shows it; false skips the two extra runs. */
  inputRange: z.boolean().optional(),
});
export type SimOptions = z.infer<typeof simOptionsSchema>;

export const simRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sim.run'), id: z.string(), xml: z.string(), options: simOptionsSchema.default({}) }),
  z.object({ type: z.literal('sim.cancel'), id: z.string() }),
]);
export type SimRequest = z.infer<typeof simRequestSchema>;

export const simResponseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sim.progress'), id: z.string(), fraction: z.number() }),
  z.object({ type: z.literal('sim.result'), id: z.string(), result: simulationResultSchema }),
  z.object({ type: z.literal('sim.error'), id: z.string(), message: z.string(), issues: z.array(z.string()), elementId: z.string().optional() }),
  z.object({ type: z.literal('sim.cancelled'), id: z.string() }),
]);
export type SimResponse = z.infer<typeof simResponseSchema>;
