import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bimpFile } from '../../../src/ui/exchange/bimpExport';
import { repoRoot } from '../../support/paths';

describe('BIMP export (editor menu item)', () => {
  it('given an annotated sample, when exported for BIMP, then the file keeps the name it was given and carries a qbp:processSimulationInfo block', async () => {
    const xml = readFileSync(path.join(repoRoot, 'diagrams', 'tennyu-asis.bpmn'), 'utf8');
    const out = await bimpFile(xml, '転入届（現行）_As-Is_BIMP_2026-12-07.bpmn');
    expect(out.fileName).toBe('転入届（現行）_As-Is_BIMP_2026-12-07.bpmn');
    expect(out.xml).toMatch(/processSimulationInfo/);
    expect(out.xml).toContain('http://www.qbp-simulator.com/Schema201212');
    expect(Array.isArray(out.warnings)).toBe(true);
  });

  it('given text that is not BPMN, when exported for BIMP, then a Japanese error is thrown', async () => {
    await expect(bimpFile('これはBPMNではありません', 'x')).rejects.toThrow(/XML ファイルではありません/);
  });
});
