import { z } from 'zod';
import { migrateUp, type Migration } from './recordVersion';

/**
 * 取組 (initiative) records, shaped like the plans' own 進捗管理票: 取組名, これまでの課題, 取組の概要,
 * BPRで把握した課題と解決方策, スケジュール by fiscal year, 評価指標 with 基準値/目標値/実績値,
 * 達成度 (◎/○/△) with 評価理由, 次期方針 (完了/継続/中断), 担当課, and the attached process maps.
 */
export const INITIATIVE_SCHEMA_VERSION = 1;

export const STAGES = ['調査・研究', '検討', '予算要求', '導入', '運用', '継続実施'] as const;
export type Stage = (typeof STAGES)[number];
export const ACHIEVEMENTS = ['◎', '○', '△'] as const;
export const NEXT_STEPS = ['完了', '継続', '中断'] as const;

/** Indicator kinds whose estimate can be taken from an attached As-Is/To-Be comparison. */
export const LINKED_INDICATOR_KINDS = ['hoursSaved', 'residentMinutes', 'approvalDays'] as const;
export const INDICATOR_KINDS = [...LINKED_INDICATOR_KINDS, 'count', 'custom'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

const fiscalYear = z.number().int().min(2000, '年度が正しくありません').max(2100, '年度が正しくありません');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日付は YYYY-MM-DD 形式です');
const text = (max: number) => z.string().max(max, `${max}文字以内で入力してください`);

export const estimateValueSchema = z.object({
  mean: z.number(),
  ci95: z.tuple([z.number(), z.number()]),
  /** 想定の幅 (sim/inputRange) of the comparison; absent in records saved before it existed. */
  inputRange: z.tuple([z.number(), z.number()]).optional(),
  /** Which comparison produced it, so a re-run replaces it and a stale one can be shown as such. */
  comparisonKey: z.string(),
  computedAt: z.string(),
});
export type EstimateValue = z.infer<typeof estimateValueSchema>;

export const indicatorYearSchema = z.object({
  fiscalYear,
  target: z.number().optional(),
  /** Measured by the 担当課; never replaced by an estimate. */
  measured: z.number().optional(),
  /** Estimated by simulation of the attached processes. */
  estimated: estimateValueSchema.optional(),
});

export const indicatorSchema = z.object({
  id: z.string().min(1),
  name: text(100).min(1, '評価指標名が空です'),
  unit: text(20),
  kind: z.enum(INDICATOR_KINDS),
  baseline: z.object({ value: z.number(), date: isoDate }).optional(),
  years: z.array(indicatorYearSchema).default([]),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const scheduleEntrySchema = z.object({
  fiscalYear,
  stages: z.array(z.enum(STAGES)).default([]),
  note: text(500).default(''),
});

export const evaluationSchema = z.object({
  fiscalYear,
  achievement: z.enum(ACHIEVEMENTS),
  reason: text(1000).default(''),
});

export const attachmentSchema = z.object({
  asIsProcessId: z.string().min(1),
  toBeProcessId: z.string().min(1).optional(),
});

export const initiativeSchema = z.object({
  schemaVersion: z.literal(INITIATIVE_SCHEMA_VERSION),
  id: z.string().min(1),
  workspaceId: z.string().min(1),
  title: text(200).min(1, '取組名が空です'),
  /** 基本方針 / 基本目標 → 施策, as the plan's category tree path. */
  categoryPath: z.array(z.string().min(1)).default([]),
  departments: z.array(z.string().trim().min(1)).min(1, '担当課を1つ以上入力してください'),
  currentIssues: text(4000).default(''),
  summary: text(4000).default(''),
  bprFindings: z.array(z.object({ issue: text(1000), solution: text(1000) })).default([]),
  schedule: z.array(scheduleEntrySchema).default([]),
  indicators: z.array(indicatorSchema).default([]),
  evaluations: z.array(evaluationSchema).default([]),
  nextStep: z.enum(NEXT_STEPS).optional(),
  nextPolicy: text(2000).default(''),
  costs: z
    .object({
      initialYen: z.number().min(0, '費用に負の値は入力できません').optional(),
      annualYen: z.number().min(0, '費用に負の値は入力できません').optional(),
    })
    .default({}),
  attachments: z.array(attachmentSchema).default([]),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Initiative = z.infer<typeof initiativeSchema>;

/**
 * v0 records (the first prototype) had one `department` string and `targets`/`actuals` maps keyed
 * by fiscal year on each indicator; v1 allows several 担当課 and keeps each year's figures together.
 */
function v0ToV1(raw: Record<string, unknown>): Record<string, unknown> {
  const indicators = Array.isArray(raw.indicators) ? (raw.indicators as Record<string, unknown>[]) : [];
  return {
    ...raw,
    schemaVersion: 1,
    departments: raw.departments ?? (typeof raw.department === 'string' && raw.department ? [raw.department] : []),
    indicators: indicators.map((ind) => {
      const targets = (ind.targets ?? {}) as Record<string, number>;
      const actuals = (ind.actuals ?? {}) as Record<string, number>;
      const years = [...new Set([...Object.keys(targets), ...Object.keys(actuals)])].map(Number).sort((a, b) => a - b);
      const { targets: _t, actuals: _a, ...rest } = ind;
      return {
        kind: 'custom',
        unit: '',
        ...rest,
        years: ind.years ?? years.map((fy) => ({ fiscalYear: fy, target: targets[fy], measured: actuals[fy] })),
      };
    }),
  };
}

/** INITIATIVE_MIGRATIONS[n] turns a v-n 取組 into v-n+1; run by the shared migrateUp. */
export const INITIATIVE_MIGRATIONS: readonly Migration[] = [v0ToV1];
if (INITIATIVE_MIGRATIONS.length !== INITIATIVE_SCHEMA_VERSION) throw new Error('initiative: migrations and schema version disagree');

export class RecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordError';
  }
}

/** Migrate up and validate; used on every load from Dexie or from a file. */
export function parseInitiative(raw: unknown): Initiative {
  if (!raw || typeof raw !== 'object') throw new RecordError('取組のデータが読み取れません（オブジェクトではありません）');
  const given = raw as Record<string, unknown>;
  const migrated = migrateUp(INITIATIVE_MIGRATIONS, raw);
  if (!migrated.ok)
    throw new RecordError(
      migrated.fromVersion !== undefined && migrated.fromVersion > INITIATIVE_SCHEMA_VERSION
        ? `取組「${String(given.title ?? given.id)}」は新しい版のBPR Studioで作成されています（形式 ${migrated.fromVersion}）`
        : `取組「${String(given.title ?? given.id)}」: ${migrated.problem}`,
    );
  const rec = migrated.record;
  const parsed = initiativeSchema.safeParse(rec);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new RecordError(`取組「${String(rec.title ?? rec.id)}」の ${first.path.join('.')} : ${first.message}`);
  }
  return parsed.data;
}

type FigureEstimate = { mean: number; ci95: [number, number]; inputRange?: [number, number] };

export interface ComparisonFigures {
  comparisonKey: string;
  computedAt: string;
  hoursSavedPerYear?: FigureEstimate;
  residentMinutesPerVisit?: FigureEstimate;
  leadTimeBusinessDays?: FigureEstimate;
}

const FIGURE_OF_KIND: Record<(typeof LINKED_INDICATOR_KINDS)[number], keyof ComparisonFigures> = {
  hoursSaved: 'hoursSavedPerYear',
  residentMinutes: 'residentMinutesPerVisit',
  approvalDays: 'leadTimeBusinessDays',
};

/**
 * Fill the estimated value of linked indicators for one fiscal year from a comparison.
 * Measured values and targets are carried over untouched: an estimate never overwrites a measurement.
 * The same comparison's estimate in another year is moved, not copied: it says what the attached
 * maps predict once, for the year chosen; estimates of earlier comparisons elsewhere stay as history.
 */
export function applyComparisonEstimates(initiative: Initiative, fiscalYear: number, figures: ComparisonFigures): Initiative {
  const indicators = initiative.indicators.map((ind) => {
    if (!(LINKED_INDICATOR_KINDS as readonly string[]).includes(ind.kind)) return ind;
    const fig = figures[FIGURE_OF_KIND[ind.kind as (typeof LINKED_INDICATOR_KINDS)[number]]] as ComparisonFigures['hoursSavedPerYear'];
    if (!fig) return ind;
    const estimated: EstimateValue = {
      mean: fig.mean,
      ci95: fig.ci95,
      ...(fig.inputRange ? { inputRange: fig.inputRange } : {}),
      comparisonKey: figures.comparisonKey,
      computedAt: figures.computedAt,
    };
    const moved: Indicator['years'] = ind.years.map((y) => {
      if (y.fiscalYear === fiscalYear || y.estimated?.comparisonKey !== figures.comparisonKey) return y;
      const { estimated: _e, ...rest } = y;
      return rest;
    });
    const has = moved.some((y) => y.fiscalYear === fiscalYear);
    const years = (has ? moved.map((y) => (y.fiscalYear === fiscalYear ? { ...y, estimated } : y)) : [...moved, { fiscalYear, estimated }])
      // A year left with nothing in it is dropped, as when a value is cleared by hand.
      .filter((y) => y.target !== undefined || y.measured !== undefined || y.estimated !== undefined)
      .sort((a, b) => a.fiscalYear - b.fiscalYear);
    return { ...ind, years };
  });
  return { ...initiative, indicators };
}

/**
 * The fiscal year the newest simulated estimate of a linked indicator is stored in, so the editor's
 * 「推計値を入れる年度」 opens on the year the record holds; undefined when there is none.
 */
export function storedEstimateYear(initiative: Pick<Initiative, 'indicators'>): number | undefined {
  let best: { fiscalYear: number; computedAt: string } | undefined;
  for (const ind of initiative.indicators) {
    if (!(LINKED_INDICATOR_KINDS as readonly string[]).includes(ind.kind)) continue;
    for (const y of ind.years) {
      if (!y.estimated) continue;
      const at = y.estimated.computedAt;
      if (!best || at > best.computedAt || (at === best.computedAt && y.fiscalYear > best.fiscalYear)) best = { fiscalYear: y.fiscalYear, computedAt: at };
    }
  }
  return best?.fiscalYear;
}
