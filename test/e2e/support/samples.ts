import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './browser';

export interface ManifestEntry {
  file: string;
  name: string;
  department: string;
  kind: 'as-is' | 'to-be';
  linkedTo?: string | null;
}

/** The sample manifest the app seeds from, so tests follow the samples instead of hard-coding them. */
export function readManifest(): ManifestEntry[] {
  return JSON.parse(readFileSync(path.join(repoRoot, 'diagrams', 'manifest.json'), 'utf8')) as ManifestEntry[];
}

export function readSampleXml(file: string): string {
  return readFileSync(path.join(repoRoot, 'diagrams', file), 'utf8');
}

export function kindLabel(kind: ManifestEntry['kind']): 'As-Is' | 'To-Be' {
  return kind === 'as-is' ? 'As-Is' : 'To-Be';
}

/** The sample whose name starts with `prefix` and has the given kind (e.g. 転入届 As-Is). */
export function findSample(prefix: string, kind: ManifestEntry['kind']): ManifestEntry {
  const entry = readManifest().find((e) => e.name.startsWith(prefix) && e.kind === kind);
  if (!entry) throw new Error(`diagrams/manifest.json has no ${kind} sample starting with ${prefix}`);
  return entry;
}

/** Named tasks of a BPMN file in document order: [{ id, name }]. */
export function namedTasks(xml: string): Array<{ id: string; name: string }> {
  const out: Array<{ id: string; name: string }> = [];
  const re = /<(?:bpmn:)?(?:task|userTask|manualTask|serviceTask|scriptTask|sendTask|receiveTask|businessRuleTask)\b([^>]*)>/g;
  for (const match of xml.matchAll(re)) {
    const id = /\bid="([^"]+)"/.exec(match[1])?.[1];
    const name = /\bname="([^"]+)"/.exec(match[1])?.[1];
    if (id && name) out.push({ id, name: decodeXml(name) });
  }
  return out;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#10;/g, '\n')
    .replace(/&amp;/g, '&');
}

const corpusRoot = path.resolve(repoRoot, '..', 'shared', 'corpus');

/** A real PNG from the outside corpus when present, else a tiny PNG made here. */
export function pngBytes(): Buffer {
  const corpusPng = path.join(corpusRoot, 'bpmnjs/bpmn-js/test/fixtures/bpmn/error/binary.png');
  if (existsSync(corpusPng)) return readFileSync(corpusPng);
  return Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
}
