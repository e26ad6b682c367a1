import { describe, expect, it } from 'vitest';
import {
  KEY_ASSESSMENT_FIELDS,
  rankParsedProcesses,
  reconcileTrialYen,
  rpaTemplateParamsFor,
  writeAssessmentAnswers,
  type RpaRankingSettings,
  type TaskHoursTable,
} from '../../../src/domain/analysis/rpaCandidates';
import { AnnotationValidationError } from '../../../src/domain/bpmn/annotationsWrite';
import { readStep } from '../../../src/domain/bpmn/annotationsRead';
import { parseDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { est, fixtureProcess, fixtureXml } from './rpaFixtures';

// Running cost = 600,000 / 3 + 500,000 × 0.15 = 275,000 ¥/year; licence share 200,000 ¥/year.
const settings: RpaRankingSettings = {
  licenceYenPerRobotYear: 600_000,
  developmentYenPerTask: 500_000,
  maintenanceRatePerYear: 0.15,
  tasksPerRobot: 3,
  hourlyCostFallbackYen: 3_500,
};
const hours = (t: TaskHoursTable) => () => t;
const KEY = 'ruleBased="4" digitalInput="4" structuredInput="4" exceptionRate="10"';

describe('RPA ranking: unscreened steps do not come first by default', () => {
  it('given the key questions, when listed, then they are the answers the score weighs most: judgement, digital input, fixed fields and exceptions', () => {
    expect(KEY_ASSESSMENT_FIELDS).toEqual(['ruleBased', 'digitalInput', 'structuredInput', 'exceptionRate']);
  });

  it('given a big unscreened step and a small screened one, when ranked, then the screened one is first although the unscreened saves more ¥', async () => {
    const p = await fixtureProcess({
      id: 'P1',
      roles: [{ name: '担当', hourlyCost: 3_000 }],
      tasks: [
        { id: 'Big', name: '大量の照会', attrs: 'role="担当" systems="1"', staff: 5 },
        { id: 'Small', name: '少量の入力', attrs: 'role="担当" systems="1"', staff: 5, assessment: KEY },
      ],
    });
    const r = rankParsedProcesses([p], hours({ Big: est(2_000), Small: est(500) }), settings);
    const by = Object.fromEntries(r.candidates.map((c) => [c.taskId, c]));
    // Big (neutral 3s): suitability 50, potential 0.5 × 0.9 = 0.45 → 900 h × 3,000 = ¥2,700,000.
    expect(by.Big.yenSavedPerYear.mean).toBeCloseTo(2_700_000, 6);
    // Small: 0.3·0.75 + 0.2·0.75 + 0.2·0.75 + 0.15·0.5 + 0.15·0.5 = 0.675; × 0.9 = 0.6075 → 303.75 h × 3,000 = ¥911,250.
    expect(by.Small.yenSavedPerYear.mean).toBeCloseTo(911_250, 6);
    expect(r.candidates.map((c) => c.taskId)).toEqual(['Small', 'Big']);
    expect(by.Big.needsAnswers).toEqual(['ruleBased', 'digitalInput', 'structuredInput', 'exceptionRate']);
    expect(by.Small.needsAnswers).toEqual([]);
    // Stability and documentation are still derived: screened for the ranking, but 一部未評価.
    expect(by.Small.assessmentLabel).toBe('一部未評価（推定値）');
  });

  it('given unscreened face-to-face and approval steps that save the most, when ranked, then an ordinary unscreened step comes before them', async () => {
    const p = await fixtureProcess({
      id: 'P1',
      roles: [{ name: '担当', hourlyCost: 3_000 }],
      tasks: [
        { id: 'Counter', name: '窓口で聞き取り', attrs: 'role="担当" systems="1"', staff: 5, resident: 5 },
        { id: 'Approve', name: '課長決裁', attrs: 'role="担当" systems="1"', staff: 5 },
        { id: 'Entry', name: '入力', attrs: 'role="担当" systems="1"', staff: 5 },
      ],
    });
    const r = rankParsedProcesses([p], hours({ Counter: est(5_000), Approve: est(4_000), Entry: est(300) }), settings);
    expect(r.candidates.map((c) => c.taskId)).toEqual(['Entry', 'Counter', 'Approve']);
    expect(Object.fromEntries(r.candidates.map((c) => [c.taskId, c.caution]))).toEqual({ Entry: null, Counter: 'face-to-face', Approve: 'judgement' });
  });

  it('given the face-to-face step once its key questions are answered, when ranked, then it is ranked on its ¥ like any screened step', async () => {
    const p = await fixtureProcess({
      id: 'P1',
      roles: [{ name: '担当', hourlyCost: 3_000 }],
      tasks: [
        { id: 'Counter', name: '窓口で聞き取り', attrs: 'role="担当" systems="1"', staff: 5, resident: 5, assessment: KEY },
        { id: 'Entry', name: '入力', attrs: 'role="担当" systems="1"', staff: 5, assessment: KEY },
      ],
    });
    const r = rankParsedProcesses([p], hours({ Counter: est(5_000), Entry: est(300) }), settings);
    expect(r.candidates.map((c) => c.taskId)).toEqual(['Counter', 'Entry']);
  });
});

describe('RPA questionnaire answers in the .bpmn', () => {
  const xml = fixtureXml({
    id: 'P1',
    tasks: [{ id: 'Task_1', name: '手入力', attrs: 'role="入力担当" paperSheets="1" systems="1"', staff: 5, assessment: 'stability="4"' }],
  });

  it('given answers to the key questions, when written, then they join the earlier answers in bpr:assessment and the step keeps its other fields', async () => {
    const out = await writeAssessmentAnswers(xml, 'Task_1', { ruleBased: 5, digitalInput: 2, structuredInput: 4, exceptionRate: 15 });
    const d = await parseDiagram(out);
    if (!d.ok) throw new Error(d.error.message);
    expect(readStep(d.elementsById.Task_1)).toEqual({
      staffTime: { type: 'fixed', value: 5 },
      role: '入力担当',
      paperSheets: 1,
      systems: 1,
      assessment: { stability: 4, ruleBased: 5, digitalInput: 2, structuredInput: 4, exceptionRate: 15 },
    });
  });

  it('given an exception rate above 100 %, when written, then it is refused naming the step and the question', async () => {
    await expect(writeAssessmentAnswers(xml, 'Task_1', { exceptionRate: 120 })).rejects.toThrowError(AnnotationValidationError);
    await expect(writeAssessmentAnswers(xml, 'Task_1', { exceptionRate: 120 })).rejects.toThrowError(/「手入力」\(Task_1\)のRPA評価: 例外率は0〜100%の範囲/);
    await expect(writeAssessmentAnswers(xml, 'Missing', { ruleBased: 3 })).rejects.toThrowError('作業 Missing が図にありません');
  });
});

describe('RPA ranking ¥ and the one-click trial ¥', () => {
  it('given a candidate, when the template parameters are made, then the licence is the same share the ranking counts (600,000 ÷ 3)', () => {
    const p = rpaTemplateParamsFor({ automationPotential: 0.6075, assessment: { exceptionRatePct: 10 } as never }, settings);
    expect(p.reductionPercent).toBeCloseTo(60.75, 10);
    expect(p).toMatchObject({ exceptionPercent: 10, licenceYenPerRobotYear: 200_000 });
  });

  it('given a priced role, when reconciled, then the trial should show the ranking ¥ less the licence share, and a trial inside its interval is explained as noise', () => {
    const r = reconcileTrialYen({ yenSavedPerYear: est(911_250), hourlyCostSource: 'role' }, settings, est(700_000, 650_000, 760_000));
    expect(r.licenceShareYen).toBe(200_000);
    expect(r.expectedTrialYen).toBe(711_250);
    expect(r.withinInterval).toBe(true);
    expect(r.differenceYen).toBe(700_000 - 911_250);
  });

  it('given a role without an hourly cost, when reconciled, then the simulation prices staff at ¥0 and only the licence remains: −¥200,000', () => {
    const r = reconcileTrialYen({ yenSavedPerYear: est(1_000_000), hourlyCostSource: 'fallback' }, settings, est(-200_000));
    expect(r.staffPricedInTrial).toBe(false);
    expect(r.expectedTrialYen).toBe(-200_000);
    expect(r.withinInterval).toBe(true);
  });
});
