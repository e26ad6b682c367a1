import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareScenarios, comparisonResultSchema, matchTasks } from '../../../src/domain/analysis/compare';
import { compareDiagrams } from '../../../src/domain/analysis/compareDiagrams';
import { applyTemplate } from '../../../src/domain/analysis/interventions';
import { expectedHoursSavedPerYear } from '../../../src/domain/analysis/sensitivityAnalytic';
import { loadSimModel } from '../../../src/domain/sim/loadDiagram';
import type { SimModel } from '../../../src/domain/sim/model';
import { diagramsRoot } from '../../support/paths';
import { linearBpmn } from './compareFixtures';

const VOLUME = 1200;
const T = 10;
const CHECK = 2;
const E = 0.1;
/** Saving per case of RPA on the input step: T − (c + e·T) minutes. */
const EXPECTED_HOURS = (VOLUME * (T - (CHECK + E * T))) / 60;

const asIsXml = linearBpmn({
  annualVolume: VOLUME,
  roles: [{ name: '職員', hourlyCost: 3000, headcount: 2 }],
  steps: [
    { id: 'Task_Receive', name: '受付', role: '職員', staff: { type: 'triangular', min: 3, mode: 5, max: 9 }, resident: { type: 'fixed', value: 5 } },
    { id: 'Task_Input', name: 'システム入力', role: '職員', staff: { type: 'fixed', value: T } },
  ],
});

async function model(xml: string): Promise<SimModel> {
  const r = await loadSimModel(xml);
  if (!r.ok) throw new Error(r.message);
  return r.model;
}

describe('compareScenarios', () => {
  it('given RPA on one fixed-time step (T 10 min, exception 10 %, check 2 min), when compared with 20 paired replications, then the 95 % interval contains volume × (T − (c + e·T)) / 60 = 140 h/yr and the mean is within 3 %', async () => {
    const toBe = await applyTemplate(asIsXml, 'rpa', ['Task_Input'], { exceptionPercent: E * 100, checkMinutes: CHECK });
    const [a, b] = [await model(asIsXml), await model(toBe.xml)];
    expect(expectedHoursSavedPerYear(a, b)).toBeCloseTo(EXPECTED_HOURS, 9);
    // The licence is inside the To-Be's XML: no external costs are passed.
    const r = compareScenarios(a, b, { seed: 7, replications: 20 });
    expect(r.hoursSavedPerYear.ci95[0]).toBeLessThanOrEqual(EXPECTED_HOURS);
    expect(r.hoursSavedPerYear.ci95[1]).toBeGreaterThanOrEqual(EXPECTED_HOURS);
    expect(Math.abs(r.hoursSavedPerYear.mean - EXPECTED_HOURS) / EXPECTED_HOURS).toBeLessThan(0.03);
    // Robot run time (30 % of 10 min per case) is reported apart, never as staff time.
    expect(r.robotHoursPerYear.toBe.mean).toBeGreaterThan(0);
    expect(r.roles.find((x) => x.name === 'RPA')).toMatchObject({ robot: true, hoursSavedPerYear: { mean: 0 } });
    expect(r.fte.mean).toBeCloseTo(r.hoursSavedPerYear.mean / 1860, 9);
    // ¥: staff hours saved × 3,000 円/h − the robot licence (600,000 円/yr).
    expect(r.yenSavedPerYear.mean).toBeCloseTo(r.hoursSavedPerYear.mean * 3000 - 600_000, 0);
    // Common random numbers: the paired interval is far narrower than either scenario's own.
    const width = (e: { ci95: [number, number] }) => e.ci95[1] - e.ci95[0];
    expect(width(r.hoursSavedPerYear)).toBeLessThan(width(r.staffHoursPerYear.asIs) / 2);
    const input = r.tasks.find((t) => t.asIsId === 'Task_Input')!;
    expect(input).toMatchObject({ matchedBy: 'id', status: 'matched', robot: true });
    expect(input.hoursSavedPerYear.mean).toBeCloseTo((r.casesPerYear.asIs.mean * T) / 60, 0);
    expect(
      r.tasks
        .filter((t) => t.status === 'added')
        .map((t) => t.toBeId)
        .sort(),
    ).toEqual(['Task_Input_RpaCheck', 'Task_Input_RpaException']);
    expect(comparisonResultSchema.parse(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });

  it('given an RPA To-Be made with licence L = 450,000 円/yr, when compared without external costs, then ¥ saved = staff-cost saving − L within its 95 % interval', async () => {
    const L = 450_000;
    const toBe = await applyTemplate(asIsXml, 'rpa', ['Task_Input'], { exceptionPercent: E * 100, checkMinutes: CHECK, licenceYenPerRobotYear: L });
    expect(toBe.costs.fixedYenPerYear).toBe(L);
    const [a, b] = [await model(asIsXml), await model(toBe.xml)];
    expect(b.fixedCostPerYear).toBe(L);
    const r = compareScenarios(a, b, { seed: 11, replications: 20 });
    const staffYenSaved = r.roles.filter((x) => !x.robot).reduce((s, x) => s + x.yenSavedPerYear.mean, 0);
    const expected = staffYenSaved - L;
    expect(r.yenSavedPerYear.ci95[0]).toBeLessThanOrEqual(expected);
    expect(r.yenSavedPerYear.ci95[1]).toBeGreaterThanOrEqual(expected);
    expect(r.yenSavedPerYear.mean).toBeCloseTo(expected, 0);
    expect(r.costYenPerYear.toBe.mean - r.costYenPerYear.asIs.mean).toBeCloseTo(-staffYenSaved + L, 0);
  });

  it('given a To-Be carrying its licence, when an extra external cost X is passed, then only X is added (the licence is not counted twice)', async () => {
    const toBe = await applyTemplate(asIsXml, 'rpa', ['Task_Input'], { exceptionPercent: E * 100, checkMinutes: CHECK });
    const [a, b] = [await model(asIsXml), await model(toBe.xml)];
    const base = compareScenarios(a, b, { seed: 5, replications: 4 });
    const X = 123_000;
    const extra = compareScenarios(a, b, { seed: 5, replications: 4, toBeCosts: { fixedYenPerYear: X } });
    expect(extra.costYenPerYear.toBe.mean - base.costYenPerYear.toBe.mean).toBeCloseTo(X, 3);
    expect(base.yenSavedPerYear.mean - extra.yenSavedPerYear.mean).toBeCloseTo(X, 3);
  });

  it('given a To-Be identical to its As-Is, when compared, then the saving interval contains 0 and is narrower than 0.1 % of the As-Is staff hours', async () => {
    const a = await model(asIsXml);
    const b = await model(asIsXml);
    const r = compareScenarios(a, b, { seed: 3, replications: 5 });
    expect(r.hoursSavedPerYear.ci95[0]).toBeLessThanOrEqual(0);
    expect(r.hoursSavedPerYear.ci95[1]).toBeGreaterThanOrEqual(0);
    expect(r.hoursSavedPerYear.ci95[1] - r.hoursSavedPerYear.ci95[0]).toBeLessThan(0.001 * r.staffHoursPerYear.asIs.mean);
    expect(r.leadTimeBusinessDaysSaved.mean).toBeCloseTo(0, 9);
    expect(r.residentMinutesSavedPerVisit).toEqual({ mean: 0, ci95: [0, 0] });
  });

  it('given tasks renamed in the To-Be, when matched, then ids match first, then names, and the rest are removed or added', () => {
    const m = matchTasks(
      [
        { id: 'A', name: '受付', role: null },
        { id: 'B', name: '審査', role: null },
        { id: 'C', name: '印刷', role: null },
      ],
      [
        { id: 'A', name: '受付（書かない窓口）', role: null },
        { id: 'X', name: '審 査', role: null },
        { id: 'Y', name: '通知', role: null },
      ],
    );
    expect(m.map((p) => [p.a?.id ?? null, p.b?.id ?? null, p.by])).toEqual([
      ['A', 'A', 'id'],
      ['B', 'X', 'name'],
      ['C', null, null],
      [null, 'Y', null],
    ]);
  });

  const manifestPath = join(diagramsRoot, 'manifest.json');
  const manifest: Array<{ file: string; kind: string; linkedTo?: string }> = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : [];
  const pairs = manifest.filter((m) => m.kind === 'as-is' && m.linkedTo);
  it('given the sample diagrams, then there are four As-Is/To-Be pairs', () => {
    expect(pairs).toHaveLength(4);
  });
  for (const p of pairs) {
    it(`given the sample pair ${p.file} → ${p.linkedTo}, when compared (3 paired replications, seed 11), then 削減した業務時間 is positive with its whole interval above 0`, async () => {
      const r = await compareDiagrams(readFileSync(join(diagramsRoot, p.file), 'utf8'), readFileSync(join(diagramsRoot, p.linkedTo!), 'utf8'), {
        seed: 11,
        replications: 3,
      });
      if (!r.ok) throw new Error(r.message);
      expect(r.result.hoursSavedPerYear.mean).toBeGreaterThan(0);
      expect(r.result.hoursSavedPerYear.ci95[0]).toBeGreaterThan(0);
      expect(r.result.percentSaved.mean).toBeGreaterThan(0);
    });
  }
});
