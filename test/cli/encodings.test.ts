import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bpr } from '../support/cli';
import { diagramsRoot } from '../support/paths';

/**
 * One way in for files: the same diagram saved as UTF-8 and as UTF-16 (with a BOM, as Windows tools
 * write it) must give every command the same answer. simulate once refused the UTF-16 copy as binary.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'bpr-encodings-'));
const text = readFileSync(path.join(diagramsRoot, 'tennyu-asis.bpmn'), 'utf8');
const utf8File = path.join(dir, 'tennyu.bpmn');
const utf16File = path.join(dir, 'tennyu-utf16.bpmn');
writeFileSync(utf8File, text);
// UTF-16LE with its BOM; the declaration is changed to say so, as an editor saving in UTF-16 would.
writeFileSync(utf16File, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"'), 'utf16le')]));
const sameOutput = (out: string) => out.split(utf16File).join(utf8File).split('tennyu-utf16.bpmn').join('tennyu.bpmn');

describe('the same diagram in UTF-8 and UTF-16 (BOM)', () => {
  it.each([
    ['validate', []],
    ['lint', []],
    ['simulate', ['--json', '--seed', '3', '--replications', '2', '--years', '0.2', '--start', '2025-04-01']],
  ])('given both files, when %s runs on each, then the exit code and output are the same', async (command, flags) => {
    const a = await bpr(command, ...flags, utf8File);
    const b = await bpr(command, ...flags, utf16File);
    expect(a.err).toBe('');
    expect(b.code).toBe(a.code);
    expect(sameOutput(b.out)).toBe(a.out);
    expect(sameOutput(b.err)).toBe(a.err);
  });

  it('given both files, when export-qbp writes each, then the two BIMP files are the same bytes', async () => {
    const outA = path.join(dir, 'a.bpmn');
    const outB = path.join(dir, 'b.bpmn');
    const a = await bpr('export-qbp', utf8File, '-o', outA, '--start', '2025-04-01T08:30:00+09:00');
    const b = await bpr('export-qbp', utf16File, '-o', outB, '--start', '2025-04-01T08:30:00+09:00');
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(readFileSync(outB, 'utf8')).toBe(readFileSync(outA, 'utf8'));
  });
});
