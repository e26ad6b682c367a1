import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { laneNameOf, readDiagramAnnotations } from '../../../src/domain/bpmn/annotationsRead';
import { writeDiagramAnnotations } from '../../../src/domain/bpmn/annotationsWrite';
import type { ModdleElement } from '../../../src/domain/bpmn/bprAccess';
import { createModdle } from '../../../src/domain/bpmn/moddle';
import { DiagramSerializeError, parseDiagram, serializeDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { allFlowElements, allLanes } from '../../../src/domain/bpmn/walk';
import { corpusAvailable } from '../../support/paths';
import { randomAnnotations, seeded } from './annotationGenerator';
import { corpusFiles, shortName } from './corpusFiles';

function counts(definitions: ModdleElement) {
  const roots = (definitions.rootElements as ModdleElement[] | undefined) ?? [];
  return {
    processes: roots.filter((r) => r.$type === 'bpmn:Process').length,
    lanes: allLanes(definitions).length,
    flowElements: allFlowElements(definitions).length,
  };
}

async function plainRoundTripCounts(xml: string) {
  const moddle = createModdle();
  const first = await moddle.fromXML(xml);
  const { xml: out } = await moddle.toXML(first.rootElement, { format: true });
  const second = await createModdle().fromXML(out);
  return counts(second.rootElement);
}

describe.runIf(corpusAvailable())('annotations survive export and re-import (miwg and bpmn-js fixtures)', () => {
  const files = corpusFiles('miwg', 'bpmnjs');

  it.each(files.map((f, i) => [shortName(f), f, i]))(
    'given %s, when every task and branch is annotated and exported, then re-import gives the same annotations and counts',
    async (_short, file, i) => {
      const parsed = await parseDiagram(new Uint8Array(readFileSync(file)));
      if (!parsed.ok) {
        // Refused files are covered by parseDiagram.test.ts; here only the code must be a known one.
        expect(parsed.error.code).toMatch(/^(binary|not-xml|not-bpmn|no-process|duplicate-id|invalid|encoding)$/);
        return;
      }
      const expectedCounts = await plainRoundTripCounts(parsed.xml.replace(/^(\s*<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2')).catch(
        (err: Error) => err,
      );
      const defs = parsed.definitions as ModdleElement;
      if (expectedCounts instanceof Error) {
        // bpmn-moddle itself cannot write this file back: saving must say so in Japanese, not crash.
        await expect(serializeDiagram(defs)).rejects.toBeInstanceOf(DiagramSerializeError);
        await expect(serializeDiagram(defs)).rejects.toThrow(/書き出せません/);
        return;
      }
      const generated = randomAnnotations(defs, seeded(1000 + i));
      writeDiagramAnnotations(parsed.moddle, defs, generated);

      const inMemory = readDiagramAnnotations(defs);
      expect(inMemory.issues).toEqual([]);
      expect(inMemory.annotations.flows).toEqual(generated.flows);
      expect(inMemory.annotations.starts).toEqual(generated.starts);
      for (const [id, step] of Object.entries(generated.steps)) {
        const role = step.role ?? laneNameOf(defs, id);
        expect(inMemory.annotations.steps[id]).toEqual(role ? { ...step, role } : step);
      }

      const again = await parseDiagram(await serializeDiagram(defs));
      if (!again.ok) throw new Error(again.error.message);
      const reread = readDiagramAnnotations(again.definitions);
      expect(reread.issues).toEqual([]);
      const after = counts(again.definitions);
      expect(after).toEqual(expectedCounts);
      if (after.flowElements === counts(defs).flowElements) {
        expect(reread.annotations).toEqual(inMemory.annotations);
      } else {
        // The plain round trip loses elements too; compare what is still there.
        const kept = new Set(allFlowElements(again.definitions).map((e: ModdleElement) => e.id as string));
        const only = <T>(r: Record<string, T>) => Object.fromEntries(Object.entries(r).filter(([k]) => kept.has(k)));
        expect(reread.annotations.steps).toEqual(only(inMemory.annotations.steps));
        expect(reread.annotations.flows).toEqual(only(inMemory.annotations.flows));
        expect(reread.annotations.starts).toEqual(only(inMemory.annotations.starts));
        expect(reread.annotations.settings).toEqual(inMemory.annotations.settings);
      }
    },
  );
});

// Registered only without the corpus, so a normal run reports nothing as skipped.
if (!corpusAvailable())
  describe('annotation round trip over the corpus (absent)', () => {
    it('is skipped because ../shared/corpus is missing', () => {
      console.warn('../shared/corpus がないため、注釈の往復テストを省略しました');
      expect(corpusAvailable()).toBe(false);
    });
  });
