import { describe, expect, it } from 'vitest';
import type { ProcessRecord } from '../../../src/store/types';
import { asIsWithScenarios, defaultPair, linkedPairs, scenarioLabel, scenariosOf } from '../../../src/ui/compare/pairs';

const proc = (id: string, name: string, kind: 'as-is' | 'to-be', linkedProcessId?: string, createdAt = '2025-04-01T00:00:00.000Z'): ProcessRecord => ({
  id,
  workspaceId: 'w',
  name,
  department: '市民課',
  kind,
  xml: '',
  createdAt,
  updatedAt: createdAt,
  revision: 1,
  ...(linkedProcessId ? { linkedProcessId } : {}),
});

const list = [
  proc('a1', '転入届', 'as-is'),
  proc('b1', '転入届（書かない窓口）', 'to-be', 'a1'),
  proc('b1r', '転入届（To-Be: RPA・入力）', 'to-be', 'a1', '2025-05-01T00:00:00.000Z'),
  proc('a2', '児童手当', 'as-is'),
  proc('b2', '児童手当（オンライン）', 'to-be', 'a2'),
  proc('a3', '起案', 'as-is'),
];

describe('compare pairs and scenarios', () => {
  it('given processes, when pairs are listed, then every As-Is/scenario pair appears, As-Is in name order and scenarios oldest first', () => {
    expect(linkedPairs(list).map((p) => [p.asIs.id, p.toBe.id])).toEqual([
      ['a2', 'b2'],
      ['a1', 'b1'],
      ['a1', 'b1r'],
    ]);
  });

  it('given an As-Is with two scenarios, when listed, then both are its scenarios and an As-Is without any is left out', () => {
    expect(scenariosOf(list, 'a1').map((p) => p.id)).toEqual(['b1', 'b1r']);
    expect(asIsWithScenarios(list).map((x) => x.asIs.id)).toEqual(['a2', 'a1']);
  });

  it('given a To-Be without a scenario name, when labelled, then the part after 「To-Be:」 or in its closing brackets is used; its own name wins', () => {
    expect(scenarioLabel(list[2])).toBe('RPA・入力');
    expect(scenarioLabel(list[1])).toBe('書かない窓口');
    expect(scenarioLabel({ ...list[1], scenarioName: '書かない窓口・ワンストップ' })).toBe('書かない窓口・ワンストップ');
  });

  it('given a requested pair, when the default is chosen, then it wins over the open process', () => {
    expect(defaultPair(list, { asIsId: 'a1', toBeId: 'b1r' }, 'a2')).toEqual({ asIsId: 'a1', toBeId: 'b1r' });
  });

  it('given an open To-Be or As-Is and no request, when the default is chosen, then its own pair or its first scenario is used', () => {
    expect(defaultPair(list, null, 'b1r')).toEqual({ asIsId: 'a1', toBeId: 'b1r' });
    expect(defaultPair(list, null, 'a1')).toEqual({ asIsId: 'a1', toBeId: 'b1' });
  });

  it('given a requested pair that no longer exists and an As-Is without scenarios open, when the default is chosen, then the first pair is used', () => {
    expect(defaultPair(list, { asIsId: 'gone', toBeId: 'b1' }, 'a3')).toEqual({ asIsId: 'a2', toBeId: 'b2' });
    // A pair asked for explicitly is kept even when the To-Be is another As-Is's scenario (an older 取組 attachment).
    expect(defaultPair(list, { asIsId: 'a2', toBeId: 'b1' }, null)).toEqual({ asIsId: 'a2', toBeId: 'b1' });
    expect(defaultPair([proc('x', 'x', 'as-is')], null, null)).toBeNull();
  });
});
