import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { run as compare } from '../../src/cli/commands/compare';
import { run as simulate } from '../../src/cli/commands/simulate';
import type { Distribution } from '../../src/domain/model/annotations';
import { linearBpmn } from '../domain/analysis/compareFixtures';

/** Each line the command writes, and the io that collects them. */
function capture() {
  const out: string[] = [],
    err: string[] = [];
  const sink: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t) };
  return { out, err, sink };
}

const scratch = mkdtempSync(join(tmpdir(), 'bpr-range-'));
const diagram = (name: string, staff: Distribution, volume: number) => {
  const p = join(scratch, name);
  writeFileSync(
    p,
    linearBpmn({ annualVolume: volume, roles: [{ name: '職員', hourlyCost: 3000 }], steps: [{ id: 'Task_1', name: '審査', role: '職員', staff }] }),
  );
  return p;
};
const single = diagram('single.bpmn', { type: 'triangular', min: 4, mode: 6, max: 11 }, 1000);
const asIs = diagram('asis.bpmn', { type: 'triangular', min: 10, mode: 12, max: 20 }, 900);
const toBe = diagram('tobe.bpmn', { type: 'fixed', value: 8 }, 900);

describe('CLI 想定の幅', () => {
  it('given a triangular(4, 6, 11)-minute step at 1,000 cases, when simulated with --json, then staffHoursPerYear has inputRange [1000·4/60, 1000·11/60] next to ci95 and the cycle time range is in seconds', async () => {
    const io = capture();
    expect(await simulate([single, '--json', '--cases', '1000', '--replications', '4', '--seed', '2', '--start', '2027-04-01'], io.sink)).toBe(0);
    const j = JSON.parse(io.out[0]);
    expect(Object.keys(j.staffHoursPerYear)).toEqual(['mean', 'ci95', 'inputRange']);
    expect(j.staffHoursPerYear.inputRange[0]).toBeCloseTo((1000 * 4) / 60, 9);
    expect(j.staffHoursPerYear.inputRange[1]).toBeCloseTo((1000 * 11) / 60, 9);
    expect(j.staffMinutesPerCase.inputRange).toEqual([expect.closeTo(4, 9), expect.closeTo(11, 9)]);
    expect(j.costYenPerYear.inputRange).toEqual([expect.closeTo((3000 * 4000) / 60, 6), expect.closeTo((3000 * 11000) / 60, 6)]);
    expect(j.meanCycleTimeSeconds.inputRange).toEqual([j.result.kpis.leadTimeMinutes.inputRange[0] * 60, j.result.kpis.leadTimeMinutes.inputRange[1] * 60]);
  });

  it('given --no-input-range, when simulated with --json, then no inputRange is printed', async () => {
    const io = capture();
    expect(await simulate([single, '--json', '--cases', '200', '--replications', '2', '--no-input-range'], io.sink)).toBe(0);
    expect(JSON.parse(io.out[0]).staffHoursPerYear.inputRange).toBeUndefined();
  });

  it('given no --json, when simulated, then the summary prints 想定の幅 with its unit and the sentence telling it from the 95 % interval', async () => {
    const io = capture();
    expect(await simulate([single, '--cases', '1000', '--replications', '2', '--start', '2027-04-01'], io.sink)).toBe(0);
    const text = io.out.join('\n');
    expect(text).toMatch(/年間職員時間: +[\d,.]+ 時間\/年（95%信頼区間 [\d,.]+〜[\d,.]+、想定の幅 66\.7〜183\.3 時間\/年）/);
    expect(text).toContain('想定の幅は、各工程の時間をすべてワークショップの見積りの楽観側の端、または悲観側の端にした場合の幅です。');
  });

  it('given As-Is triangular(10, 12, 20) vs To-Be fixed 8, when compared with --json, then the per-case minutes and % saved carry inputRange [10, 20] → 8 and [20, 60] %', async () => {
    const io = capture();
    expect(await compare([asIs, toBe, '--json', '--replications', '3', '--seed', '4'], io.sink)).toBe(0);
    const j = JSON.parse(io.out.join('\n'));
    expect(Object.keys(j.hoursSavedPerYear)).toEqual(['mean', 'ci95', 'inputRange']);
    // (10 − 8)/10 = 20 %, (20 − 8)/20 = 60 %: independent of how many cases arrive.
    expect(j.percentSaved.inputRange).toEqual([expect.closeTo(20, 9), expect.closeTo(60, 9)]);
    expect(j.staffMinutesPerCase.asIs.inputRange).toEqual([expect.closeTo(10, 9), expect.closeTo(20, 9)]);
    expect(j.staffMinutesPerCase.toBe.inputRange).toEqual([expect.closeTo(8, 9), expect.closeTo(8, 9)]);
    // hours saved: about 900 cases × (2 … 12) min / 60 (the case count is Poisson, so ±15 %)
    expect(j.hoursSavedPerYear.inputRange[0]).toBeGreaterThan(30 * 0.85);
    expect(j.hoursSavedPerYear.inputRange[1]).toBeLessThan(180 * 1.15);
  });

  it('given two diagrams, when compared without --json, then 削減した業務時間 prints 想定の幅 with its unit', async () => {
    const io = capture();
    expect(await compare([asIs, toBe, '--replications', '2'], io.sink)).toBe(0);
    const text = io.out.join('\n');
    expect(text).toMatch(/削減した業務時間: [\d,.]+時間\/年（95%信頼区間 [\d,.-]+〜[\d,.]+時間\/年、想定の幅 [\d,.]+〜[\d,.]+時間\/年）/);
    expect(text).toMatch(/削減率: [\d,.]+%（95%信頼区間 .*、想定の幅 20\.0〜60\.0%）/);
  });
});
