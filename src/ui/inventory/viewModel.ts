import { rankInventory, type RankedRow, type RankWeights } from '../../domain/inventory/rank';
import type { InventoryRecord } from '../../domain/inventory/record';
import { fteOf } from '../../domain/model/fte';

/**
 * What the 業務の全体像 tab shows, computed from the stored 業務, the workspace's processes and 取組.
 * No React: node tests check the figures by hand.
 */
export interface ProcessLink {
  id: string;
  kind: 'as-is' | 'to-be';
  linkedProcessId?: string;
}

export interface Coverage {
  /** The 業務 has a modeled As-Is (a linked process of kind as-is). */
  asIs: boolean;
  /** …and at least one To-Be scenario of such an As-Is. */
  toBe: boolean;
  /** …and is linked to a 取組. */
  initiative: boolean;
}

export function coverageOf(
  row: InventoryRecord,
  processes: ReadonlyMap<string, ProcessLink>,
  toBeOf: ReadonlyMap<string, number>,
  initiatives: ReadonlySet<string>,
): Coverage {
  const linked = row.processIds.map((id) => processes.get(id)).filter((p): p is ProcessLink => !!p);
  const asIs = linked.filter((p) => p.kind === 'as-is');
  return {
    asIs: asIs.length > 0,
    toBe: asIs.some((p) => (toBeOf.get(p.id) ?? 0) > 0) || linked.some((p) => p.kind === 'to-be'),
    initiative: row.initiativeIds.some((id) => initiatives.has(id)),
  };
}

export interface InventorySummary {
  count: number;
  hours: number;
  fte: number;
  routineShare: number;
  nonCoreShare: number;
  withAsIs: number;
  withToBe: number;
  withInitiative: number;
}

export interface DashboardRow extends RankedRow<InventoryRecord> {
  fte: number;
  coverage: Coverage;
}

export interface Dashboard {
  rows: DashboardRow[];
  summary: InventorySummary;
  sections: string[];
}

export function dashboardOf(
  records: readonly InventoryRecord[],
  processes: readonly ProcessLink[],
  initiativeIds: readonly string[],
  hoursPerFte: number,
  weights: RankWeights,
): Dashboard {
  const byId = new Map(processes.map((p) => [p.id, p]));
  const toBeOf = new Map<string, number>();
  for (const p of processes) if (p.kind === 'to-be' && p.linkedProcessId) toBeOf.set(p.linkedProcessId, (toBeOf.get(p.linkedProcessId) ?? 0) + 1);
  const initiatives = new Set(initiativeIds);
  const rows = rankInventory(records, weights).map((r) => ({ ...r, fte: fteOf(r.hours, hoursPerFte), coverage: coverageOf(r.row, byId, toBeOf, initiatives) }));
  return { rows, summary: summaryOf(rows, hoursPerFte), sections: [...new Set(records.map((r) => r.section))].sort((a, b) => a.localeCompare(b, 'ja')) };
}

export function summaryOf(rows: readonly DashboardRow[], hoursPerFte: number): InventorySummary {
  let hours = 0;
  let routine = 0;
  let nonCore = 0;
  for (const r of rows) {
    hours += r.hours;
    if (r.row.routine === '定型') routine += r.hours;
    if (r.row.core === 'ノンコア') nonCore += r.hours;
  }
  return {
    count: rows.length,
    hours,
    fte: fteOf(hours, hoursPerFte),
    routineShare: hours > 0 ? routine / hours : 0,
    nonCoreShare: hours > 0 ? nonCore / hours : 0,
    withAsIs: rows.filter((r) => r.coverage.asIs).length,
    withToBe: rows.filter((r) => r.coverage.toBe).length,
    withInitiative: rows.filter((r) => r.coverage.initiative).length,
  };
}

export interface DashboardFilter {
  section: string;
  text: string;
}

/** 課 exactly, and text anywhere in 業務名, 係, 整理番号 or 目的 (NFKC, case-insensitive). */
export function filterRows(rows: readonly DashboardRow[], filter: DashboardFilter): DashboardRow[] {
  const needle = filter.text.normalize('NFKC').trim().toLowerCase();
  return rows.filter((r) => {
    if (filter.section && r.row.section !== filter.section) return false;
    if (!needle) return true;
    return [r.row.name, r.row.unit, r.row.code, r.row.purpose].some((s) => s.normalize('NFKC').toLowerCase().includes(needle));
  });
}

export type SortKey = 'rank' | 'hours' | 'name' | 'section';

export function sortRows(rows: readonly DashboardRow[], key: SortKey, descending: boolean): DashboardRow[] {
  const cmp: Record<SortKey, (a: DashboardRow, b: DashboardRow) => number> = {
    rank: (a, b) => a.rank - b.rank,
    hours: (a, b) => a.hours - b.hours,
    name: (a, b) => a.row.name.localeCompare(b.row.name, 'ja'),
    section: (a, b) => a.row.section.localeCompare(b.row.section, 'ja') || a.rank - b.rank,
  };
  const sorted = [...rows].sort(cmp[key]);
  return descending ? sorted.reverse() : sorted;
}

/** 部 → 課 hours for the treemap; 業務 without a 部 go under 「（部の記入なし）」. */
export function treemapData(
  rows: readonly DashboardRow[],
  noDepartment: string,
): Array<{ name: string; value: number; children: Array<{ name: string; value: number }> }> {
  const tree = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (r.hours <= 0) continue;
    const dept = r.row.department || noDepartment;
    const sections = tree.get(dept) ?? new Map<string, number>();
    sections.set(r.row.section, (sections.get(r.row.section) ?? 0) + r.hours);
    tree.set(dept, sections);
  }
  return [...tree].map(([name, sections]) => {
    const children = [...sections].map(([s, value]) => ({ name: s, value }));
    return { name, value: children.reduce((s, c) => s + c.value, 0), children };
  });
}
