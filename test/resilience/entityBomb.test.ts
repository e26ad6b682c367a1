import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../../src/domain/bpmn/parseDiagram';
import { JAPANESE, runCli } from './support';

/** Ten levels of ten: expanded naively it is 10¹⁰ copies of "lol" (about 30 GB). */
const BILLION_LAUGHS = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE definitions [
  <!ENTITY lol "lol">
${Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n')}
]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="urn:t">
  <process id="P"><task id="T" name="&lol9;"/></process>
</definitions>`;

const EXTERNAL_ENTITY = `<?xml version="1.0"?>
<!doctype definitions [ <!entity xxe SYSTEM "file:///etc/passwd"> ]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><process id="P"><task id="T" name="&xxe;"/></process></definitions>`;

/** A DOCTYPE hidden after a long, valid-looking prefix. */
const LATE_DOCTYPE = `<?xml version="1.0"?>\n<!-- ${'x'.repeat(100_000)} -->\n<!DOCTYPE d [<!ENTITY a "${'&b;'.repeat(50)}">]>\n<definitions/>`;

describe('entity expansion attacks', () => {
  it.each([
    ['billion laughs', BILLION_LAUGHS],
    ['an external entity in lower case', EXTERNAL_ENTITY],
    ['a DOCTYPE after a 100 kB comment', LATE_DOCTYPE],
  ])('given %s, when parsed, then it is refused with the Japanese entity error and nothing is expanded', async (_name, xml) => {
    const r = await parseDiagram(new TextEncoder().encode(xml));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('entity');
    expect(r.error.message).toMatch(JAPANESE);
    expect(r.error.message).toContain('DOCTYPE / ENTITY');
    expect(r.error.line).toBeGreaterThanOrEqual(1);
  });

  it('given a billion-laughs file, when `bpr lint` runs on it, then it exits 2 (not killed by the timeout) with the Japanese reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bpr-bomb-'));
    const file = join(dir, 'bomb.bpmn');
    writeFileSync(file, BILLION_LAUGHS);
    const r = runCli(['lint', file], 30_000);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.err).toContain('DOCTYPE / ENTITY 宣言を含むファイルは安全のため開けません');
  });
});
