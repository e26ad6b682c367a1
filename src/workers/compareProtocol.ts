import { z } from 'zod';
import { COMPARE_MIN_REPLICATIONS, runLimitSchema } from '../domain/sim/runLimits';
import { comparisonResultSchema } from '../domain/analysis/compare';
import { sensitivityResultSchema } from '../domain/analysis/sensitivity';
import { defineProtocol } from './rpc';

/**
 * The comparison worker's protocol (carried by src/workers/rpc.ts): two diagrams and the run options
 * in, the fraction done as progress, the zod-checked comparison (and tornado, when asked) out.
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
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
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

export const compareProtocol = defineProtocol({
  name: '比較用ワーカー',
  request: z.object({ asIsXml: z.string(), toBeXml: z.string(), options: compareRunOptionsSchema.default({}) }),
  /** Fraction of all paired replications done, 0–1. */
  progress: z.number().min(0).max(1),
  result: z.object({ result: comparisonResultSchema, sensitivity: sensitivityResultSchema.nullable() }),
});
export type CompareRequest = z.input<typeof compareProtocol.request>;
export type CompareOutput = z.output<typeof compareProtocol.result>;
