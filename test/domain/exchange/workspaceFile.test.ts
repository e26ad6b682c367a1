import { describe, expect, it } from 'vitest';
import { parseWorkspaceFile, serializeWorkspaceFile, WorkspaceFileError, workspaceFileName } from '../../../src/domain/exchange/workspaceFile';

const stamp = '2025-04-01T00:00:00.000Z';
const process = (id: string, kind: 'as-is' | 'to-be', extra: Record<string, unknown> = {}) => ({
  id,
  name: `業務${id}`,
  department: '市民課',
  kind,
  xml: '<definitions/>',
  createdAt: stamp,
  updatedAt: stamp,
  revision: 1,
  ...extra,
});
const v1 = (over: Record<string, unknown> = {}) => ({
  format: 'bpr-studio-workspace',
  schemaVersion: 1,
  exportedAt: stamp,
  workspace: { id: 'w1', name: 'ワークスペース', hoursPerFte: 1860, createdAt: stamp, updatedAt: stamp },
  processes: [process('p1', 'as-is', { linkedProcessId: 'p2' }), process('p2', 'to-be', { linkedProcessId: 'p1' })],
  initiatives: [],
  settings: {},
  ...over,
});

function problemsOf(input: unknown): string[] {
  try {
    parseWorkspaceFile(typeof input === 'string' ? input : JSON.stringify(input));
  } catch (e) {
    if (e instanceof WorkspaceFileError) return e.problems;
    throw e;
  }
  return [];
}

describe('parseWorkspaceFile', () => {
  it('given a v0 file (no schemaVersion, epoch exportedAt, history), when parsed, then it is migrated to the current version (v3, with an empty inventory)', () => {
    const { schemaVersion: _s, initiatives: _i, settings: _t, ...rest } = v1();
    const v0 = {
      ...rest,
      exportedAt: Date.parse(stamp),
      processes: [process('p1', 'as-is', { history: [{ id: 'v1', xml: '<x/>', name: 'a', reason: 'save', createdAt: stamp, revision: 1 }] })],
    };
    const file = parseWorkspaceFile(JSON.stringify(v0));
    expect(file.schemaVersion).toBe(3);
    expect(file.inventory).toEqual([]);
    expect(file.exportedAt).toBe(stamp);
    expect(file.processes[0].versions.map((v) => v.id)).toEqual(['v1']);
    expect(file.processes[0]).not.toHaveProperty('history');
    expect(file.initiatives).toEqual([]);
    expect(file.settings).toEqual({});
  });

  it('given a file from a newer app, when parsed, then it is refused naming both versions', () => {
    expect(problemsOf(v1({ schemaVersion: 9 }))[0]).toMatch(/形式 v9.*v3 まで/);
  });

  it('given bytes with a BOM, when parsed, then they read; given non-UTF-8 bytes, then the error says so', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${JSON.stringify(v1())}`);
    expect(parseWorkspaceFile(bytes).processes).toHaveLength(2);
    expect(problemsOf.bind(null, '')).toBeDefined();
    expect(() => parseWorkspaceFile(Uint8Array.from([0x8b, 0xc6, 0xff]))).toThrow(/UTF-8 のテキストではありません/);
  });

  it('given duplicate ids, an As-Is naming a To-Be of another As-Is, an invalid 取組 and a broken process, when parsed, then every problem is listed', () => {
    const problems = problemsOf(
      v1({
        processes: [
          process('p1', 'as-is', { linkedProcessId: 'p2' }),
          process('p2', 'to-be', { linkedProcessId: 'p5' }),
          process('p5', 'as-is'),
          process('p1', 'to-be', { name: '重複' }),
          process('p4', 'to-be', { revision: 0 }),
        ],
        initiatives: [{ schemaVersion: 1, id: 'i1', workspaceId: 'w1', title: '取組A', departments: [], createdAt: stamp, updatedAt: stamp }],
      }),
    );
    expect(problems).toEqual([
      'プロセス5件目「業務p4」の版番号: 版番号は1以上です',
      expect.stringMatching(/^取組1件目: 取組「取組A」の departments/),
      'プロセス「重複」 の ID「p1」が プロセス「業務p1」 と重複しています',
      'プロセス「業務p1」と「業務p2」の対応付けが片方向です',
    ]);
  });

  it('given a file, when serialised and parsed again, then it is the same and its download name carries the workspace and date', () => {
    const file = parseWorkspaceFile(JSON.stringify(v1()));
    expect(parseWorkspaceFile(serializeWorkspaceFile(file))).toEqual(file);
    // Links on both sides (files from before scenarios) read as one scenario: only the To-Be keeps it.
    expect(file.processes.map((p) => [p.id, p.linkedProcessId, p.scenarioName])).toEqual([
      ['p1', undefined, undefined],
      ['p2', 'p1', '業務p2'],
    ]);
    expect(workspaceFileName(file)).toBe('bpr-studio_ワークスペース_2025-04-01.json');
  });
});
