import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINKED_INDICATOR_KINDS, parseInitiative } from '../../../src/domain/model/initiative';
import { SEED_PAIRS, seedInitiatives } from '../../../src/domain/model/initiativeSeed';
import { diagramsRoot } from '../../support/paths';

interface ManifestEntry {
  file: string;
  kind: 'as-is' | 'to-be';
  linkedTo?: string | null;
}
const manifest = JSON.parse(readFileSync(path.join(diagramsRoot, 'manifest.json'), 'utf8')) as ManifestEntry[];
const idsByFile = Object.fromEntries(manifest.map((m, i) => [m.file, `p${i}-${m.file}`]));
const asRecord = (seed: ReturnType<typeof seedInitiatives>[number], n: number) => ({
  ...seed,
  schemaVersion: 1,
  id: `seed-${n}`,
  workspaceId: 'ws',
  createdAt: '2025-04-01T00:00:00.000Z',
  updatedAt: '2025-04-01T00:00:00.000Z',
});

describe('seeded 取組', () => {
  it('given the sample manifest, when the seeds are built, then every one parses as a valid 取組', () => {
    const seeds = seedInitiatives(idsByFile);
    expect(seeds.map((s) => s.title)).toEqual([
      '書かない窓口の導入',
      'BPRの推進',
      '電子決裁・文書管理システムの導入',
      'AI・RPAの利用推進',
      '行政手続のオンライン化',
    ]);
    seeds.forEach((s, n) => expect(() => parseInitiative(asRecord(s, n))).not.toThrow());
  });

  it('given the manifest, when the seeds refer to sample files, then each is an As-Is linked to the named To-Be', () => {
    const byFile = new Map(manifest.map((m) => [m.file, m]));
    for (const pair of SEED_PAIRS) {
      expect(byFile.get(pair.asIs)).toMatchObject({ kind: 'as-is', linkedTo: pair.toBe });
      expect(byFile.get(pair.toBe)).toMatchObject({ kind: 'to-be' });
    }
  });

  it('given process ids by file, when attached, then the ids of the named files are used and BPRの推進 has several pairs', () => {
    const seeds = seedInitiatives(idsByFile);
    const kakanai = seeds.find((s) => s.title === '書かない窓口の導入');
    expect(kakanai?.attachments).toEqual([{ asIsProcessId: idsByFile['tennyu-asis.bpmn'], toBeProcessId: idsByFile['tennyu-tobe.bpmn'] }]);
    expect(seeds.find((s) => s.title === 'BPRの推進')?.attachments?.length).toBeGreaterThanOrEqual(3);
    const known = new Set(Object.values(idsByFile));
    for (const a of seeds.flatMap((s) => s.attachments ?? [])) {
      expect(known.has(a.asIsProcessId)).toBe(true);
      expect(known.has(a.toBeProcessId ?? '')).toBe(true);
    }
  });

  it('given a missing To-Be or As-Is file, when the seeds are built, then the As-Is stays alone or the pair is left out', () => {
    const seeds = seedInitiatives({ 'tennyu-asis.bpmn': 'a1' });
    expect(seeds.find((s) => s.title === '書かない窓口の導入')?.attachments).toEqual([{ asIsProcessId: 'a1' }]);
    expect(seeds.find((s) => s.title === '電子決裁・文書管理システムの導入')?.attachments).toEqual([]);
  });

  it('given the seeds, when their figures are read, then no measured value or baseline is invented and linked indicators are present', () => {
    const seeds = seedInitiatives(idsByFile).map((s, n) => parseInitiative(asRecord(s, n)));
    for (const s of seeds) {
      for (const ind of s.indicators) {
        expect(ind.baseline).toBeUndefined();
        for (const y of ind.years) {
          expect(y.measured).toBeUndefined();
          expect(y.estimated).toBeUndefined();
        }
      }
      expect(s.schedule.map((e) => e.fiscalYear)).toEqual([2024, 2025, 2026]);
      expect(s.categoryPath).toHaveLength(2);
    }
    const kinds = new Set(seeds.flatMap((s) => s.indicators.map((i) => i.kind)));
    for (const k of [...LINKED_INDICATOR_KINDS, 'count']) expect(kinds.has(k as never)).toBe(true);
    expect(seeds.find((s) => s.title === 'BPRの推進')?.categoryPath).toEqual(['基本目標3 行政の業務効率化と働き方改革', '施策⑧ BPRの取り組みの推進']);
  });
});
