import { describe, expect, it } from 'vitest';
import {
  departmentsOf,
  filterByDepartment,
  filterByMinScore,
  rankParsedProcesses,
  rankRpaCandidates,
  rankRpaWorkspace,
  UNASSESSED_LABEL,
  PARTLY_ASSESSED_LABEL,
  type RpaRankingSettings,
  type TaskHoursTable,
} from '../../../src/domain/analysis/rpaCandidates';
import { est, fixtureProcess, fixtureXml } from './rpaFixtures';

// Running cost = 600,000 / 2 + 500,000 × 0.2 = 400,000 ¥/year for every task.
const settings: RpaRankingSettings = {
  licenceYenPerRobotYear: 600_000,
  developmentYenPerTask: 500_000,
  maintenanceRatePerYear: 0.2,
  tasksPerRobot: 2,
  hourlyCostFallbackYen: 2_000,
};

// Suitability 0.3·1 + 0.2·0.5 + 0.2·1 + 0.15·0.75 + 0.15·0.5 = 0.7875; potential 0.7875 × 0.9 = 0.70875.
const FULL = 'ruleBased="5" digitalInput="3" structuredInput="5" stability="4" documented="3" exceptionRate="10"';

const hours = (t: TaskHoursTable) => () => t;

describe('RPA candidates: arithmetic per candidate', () => {
  it('given an assessed step with simulated hours, when ranked, then hours, yen, payback and ROI match hand arithmetic', async () => {
    const p = await fixtureProcess({
      id: 'P1',
      roles: [{ name: '入力担当', hourlyCost: 3_000 }],
      tasks: [{ id: 'T1', name: '税システムへ入力', attrs: 'role="入力担当" paperSheets="1" systems="2"', staff: 5, assessment: FULL }],
    });
    const [c] = rankParsedProcesses([p], hours({ T1: { staffHoursPerYear: est(1_000, 900, 1_100), countPerYear: est(12_000) } }), settings).candidates;
    expect(c.assessed).toBe(true);
    expect(c.assessmentLabel).toBe('');
    expect(c.score).toBeCloseTo(78.75, 10);
    expect(c.automationPotential).toBeCloseTo(0.70875, 12);
    expect(c.ease).toBeCloseTo(78.75 * 0.9, 10);
    // 0.70875 × 1,000 h = 708.75 h, CI 0.70875 × [900, 1,100]
    expect(c.hoursSavedPerYear.mean).toBeCloseTo(708.75, 9);
    expect(c.hoursSavedPerYear.ci95[0]).toBeCloseTo(637.875, 9);
    expect(c.hoursSavedPerYear.ci95[1]).toBeCloseTo(779.625, 9);
    // 708.75 h × 3,000 ¥ = 2,126,250 ¥; net 1,726,250 ¥/year → 500,000 / (1,726,250 / 12) months
    expect(c.yenSavedPerYear.mean).toBeCloseTo(2_126_250, 6);
    expect(c.yenSavedPerYear.ci95[0]).toBeCloseTo(1_913_625, 6);
    expect(c.hourlyCostSource).toBe('role');
    expect(c.annualCostYen).toBe(400_000);
    expect(c.netAnnualYen).toBeCloseTo(1_726_250, 6);
    expect(c.paybackMonths).toBeCloseTo(500_000 / (1_726_250 / 12), 9);
    // 3 years: savings 6,378,750 against 500,000 + 3 × 400,000 = 1,700,000
    expect(c.roi3y).toBeCloseTo((6_378_750 - 1_700_000) / 1_700_000, 12);
    expect(c.annualVolume).toBe(12_000);
    expect(c.visitsPerCase).toBeCloseTo(12, 12);
    expect(c.assessment.systems).toBe(2);
  });

  it('given savings below the running cost, when ranked, then payback is null (回収不能), ROI negative and it ranks below a paying step', async () => {
    const p = await fixtureProcess({
      id: 'P1',
      roles: [{ name: '入力担当', hourlyCost: 3_000 }],
      tasks: [
        { id: 'Small', name: '少量の入力', attrs: 'role="入力担当"', staff: 5, assessment: FULL },
        { id: 'Big', name: '大量の入力', attrs: 'role="入力担当"', staff: 5, assessment: FULL },
      ],
    });
    const { candidates } = rankParsedProcesses([p], hours({ Small: est(100), Big: est(1_000) }), settings);
    expect(candidates.map((c) => c.taskId)).toEqual(['Big', 'Small']);
    const small = candidates[1];
    // 70.875 h × 3,000 ¥ = 212,625 ¥ < 400,000 ¥ running cost
    expect(small.yenSavedPerYear.mean).toBeCloseTo(212_625, 6);
    expect(small.netAnnualYen).toBeCloseTo(-187_375, 6);
    expect(small.paybackMonths).toBeNull();
    expect(small.roi3y).toBeCloseTo((3 * 212_625 - 1_700_000) / 1_700_000, 12);
    expect(small.roi3y).toBeLessThan(0);
    expect(candidates.map((c) => c.rank)).toEqual([1, 2]);
  });

  it('given a role without an hourly cost, when ranked, then the fallback cost is used and noted', async () => {
    const p = await fixtureProcess({
      id: 'P1',
      roles: [{ name: '入力担当' }],
      tasks: [{ id: 'T1', name: '入力', attrs: 'role="入力担当"', staff: 5, assessment: FULL }],
    });
    const [c] = rankParsedProcesses([p], hours({ T1: est(1_000) }), settings).candidates;
    expect(c.hourlyCostYen).toBe(2_000);
    expect(c.hourlyCostSource).toBe('fallback');
    expect(c.yenSavedPerYear.mean).toBeCloseTo(708.75 * 2_000, 6);
    expect(c.notes.join()).toContain('役割「入力担当」の時間単価が未設定');
  });
});

describe('RPA candidates: hours come from the simulation', () => {
  it('given simulated hours that contradict mean time × volume, when ranked, then the order follows the simulated hours', async () => {
    // Naively Long (30 min × 1,000 = 500 h) beats Short (2 min × 1,000 = 33 h); a rework loop in the
    // simulation makes Short run far more often, and only the simulated figure may count.
    const p = await fixtureProcess({
      id: 'P1',
      annualVolume: 1_000,
      roles: [{ name: '担当', hourlyCost: 3_000 }],
      tasks: [
        { id: 'Long', name: '長い作業', attrs: 'role="担当"', staff: 30, assessment: FULL },
        { id: 'Short', name: '短い作業', attrs: 'role="担当"', staff: 2, assessment: FULL },
      ],
    });
    const table: TaskHoursTable = { Long: est(400), Short: est(900) };
    const { candidates } = rankParsedProcesses([p], hours(table), settings);
    expect(candidates.map((c) => c.taskId)).toEqual(['Short', 'Long']);
    expect(candidates[0].staffHoursPerYear).toEqual(est(900));
    expect(candidates[0].hoursSavedPerYear.mean).toBeCloseTo(900 * 0.70875, 9);
  });

  it('given no simulation for a process, when ranked, then its hours are null, savings 0 and a warning says why', async () => {
    const p = await fixtureProcess({ id: 'P1', tasks: [{ id: 'T1', name: '入力', staff: 5 }] });
    const r = rankParsedProcesses([p], () => undefined, settings);
    expect(r.candidates[0].staffHoursPerYear).toBeNull();
    expect(r.candidates[0].hoursSavedPerYear.mean).toBe(0);
    expect(r.candidates[0].paybackMonths).toBeNull();
    expect(r.warnings.join()).toContain('シミュレーション結果がない');
  });
});

describe('RPA candidates: derived assessments', () => {
  const rank = async (tasks: Parameters<typeof fixtureProcess>[0]['tasks'], lanes?: Record<string, string[]>) => {
    const p = await fixtureProcess({ id: 'P1', tasks, lanes, roles: [{ name: '担当', hourlyCost: 3_000 }] });
    const table: TaskHoursTable = Object.fromEntries(tasks.map((t) => [t.id, est(100)]));
    return rankParsedProcesses([p], hours(table), settings);
  };

  it('given a step without an assessment, when ranked, then neutral answers are used and it is flagged 未評価（推定値）', async () => {
    const [c] = (await rank([{ id: 'T1', name: '照会', attrs: 'role="担当" systems="1"', staff: 5 }])).candidates;
    expect(c.assessed).toBe(false);
    expect(c.assessmentLabel).toBe(UNASSESSED_LABEL);
    expect(c.assessment).toEqual({ ruleBased: 3, digitalInput: 3, structuredInput: 3, stability: 3, documented: 3, exceptionRatePct: 10, systems: 1 });
    expect(c.score).toBeCloseTo(50, 10);
    expect(c.automationPotential).toBeCloseTo(0.45, 12);
    expect(c.estimatedFields).toHaveLength(6);
  });

  it('given paper, no system, an approval name, an approver lane or a resident at the counter, when derived, then the documented answers follow', async () => {
    const r = await rank(
      [
        { id: 'Paper', name: '申請書から入力', attrs: 'role="担当" paperSheets="2" systems="1"', staff: 5 },
        { id: 'NoSystem', name: '開封', attrs: 'role="担当" paperSheets="1" systems="0"', staff: 5 },
        { id: 'Kessai', name: '部長決裁', attrs: 'role="担当" systems="1"', staff: 5 },
        { id: 'InLane', name: '審査', attrs: 'systems="1"', staff: 5 },
        { id: 'Counter', name: '窓口で聞き取り', attrs: 'role="担当" systems="1"', staff: 5, resident: 5 },
      ],
      { 課長: ['InLane'] },
    );
    const by = Object.fromEntries(r.candidates.map((c) => [c.taskId, c.assessment]));
    expect(by.Paper.digitalInput).toBe(2);
    expect(by.Paper.ruleBased).toBe(3);
    expect(by.NoSystem.digitalInput).toBe(1);
    expect(by.Kessai.ruleBased).toBe(2);
    expect(by.InLane.ruleBased).toBe(2);
    expect(by.Counter.ruleBased).toBe(2);
    const paper = r.candidates.find((c) => c.taskId === 'Paper')!;
    expect(paper.derivationNotes.join()).toContain('紙の書類（2 枚）');
  });

  it('given a partly answered assessment, when ranked, then entered answers win and it is flagged 一部未評価', async () => {
    const [c] = (
      await rank([{ id: 'T1', name: '申請書から入力', attrs: 'role="担当" paperSheets="1"', staff: 5, assessment: 'digitalInput="4" exceptionRate="0"' }])
    ).candidates;
    expect(c.assessed).toBe(false);
    expect(c.assessmentLabel).toBe(PARTLY_ASSESSED_LABEL);
    expect(c.assessment.digitalInput).toBe(4);
    expect(c.assessment.exceptionRatePct).toBe(0);
    expect(c.estimatedFields).toEqual(['ruleBased', 'structuredInput', 'stability', 'documented']);
  });
});

describe('RPA candidates: exclusions and To-Be', () => {
  it('given automated, resident-only and untimed steps, when ranked, then they are excluded with Japanese reasons', async () => {
    const p = await fixtureProcess({
      id: 'P1',
      lanes: { 住民: ['InResidentLane'] },
      tasks: [
        { id: 'Robot', name: 'RPA登録', attrs: 'automation="rpa"', staff: 5 },
        { id: 'Resident', name: '申請書を記入', attrs: 'role="住民"', staff: 0, resident: 10 },
        { id: 'InResidentLane', name: '待つ', resident: 3 },
        { id: 'Untimed', name: '時間未入力', bare: true },
        { id: 'Kept', name: '入力', staff: 5 },
      ],
    });
    const r = rankParsedProcesses([p], hours({ Kept: est(10) }), settings);
    expect(r.candidates.map((c) => c.taskId)).toEqual(['Kept']);
    expect(Object.fromEntries(r.excluded.map((e) => [e.taskId, e.reason]))).toEqual({
      Robot: 'automated',
      Resident: 'resident',
      InResidentLane: 'resident',
      Untimed: 'no-staff-time',
    });
    expect(r.excluded.find((e) => e.taskId === 'Robot')!.message).toBe('「RPA登録」(Robot) は自動化（RPA）が設定済みのため対象外です');
  });

  it('given a To-Be process, when ranked, then none of its tasks appear', async () => {
    const asIs = await fixtureProcess({ id: 'AsIs', tasks: [{ id: 'T1', name: '入力', staff: 5 }] });
    const toBe = await fixtureProcess({ id: 'ToBe', tasks: [{ id: 'T2', name: '入力', staff: 5 }] }, { kind: 'to-be' });
    const r = rankParsedProcesses([asIs, toBe], () => ({ T1: est(10), T2: est(10_000) }), settings);
    expect(r.candidates.map((c) => c.processId)).toEqual(['AsIs']);
  });
});

describe('RPA candidates: order, filters and input forms', () => {
  it('given ties on benefit, when ranked in either input order, then the order is the same (process id, task id)', async () => {
    const a = await fixtureProcess({
      id: 'A',
      tasks: [
        { id: 'T2', name: 'x', staff: 1 },
        { id: 'T1', name: 'y', staff: 1 },
      ],
    });
    const b = await fixtureProcess({ id: 'B', tasks: [{ id: 'T1', name: 'z', staff: 1 }] });
    const zero = () => ({ T1: est(0), T2: est(0) });
    const ids = (ps: (typeof a)[]) => rankParsedProcesses(ps, zero, settings).candidates.map((c) => `${c.processId}/${c.taskId}`);
    expect(ids([a, b])).toEqual(['A/T1', 'A/T2', 'B/T1']);
    expect(ids([b, a])).toEqual(ids([a, b]));
  });

  it('given several departments, when filtered by department and minimum score, then only matching candidates remain in rank order', async () => {
    const a = await fixtureProcess(
      {
        id: 'A',
        tasks: [
          { id: 'T1', name: '入力', staff: 5, assessment: FULL },
          { id: 'T2', name: '決裁', staff: 5 },
        ],
      },
      { department: '税務課' },
    );
    const b = await fixtureProcess({ id: 'B', tasks: [{ id: 'T3', name: '入力', staff: 5 }] }, { department: '市民課' });
    const all = rankParsedProcesses([a, b], (id): TaskHoursTable => (id === 'A' ? { T1: est(100), T2: est(300) } : { T3: est(200) }), settings).candidates;
    expect(departmentsOf(all)).toEqual(['市民課', '税務課'].sort((x, y) => x.localeCompare(y, 'ja')));
    const tax = filterByDepartment(all, '税務課');
    expect(tax.map((c) => c.taskId).sort()).toEqual(['T1', 'T2']);
    expect(tax.map((c) => c.rank)).toEqual([...tax.map((c) => c.rank)].sort((x, y) => x - y));
    expect(filterByDepartment(all, [])).toHaveLength(3);
    // T1 scores 78.75, T3 50 (neutral), T2 (決裁 → 定型性 2) 42.5
    expect(
      filterByMinScore(all, 45)
        .map((c) => c.taskId)
        .sort(),
    ).toEqual(['T1', 'T3']);
  });

  it('given XML text instead of parsed definitions, when ranked, then it is parsed; an unreadable diagram becomes a warning', async () => {
    const xml = fixtureXml({ id: 'P1', tasks: [{ id: 'T1', name: '入力', staff: 5 }] });
    const processes = [
      { processId: 'ok', processName: '読める業務', kind: 'as-is' as const, xml },
      { processId: 'bad', processName: '壊れた業務', kind: 'as-is' as const, xml: 'not xml' },
    ];
    const r = await rankRpaWorkspace(processes, () => ({ T1: est(10) }), settings);
    expect(r.candidates.map((c) => c.processId)).toEqual(['ok']);
    expect(r.warnings.join()).toContain('壊れた業務: 読み込めないため');
    expect((await rankRpaCandidates(processes, () => ({ T1: est(10) }), settings)).length).toBe(1);
  });

  it('given invalid cost settings, when ranked, then a Japanese error is thrown', async () => {
    const p = await fixtureProcess({ id: 'P1', tasks: [{ id: 'T1', name: '入力', staff: 5 }] });
    expect(() => rankParsedProcesses([p], () => undefined, { ...settings, tasksPerRobot: 0 })).toThrowError(/1ライセンスあたりの業務数/);
  });
});
