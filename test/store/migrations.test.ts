import { describe, expect, it } from 'vitest';
import { MIGRATIONS, currentSchemaVersion, migrateRecord, type Migration } from '../../src/store/migrations';
import { readProcessRecord, readVersionRecord, readWorkspaceRecord } from '../../src/store/records';
import { InvalidRecordError, type StoredRecordType } from '../../src/store/types';

const v0Process = {
  id: 'p-1',
  workspaceId: 'w-1',
  name: '転出届',
  asIs: false,
  xml: '<bpmn:definitions/>',
  createdAt: Date.UTC(2024, 3, 1),
  updatedAt: Date.UTC(2024, 3, 2),
};

describe('migrations registry', () => {
  it('given the registry, then workspaces and versions are at v1 and processes at v2 (scenarios), one step per version', () => {
    for (const type of ['workspace', 'version'] as const) {
      expect(currentSchemaVersion(type)).toBe(1);
      expect(MIGRATIONS[type]).toHaveLength(1);
    }
    expect(currentSchemaVersion('process')).toBe(2);
    expect(MIGRATIONS.process).toHaveLength(2);
  });

  it('given a v0 To-Be process, when migrated, then kind, revision, department and ISO timestamps are filled and the input is not mutated', () => {
    const input = structuredClone(v0Process);
    const out = migrateRecord('process', input);
    expect(out).toEqual({
      ok: true,
      fromVersion: 0,
      record: {
        schemaVersion: 2,
        id: 'p-1',
        workspaceId: 'w-1',
        name: '転出届',
        kind: 'to-be',
        department: '未分類',
        revision: 1,
        xml: '<bpmn:definitions/>',
        createdAt: '2024-04-01T00:00:00.000Z',
        updatedAt: '2024-04-02T00:00:00.000Z',
      },
    });
    expect(input).toEqual(v0Process);
  });

  it('given a current record, when migrated, then it comes back unchanged', () => {
    const current = { schemaVersion: 1, id: 'x', name: 'n' };
    expect(migrateRecord('workspace', current)).toEqual({ ok: true, fromVersion: 1, record: current });
  });

  it('given a registry with two steps, when a v0 record is migrated, then the steps run in order', () => {
    const registry: Record<StoredRecordType, readonly Migration[]> = {
      ...MIGRATIONS,
      workspace: [(r) => ({ ...r, schemaVersion: 1, trail: 'a' }), (r) => ({ ...r, schemaVersion: 2, trail: `${String(r.trail)}b` })],
    };
    expect(migrateRecord('workspace', { id: 'w' }, registry)).toMatchObject({ ok: true, record: { schemaVersion: 2, trail: 'ab' } });
    expect(migrateRecord('workspace', { id: 'w', schemaVersion: 1, trail: 'a' }, registry)).toMatchObject({ record: { trail: 'ab' } });
  });

  it('given a malformed or too new schemaVersion, then migration fails with a Japanese reason', () => {
    expect(migrateRecord('process', { schemaVersion: 'one' })).toMatchObject({ ok: false, problem: expect.stringContaining('データ形式の版') });
    expect(migrateRecord('process', { schemaVersion: 3 })).toMatchObject({ ok: false, problem: expect.stringContaining('新しい版') });
    expect(migrateRecord('process', null)).toMatchObject({ ok: false, problem: 'レコードがオブジェクトではありません' });
  });
});

describe('reading stored records', () => {
  it('given v0 workspace and version records, when read, then hoursPerFte and version reason/name/revision are filled', () => {
    expect(readWorkspaceRecord({ id: 'w', name: '本庁', createdAt: 0, updatedAt: 0 })).toEqual({
      id: 'w',
      name: '本庁',
      hoursPerFte: 1860,
      createdAt: '1970-01-01T00:00:00.000Z',
      updatedAt: '1970-01-01T00:00:00.000Z',
    });
    expect(readVersionRecord({ id: 'v', processId: 'p', xml: '<x/>', createdAt: 0, auto: true })).toEqual({
      id: 'v',
      processId: 'p',
      xml: '<x/>',
      name: '',
      reason: 'autosave',
      revision: 0,
      createdAt: '1970-01-01T00:00:00.000Z',
    });
  });

  it('given a v0 process without an asIs flag, when read, then InvalidRecordError names the process and the kind field in Japanese', () => {
    const { asIs: _dropped, ...noFlag } = v0Process;
    let error: unknown;
    try {
      readProcessRecord(noFlag);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InvalidRecordError);
    const e = error as InvalidRecordError;
    expect(e.recordType).toBe('process');
    expect(e.recordId).toBe('p-1');
    expect(e.message).toContain('プロセス「転出届」(id: p-1)');
    expect(e.message).toContain('データ形式 v0 から移行した後');
    expect(e.problems).toEqual([expect.stringMatching(/^種別 \(kind\): /)]);
  });

  it('given a current record with several wrong fields, then every problem is listed with the field’s Japanese name', () => {
    const bad = {
      schemaVersion: 1,
      id: 'p',
      workspaceId: 'w',
      name: '',
      department: '市民課',
      kind: 'as-is',
      xml: '',
      createdAt: 'きのう',
      updatedAt: '2024-01-01T00:00:00Z',
      revision: 0,
    };
    expect(() => readProcessRecord(bad)).toThrow(InvalidRecordError);
    try {
      readProcessRecord(bad);
    } catch (err) {
      const problems = (err as InvalidRecordError).problems.join('\n');
      expect(problems).toMatch(/名前 \(name\): プロセス名が空です/);
      expect(problems).toMatch(/作成日時 \(createdAt\)/);
      expect(problems).toMatch(/版番号 \(revision\)/);
    }
  });

  it('given a process linked to itself, when read, then it is refused', () => {
    const self = { ...migrateRecordOk(v0Process), linkedProcessId: 'p-1' };
    expect(() => readProcessRecord(self)).toThrow(/自分自身/);
  });
});

function migrateRecordOk(raw: unknown): Record<string, unknown> {
  const out = migrateRecord('process', raw);
  if (!out.ok) throw new Error(out.problem);
  return out.record;
}
