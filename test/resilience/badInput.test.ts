import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../../src/domain/bpmn/parseDiagram';
import { corpusAvailable, corpusRoot } from '../support/paths';
import { diagram, JAPANESE } from './support';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Seeded bytes (mulberry32) so a failure can be replayed. */
function randomBytes(n: number, seed: number): Uint8Array {
  let a = seed >>> 0;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

async function refused(bytes: Uint8Array | string) {
  const r = await parseDiagram(bytes);
  if (r.ok) throw new Error('expected the file to be refused');
  expect(r.error.message).toMatch(JAPANESE);
  return r.error;
}

// 「転入届 本人確認」 in Shift_JIS.
const SJIS_NAME = [0x93, 0x5d, 0x93, 0xfc, 0x93, 0xcd, 0x20, 0x96, 0x7b, 0x90, 0x6c, 0x8a, 0x6d, 0x94, 0x46];

function withSjisName(declared: string): Uint8Array {
  const [before, after] = diagram('<bpmn:task id="T" name="@@"/>').replace('encoding="UTF-8"', `encoding="${declared}"`).split('@@');
  return new Uint8Array([...utf8(before), ...SJIS_NAME, ...utf8(after)]);
}

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (bigEndian) out.push(c >> 8, c & 0xff);
    else out.push(c & 0xff, c >> 8);
  }
  return new Uint8Array(out);
}

const taskName = async (bytes: Uint8Array) => {
  const r = await parseDiagram(bytes);
  if (!r.ok) throw new Error(r.error.message);
  return r.elementsById.T?.name as string;
};

describe('binary files', () => {
  it.runIf(corpusAvailable('bpmnjs'))('given the PNG from the bpmn-js fixtures, when opened, then binary, naming the image type', async () => {
    const e = await refused(new Uint8Array(readFileSync(join(corpusRoot, 'bpmnjs/bpmn-js/test/fixtures/bpmn/error/binary.png'))));
    expect(e.code).toBe('binary');
    expect(e.message).toContain('PNG 画像');
  });

  it('given a zip archive (e.g. an .xlsx renamed), when opened, then binary naming ZIP', async () => {
    const e = await refused(zipSync({ 'process.bpmn': utf8(diagram('')) }));
    expect(e.code).toBe('binary');
    expect(e.message).toContain('ZIP');
  });

  it.each([1, 2, 3, 42, 1000])('given 64 kB of random bytes (seed %i), when opened, then a clear refusal, never an exception', async (seed) => {
    const e = await refused(randomBytes(64 * 1024, seed));
    expect(['binary', 'encoding', 'not-xml']).toContain(e.code);
  });

  it('given a PNG read as text by the file picker, when opened, then binary', async () => {
    const e = await refused('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR');
    expect(e.code).toBe('binary');
  });
});

describe('wrong and unusual encodings', () => {
  it('given Shift_JIS bytes declared as UTF-8, when opened, then the encoding error (no mojibake names)', async () => {
    const e = await refused(withSjisName('UTF-8'));
    expect(e.code).toBe('encoding');
    expect(e.message).toContain('UTF-8');
  });

  it('given Shift_JIS bytes declared as Shift_JIS, when opened, then the Japanese name is decoded correctly', async () => {
    expect(await taskName(withSjisName('Shift_JIS'))).toBe('転入届 本人確認');
  });

  it.each([
    ['UTF-16LE without BOM', false, false],
    ['UTF-16BE without BOM', true, false],
    ['UTF-16LE with BOM', false, true],
    ['UTF-16BE with BOM', true, true],
  ])('given %s with an XML declaration, when opened, then the Japanese name is decoded correctly', async (_name, be, bom) => {
    const text = diagram('<bpmn:task id="T" name="転入届 本人確認"/>').replace('encoding="UTF-8"', 'encoding="UTF-16"');
    expect(await taskName(utf16(text, be, bom))).toBe('転入届 本人確認');
  });

  it('given UTF-16 without BOM and without a declaration, when opened, then it is refused with a Japanese message rather than read as garbage', async () => {
    const text = diagram('<bpmn:task id="T" name="受付"/>').replace(/^<\?xml[^>]*>\s*/, '');
    const e = await refused(utf16(text, false, false));
    expect(['binary', 'encoding']).toContain(e.code);
  });

  it('given an encoding name nobody supports, when opened, then the encoding error names it', async () => {
    const e = await refused(utf8(diagram('').replace('encoding="UTF-8"', 'encoding="x-klingon"')));
    expect(e.code).toBe('encoding');
    expect(e.message).toContain('x-klingon');
  });
});

describe('duplicate ids', () => {
  it('given two tasks with the same id, when opened, then duplicate-id naming the id and line', async () => {
    const e = await refused(diagram('<bpmn:task id="Task_1" name="受付"/>\n<bpmn:task id="Task_1" name="審査"/>'));
    expect(e.code).toBe('duplicate-id');
    expect(e.elementId).toBe('Task_1');
    expect(e.message).toContain('ID「Task_1」が重複しています');
  });

  it.runIf(corpusAvailable('bpmnjs'))('given the bpmn-js duplicate-ids fixture, when opened, then duplicate-id', async () => {
    const e = await refused(new Uint8Array(readFileSync(join(corpusRoot, 'bpmnjs/bpmn-js/test/fixtures/bpmn/error/duplicate-ids.bpmn'))));
    expect(e.code).toBe('duplicate-id');
  });
});
