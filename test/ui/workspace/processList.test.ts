import { describe, expect, it } from 'vitest';
import type { ProcessRecord } from '../../../src/store/types';
import { filterProcesses, groupByDepartment, normalizeForSearch, uniqueName } from '../../../src/ui/workspace/processList';

let seq = 0;
function proc(name: string, department: string, kind: 'as-is' | 'to-be' = 'as-is', linkedProcessId?: string): ProcessRecord {
  seq += 1;
  return {
    id: `p${seq}`,
    workspaceId: 'w',
    name,
    department,
    kind,
    ...(linkedProcessId ? { linkedProcessId } : {}),
    xml: '<x/>',
    createdAt: '2025-04-01T00:00:00.000Z',
    updatedAt: '2025-04-01T00:00:00.000Z',
    revision: 1,
  };
}

describe('workspace process list helpers', () => {
  const tennyuAsIs = proc('転入届（現行）', '市民課', 'as-is');
  const tennyuToBe = proc('転入届（書かない窓口）', '市民課', 'to-be', tennyuAsIs.id);
  const jido = proc('児童手当 認定請求', 'こども課');
  const loose = proc('起案・決裁', ' ');
  const all = [tennyuToBe, jido, loose, tennyuAsIs];

  it('given processes of several departments, when grouped, then each department is one group and blanks go to the unassigned label', () => {
    const groups = groupByDepartment(all, '担当課未設定');
    expect(groups.map((g) => g.department).sort()).toEqual(['こども課', '市民課', '担当課未設定'].sort());
    expect(groups.find((g) => g.department === '担当課未設定')?.processes).toEqual([loose]);
    expect(groups.reduce((n, g) => n + g.processes.length, 0)).toBe(all.length);
  });

  it('given an As-Is and its To-Be whose name sorts first, when grouped, then the As-Is comes first', () => {
    const asIs = proc('b 現行', '課', 'as-is');
    const toBe = proc('a 改善', '課', 'to-be', asIs.id);
    const other = proc('c', '課');
    expect(groupByDepartment([other, toBe, asIs], '-')[0].processes.map((p) => p.name)).toEqual(['b 現行', 'a 改善', 'c']);
  });

  it('given an As-Is with three scenarios, when grouped, then its scenarios follow it in name order, before the next As-Is', () => {
    const asIs = proc('b 現行', '課', 'as-is');
    const rpa = proc('z RPA', '課', 'to-be', asIs.id);
    const kakanai = proc('a 書かない窓口', '課', 'to-be', asIs.id);
    const both = proc('m 書かない窓口＋RPA', '課', 'to-be', asIs.id);
    const next = proc('c 現行', '課', 'as-is');
    expect(groupByDepartment([next, rpa, both, asIs, kakanai], '-')[0].processes.map((p) => p.name)).toEqual([
      'b 現行',
      'a 書かない窓口',
      'm 書かない窓口＋RPA',
      'z RPA',
      'c 現行',
    ]);
  });

  it('given a query, when filtering, then name and department both match and all words must match', () => {
    expect(filterProcesses(all, '市民課')).toEqual([tennyuToBe, tennyuAsIs]);
    expect(filterProcesses(all, '転入 書かない')).toEqual([tennyuToBe]);
    expect(filterProcesses(all, '  ')).toEqual(all);
    expect(filterProcesses(all, '存在しない')).toEqual([]);
  });

  it('given full-width or upper-case input, when normalized, then it matches half-width lower-case text', () => {
    expect(normalizeForSearch('ＡＢＣ　１２３')).toBe('abc 123');
    expect(filterProcesses([proc('RPA 導入', '情報政策課')], 'ｒｐａ')).toHaveLength(1);
  });

  it('given taken names, when a copy name is chosen, then it is the first free numbered name', () => {
    expect(uniqueName('転入届', [], 'コピー')).toBe('転入届 (コピー)');
    expect(uniqueName('転入届', ['転入届 (コピー)', '転入届 (コピー 2)'], 'コピー')).toBe('転入届 (コピー 3)');
  });
});
