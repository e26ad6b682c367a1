import type { SourcedDefault } from './sources';

/** Workspace settings for the cost side of an automation; defaults are assumptions to override. */
export interface AutomationCostSettings {
  licenceYenPerRobotYear: number;
  developmentYenPerTask: number;
  /** Share of the development cost spent each year on upkeep (scenario fixes after system changes). */
  maintenanceRatePerYear: number;
  /** How many automated steps one robot licence serves. */
  tasksPerRobot: number;
}

export const DEFAULT_AUTOMATION_COSTS: { [K in keyof AutomationCostSettings]: SourcedDefault<number> } = {
  licenceYenPerRobotYear: { value: 600_000, source: 'assumption', derivation: '実行型ロボット1台の年間ライセンス料の概算' },
  developmentYenPerTask: { value: 500_000, source: 'assumption', derivation: 'シナリオ1本の作成を外部委託した場合の概算' },
  maintenanceRatePerYear: { value: 0.15, source: 'assumption', derivation: '開発費の15%/年を保守に見込む' },
  tasksPerRobot: { value: 3, source: 'assumption', derivation: '1ライセンスで3業務を時間帯をずらして実行' },
};

export function defaultAutomationCosts(): AutomationCostSettings {
  return {
    licenceYenPerRobotYear: DEFAULT_AUTOMATION_COSTS.licenceYenPerRobotYear.value,
    developmentYenPerTask: DEFAULT_AUTOMATION_COSTS.developmentYenPerTask.value,
    maintenanceRatePerYear: DEFAULT_AUTOMATION_COSTS.maintenanceRatePerYear.value,
    tasksPerRobot: DEFAULT_AUTOMATION_COSTS.tasksPerRobot.value,
  };
}

export interface RoiResult {
  annualCostYen: number;
  netAnnualYen: number;
  /** Months until the development cost is earned back; null = never (回収不能). */
  paybackMonths: number | null;
  /** (3-year savings − 3-year cost) / 3-year cost */
  roi3y: number;
  totalCost3yYen: number;
}

/** One automated step's share of a robot licence per year: the licence is shared by tasksPerRobot steps. */
export function licenceSharePerTask(c: Pick<AutomationCostSettings, 'licenceYenPerRobotYear' | 'tasksPerRobot'>): number {
  if (c.tasksPerRobot <= 0) throw new RangeError('1ライセンスあたりの業務数は1以上にしてください');
  return c.licenceYenPerRobotYear / c.tasksPerRobot;
}

export function automationRoi(yenSavedPerYear: number, c: AutomationCostSettings): RoiResult {
  const annualCostYen = licenceSharePerTask(c) + c.developmentYenPerTask * c.maintenanceRatePerYear;
  const netAnnualYen = yenSavedPerYear - annualCostYen;
  const paybackMonths = netAnnualYen > 0 ? c.developmentYenPerTask / (netAnnualYen / 12) : null;
  const totalCost3yYen = c.developmentYenPerTask + 3 * annualCostYen;
  const roi3y = totalCost3yYen > 0 ? (3 * yenSavedPerYear - totalCost3yYen) / totalCost3yYen : 0;
  return { annualCostYen, netAnnualYen, paybackMonths, roi3y, totalCost3yYen };
}
