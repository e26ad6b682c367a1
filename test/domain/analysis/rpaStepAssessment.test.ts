import { describe, expect, it } from 'vitest';
import { describeStepAssessment, rpaTemplateParamsFor, UNASSESSED_LABEL, PARTLY_ASSESSED_LABEL } from '../../../src/domain/analysis/rpaCandidates';
import type { StepAnnotation } from '../../../src/domain/model/annotations';

const ctx = { taskId: 'Task_1', taskName: '申請書から入力', role: '入力担当' };

describe('step assessment for the properties panel', () => {
  it('given a paper step without answers, when described, then every answer is marked estimated with its reason and the score uses them', () => {
    const step: StepAnnotation = { staffTime: { type: 'fixed', value: 5 }, paperSheets: 2, systems: 1, role: '入力担当' };
    const v = describeStepAssessment(step, ctx);
    expect(v.assessed).toBe(false);
    expect(v.label).toBe(UNASSESSED_LABEL);
    expect(v.excludedMessage).toBeUndefined();
    const digital = v.fields.find((f) => f.field === 'digitalInput')!;
    expect(digital).toMatchObject({ value: 2, estimated: true, label: '入力の電子化' });
    expect(digital.note).toContain('紙の書類（2 枚）');
    // 0.3·0.5 + 0.2·0.25 + 0.2·0.5 + 0.15·0.5 + 0.15·0.5 = 0.45
    expect(v.score.suitability).toBeCloseTo(45, 10);
    expect(v.score.automationPotential).toBeCloseTo(0.45 * 0.9, 12);
  });

  it('given some answers entered, when described, then those are not estimated and the label says 一部未評価', () => {
    const step: StepAnnotation = { staffTime: { type: 'fixed', value: 5 }, assessment: { ruleBased: 5, exceptionRate: 30 } };
    const v = describeStepAssessment(step, ctx);
    expect(v.label).toBe(PARTLY_ASSESSED_LABEL);
    expect(v.fields.find((f) => f.field === 'ruleBased')).toMatchObject({ value: 5, estimated: false, note: undefined });
    expect(v.fields.find((f) => f.field === 'exceptionRate')).toMatchObject({ value: 30, estimated: false });
    expect(v.fields.filter((f) => f.estimated).map((f) => f.field)).toEqual(['digitalInput', 'structuredInput', 'stability', 'documented']);
  });

  it('given an already automated step, when described, then the panel gets the exclusion message', () => {
    const v = describeStepAssessment({ staffTime: { type: 'fixed', value: 5 }, automation: 'ai-ocr' }, ctx);
    expect(v.excludedMessage).toBe('「申請書から入力」(Task_1) は自動化（AI-OCR）が設定済みのため対象外です');
  });
});

describe('RPA template parameters from a candidate', () => {
  it('given a candidate, when turned into template parameters, then reduction equals the potential and exception the entered rate', () => {
    const p = rpaTemplateParamsFor({
      automationPotential: 0.70875,
      assessment: { ruleBased: 5, digitalInput: 3, structuredInput: 5, stability: 4, documented: 3, exceptionRatePct: 10, systems: 1 },
    });
    expect(p.reductionPercent).toBeCloseTo(70.875, 12);
    expect(p.exceptionPercent).toBe(10);
    // The template keeps (1 − reduction − exception) × original as check time, which must not go negative.
    expect(p.reductionPercent + p.exceptionPercent).toBeLessThanOrEqual(100);
  });
});
