import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSimModel } from '../../../src/domain/sim/loadDiagram';
import type { SimulationResult } from '../../../src/domain/sim/result';
import { runSimulation } from '../../../src/domain/sim/runSimulation';
import {
  hasRobots,
  heatEntries,
  kpiCards,
  leadTimeHistogramView,
  robotRoleNames,
  staffRoleRows,
  runSummary,
  taskHourBars,
  utilisationItems,
} from '../../../src/ui/simulation/resultView';
import { diagramsRoot } from '../../support/paths';

let result: SimulationResult;

beforeAll(async () => {
  const loaded = await loadSimModel(readFileSync(path.join(diagramsRoot, 'tennyu-asis.bpmn'), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.message);
  result = runSimulation(loaded.model, { seed: 3, replications: 3, years: 0.25, startDate: '2025-04-01' });
});

describe('simulation result view model', () => {
  it('given a 転入届 result, when KPI cards are built, then all nine figures appear with units and 95% intervals', () => {
    const cards = kpiCards(result, 'ja');
    expect(cards.map((c) => c.key)).toEqual([
      'staffHours',
      'staffMinutesPerCase',
      'residentMinutes',
      'leadTime',
      'waiting',
      'cost',
      'paper',
      'fte',
      'completed',
    ]);
    const staff = cards[0];
    expect(staff.label).toBe('年間職員作業時間');
    expect(staff.figure?.text).toMatch(/^[\d,]+ 時間\/年（95%信頼区間 [\d,]+〜[\d,]+）$/);
    expect(cards.find((c) => c.key === 'cost')?.unit).toBe('円/年');
    // 転入届 finishes within the day at the counter: the note gives the minutes as well.
    expect(cards.find((c) => c.key === 'leadTime')?.note).toMatch(
      /^1営業日未満: 執務時間で [\d,.]+ 分（95%信頼区間 .+）、時計時間では [\d,.]+ 分（95%信頼区間/,
    );
    expect(cards.find((c) => c.key === 'residentMinutes')?.label).toBe('来庁者1人あたりの所要時間');
    expect(cards.find((c) => c.key === 'residentMinutes')?.note).toBe(
      '住民対応タスクでの本人の記入・確認などの時間、窓口の待ち時間、職員の応対時間の合計（来庁1回あたり）',
    );
  });

  it('given hand-made lead times of 0.1 and 0.3 business days on a 465-minute day, when the card note is made, then it shows 93 office minutes', () => {
    const r: SimulationResult = {
      ...result,
      replications: 4,
      kpis: { ...result.kpis, leadTimeBusinessDays: { mean: 0.2, ci95: [0.1, 0.3] }, leadTimeMinutes: { mean: 100, ci95: [90, 110] } },
      leadTimeHistogram: { ...result.leadTimeHistogram, minutesPerBusinessDay: 465 },
    };
    // 0.2 × 465 = 93, 0.1 × 465 = 46.5, 0.3 × 465 = 139.5 (decimals of 93: one).
    expect(kpiCards(r, 'ja').find((c) => c.key === 'leadTime')?.note).toBe(
      '1営業日未満: 執務時間で 93.0 分（95%信頼区間 46.5〜139.5）、時計時間では 100 分（95%信頼区間 90〜110）',
    );
    const longer = { ...r, kpis: { ...r.kpis, leadTimeBusinessDays: { mean: 3, ci95: [2.5, 3.5] as [number, number] } } };
    expect(kpiCards(longer, 'ja').find((c) => c.key === 'leadTime')?.note).toMatch(/^時計時間では /);
  });

  it('given one replication, when the cards are made, then each says 反復1回; given several with a constant 0, then that is said instead', () => {
    const one: SimulationResult = { ...result, replications: 1, kpis: { ...result.kpis, paperSheetsPerYear: { mean: 12, ci95: [12, 12] } } };
    expect(kpiCards(one, 'ja').find((c) => c.key === 'paper')?.figure?.ci).toBe('（反復1回のため信頼区間なし）');
    const many: SimulationResult = { ...result, replications: 5, kpis: { ...result.kpis, paperSheetsPerYear: { mean: 0, ci95: [0, 0] } } };
    const paper = kpiCards(many, 'ja').find((c) => c.key === 'paper')?.figure;
    expect(paper?.text).toBe('0 枚/年（全反復で同じ値のため区間の幅なし）');
  });

  it('given a histogram of lead times up to 0.5 business days over 465-minute days, when shown, then the axis is in minutes and the caption says the replications are pooled', () => {
    const r: SimulationResult = {
      ...result,
      replications: 3,
      leadTimeHistogram: { unit: 'businessDays', edges: [0, 0.1, 0.2, 0.3, 0.4, 0.5], counts: [4, 10, 6, 2, 1], minutesPerBusinessDay: 465 },
    };
    const h = leadTimeHistogramView(r, 'ja');
    expect(h.description).toBe('完了した案件のリードタイムごとの件数（3 回の反復の案件をすべて合算）');
    expect(h.unit).toBe('minutes');
    expect(h.xLabel).toBe('リードタイム（分、執務時間）');
    // 0.1 day × 465 min = 46.5 min per bin.
    expect(h.edges.map((e) => Math.round(e * 10) / 10)).toEqual([0, 46.5, 93, 139.5, 186, 232.5]);
    expect(h.describeBin(1)).toBe('47〜93 分（0.10〜0.20 営業日）: 10 件');
    const one = leadTimeHistogramView({ ...r, replications: 1 }, 'ja');
    expect(one.description).toBe('完了した案件のリードタイムごとの件数（反復1回）');
  });

  it('given lead times of several business days, when shown, then the axis stays in business days', () => {
    const r: SimulationResult = { ...result, leadTimeHistogram: { unit: 'businessDays', edges: [0, 2, 4], counts: [3, 5], minutesPerBusinessDay: 465 } };
    const h = leadTimeHistogramView(r, 'ja');
    expect(h.unit).toBe('businessDays');
    expect(h.edges).toEqual([0, 2, 4]);
    expect(h.describeBin(0)).toBe('0〜2 営業日: 3 件');
  });

  it('given a role 住民 without staff time beside staff roles, when the role table is made, then 住民 is not listed as staff', () => {
    const resident = {
      ...result.roles[0],
      name: '住民',
      headcount: null,
      servers: null,
      utilisation: null,
      staffHoursPerYear: { mean: 0, ci95: [0, 0] as [number, number] },
    };
    const rows = staffRoleRows({ ...result, roles: [resident, ...result.roles] });
    expect(rows.map((x) => x.name)).not.toContain('住民');
    expect(rows.length).toBe(result.roles.filter((x) => x.name !== '住民').length);
  });

  it('given the result, when the run summary is built, then it states replications, years, seed and mode', () => {
    expect(runSummary(result, 'ja')).toMatch(/^反復 3 回 × 平均 [\d,]+ 件（2025-04-01 から 0\.25 年分、シード 3、高速モード）$/);
  });

  it('given the result, when task bars are built, then only tasks with staff time appear, largest first, with their intervals', () => {
    const bars = taskHourBars(result, 'ja');
    expect(bars.length).toBeGreaterThan(3);
    expect(bars.every((b) => b.value > 0)).toBe(true);
    expect(bars.map((b) => b.value)).toEqual([...bars.map((b) => b.value)].sort((a, b) => b - a));
    expect(bars[0].ci?.[0]).toBeLessThanOrEqual(bars[0].value);
    expect(bars.find((b) => b.key === 'Task_WriteForm')).toBeUndefined();
  });

  it('given the result, when heat entries are built, then every simulated task is labelled with its hours per year', () => {
    const heat = heatEntries(result, 'ja');
    expect(Object.keys(heat).sort()).toEqual(result.tasks.map((t) => t.id).sort());
    expect(heat.Task_Input.label).toMatch(/^[\d,.]+ 時間\/年$/);
    expect(heat.Task_WriteForm.hours).toBe(0);
  });

  it('given roles with and without headcount, when utilisation items are built, then only roles with a headcount appear, as percentages', () => {
    const items = utilisationItems(result, 'en');
    expect(items.map((i) => i.key)).toEqual(['窓口担当', '審査担当', '関係課担当']);
    for (const i of items) {
      expect(i.utilisation).toBeGreaterThan(0);
      expect(i.utilisation).toBeLessThan(1);
      expect(i.valueText).toMatch(/%\s\(95% CI /);
    }
  });
});

describe('simulation result view model with a robot role', () => {
  let robotResult: SimulationResult;

  beforeAll(async () => {
    const loaded = await loadSimModel(readFileSync(path.join(diagramsRoot, 'kyuyo-shiharai-tobe.bpmn'), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.message);
    robotResult = runSimulation(loaded.model, { seed: 3, replications: 3, years: 0.25 });
  });

  it('given the 給与支払報告書 To-Be with an RPA role, when KPI cards are built, then a robot run-time card with its interval follows the staff card, which says robots are excluded', () => {
    const cards = kpiCards(robotResult, 'ja');
    expect(cards.map((c) => c.key).slice(0, 3)).toEqual(['staffHours', 'robotHours', 'staffMinutesPerCase']);
    expect(cards[0].label).toBe('職員（ロボットを除く）の年間作業時間');
    const robot = cards[1];
    expect(robot.label).toBe('ロボット稼働時間');
    expect(robot.unit).toBe('時間/年');
    expect(robot.figure?.text).toMatch(/^[\d,.]+ 時間\/年（95%信頼区間 [\d,.]+〜[\d,.]+）$/);
    expect(robotResult.kpis.robotHoursPerYear?.mean).toBeGreaterThan(0);
    expect(kpiCards(robotResult, 'en')[0].label).toBe('Staff hours per year (excluding robots)');
  });

  it('given the RPA result, when robot roles are listed, then only the robot role is named', () => {
    expect(hasRobots(robotResult)).toBe(true);
    expect([...robotRoleNames(robotResult)]).toEqual(['RPA']);
  });

  it('given a result without robot roles, when KPI cards are built, then there is no robot card and the staff label is the plain one', () => {
    expect(hasRobots(result)).toBe(false);
    expect(robotRoleNames(result).size).toBe(0);
    const cards = kpiCards(result, 'ja');
    expect(cards.find((c) => c.key === 'robotHours')).toBeUndefined();
    expect(cards[0].label).toBe('年間職員作業時間');
  });

  it('given a saved result from before robot hours existed, when KPI cards are built, then no robot card appears even if a role is flagged', () => {
    const { robotHoursPerYear: _dropped, robotMinutesPerCase: _alsoDropped, ...oldKpis } = robotResult.kpis;
    const old: SimulationResult = { ...robotResult, kpis: oldKpis };
    expect(kpiCards(old, 'ja').map((c) => c.key)).not.toContain('robotHours');
  });
});
