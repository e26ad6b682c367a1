import { z } from 'zod';
import { fteOf } from '../model/fte';
import { recordSchemaVersion } from '../model/recordMigrations';

/**
 * One row of a 業務量調査 inventory (業務説明表): one 業務 of one 課. Stored as is; 年間時間 and 人工
 * are computed on read (never stored) so that a change of 件数 or of hours per FTE cannot leave a stale total.
 */
export const INVENTORY_SCHEMA_VERSION = recordSchemaVersion('inventory');

const text = (max: number) => z.string().trim().max(max, `${max}文字以内にしてください`);
const count = z.number().finite().min(0, '負の値は入力できません');

export const inventoryFieldsSchema = z.object({
  department: text(100).default(''), // 部
  section: text(100).min(1, '課が空です'), // 課
  unit: text(100).default(''), // 係
  name: text(200).min(1, '業務名が空です'),
  code: text(50).default(''), // 整理番号
  purpose: text(2000).default(''),
  legalBasis: text(500).default(''),
  routine: z.enum(['定型', '非定型']).optional(),
  core: z.enum(['コア', 'ノンコア']).optional(),
  annualCount: count.optional(),
  minutesPerCase: count.optional(),
  /** 年間業務時間 as entered; used only when 件数 and 分 are not both given. */
  enteredHours: count.optional(),
  staffCount: count.optional(),
  enteredFte: count.optional(),
  peakPeriod: text(200).default(''),
  paper: z.boolean().default(false),
  systemEntry: z.boolean().default(false),
  outsourced: z.boolean().default(false),
  note: text(2000).default(''),
});
export type InventoryFields = z.infer<typeof inventoryFieldsSchema>;
export type InventoryFieldsInput = z.input<typeof inventoryFieldsSchema>;

export const inventoryRecordSchema = inventoryFieldsSchema.extend({
  schemaVersion: z.literal(INVENTORY_SCHEMA_VERSION),
  id: z.string().min(1),
  workspaceId: z.string().min(1),
  processIds: z.array(z.string().min(1)).default([]),
  initiativeIds: z.array(z.string().min(1)).default([]),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InventoryRecord = z.infer<typeof inventoryRecordSchema>;

export type HoursSource = 'computed' | 'entered' | 'none';

/** 年間時間 = 件数 × 分 / 60 when both are given, else the entered total. */
export function annualHoursOf(r: Pick<InventoryFields, 'annualCount' | 'minutesPerCase' | 'enteredHours'>): { hours: number; source: HoursSource } {
  if (r.annualCount !== undefined && r.minutesPerCase !== undefined) return { hours: (r.annualCount * r.minutesPerCase) / 60, source: 'computed' };
  if (r.enteredHours !== undefined) return { hours: r.enteredHours, source: 'entered' };
  return { hours: 0, source: 'none' };
}

/** 人工 through the one FTE rule the simulation uses (src/domain/model/fte.ts). */
export function fteOfRow(r: Pick<InventoryFields, 'annualCount' | 'minutesPerCase' | 'enteredHours'>, hoursPerFte: number): number {
  return fteOf(annualHoursOf(r).hours, hoursPerFte);
}

/** The key re-import matches on: 整理番号 when there is one, else 課 + 業務名 (compared after NFKC, names stay as written). */
export function inventoryKey(r: Pick<InventoryFields, 'code' | 'section' | 'name'>): string {
  const n = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  return r.code ? `#${n(r.code)}` : `${n(r.section)}\u0000${n(r.name)}`;
}

export interface InventoryTotal {
  key: string;
  hours: number;
  fte: number;
  count: number;
  /** Shares of hours in 定型 / ノンコア 業務 (0..1). */
  routineShare: number;
  nonCoreShare: number;
}

/** Totals grouped by 部, 課 or 係 (係 grouped within its 課), in first-seen order. */
export function totalsBy(rows: readonly InventoryFields[], level: 'department' | 'section' | 'unit', hoursPerFte: number): InventoryTotal[] {
  const acc = new Map<string, { hours: number; count: number; routine: number; nonCore: number }>();
  for (const r of rows) {
    const key = level === 'unit' ? `${r.section} ${r.unit}`.trim() : r[level] || '（未記入）';
    const a = acc.get(key) ?? { hours: 0, count: 0, routine: 0, nonCore: 0 };
    const { hours } = annualHoursOf(r);
    a.hours += hours;
    a.count += 1;
    if (r.routine === '定型') a.routine += hours;
    if (r.core === 'ノンコア') a.nonCore += hours;
    acc.set(key, a);
  }
  return [...acc].map(([key, a]) => ({
    key,
    hours: a.hours,
    fte: fteOf(a.hours, hoursPerFte),
    count: a.count,
    routineShare: a.hours > 0 ? a.routine / a.hours : 0,
    nonCoreShare: a.hours > 0 ? a.nonCore / a.hours : 0,
  }));
}

export interface MergePlan<T> {
  added: InventoryFields[];
  updated: Array<{ existing: T; fields: InventoryFields }>;
  unchanged: number;
}

/** Re-import: rows whose key matches a stored record update it; the rest are added. Nothing is duplicated. */
export function planMerge<T extends InventoryFields>(existing: readonly T[], incoming: readonly InventoryFields[]): MergePlan<T> {
  const byKey = new Map<string, T>();
  for (const e of existing) {
    byKey.set(inventoryKey(e), e);
    // A stored row with a 整理番号 is also found by 課 + 業務名 when the new sheet lacks the number.
    if (e.code) byKey.set(inventoryKey({ ...e, code: '' }), e);
  }
  const plan: MergePlan<T> = { added: [], updated: [], unchanged: 0 };
  const seen = new Set<T>();
  for (const f of incoming) {
    const match = byKey.get(inventoryKey(f)) ?? (f.code ? byKey.get(inventoryKey({ ...f, code: '' })) : undefined);
    if (match && !seen.has(match)) {
      seen.add(match);
      const same = (Object.keys(inventoryFieldsSchema.shape) as Array<keyof InventoryFields>).every((k) => match[k] === f[k]);
      if (same) plan.unchanged++;
      else plan.updated.push({ existing: match, fields: f });
    } else plan.added.push(f);
  }
  return plan;
}
