import { describe, expect, it } from 'vitest';
import { readNavigation } from '../../src/ui/navigationMemory';

describe('readNavigation (the place a reload comes back to)', () => {
  it('given what rememberNavigation writes for the 比較 tab on a pair, when read back, then the same tab, process and pair come out', () => {
    const stored = JSON.parse('{"tab":"compare","openProcessId":"p-1","comparePair":{"asIsId":"p-1","toBeId":"p-2"}}');
    expect(readNavigation(stored)).toEqual({ tab: 'compare', openProcessId: 'p-1', comparePair: { asIsId: 'p-1', toBeId: 'p-2' } });
  });

  it('given the workspace tab with nothing open, when read, then both ids are null', () => {
    expect(readNavigation({ tab: 'workspace', openProcessId: null, comparePair: null })).toEqual({ tab: 'workspace', openProcessId: null, comparePair: null });
  });

  it('given extra keys beside the three, when read, then only the three come out', () => {
    expect(readNavigation({ tab: 'editor', openProcessId: 'p-9', comparePair: null, scroll: 120 })).toEqual({
      tab: 'editor',
      openProcessId: 'p-9',
      comparePair: null,
    });
  });

  it.each([
    ['a tab the app does not have', { tab: 'reports', openProcessId: null, comparePair: null }],
    ['an empty process id', { tab: 'editor', openProcessId: '', comparePair: null }],
    ['a numeric process id', { tab: 'editor', openProcessId: 7, comparePair: null }],
    ['no openProcessId key at all', { tab: 'editor', comparePair: null }],
    ['a pair without its To-Be', { tab: 'compare', openProcessId: null, comparePair: { asIsId: 'p-1' } }],
    ['a pair with an empty As-Is', { tab: 'compare', openProcessId: null, comparePair: { asIsId: '', toBeId: 'p-2' } }],
    ['a pair given as a string', { tab: 'compare', openProcessId: null, comparePair: 'p-1/p-2' }],
    ['an array', ['compare', null, null]],
    ['null', null],
    ['a string', 'compare'],
  ])('given %s, when read, then nothing is restored', (_label, stored) => {
    expect(readNavigation(stored)).toBeNull();
  });
});
