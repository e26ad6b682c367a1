import { z } from 'zod';
import { simulationResultSchema } from '../domain/sim/result';
import { runLimitSchema } from '../domain/sim/runLimits';
import { defineProtocol } from './rpc';

/**
 * The simulation worker's protocol (src/workers/rpc.ts carries it): one diagram and its run options
 * in, the fraction done as progress, the zod-checked result out. Apart from the worker script so the
 * page can use it without installing the worker's message handler.
 */

export const simOptionsSchema = z.object({
  seed: runLimitSchema('seed').optional(),
  replications: runLimitSchema('replications').optional(),
  cases: runLimitSchema('cases').optional(),
  years: runLimitSchema('years').optional(),
  warmupCases: z.number().int().min(0).optional(),
  mode: z.enum(['fast', 'actor']).optional(),
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  maxEventsPerCase: z.number().int().positive().optional(),
  trace: z.union([z.boolean(), z.number().int().min(0)]).optional(),
  hoursPerFte: z.number().positive().optional(),
  /** 想定の幅 (sim/inputRange): absent means on, so every view shows it; false skips the two extra runs. */
  inputRange: z.boolean().optional(),
});
export type SimOptions = z.infer<typeof simOptionsSchema>;

export const simProtocol = defineProtocol({
  name: 'シミュレーション用ワーカー',
  request: z.object({ xml: z.string(), options: simOptionsSchema.default({}) }),
  /** Fraction of the replications done, 0–1. */
  progress: z.number().min(0).max(1),
  result: simulationResultSchema,
});
export type SimRequest = z.input<typeof simProtocol.request>;
