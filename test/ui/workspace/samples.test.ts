import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSamples, bundledSamples, type ManifestEntry } from '../../../src/ui/workspace/samples';

const repoRoot = path.resolve(__dirname, '../../..');

describe('bundled samples', () => {
  it('given a manifest and files, when samples are built, then entries pair with their XML and missing files are left out', () => {
    const manifest: ManifestEntry[] = [
      { file: 'a.bpmn', name: 'A', department: '市民課', kind: 'as-is', linkedTo: 'b.bpmn' },
      { file: 'b.bpmn', name: 'B', department: '市民課', kind: 'to-be', linkedTo: null },
      { file: 'missing.bpmn', name: 'M', department: '市民課', kind: 'as-is' },
    ];
    const samples = buildSamples(manifest, { '/diagrams/a.bpmn': '<a/>', '/diagrams/b.bpmn': '<b/>' });
    expect(samples).toEqual([
      { fileName: 'a.bpmn', name: 'A', department: '市民課', kind: 'as-is', xml: '<a/>', linkedTo: 'b.bpmn' },
      { fileName: 'b.bpmn', name: 'B', department: '市民課', kind: 'to-be', xml: '<b/>' },
    ]);
  });

  it('given the repository diagrams, when bundled, then every manifest entry is seeded with its file content', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'diagrams/manifest.json'), 'utf8')) as ManifestEntry[];
    const samples = bundledSamples();
    expect(samples.map((s) => s.fileName)).toEqual(manifest.map((m) => m.file));
    for (const s of samples) expect(s.xml).toBe(readFileSync(path.join(repoRoot, 'diagrams', s.fileName), 'utf8'));
  });
});
