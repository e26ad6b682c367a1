import { z } from 'zod';
import { COMPARE_MIN_REPLICATIONS, runLimitSchema } from '../domain/sim/runLimits';
import { comparisonResultSchema } from '../domain/analysis/compare';
import { sensitivityResultSchema } from '../domain/analysis/sensitivity';

/**
 * Messages to and from the comparison worker, apart from the worker script so the page can validate
 * replies without installing the worker's message handler.
 */

const costsSchema = z.object({
  fixedYenPerYear: z.number().nonnegative().optional(),
  perExecution: z.array(z.object({ elementId: z.string(), yen: z.number().nonnegative() })).optional(),
});

export const compareRunOptionsSchema = z.object({
  seed: runLimitSchema('seed').optional(),
  replications: runLimitSchema('replications', COMPARE_MIN_REPLICATIONS).optional(),
  years: runLimitSchema('years').optional(),
  cases: runLimitSchema('cases').optional(),
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  mode: z.enum(['fast', 'actor']).optional(),
  hoursPerFte: z.number().positive().optional(),
  asIsCosts: costsSchema.optional(),
  toBeCosts: costsSchema.optional(),
  /** Also compute the tornado (analytic, cheap) from the same two diagrams. */
  sensitivity: z.boolean().optional(),
  /** 想定の幅 (sim/inputRange): absent means on, so every view shows it; false skips the extra runs. */
  inputRange: z.boolean().optional(),
});
export type CompareRunOptions = z.infer<typeof compareRunOptionsSchema>;

export const compareRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('compare.run'), id: z.string(), asIsXml: z.string(), toBeXml: z.string(), options: compareRunOptionsSchema.default({}) }),
  z.object({ type: z.literal('compare.cancel'), id: z.string() }),
]);
export type CompareRequest = z.infer<typeof compareRequestSchema>;

export const compareResponseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('compare.progress'), id: z.string(), fraction: z.number() }),
  z.object({
    type: z.literal('compare.result'),
    id: z.string(),
    result: comparisonResultSchema,
    sensitivity: sensitivityResultSchema.nullable(),
  }),
  z.object({ type: z.literal('compare.error'), id: z.string(), message: z.string() }),
  z.object({ type: z.literal('compare.cancelled'), id: z.string() }),
]);
export type CompareResponse = z.infer<typeof compareResponseSchema>;
