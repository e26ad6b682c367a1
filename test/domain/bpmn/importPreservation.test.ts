import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyUpdate, stepUpdate } from '../../../src/domain/bpmn/annotationsWrite';
import { rawStep } from '../../../src/domain/bpmn/annotationsRead';
import { isA, type ModdleElement } from '../../../src/domain/bpmn/bprAccess';
import { importReportOf, inventoryOf, isCleanImport } from '../../../src/domain/bpmn/importReport';
import { parseDiagram, serializeDiagram, type ParsedDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { readQbpAll } from '../../../src/domain/bpmn/qbpImport';
import { allFlowElements } from '../../../src/domain/bpmn/walk';
import { corpusAvailable } from '../../support/paths';
import { corpusFiles, shortName } from './corpusFiles';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

const STANDARD = /^(http:\/\/www\.omg\.org\/spec\/(BPMN\/20100524\/(MODEL|DI)|DD\/20100524\/(DC|DI))|http:\/\/www\.w3\.org\/|urn:bpr-studio:)/;

/** What a file holds, in the terms the brief compares: ids, other tools' element and attribute names, DI counts. */
function holdings(xml: string) {
  const inv = inventoryOf(xml);
  const extensions = new Map<string, number>();
  for (const e of inv.entries.values()) {
    if (STANDARD.test(e.uri)) continue;
    const key = `${e.uri} ${e.qname.replace(/^@?[^:]*:/, e.qname.startsWith('@') ? '@' : '')}`;
    extensions.set(key, (extensions.get(key) ?? 0) + e.count);
  }
  const ids = new Set([...xml.matchAll(/\sid\s*=\s*"([^"]+)"/g)].map((m) => m[1]));
  return {
    ids,
    extensions: Object.fromEntries([...extensions].sort()),
    shapes: inv.shapes,
    edges: inv.edges,
    diagrams: (xml.match(/<([\w.-]+:)?BPMNDiagram[\s>]/g) ?? []).length,
  };
}

/** Import → set one task's staff time through the domain writer → export → re-import. */
async function editAndRoundTrip(parsed: ParsedDiagram): Promise<{ exported: string; reparsed: ParsedDiagram; editedId?: string }> {
  const task = allFlowElements(parsed.definitions).find((e: ModdleElement) => isA(e, 'bpmn:Activity'));
  if (task) applyUpdate(stepUpdate(parsed.moddle, task, { staffTime: { type: 'fixed', value: 7 } }));
  const exported = await serializeDiagram(parsed.definitions);
  const reparsed = await parseDiagram(exported);
  if (!reparsed.ok) throw new Error(`re-import failed: ${reparsed.error.message}`);
  return { exported, reparsed, editedId: task?.id as string | undefined };
}

describe('other tools’ content survives an annotation edit and export (own fixtures)', () => {
  it('given a BIMP block directly under <definitions>, conditions, documentation, Camunda extensions and a second diagram, when one step is edited and the file exported, then all of it is still there', async () => {
    const xml = fixture('keep/bimp-conditions.bpmn');
    const parsed = await parseDiagram(xml);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const report = await importReportOf(parsed);
    expect(report.lost).toEqual([]);
    // Nothing is dropped, but the second diagram draws a shape the editor does not open: the report says so.
    expect(report.otherDiagrams).toEqual([{ id: 'Diagram_overview', name: '概要', shapes: 1 }]);
    expect(isCleanImport(report)).toBe(false);
    expect(report.diagrams).toBe(2);
    expect(report.di).toEqual({ shapes: 7, edges: 6, drawnShapes: 6, drawnEdges: 6, hiddenShapes: 0 });
    expect(report.kept.map((k) => k.tool).sort()).toEqual(['BIMP / Prosimos (qbp)', 'Camunda 7']);

    const { exported, reparsed, editedId } = await editAndRoundTrip(parsed);
    expect(editedId).toBe('Task_check');
    expect(rawStep(reparsed.elementsById.Task_check)).toMatchObject({ staffTime: { type: 'fixed', value: 7 } });
    const a = holdings(xml);
    const b = holdings(exported);
    expect([...a.ids].filter((id) => !b.ids.has(id))).toEqual([]);
    expect(b.extensions).toEqual(a.extensions);
    expect([b.shapes, b.edges, b.diagrams]).toEqual([a.shapes, a.edges, a.diagrams]);
    // The BIMP block stays where BIMP reads it (the last child of <definitions>), with every part.
    const qbp = readQbpAll(exported);
    expect(qbp).toHaveLength(1);
    expect(qbp[0].placement).toBe('definitions');
    expect(qbp[0].elements.map((e) => e.elementId)).toEqual(['Task_check', 'Task_mail', 'Task_hand']);
    expect(qbp[0].sequenceFlows).toEqual([
      { elementId: 'F_yes', executionProbability: 0.4 },
      { elementId: 'F_no', executionProbability: 0.6 },
    ]);
    expect(exported.trimEnd()).toMatch(/<\/qbp:processSimulationInfo>\s*<\/bpmn:definitions>$/);
    expect(exported).toContain('delivery == "mail"');
    expect(exported).toContain('${delivery != "mail"}');
    expect(exported).toContain('運転免許証などで確認する');
    expect(exported).toContain('camunda:candidateGroups="窓口"');
  });

  it('given Flowable, Activiti, Signavio, Bizagi, jBPM and an unknown tool’s content in places without an extension slot, when edited and exported, then every element and attribute comes back', async () => {
    const xml = fixture('keep/vendor-extensions.bpmn');
    const parsed = await parseDiagram(xml);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const report = await importReportOf(parsed);
    expect(report.lost).toEqual([]);
    expect(report.warnings).toEqual([]);
    const { exported, reparsed } = await editAndRoundTrip(parsed);
    const a = holdings(xml);
    const b = holdings(exported);
    expect(b.extensions).toEqual(a.extensions);
    expect(Object.keys(a.extensions).length).toBe(11);
    expect([...a.ids].filter((id) => !b.ids.has(id))).toEqual([]);
    // The event keeps its foreign event definition, so it does not turn into a plain start event on the next tool.
    expect(exported).toMatch(/<bonita:conditionEventDefinition id="BonitaEvt" condition="true"\s*\/>/);
    expect(Object.keys(reparsed.elementsById)).toContain('Task_v');
  });

  it('given the BIMP sample with its block under <definitions>, when edited and exported, then the block reads back the same', async () => {
    const xml = fixture('qbp-definitions-level.bpmn');
    const parsed = await parseDiagram(xml);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { exported } = await editAndRoundTrip(parsed);
    expect(readQbpAll(exported)).toEqual(readQbpAll(xml));
  });

  it('given markup inside documentation, when imported, then the report lists the <b> element as not kept, naming the task', async () => {
    const parsed = await parseDiagram(fixture('keep/documentation-markup.bpmn'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const report = await importReportOf(parsed);
    expect(isCleanImport(report)).toBe(false);
    expect(report.lost).toEqual([{ qname: 'b', namespace: 'http://www.omg.org/spec/BPMN/20100524/MODEL', count: 1, ownerId: 'T_doc', ownerName: '確認' }]);
    expect(report.warnings).toMatchObject([{ kind: 'unparsable', subject: '<b>', elementId: 'T_doc', elementName: '確認' }]);
  });
});

describe.runIf(corpusAvailable())('corpus files keep what they hold through an annotation edit (../shared/corpus)', () => {
  const files = corpusFiles('miwg', 'bpmnjs', 'sim').filter((f) => /\.bpmn$/i.test(f));

  it.each(files.map((f) => [shortName(f), f]))(
    'given %s, when one step is edited and the file exported and re-imported, then ids, extensions and DI are kept except what the import report announced',
    async (_s, file) => {
      const parsed = await parseDiagram(new Uint8Array(readFileSync(file)));
      if (!parsed.ok) return; // refusals are parseDiagram.test.ts's subject
      const report = await importReportOf(parsed);
      if (report.unsavable) return; // announced: such a file cannot be saved at all (DiagramSerializeError)
      const { exported } = await editAndRoundTrip(parsed);
      const a = holdings(parsed.xml);
      const b = holdings(exported);
      const announced = new Set(report.lost.map((l) => `${l.namespace} ${l.qname.replace(/^@?[^:]*:/, l.qname.startsWith('@') ? '@' : '')}`));
      for (const [key, count] of Object.entries(a.extensions)) if (!announced.has(key)) expect(b.extensions[key] ?? 0, key).toBe(count);
      expect([...a.ids].filter((id) => !b.ids.has(id)).length, 'ids lost without a word').toBeLessThanOrEqual(report.lost.reduce((n, l) => n + l.count, 0));
      if (!report.lost.some((l) => /BPMN(Shape|Edge)$/.test(l.qname))) expect([b.shapes, b.edges]).toEqual([a.shapes, a.edges]);
      expect(b.diagrams).toBe(a.diagrams);
    },
  );
});
