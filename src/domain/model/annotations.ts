import { z } from 'zod';

/**
 * One schema for what a workshop enters on a process: the properties panel, the step table,
 * file import (bpr: and BIMP) and the simulation all parse through these.
 * Messages are Japanese and say what is wrong; `describeIssues` prefixes the element's name.
 */

const nonNegative = (label: string) => z.number({ error: `${label}は数値で入力してください` }).min(0, `${label}に負の値は入力できません`);
const positive = (label: string) => z.number({ error: `${label}は数値で入力してください` }).gt(0, `${label}は0より大きい値にしてください`);

export const DISTRIBUTION_TYPES = ['fixed', 'triangular', 'normal', 'lognormal', 'exponential', 'uniform'] as const;
export type DistributionType = (typeof DISTRIBUTION_TYPES)[number];

export const distributionSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('fixed'), value: nonNegative('値') }),
    z.object({
      type: z.literal('triangular'),
      min: nonNegative('最小値'),
      mode: nonNegative('最頻値'),
      max: nonNegative('最大値'),
    }),
    z.object({ type: z.literal('normal'), mean: nonNegative('平均'), sd: nonNegative('標準偏差') }),
    z.object({ type: z.literal('lognormal'), mean: positive('平均'), sd: nonNegative('標準偏差') }),
    z.object({ type: z.literal('exponential'), mean: positive('平均') }),
    z.object({ type: z.literal('uniform'), min: nonNegative('最小値'), max: nonNegative('最大値') }),
  ])
  .superRefine((d, ctx) => {
    if (d.type === 'triangular') {
      if (d.min > d.max) ctx.addIssue({ code: 'custom', path: ['min'], message: `最小値 (${d.min}) が最大値 (${d.max}) より大きくなっています` });
      else if (d.mode < d.min || d.mode > d.max)
        ctx.addIssue({ code: 'custom', path: ['mode'], message: `最頻値 (${d.mode}) は最小値 (${d.min}) と最大値 (${d.max}) の間にしてください` });
    }
    if (d.type === 'uniform' && d.min > d.max)
      ctx.addIssue({ code: 'custom', path: ['min'], message: `最小値 (${d.min}) が最大値 (${d.max}) より大きくなっています` });
  });
export type Distribution = z.infer<typeof distributionSchema>;

export const LAG_UNITS = ['businessDays', 'minutes'] as const;
export const lagSchema = z.object({
  distribution: distributionSchema,
  unit: z.enum(LAG_UNITS, { error: '待ち時間の単位は「営業日」か「分」です' }),
  reason: z.string().max(200).optional(),
});
export type Lag = z.infer<typeof lagSchema>;

/** What a later issue may set; 'none' is the As-Is default. */
export const AUTOMATION_KINDS = ['none', 'rpa', 'ai-ocr', 'kakanai', 'e-approval', 'online', 'other'] as const;
export type AutomationKind = (typeof AUTOMATION_KINDS)[number];

const answer15 = (label: string) =>
  z
    .number({ error: `${label}は1〜5の整数で入力してください` })
    .int(`${label}は1〜5の整数で入力してください`)
    .min(1, `${label}は1〜5の整数で入力してください`)
    .max(5, `${label}は1〜5の整数で入力してください`);

/**
 * The workshop's RPA screening of one step (the five questions of analysis/rpaScore, 1–5, and the
 * exception rate in %). Every answer is optional so a half-finished screening can be stored; the
 * ranking fills what is missing with derived defaults and marks the step 未評価（推定値）.
 */
export const assessmentSchema = z.object({
  ruleBased: answer15('判断の定型性').optional(),
  digitalInput: answer15('入力の電子化').optional(),
  structuredInput: answer15('入力データの構造化').optional(),
  stability: answer15('安定性').optional(),
  documented: answer15('手順の文書化').optional(),
  exceptionRate: z
    .number({ error: '例外率は数値で入力してください' })
    .min(0, '例外率は0〜100%の範囲で入力してください')
    .max(100, '例外率は0〜100%の範囲で入力してください')
    .optional(),
});
export type Assessment = z.infer<typeof assessmentSchema>;
export const ASSESSMENT_FIELDS = ['ruleBased', 'digitalInput', 'structuredInput', 'stability', 'documented', 'exceptionRate'] as const;

export const stepAnnotationSchema = z.object({
  staffTime: distributionSchema.optional(),
  residentTime: distributionSchema.optional(),
  lag: lagSchema.optional(),
  role: z.string().trim().min(1, '役割名が空です').max(100).optional(),
  paperSheets: nonNegative('紙の枚数').optional(),
  systems: z.number().int('システム数は整数にしてください').min(0, 'システム数に負の値は入力できません').optional(),
  automation: z.enum(AUTOMATION_KINDS).optional(),
  assessment: assessmentSchema.optional(),
  /** Yen per execution of the step outside staff time (e.g. an AI-OCR price per read case). */
  costPerCase: nonNegative('1件あたり費用').optional(),
});
export type StepAnnotation = z.infer<typeof stepAnnotationSchema>;

export const flowAnnotationSchema = z.object({
  probability: z
    .number({ error: '分岐確率は数値で入力してください' })
    .min(0, '分岐確率は0〜100%の範囲で入力してください')
    .max(100, '分岐確率は0〜100%の範囲で入力してください')
    .optional(),
});
export type FlowAnnotation = z.infer<typeof flowAnnotationSchema>;

export const INTER_ARRIVAL_TYPES = ['exponential', 'fixed'] as const;
export type InterArrivalType = (typeof INTER_ARRIVAL_TYPES)[number];

export const arrivalsSchema = z.object({
  annualVolume: nonNegative('年間件数').optional(),
  seasonality: z
    .array(nonNegative('月別の重み'))
    .length(12, '月別の重みは1月〜12月の12個が必要です')
    .refine((w) => w.some((x) => x > 0), '月別の重みが全て0です')
    .optional(),
  calendar: z.string().optional(),
  /**
   * Shape of the time between two cases (in open minutes of the arrival calendar); its mean follows from
   * annualVolume. Default 'exponential' (Poisson arrivals); 'fixed' = evenly spaced, e.g. BIMP's FIXED.
   */
  interArrival: z.enum(INTER_ARRIVAL_TYPES, { error: '到着間隔の分布は「exponential」か「fixed」です' }).optional(),
});
export type Arrivals = z.infer<typeof arrivalsSchema>;

const hhmm = (label: string) => z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, `${label}は HH:MM 形式で入力してください`);
const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export const calendarSchema = z
  .object({
    id: z.string().min(1, 'カレンダーIDが空です'),
    name: z.string().optional(),
    open: hhmm('開始時刻'),
    close: hhmm('終了時刻'),
    lunchStart: hhmm('昼休み開始').optional(),
    lunchEnd: hhmm('昼休み終了').optional(),
    /** ISO weekday numbers, 1 = Monday … 7 = Sunday. */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1, '稼働曜日が1日もありません'),
    publicHolidays: z.boolean(),
    yearEndClosure: z.boolean(),
    closedDates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '休業日は YYYY-MM-DD 形式で入力してください')).optional(),
  })
  .superRefine((c, ctx) => {
    if (minutesOf(c.open) >= minutesOf(c.close))
      ctx.addIssue({ code: 'custom', path: ['close'], message: `終了時刻 (${c.close}) が開始時刻 (${c.open}) 以前です` });
    if ((c.lunchStart === undefined) !== (c.lunchEnd === undefined))
      ctx.addIssue({ code: 'custom', path: ['lunchEnd'], message: '昼休みは開始と終了の両方を入力してください' });
    if (c.lunchStart && c.lunchEnd) {
      const ls = minutesOf(c.lunchStart),
        le = minutesOf(c.lunchEnd);
      if (ls >= le || ls < minutesOf(c.open) || le > minutesOf(c.close))
        ctx.addIssue({ code: 'custom', path: ['lunchStart'], message: '昼休みは開庁時間内で、開始が終了より前になるようにしてください' });
    }
  });
export type Calendar = z.infer<typeof calendarSchema>;

/** The resident is a role too (住民, 住民（申請者）…): timed with residentTime, never a staff pool. */
export const RESIDENT_ROLE = '住民';
export const isResidentRole = (role: string | undefined | null): boolean => !!role && role.trim().startsWith(RESIDENT_ROLE);

export const DEFAULT_CALENDAR_ID = 'office';
export const ROBOT_CALENDAR_ID = '24h';
export const DEFAULT_HOURS_PER_FTE = 1860;

export const defaultOfficeCalendar = (): Calendar => ({
  id: DEFAULT_CALENDAR_ID,
  name: '庁舎開庁時間',
  open: '08:30',
  close: '17:15',
  lunchStart: '12:00',
  lunchEnd: '13:00',
  weekdays: [1, 2, 3, 4, 5],
  publicHolidays: true,
  yearEndClosure: true,
});

export const robotCalendar = (): Calendar => ({
  id: ROBOT_CALENDAR_ID,
  name: '24時間稼働',
  open: '00:00',
  close: '24:00',
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  publicHolidays: false,
  yearEndClosure: false,
});

export const roleSchema = z.object({
  name: z.string().trim().min(1, '役割名が空です'),
  headcount: positive('人数').optional(),
  hourlyCost: nonNegative('時間単価').optional(),
  calendar: z.string().optional(),
});
export type Role = z.infer<typeof roleSchema>;

export const processSettingsSchema = z
  .object({
    hoursPerFte: positive('1人あたり年間勤務時間').default(DEFAULT_HOURS_PER_FTE),
    roles: z.array(roleSchema).default([]),
    calendars: z.array(calendarSchema).default([]),
    /** Yen per year the process costs whatever its volume (licences, service fees). */
    fixedCostPerYear: nonNegative('年間固定費').optional(),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.roles.forEach((r, i) => {
      if (seen.has(r.name)) ctx.addIssue({ code: 'custom', path: ['roles', i, 'name'], message: `役割「${r.name}」が重複しています` });
      seen.add(r.name);
    });
  });
export type ProcessSettings = z.infer<typeof processSettingsSchema>;

/** Everything annotated on one diagram, keyed by BPMN element id. */
export interface DiagramAnnotations {
  steps: Record<string, StepAnnotation>;
  flows: Record<string, FlowAnnotation>;
  starts: Record<string, Arrivals>;
  settings: ProcessSettings;
}

export interface AnnotationIssue {
  elementId: string;
  elementName?: string;
  path: string;
  message: string;
}

/** Japanese label for an element in messages: 「本人確認」(Task_1), or (Task_1) without a name. */
export function elementLabel(id: string, name?: string | null): string {
  return name && name.trim() ? `「${name.trim()}」(${id})` : `(${id})`;
}

const FIELD_LABELS: Record<string, string> = {
  staffTime: '職員処理時間',
  residentTime: '住民の所要時間',
  lag: '待ち時間',
  role: '担当役割',
  paperSheets: '紙の枚数',
  systems: 'システム数',
  automation: '自動化',
  assessment: 'RPA評価',
  probability: '分岐確率',
  annualVolume: '年間件数',
  interArrival: '到着間隔の分布',
  seasonality: '月別の重み',
  roles: '役割',
  calendars: 'カレンダー',
  hoursPerFte: '1人あたり年間勤務時間',
  costPerCase: '1件あたり費用',
  fixedCostPerYear: '年間固定費',
};

/** Turn a zod error into messages that name the element, e.g. 「本人確認」(Task_1) の職員処理時間: 最小値 … */
export function describeIssues(elementId: string, elementName: string | undefined, error: z.ZodError): AnnotationIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.find((p) => typeof p === 'string' && FIELD_LABELS[p]) as string | undefined;
    const where = field ? `の${FIELD_LABELS[field]}` : '';
    return {
      elementId,
      elementName,
      path: issue.path.join('.'),
      message: `${elementLabel(elementId, elementName)}${where}: ${issue.message}`,
    };
  });
}

/** Mean of a distribution in its own unit; the exact expectation used by analytic checks. */
export function distributionMean(d: Distribution): number {
  switch (d.type) {
    case 'fixed':
      return d.value;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'normal':
      return d.mean;
    case 'lognormal':
      return d.mean;
    case 'exponential':
      return d.mean;
    case 'uniform':
      return (d.min + d.max) / 2;
  }
}
