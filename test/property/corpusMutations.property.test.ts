import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiagramSerializeError, parseDiagram, serializeDiagram, type DiagramErrorCode } from '../../src/domain/bpmn/parseDiagram';
import { lintDefinitions } from '../../src/domain/lint/lintDiagram';
import { corpusAvailable, corpusRoot } from '../support/paths';

const referenceDir = join(corpusRoot, 'miwg/Reference');
const files = corpusAvailable('miwg/Reference')
  ? readdirSync(referenceDir)
      .filter((f) => f.endsWith('.bpmn'))
      .sort()
      .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(referenceDir, f))) }))
  : [];

const CODES: DiagramErrorCode[] = ['empty', 'binary', 'too-large', 'encoding', 'not-xml', 'not-bpmn', 'entity', 'duplicate-id', 'no-process', 'invalid'];
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Fractions pick positions, so one mutation description fits files of any length. */
type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'flip'; positions: Array<{ at: number; mask: number }> }
  | { kind: 'truncate'; at: number }
  | { kind: 'doctype'; at: number };

const fraction = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fraction }),
  fc.record({
    kind: fc.constant('flip' as const),
    positions: fc.array(fc.record({ at: fraction, mask: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  fc.record({ kind: fc.constant('doctype' as const), at: fraction }),
);

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  const pos = (f: number) => Math.floor(f * bytes.length);
  switch (m.kind) {
    case 'delete': {
      const at = pos(m.at);
      return new Uint8Array([...bytes.subarray(0, at), ...bytes.subarray(at + m.length)]);
    }
    case 'duplicate': {
      // Repeat one whole element (from the start tag after the position to its end tag), often giving a duplicate id.
      const text = new TextDecoder().decode(bytes);
      const start = text.indexOf('<', pos(m.at));
      const tag = start < 0 ? null : /^<([\w:.-]+)/.exec(text.slice(start));
      if (!tag) return bytes;
      const close = text.indexOf(`</${tag[1]}>`, start);
      const selfClose = text.indexOf('/>', start);
      const end = close >= 0 ? close + tag[1].length + 3 : selfClose >= 0 ? selfClose + 2 : text.length;
      return new TextEncoder().encode(text.slice(0, end) + text.slice(start, end) + text.slice(end));
    }
    case 'flip': {
      const out = bytes.slice();
      for (const p of m.positions) if (out.length) out[Math.min(out.length - 1, pos(p.at))] ^= p.mask;
      return out;
    }
    case 'truncate':
      return bytes.subarray(0, pos(m.at));
    case 'doctype': {
      const at = pos(m.at);
      return new Uint8Array([...bytes.subarray(0, at), ...new TextEncoder().encode('<!DOCTYPE x [<!ENTITY a "b">]>'), ...bytes.subarray(at)]);
    }
  }
}

describe.runIf(files.length > 0)('MIWG reference files, property: mutated input never crashes the import, lint or save', () => {
  it('given random damage (seed 42, 100 runs), when parsed, linted and serialized, then only DiagramErrors and DiagramSerializeErrors come out', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: files.length - 1 }), mutation, async (i, m) => {
        const input = apply(files[i].bytes, m);
        const r = await parseDiagram(input);
        if (!r.ok) {
          expect(CODES).toContain(r.error.code);
          expect(r.error.message).toMatch(JAPANESE);
          if (m.kind === 'doctype' && r.error.code !== 'empty') expect(['entity', 'binary', 'encoding', 'not-xml', 'too-large']).toContain(r.error.code);
          return;
        }
        // A DOCTYPE never gets past the parser's guard.
        expect(new TextDecoder().decode(input)).not.toMatch(/<!DOCTYPE/i);
        const findings = await lintDefinitions(r.definitions);
        expect(Array.isArray(findings)).toBe(true);
        try {
          expect(await serializeDiagram(r.definitions)).toContain('definitions');
        } catch (err) {
          expect(err).toBeInstanceOf(DiagramSerializeError);
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  }, 180_000);
});
