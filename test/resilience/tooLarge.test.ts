import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_DIAGRAM_BYTES, parseDiagram } from '../../src/domain/bpmn/parseDiagram';
import { diagram, runCli } from './support';

/** 50 MB that starts like a real diagram, so only the size can refuse it. */
function fiftyMegabytes(): Uint8Array {
  const head = new TextEncoder().encode(diagram('<bpmn:task id="T" name="受付"/>').replace('</bpmn:definitions>', '<!--'));
  const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x20);
  bytes.set(head, 0);
  return bytes;
}

const dir = mkdtempSync(join(tmpdir(), 'bpr-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('oversized files', () => {
  it('given 50 MB of bytes, when parsed, then it is refused as too-large naming both sizes in MB', async () => {
    const r = await parseDiagram(fiftyMegabytes());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('too-large');
    expect(r.error.message).toContain('50.0 MB');
    expect(r.error.message).toContain(`上限 ${(DEFAULT_MAX_DIAGRAM_BYTES / 1024 / 1024).toFixed(1)} MB`);
  });

  it('given the same size as text, when parsed, then it is refused the same way', async () => {
    const r = await parseDiagram(' '.repeat(50 * 1024 * 1024));
    expect(r.ok ? 'ok' : r.error.code).toBe('too-large');
  });

  it('given a 50 MB file on disk, when `bpr lint` runs on it, then it exits 2 with the Japanese size message', () => {
    const file = join(dir, 'huge.bpmn');
    writeFileSync(file, fiftyMegabytes());
    const r = runCli(['lint', file], 60_000);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.err).toContain('ファイルが大きすぎます');
  });
});
