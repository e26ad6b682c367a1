import { describe, expect, it } from 'vitest';
import { asIsSkeletonOf } from '../../../src/domain/inventory/asIsSkeleton';
import { DEFAULT_RANK_WEIGHTS } from '../../../src/domain/inventory/rank';
import type { InventoryRecord } from '../../../src/domain/inventory/record';
import { dashboardOf, filterRows, sortRows, treemapData } from '../../../src/ui/inventory/viewModel';

const rec = (id: string, over: Partial<InventoryRecord>): InventoryRecord => ({
  schemaVersion: 1,
  id,
  workspaceId: 'w',
  department: '',
  section: '市民課',
  unit: '',
  name: id,
  code: '',
  purpose: '',
  legalBasis: '',
  peakPeriod: '',
  note: '',
  paper: false,
  systemEntry: false,
  outsourced: false,
  processIds: [],
  initiativeIds: [],
  createdAt: '',
  updatedAt: '',
  ...over,
});

// Hand figures: A 1,200 h 定型 (score 2,400), B 600 h ノンコア+紙 (1.5 × 1.5 = 2.25 → 1,350), C 300 h plain (300).
const RECORDS = [
  rec('A', {
    department: '市民生活部',
    name: '住民票の写しの交付',
    unit: '窓口係',
    annualCount: 12000,
    minutesPerCase: 6,
    routine: '定型',
    processIds: ['p-asis'],
    initiativeIds: ['i-1'],
  }),
  rec('B', {
    department: '市民生活部',
    section: '保険年金課',
    name: '国保資格の異動',
    enteredHours: 600,
    core: 'ノンコア',
    paper: true,
    processIds: ['p-tobe-only'],
  }),
  rec('C', { department: '総務部', section: '税務課', name: '課税資料の整理', code: 'Z-9', enteredHours: 300 }),
];
const PROCESSES = [
  { id: 'p-asis', kind: 'as-is' as const },
  { id: 'p-tobe', kind: 'to-be' as const, linkedProcessId: 'p-asis' },
  { id: 'p-tobe-only', kind: 'to-be' as const },
];

describe('業務の全体像 view model', () => {
  it('given three 業務, when the dashboard is built, then totals, shares, ranking and coverage are the hand-computed ones', () => {
    const d = dashboardOf(RECORDS, PROCESSES, ['i-1'], 1200, DEFAULT_RANK_WEIGHTS);
    expect(d.summary).toMatchObject({ count: 3, hours: 2100, fte: 1.75, withAsIs: 1, withToBe: 2, withInitiative: 1 });
    expect(d.summary.routineShare).toBeCloseTo(1200 / 2100, 12);
    expect(d.summary.nonCoreShare).toBeCloseTo(600 / 2100, 12);
    expect(d.rows.map((r) => [r.row.id, r.rank, r.score])).toEqual([
      ['A', 1, 2400],
      ['B', 2, 1350],
      ['C', 3, 300],
    ]);
    expect(d.rows[0].coverage).toEqual({ asIs: true, toBe: true, initiative: true });
    expect(d.rows[1].coverage).toEqual({ asIs: false, toBe: true, initiative: false });
    expect(d.rows[2].coverage).toEqual({ asIs: false, toBe: false, initiative: false });
    expect(d.sections).toEqual(['市民課', '税務課', '保険年金課'].sort((a, b) => a.localeCompare(b, 'ja')));
  });

  it('given a filter by 課 and by text, then only matching rows remain; text matches 係, 整理番号 and full-width input', () => {
    const { rows } = dashboardOf(RECORDS, PROCESSES, [], 1200, DEFAULT_RANK_WEIGHTS);
    expect(filterRows(rows, { section: '税務課', text: '' }).map((r) => r.row.id)).toEqual(['C']);
    expect(filterRows(rows, { section: '', text: '窓口' }).map((r) => r.row.id)).toEqual(['A']);
    // Full-width 「Ｚ－９」 as an IME types it finds 整理番号 Z-9.
    expect(filterRows(rows, { section: '', text: 'Ｚ－９' }).map((r) => r.row.id)).toEqual(['C']);
    expect(filterRows(rows, { section: '市民課', text: '税' })).toEqual([]);
  });

  it('given sort keys, then rows order by hours (largest first when descending) and by name in Japanese order', () => {
    const { rows } = dashboardOf(RECORDS, PROCESSES, [], 1200, { routine: 1, nonCore: 1, paper: 1, systemEntry: 1 });
    expect(sortRows(rows, 'hours', true).map((r) => r.hours)).toEqual([1200, 600, 300]);
    expect(sortRows(rows, 'hours', false).map((r) => r.hours)).toEqual([300, 600, 1200]);
  });

  it('given the rows, when the treemap data is built, then each 部 holds its 課 and their hours add up', () => {
    const { rows } = dashboardOf(RECORDS, PROCESSES, [], 1200, DEFAULT_RANK_WEIGHTS);
    expect(treemapData(rows, '（部の記入なし）')).toEqual([
      {
        name: '市民生活部',
        value: 1800,
        children: [
          { name: '市民課', value: 1200 },
          { name: '保険年金課', value: 600 },
        ],
      },
      { name: '総務部', value: 300, children: [{ name: '税務課', value: 300 }] },
    ]);
  });
});

describe('As-Is from a 業務 row', () => {
  it('given a row with 件数 and 分, then one step by the 係 with that fixed time, started by the yearly count', () => {
    const s = asIsSkeletonOf(RECORDS[0]);
    expect(s.business).toEqual({
      name: '住民票の写しの交付',
      annualVolume: 12000,
      steps: [{ row: 1, name: '住民票の写しの交付', role: '窓口係', resident: false, staffTime: { type: 'fixed', value: 6 } }],
    });
    expect(s.notes).toEqual(['single-step']);
  });

  it('given only a yearly total and a count, then the time per case is total × 60 / count (600 h, 1,800 件 → 20 分)', () => {
    const s = asIsSkeletonOf(rec('D', { enteredHours: 600, annualCount: 1800 }));
    expect(s.business.steps[0].staffTime).toEqual({ type: 'fixed', value: 20 });
    expect(s.business.steps[0].role).toBe('市民課');
    expect(s.notes).toContain('time-from-total');
  });

  it('given no count, then the step has no time and the note asks for the count', () => {
    const s = asIsSkeletonOf(RECORDS[2]);
    expect(s.business.annualVolume).toBeUndefined();
    expect(s.business.steps[0].staffTime).toBeUndefined();
    expect(s.notes).toContain('no-count');
  });
});
