import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDiagramAnnotations } from '../../src/domain/bpmn/annotationsRead';
import { writeDiagramAnnotations } from '../../src/domain/bpmn/annotationsWrite';
import { parseDiagram, serializeDiagram } from '../../src/domain/bpmn/parseDiagram';
import { exportQbp } from '../../src/domain/bpmn/qbpExport';
import { readQbp } from '../../src/domain/bpmn/qbpImport';
import { parseCsv, toCsv } from '../../src/domain/exchange/csv';
import { readXlsx, writeXlsx } from '../../src/domain/exchange/xlsx';
import { lintDefinitions } from '../../src/domain/lint/lintDiagram';
import { elementLabel } from '../../src/domain/model/annotations';
import { diagram } from './support';

/**
 * Names and documentation come from files anyone can write. They must stay text everywhere:
 * read back unchanged, escaped in every XML we write, never turned into markup.
 */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(document.cookie)',
  '"><svg onload=alert(1)>',
  "'; DROP TABLE processes; --",
];

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function hostile(payload: string): string {
  return diagram(`
    <bpmn:startEvent id="S" name="${escapeAttr(payload)}"><bpmn:extensionElements><bpr:arrivals annualVolume="100"/></bpmn:extensionElements></bpmn:startEvent>
    <bpmn:task id="T" name="${escapeAttr(payload)}">
      <bpmn:documentation>${escapeText(`手順書: ${payload} <a href="javascript:alert(1)">リンク</a>`)}</bpmn:documentation>
      <bpmn:extensionElements><bpr:step role="${escapeAttr(payload)}"><bpr:staffTime type="fixed" value="5"/></bpr:step></bpmn:extensionElements>
    </bpmn:task>
    <bpmn:endEvent id="E"/>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T"/>
    <bpmn:sequenceFlow id="F2" sourceRef="T" targetRef="E"/>`);
}

/** No element whose name came from the payload appears as a real tag. */
function expectNoMarkup(xml: string) {
  expect(xml).not.toMatch(/<script\b/i);
  expect(xml).not.toMatch(/<img\b/i);
  expect(xml).not.toMatch(/<svg\b/i);
  expect(xml).not.toMatch(/<a\s+href/i);
}

describe.each(PAYLOADS)('a name %j', (payload) => {
  it('given it in a name, documentation and role, when imported, then the strings are exactly the text that was written', async () => {
    const r = await parseDiagram(hostile(payload));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.elementsById.T.name).toBe(payload);
    expect(r.elementsById.T.documentation[0].text).toBe(`手順書: ${payload} <a href="javascript:alert(1)">リンク</a>`);
    expect(readDiagramAnnotations(r.definitions).annotations.steps.T.role).toBe(payload);
  });

  it('given it as a role, when annotations are written, serialized and read again, then it survives as text and the XML has no such tag', async () => {
    const r = await parseDiagram(hostile(payload));
    if (!r.ok) throw new Error(r.error.message);
    const { annotations } = readDiagramAnnotations(r.definitions);
    annotations.settings.roles = [{ name: payload, headcount: 2 }];
    writeDiagramAnnotations(r.moddle, r.definitions, annotations);
    const xml = await serializeDiagram(r.definitions);
    expectNoMarkup(xml);
    const again = await parseDiagram(xml);
    if (!again.ok) throw new Error(again.error.message);
    const read = readDiagramAnnotations(again.definitions).annotations;
    expect(read.settings.roles.map((x) => x.name)).toEqual([payload]);
    expect(again.elementsById.T.name).toBe(payload);
  });

  it('given it in names, when exported for BIMP, then the resource name is escaped text', async () => {
    const { xml } = await exportQbp(hostile(payload), { startDateTime: '2025-04-01T08:30:00+09:00' });
    expectNoMarkup(xml);
    expect(readQbp(xml)?.resources.map((r) => r.name)).toContain(payload);
  });

  it('given it in names, when linted, then the findings quote it verbatim as text (the UI renders messages as text nodes)', async () => {
    const r = await parseDiagram(hostile(payload));
    if (!r.ok) throw new Error(r.error.message);
    // The role is not in the settings, so bpr/role-has-headcount names both the task and the role.
    const findings = await lintDefinitions(r.definitions);
    const role = findings.find((f) => f.rule === 'bpr/role-has-headcount');
    expect(role?.name).toBe(payload);
    expect(role?.message).toContain(`「${payload}」(T)`);
    expect(role?.message).toContain(`担当「${payload}」`);
    expect(elementLabel('T', payload)).toBe(`「${payload}」(T)`);
  });

  it('given it in a table cell, when written to CSV and Excel and read back, then it is the same text and the sheet XML holds no tag', () => {
    const rows = [
      ['作業', '担当'],
      [payload, payload],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
    const book = writeXlsx([{ name: '比較', rows }]);
    for (const [name, bytes] of Object.entries(unzipSync(book))) if (name.endsWith('.xml')) expectNoMarkup(strFromU8(bytes));
    expect(readXlsx(book)[0].rows).toEqual(rows);
  });
});
