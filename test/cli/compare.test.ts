import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bpr } from '../support/cli';
import { linearBpmn } from '../domain/analysis/compareFixtures';

const scratch = mkdtempSync(join(tmpdir(), 'bpr-compare-'));
const diagram = (name: string, minutes: number) => {
  const p = join(scratch, name);
  writeFileSync(
    p,
    linearBpmn({
      annualVolume: 900,
      roles: [{ name: '窓口担当', hourlyCost: 3000, headcount: 2 }],
      steps: [{ id: 'Task_1', name: '本人確認', role: '窓口担当', staff: { type: 'fixed', value: minutes }, resident: { type: 'fixed', value: 4 } }],
    }),
  );
  return p;
};
const asIs = diagram('asis.bpmn', 20);
const toBe = diagram('tobe.bpmn', 8);

const isEstimate = (e: unknown) => {
  const x = e as { mean: unknown; ci95: unknown };
  return typeof x.mean === 'number' && Array.isArray(x.ci95) && x.ci95.length === 2 && x.ci95[0] <= x.mean && x.mean <= x.ci95[1];
};

describe('npm run bpr -- compare', () => {
  it('given an As-Is with a 20-minute step and a To-Be with 8 minutes, when compared with --json, then the documented keys hold Estimates and the saving is 900 × 12 / 60 = 180 h/yr', async () => {
    const run = await bpr('compare', asIs, toBe, '--replications', '4', '--seed', '9', '--json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out);
    for (const k of ['hoursSavedPerYear', 'percentSaved', 'fte', 'yenSavedPerYear']) expect(isEstimate(out[k]), k).toBe(true);
    for (const k of ['staffMinutesPerCase', 'residentMinutesPerVisit', 'leadTimeBusinessDays']) {
      expect(isEstimate(out[k].asIs), `${k}.asIs`).toBe(true);
      expect(isEstimate(out[k].toBe), `${k}.toBe`).toBe(true);
    }
    // Every case saves exactly 12 minutes, so only the case count varies (tolerance ±10 %).
    expect(out.hoursSavedPerYear.mean).toBeGreaterThan(162);
    expect(out.hoursSavedPerYear.mean).toBeLessThan(198);
    expect(out.percentSaved.mean).toBeCloseTo(60, 6);
  });

  it('given two diagrams, when compared without --json and with --csv, then a Japanese summary with units is printed and the CSV has a BOM', async () => {
    const csv = join(scratch, 'out.csv');
    const run = await bpr('compare', asIs, toBe, '--replications', '2', '--csv', csv);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/削減した業務時間: [\d,.]+時間\/年（95%信頼区間/);
    expect(run.out).toContain('処理日数');
    expect(readFileSync(csv, 'utf8').charCodeAt(0)).toBe(0xfeff);
  });

  it('given one file or a bad option, when run, then it exits 2 with the usage in Japanese', async () => {
    const one = await bpr('compare', asIs);
    expect(one.code).toBe(2);
    expect(one.err).toContain('使い方');
    const bad = await bpr('compare', asIs, toBe, '--replications', '1');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--replications');
  });

  it('given a missing file, when compared, then it exits 1 naming the file', async () => {
    const run = await bpr('compare', join(scratch, 'nai.bpmn'), toBe);
    expect(run.code).toBe(1);
    expect(run.err).toContain('nai.bpmn');
  });
});
