import { describe, expect, it } from 'vitest';
import { scoreAssessment, type RpaAssessment } from '../../../src/domain/analysis/rpaScore';
import { automationRoi } from '../../../src/domain/analysis/roi';

const manualEntry: RpaAssessment = { ruleBased: 5, digitalInput: 3, structuredInput: 5, stability: 4, documented: 3, exceptionRatePct: 10, systems: 1 };

describe('RPA suitability score', () => {
  it('given hand-computed answers, when scored, then suitability, potential and ease match the formula', () => {
    // 0.3·1 + 0.2·0.5 + 0.2·1 + 0.15·0.75 + 0.15·0.5 = 0.7875
    const s = scoreAssessment(manualEntry);
    expect(s.suitability).toBeCloseTo(78.75, 10);
    expect(s.automationPotential).toBeCloseTo(0.7875 * 0.9, 10);
    expect(s.ease).toBeCloseTo(78.75, 10);
  });

  it('given perfect answers, when scored, then the potential is capped at the published 90%', () => {
    const s = scoreAssessment({ ...manualEntry, digitalInput: 5, stability: 5, documented: 5, exceptionRatePct: 0, systems: 3 });
    expect(s.suitability).toBe(100);
    expect(s.automationPotential).toBeCloseTo(0.9, 12);
    expect(s.ease).toBeCloseTo(80, 12);
  });

  it('given an answer outside 1–5, when scored, then a Japanese message names the question', () => {
    expect(() => scoreAssessment({ ...manualEntry, ruleBased: 6 })).toThrowError(/判断の定型性は1〜5/);
  });
});

describe('automation ROI', () => {
  const costs = { licenceYenPerRobotYear: 600_000, developmentYenPerTask: 500_000, maintenanceRatePerYear: 0.2, tasksPerRobot: 2 };

  it('given savings above running costs, when computed, then payback and 3-year ROI match hand arithmetic', () => {
    // running 300,000 + 100,000 = 400,000/yr; net 1,600,000 − 400,000 = 1,200,000/yr = 100,000/month
    const r = automationRoi(1_600_000, costs);
    expect(r.annualCostYen).toBe(400_000);
    expect(r.paybackMonths).toBeCloseTo(5, 12);
    // 3-year cost 500,000 + 1,200,000 = 1,700,000; ROI = (4,800,000 − 1,700,000) / 1,700,000
    expect(r.roi3y).toBeCloseTo(3_100_000 / 1_700_000, 12);
  });

  it('given savings below running costs, when computed, then payback is never reached and ROI is negative', () => {
    const r = automationRoi(300_000, costs);
    expect(r.paybackMonths).toBeNull();
    expect(r.roi3y).toBeLessThan(0);
  });
});
