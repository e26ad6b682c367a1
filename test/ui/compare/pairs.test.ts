import { describe, expect, it } from 'vitest';
import type { ProcessRecord } from '../../../src/store/types';
import { defaultPair, linkedPairs } from '../../../src/ui/compare/pairs';

const proc = (id: string, name: string, kind: 'as-is' | 'to-be', linkedProcessId?: string): ProcessRecord => ({
  id, workspaceId: 'w', name, department: '市民課', kind, xml: '', createdAt: '', updatedAt: '', revision: 1,
  ...(linkedProcessId ? { linkedProcessId } : {}),
});

const list = [
  proc('a1', '転入届', 'as-is', 'b1'),
  proc('b1', '転入届（書かない窓口）', 'to-be', 'a1'),
  proc('a2', '児童手当', 'as-is', 'b2'),
  proc('b2', '児童手当（オンライン）', 'to-be', 'a2'),
  proc('a3', '起案', 'as-is'),
];

describe('compare pairs', () => {
  it('given processes, when pairs are listed, then only linked As-Is/To-Be pairs appear in name order', () => {
    expect(linkedPairs(list).map((p) => [p.asIs.id, p.toBe.id])).toEqual([['a2', 'b2'], ['a1', 'b1']]);
  });

  it('given a requested pair, when the default is chosen, then it wins over the open process', () => {
    expect(defaultPair(list, { asIsId: 'a1', toBeId: 'b1' }, 'a2')).toEqual({ asIsId: 'a1', toBeId: 'b1' });
  });

  it('given an open To-Be and no request, when the default is chosen, then its As-Is pair is used', () => {
    expect(defaultPair(list, null, 'b1')).toEqual({ asIsId: 'a1', toBeId: 'b1' });
  });

  it('given a requested pair that no longer exists and an unlinked open process, when the default is chosen, then the first linked pair is used', () => {
    expect(defaultPair(list, { asIsId: 'gone', toBeId: 'b1' }, 'a3')).toEqual({ asIsId: 'a2', toBeId: 'b2' });
    expect(defaultPair([proc('x', 'x', 'as-is')], null, null)).toBeNull();
  });
});
