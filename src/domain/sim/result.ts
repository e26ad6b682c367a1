import { z } from 'zod';

/**
 * The simulation result as it crosses the worker boundary (and the CLI's JSON): validated with zod on both
 * sides. Every KPI across replications is an Estimate: the mean and its 95 % t-interval.
 * Units are in the names: Minutes, Hours, Seconds, Yen, PerYear.
 */
export const estimateSchema = z.object({
  mean: z.number(),
  ci95: z.tuple([z.number(), z.number()]),
  /**
   * 想定の幅: [low, high] of the figure with every step time at the optimistic and at the pessimistic end
   * of its estimate (sim/inputRange). Headline figures only, when asked for; absent in older results.
   */
  inputRange: z.tuple([z.number(), z.number()]).optional(),
});

const nullableEstimate = estimateSchema.nullable();

export const taskResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  lane: z.string().nullable(),
  /** Completions per replication. */
  count: estimateSchema,
  countPerYear: estimateSchema,
  waitMinutes: nullableEstimate,
  processingMinutes: nullableEstimate,
  staffHoursPerYear: estimateSchema,
  residentFacing: z.boolean(),
});

export const roleResultSchema = z.object({
  name: z.string(),
  /** ceil(headcount); null = no headcount set (served without a queue). */
  servers: z.number().nullable(),
  headcount: z.number().nullable(),
  /** On the 24-hour robot calendar: hours are run time, not staff time. Optional for older results. */
  robot: z.boolean().optional(),
  utilisation: nullableEstimate,
  staffHoursPerYear: estimateSchema,
  /** 時間外: hours per year worked outside the role's calendar on steps the resident attends. Optional for older results. */
  overtimeHoursPerYear: estimateSchema.optional(),
  /** Work demanded ÷ hours available in the role's calendar; above 1 the queue grows. Optional for older results. */
  load: nullableEstimate.optional(),
  fte: estimateSchema,
  costYenPerYear: estimateSchema,
});

export const kpiSchema = z.object({
  casesStarted: estimateSchema,
  casesCompleted: estimateSchema,
  casesPerYear: estimateSchema,
  /** Staff (non-robot) time; robot run time is in robotHoursPerYear / robotMinutesPerCase. */
  staffHoursPerYear: estimateSchema,
  staffMinutesPerCase: estimateSchema,
  /** Run time of robot roles (24-hour robot calendar) per case. Optional for results saved before it existed. */
  robotMinutesPerCase: estimateSchema.optional(),
  robotHoursPerYear: estimateSchema.optional(),
  residentMinutesPerVisit: nullableEstimate,
  leadTimeMinutes: estimateSchema,
  leadTimeBusinessDays: estimateSchema,
  waitingMinutesPerCase: estimateSchema,
  costYenPerYear: estimateSchema,
  paperSheetsPerYear: estimateSchema,
  fte: estimateSchema,
  /** Mean number of cases in the system over the run (Little's L). */
  meanCasesInSystem: estimateSchema,
  /** Cases per minute over the run (Little's λ). */
  arrivalRatePerMinute: estimateSchema,
});

export const traceEntrySchema = z.union([z.tuple([z.number(), z.string(), z.string()]), z.tuple([z.number(), z.string(), z.string(), z.number()])]);

export const caseTraceSchema = z.object({ case: z.number(), entries: z.array(traceEntrySchema) });

/** NaN (e.g. no completed case in a replication) travels as null. */
const values = z.array(z.number().nullable());

/**
 * The per-replication values behind the estimates (option `keepReplications`): index r is replication r,
 * run on seed replicationSeed(seed, r). A comparison pairs As-Is and To-Be replication by replication.
 */
export const replicationValuesSchema = z.object({
  casesStarted: values,
  casesPerYear: values,
  /** Staff hours only; robot roles apart. */
  staffHoursPerYear: values,
  robotHoursPerYear: values,
  costYenPerYear: values,
  staffMinutesPerCase: values,
  robotMinutesPerCase: values,
  residentMinutesPerVisit: values,
  leadTimeMinutes: values,
  leadTimeBusinessDays: values,
  waitingMinutesPerCase: values,
  /** By task id: hours of work per year (whoever does it; robot tasks are run time) and completions per year. */
  tasks: z.record(z.string(), z.object({ hoursPerYear: values, countPerYear: values })),
  /** By role name (as in `roles`): hours per year and their cost. */
  roles: z.record(z.string(), z.object({ robot: z.boolean(), hoursPerYear: values, costYenPerYear: values })),
});

export const simulationResultSchema = z.object({
  seed: z.number(),
  mode: z.enum(['fast', 'actor']),
  replications: z.number().int(),
  /** Mean cases started per replication. */
  cases: z.number(),
  startDate: z.string(),
  /** Simulated arrival period per replication, in years (the annualisation base). */
  simulatedYears: z.number(),
  events: z.number(),
  kpis: kpiSchema,
  tasks: z.array(taskResultSchema),
  roles: z.array(roleResultSchema),
  lanes: z.array(z.object({ name: z.string(), staffHoursPerYear: estimateSchema })),
  ends: z.array(z.object({ id: z.string(), name: z.string(), count: estimateSchema })),
  leadTimeHistogram: z.object({
    unit: z.literal('businessDays'),
    edges: z.array(z.number()),
    counts: z.array(z.number()),
    /** Open minutes in one business day of the default calendar, to show sub-day lead times in minutes (absent in older cached results). */
    minutesPerBusinessDay: z.number().positive().optional(),
  }),
  warnings: z.array(z.string()),
  traces: z.array(caseTraceSchema).optional(),
  replicationValues: replicationValuesSchema.optional(),
});

export type SimulationResult = z.infer<typeof simulationResultSchema>;
export type ReplicationValues = z.infer<typeof replicationValuesSchema>;
export type TaskResult = z.infer<typeof taskResultSchema>;
export type RoleResult = z.infer<typeof roleResultSchema>;
