import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSimModel } from '../../../src/domain/sim/loadDiagram';
import type { SimulationResult } from '../../../src/domain/sim/result';
import { runSimulation } from '../../../src/domain/sim/runSimulation';
import { hasRobots, heatEntries, kpiCards, robotRoleNames, runSummary, taskHourBars, utilisationItems } from '../../../src/ui/simulation/resultView';
import { diagramsRoot } from '../../support/paths';

let result: SimulationResult;

beforeAll(async () => {
  const loaded = await loadSimModel(readFileSync(path.join(diagramsRoot, 'tennyu-asis.bpmn'), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.message);
  result = runSimulation(loaded.model, { seed: 3, replications: 3, years: 0.25 });
});

describe('simulation result view model', () => {
  it('given a 転入届 result, when KPI cards are built, then all nine figures appear with units and 95% intervals', () => {
    const cards = kpiCards(result, 'ja');
    expect(cards.map((c) => c.key)).toEqual([
      'staffHours', 'staffMinutesPerCase', 'residentMinutes', 'leadTime', 'waiting', 'cost', 'paper', 'fte', 'completed',
    ]);
    const staff = cards[0];
    expect(staff.label).toBe('年間職員作業時間');
    expect(staff.figure?.text).toMatch(/^[\d,]+ 時間\/年（95%信頼区間 [\d,]+〜[\d,]+）$/);
    expect(cards.find((c) => c.key === 'cost')?.unit).toBe('円/年');
    expect(cards.find((c) => c.key === 'leadTime')?.note).toMatch(/^時計時間では .+ 分（95%信頼区間/);
  });

  it('given the result, when the run summary is built, then it states replications, years, seed and mode', () => {
    expect(runSummary(result, 'ja')).toMatch(/^反復 3 回 × 平均 [\d,]+ 件（0\.25 年分、シード 3、高速モード）$/);
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
