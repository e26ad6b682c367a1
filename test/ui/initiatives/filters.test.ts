import { describe, expect, it } from 'vitest';
import { parseInitiative } from '../../../src/domain/model/initiative';
import { seedInitiatives } from '../../../src/domain/model/initiativeSeed';
import { parseDepartments, measureSuggestions, policySuggestions } from '../../../src/ui/initiatives/categories';
import { filterChoices, filterInitiatives, scheduleYears } from '../../../src/ui/initiatives/filters';

const list = seedInitiatives({}).map((s, n) =>
  parseInitiative({ ...s, schemaVersion: 1, id: `i${n}`, workspaceId: 'w', createdAt: '2025-04-01T00:00:00Z', updatedAt: '2025-04-01T00:00:00Z' }),
);

describe('取組 list filters', () => {
  it('given the seeded 取組, when filtered by 担当課, then only those with that 課 remain', () => {
    expect(filterInitiatives(list, { department: '総務課' }).map((i) => i.title)).toEqual(['電子決裁・文書管理システムの導入']);
    expect(filterInitiatives(list, { department: '情報政策課' })).toHaveLength(2);
  });

  it('given 基本方針, stage and fiscal year, when filtered, then stage and year together mean that stage in that year', () => {
    expect(filterInitiatives(list, { policy: '基本目標1 市民目線・利用者目線の人に優しいDX' }).map((i) => i.title)).toEqual([
      '書かない窓口の導入',
      '行政手続のオンライン化',
    ]);
    expect(filterInitiatives(list, { stage: '検討', fiscalYear: 2024 }).map((i) => i.title)).toEqual(['書かない窓口の導入', 'BPRの推進', 'AI・RPAの利用推進']);
    expect(filterInitiatives(list, { stage: '検討', fiscalYear: 2026 })).toEqual([]);
    expect(filterInitiatives(list, { fiscalYear: 2030 })).toEqual([]);
    expect(filterInitiatives(list, { text: 'ＲＰＡ' }).length).toBeGreaterThan(0);
  });

  it('given the list, when choices and schedule columns are derived, then they cover what the 取組 hold', () => {
    const c = filterChoices(list);
    expect(c.fiscalYears).toEqual([2024, 2025, 2026]);
    expect(c.departments).toContain('市民課');
    expect(scheduleYears(list, [2025, 2026, 2027])).toEqual([2024, 2025, 2026, 2027]);
    expect(scheduleYears([], [2025])).toEqual([2025]);
  });

  it('given 担当課 text and categories, when parsed and suggested, then 課 are split and the workspace wording comes first', () => {
    expect(parseDepartments('市民課、税務課,市民課 ， こども課')).toEqual(['市民課', '税務課', 'こども課']);
    const own = [{ categoryPath: ['独自の基本方針', '独自の施策'] }];
    expect(policySuggestions(own)[0]).toBe('独自の基本方針');
    expect(measureSuggestions(own, '独自の基本方針')).toEqual(['独自の施策']);
    expect(measureSuggestions([], '基本目標3 行政の業務効率化と働き方改革')).toContain('施策⑧ BPRの取り組みの推進');
  });
});
