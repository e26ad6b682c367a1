import { describe, expect, it } from 'vitest';
import { checkScenarioName, SCENARIO_NAME_MAX, scenarioNameFromProcessName, uniqueScenarioName } from '../../../src/domain/model/scenario';

describe('scenario names', () => {
  it('given process names written by the template and RPA dialogs, when a scenario name is taken from them, then it is the part after 「To-Be:」, numbered copies kept apart', () => {
    expect(scenarioNameFromProcessName('転入届（現行）（To-Be: 書かない窓口）')).toBe('書かない窓口');
    expect(scenarioNameFromProcessName('給与（To-Be: RPA・住民税システムへ手入力（宛名検索））')).toBe('RPA・住民税システムへ手入力（宛名検索）');
    expect(scenarioNameFromProcessName('給与（To-Be: RPA・入力） 2')).toBe('RPA・入力 2');
  });

  it('given a hand-named To-Be, when a scenario name is taken from it, then its closing brackets are used, else the whole name cut to the limit', () => {
    expect(scenarioNameFromProcessName(' 起案・決裁（電子決裁） ')).toBe('電子決裁');
    expect(scenarioNameFromProcessName('給与支払報告書の入力（AI-OCR＋RPA）')).toBe('AI-OCR＋RPA');
    expect(scenarioNameFromProcessName('児童手当（オンライン申請（ぴったりサービス））')).toBe('オンライン申請（ぴったりサービス）');
    expect(scenarioNameFromProcessName('下書きの見直し案')).toBe('下書きの見直し案');
    expect(scenarioNameFromProcessName('（仮）')).toBe('（仮）');
    expect(scenarioNameFromProcessName('見直し案）')).toBe('見直し案）');
    expect(scenarioNameFromProcessName('あ'.repeat(150))).toHaveLength(SCENARIO_NAME_MAX);
  });

  it('given names in use, when a unique one is asked for, then 「RPA」 becomes 「RPA 2」, then 「RPA 3」', () => {
    expect(uniqueScenarioName('RPA', [])).toBe('RPA');
    expect(uniqueScenarioName('RPA', ['RPA'])).toBe('RPA 2');
    expect(uniqueScenarioName('RPA', ['RPA', 'RPA 2'])).toBe('RPA 3');
  });

  it('given a name for a new scenario, when checked, then empty, too long and already used names are refused and others accepted', () => {
    expect(checkScenarioName('  ', [])).toBe('nameEmpty');
    expect(checkScenarioName('あ'.repeat(SCENARIO_NAME_MAX + 1), [])).toBe('nameTooLong');
    expect(checkScenarioName(' 電子決裁 ', ['電子決裁'])).toBe('nameTaken');
    expect(checkScenarioName('電子決裁＋RPA', ['電子決裁'])).toBeNull();
  });
});
