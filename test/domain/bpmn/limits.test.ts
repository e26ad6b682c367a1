import { describe, expect, it } from 'vitest';
import { DIAGRAM_LIMITS, measureXml } from '../../../src/domain/bpmn/limits';
import { parseDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { diagramMessage } from '../../../src/domain/bpmn/diagramMessages';
import { loadSimModel } from '../../../src/domain/sim/loadDiagram';

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"';

/** A chain of n tasks joined by flows: 2n + 1 elements under <process>, no DI (a small file). */
export function manyTasks(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    parts.push(`<bpmn:task id="T${i}"/>`);
    if (i > 0) parts.push(`<bpmn:sequenceFlow id="F${i}" sourceRef="T${i - 1}" targetRef="T${i}"/>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions ${NS} id="D" targetNamespace="urn:t"><bpmn:process id="P">${parts.join('')}</bpmn:process></bpmn:definitions>`;
}

/** Sub-processes nested `depth` levels inside one process. */
export function deepNesting(depth: number): string {
  let inner = '<bpmn:task id="Leaf"/>';
  for (let i = depth; i > 0; i--) inner = `<bpmn:subProcess id="S${i}">${inner}</bpmn:subProcess>`;
  return `<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions ${NS} id="D" targetNamespace="urn:t"><bpmn:process id="P">${inner}</bpmn:process></bpmn:definitions>`;
}

describe('diagram limits', () => {
  it('given a 40,000-task diagram, when parsed, then it is refused quickly with the element limit and the count in Japanese', async () => {
    const xml = manyTasks(40_000);
    const started = performance.now();
    const r = await parseDiagram(xml);
    const ms = performance.now() - started;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('too-many-elements');
    // definitions + process + 40,000 tasks + 39,999 flows, counted by hand.
    expect(r.error.params).toEqual({ value: 80_001, max: DIAGRAM_LIMITS.maxElements });
    expect(r.error.message).toBe('要素数が上限を超えているため開けません（80,001 個、上限 30,000 個）。図を分割してから読み込んでください。');
    expect(ms).toBeLessThan(1000);
  });

  it('given a 10,000-deep nesting, when parsed, then it is refused quickly with the depth limit', async () => {
    const started = performance.now();
    const r = await parseDiagram(deepNesting(10_000));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('too-deep');
    expect(r.error.messageCode).toBe('limit.maxDepth');
    // Counting stops one level past the limit: definitions (1) + process (2) + 99 sub-processes = 101.
    expect(r.error.params).toEqual({ value: 101, max: 100 });
    expect(r.error.message).toContain('入れ子が深すぎる');
    expect(r.error.message).toContain('上限 100');
  });

  it('given the same limits in the English resource, when formatted, then the sentence names the limit and the value', () => {
    expect(diagramMessage('limit.maxElements', { value: 80_001, max: 30_000 }, 'en')).toBe(
      'The file has too many elements to open (80,001; the limit is 30,000). Split the diagram before importing it.',
    );
  });

  it('given the simulator (CLI and worker path), when it loads the 40,000-task diagram, then it refuses it with the same message', async () => {
    const r = await loadSimModel(new TextEncoder().encode(manyTasks(40_000)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('要素数が上限を超えている');
  });

  it('given a diagram just under both limits, when parsed, then it opens', async () => {
    // 2 + 14,999·2 - 1 = 29,999 elements; depth 2 + 90 + 1 = 93.
    expect((await parseDiagram(manyTasks(14_999))).ok).toBe(true);
    expect((await parseDiagram(deepNesting(90))).ok).toBe(true);
  });

  it('given comments, CDATA and a ">" inside attribute values, when measured, then only real elements are counted', () => {
    const xml = '<?xml version="1.0"?><a x="1 > 0"><!-- <b><c> --><d><![CDATA[<e><f>]]></d><g/></a>';
    expect(measureXml(xml).shape).toEqual({ elements: 3, depth: 2 });
  });
});
