import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bpr as run } from '../support/cli';
import { exportQbp } from '../../src/domain/bpmn/qbpExport';
import { readQbp } from '../../src/domain/bpmn/qbpImport';
import { diagramsRoot, repoRoot } from '../support/paths';

const bpr = (...args: string[]) => run('export-qbp', ...args);

const dir = mkdtempSync(join(tmpdir(), 'bpr-export-qbp-'));

describe('bpr export-qbp', () => {
  it('given a sample diagram, when exported, then it exits 0, writes the BIMP block and prints the warnings in Japanese', async () => {
    const out = join(dir, 'tennyu.bpmn');
    const r = await bpr(join(diagramsRoot, 'tennyu-asis.bpmn'), '-o', out, '--instances', '250', '--start', '2025-04-01T08:30+09:00');
    expect(r.code).toBe(0);
    expect(r.out).toContain('BIMP のシミュレーション設定');
    expect(r.out).toContain('注意');
    const qbp = readQbp(readFileSync(out, 'utf8'));
    expect(qbp?.processInstances).toBe(250);
    expect(qbp?.startDateTime).toBe('2025-04-01T08:30:00+09:00');
    expect(qbp?.currency).toBe('JPY');
    expect(qbp?.elements.length).toBeGreaterThan(3);
  });

  it('given a file with only BIMP settings (no bpr: annotations), when exported, then it exits 0 and keeps its case count and start under <definitions>', async () => {
    const { xml } = await exportQbp(readFileSync(join(diagramsRoot, 'kian-kessai-asis.bpmn'), 'utf8'), {
      processInstances: 321,
      startDateTime: '2025-04-01T08:30:00+09:00',
      bimpOnly: true,
    });
    const input = join(dir, 'qbp-only.bpmn');
    expect(xml).not.toContain('bpr:');
    writeFileSync(input, xml);
    const out = join(dir, 'qbp-only.out.bpmn');
    const r = await bpr(input, '-o', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const qbp = readQbp(readFileSync(out, 'utf8'));
    expect(qbp?.placement).toBe('definitions');
    expect(qbp?.processInstances).toBe(321);
    expect(qbp?.startDateTime).toBe('2025-04-01T08:30:00+09:00');
  });

  it('given a back-office sample exported with --bimp-only, when `bpr simulate` runs that same file, then its mean cycle time is within 5% of the one BIMP 2.0.7 recorded for it', async () => {
    const parity = JSON.parse(readFileSync(join(repoRoot, 'test/domain/bpmn/fixtures/bimp-parity.json'), 'utf8')) as {
      samples: Array<{ file: string; variant?: string; meanCycleTimeSeconds: number }>;
    };
    const bimp = parity.samples.find((s) => s.file === 'kian-kessai-asis.bpmn' && !s.variant)!;
    const out = join(dir, 'kian-bimp-only.bpmn');
    const r = await bpr(join(diagramsRoot, bimp.file), '-o', out, '--start', '2025-04-01T08:30:00+09:00', '--bimp-only');
    expect(r.code).toBe(0);
    const written = readFileSync(out, 'utf8');
    expect(written).not.toContain('bpr:');
    const sim = await run('simulate', out, '--json');
    expect(sim.code).toBe(0);
    const ours = (JSON.parse(sim.out) as { meanCycleTimeSeconds: { mean: number } }).meanCycleTimeSeconds.mean;
    expect(Math.abs(ours / bimp.meanCycleTimeSeconds - 1)).toBeLessThanOrEqual(0.05);
  });

  it('given a file that is not BPMN, when exported, then it exits 1 with the Japanese reason and writes nothing', async () => {
    const bad = join(dir, 'bad.bpmn');
    writeFileSync(bad, 'this is no xml');
    const out = join(dir, 'never.bpmn');
    const r = await bpr(bad, '-o', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[not-xml]');
    expect(existsSync(out)).toBe(false);
  });

  it('given no output file, when run, then it prints the usage and exits 2', async () => {
    const r = await bpr(join(diagramsRoot, 'tennyu-asis.bpmn'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('使い方');
  });

  it('given a malformed --start, when run, then it exits 2 naming the expected format', async () => {
    const r = await bpr(join(diagramsRoot, 'tennyu-asis.bpmn'), '-o', join(dir, 'x.bpmn'), '--start', 'tomorrow');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--start は');
  });
});
