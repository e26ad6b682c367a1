import type { ProcessKind } from '../../store/types';

/** One entry of diagrams/manifest.json. */
export interface ManifestEntry {
  file: string;
  name: string;
  department: string;
  kind: ProcessKind;
  linkedTo?: string | null;
  description?: string;
}

export interface SampleDiagram {
  fileName: string;
  name: string;
  department: string;
  kind: ProcessKind;
  xml: string;
  linkedTo?: string;
}

// Globbed rather than imported directly so a checkout without samples still builds (it just seeds nothing).
const manifestModules = import.meta.glob<ManifestEntry[]>('/diagrams/manifest.json', { eager: true, import: 'default' });
const diagramFiles = import.meta.glob<string>('/diagrams/*.bpmn', { query: '?raw', import: 'default', eager: true });

/** Pairs manifest entries with their file contents; entries whose file is missing are left out. */
export function buildSamples(manifest: readonly ManifestEntry[], files: Record<string, string>): SampleDiagram[] {
  const byName = new Map(Object.entries(files).map(([path, xml]) => [path.replace(/^.*\//, ''), xml]));
  const samples: SampleDiagram[] = [];
  for (const entry of manifest) {
    const xml = byName.get(entry.file.replace(/^.*\//, ''));
    if (xml === undefined) continue;
    samples.push({
      fileName: entry.file,
      name: entry.name,
      department: entry.department,
      kind: entry.kind,
      xml,
      ...(entry.linkedTo ? { linkedTo: entry.linkedTo } : {}),
    });
  }
  return samples;
}

/** The sample processes bundled with the app, seeded into a new workspace. */
export function bundledSamples(): SampleDiagram[] {
  const manifest = Object.values(manifestModules)[0] ?? [];
  return buildSamples(manifest, diagramFiles);
}
