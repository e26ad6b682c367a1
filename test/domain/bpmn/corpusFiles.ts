import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { corpusRoot } from '../../support/paths';
import { isDetailTag, type DiagramErrorCode } from '../../../src/domain/bpmn/parseDiagram';

/** Corpus files of the given folders that an importer might be handed. */
export function corpusFiles(...folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(bpmn|xml|txt|png)$/i.test(name)) out.push(p);
    }
  };
  for (const f of folders) walk(join(corpusRoot, f));
  return out;
}

export const shortName = (file: string) => relative(corpusRoot, file);

/**
 * What plain bpmn-moddle thinks of a file, independent of our code: a fatal error, a duplicated
 * id that drops content, no process, or fine. Files known to be broken get their exact code.
 */
export async function moddleVerdict(text: string): Promise<'ok' | DiagramErrorCode> {
  try {
    const r = await new BpmnModdle().fromXML(text);
    const dup = r.warnings.find((w) => /duplicate ID/.test(w.message) && !isDetailTag(/<[^>]+>/.exec(w.message)?.[0] ?? ''));
    if (dup) return 'duplicate-id';
    const roots: Array<{ $type: string }> = r.rootElement?.rootElements ?? [];
    if (!roots.some((x) => x.$type === 'bpmn:Process' || x.$type === 'bpmn:Collaboration')) return 'no-process';
    return 'ok';
  } catch {
    return 'invalid';
  }
}

export const KNOWN_INVALID: Record<string, DiagramErrorCode> = {
  'bpmnjs/bpmn-js/test/fixtures/bpmn/error/binary.png': 'binary',
  'bpmnjs/bpmn-js/test/fixtures/bpmn/error/no-xml.txt': 'not-xml',
  'bpmnjs/bpmn-js/test/fixtures/bpmn/error/missing-namespace.bpmn': 'not-bpmn',
  'bpmnjs/bpmn-moddle/test/fixtures/bpmn/error/not-bpmn.bpmn': 'not-bpmn',
  'bpmnjs/bpmn-js/test/fixtures/bpmn/error/duplicate-ids.bpmn': 'duplicate-id',
  'bpmnjs/bpmn-js/test/fixtures/bpmn/error/no-process-collaboration.bpmn': 'no-process',
  'bpmnjs/bpmn-js/test/fixtures/bpmn/empty-definitions.bpmn': 'no-process',
  'miwg/LICENSE.txt': 'not-xml',
};
