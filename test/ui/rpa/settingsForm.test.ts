import { describe, expect, it } from 'vitest';
import { defaultRpaRankingSettings } from '../../../src/domain/analysis/rpaCandidates';
import { draftOf, parseDraft, settingDefaults } from '../../../src/ui/rpa/settingsForm';

describe('RPA cost settings form', () => {
  it('given the defaults, when shown, then maintenance reads as % and every default is marked as an assumption with its derivation', () => {
    const draft = draftOf(defaultRpaRankingSettings());
    expect(draft).toEqual({
      licenceYenPerRobotYear: '600000',
      developmentYenPerTask: '500000',
      maintenanceRatePerYear: '15',
      tasksPerRobot: '3',
      hourlyCostFallbackYen: '3500',
    });
    const defaults = settingDefaults();
    expect(defaults.map((d) => d.key)).toHaveLength(5);
    expect(defaults.every((d) => d.isAssumption && d.sourceLabel.includes('仮定値') && !!d.derivation)).toBe(true);
  });

  it('given typed text with full-width digits and separators, when parsed, then the settings come back with maintenance as a share', () => {
    const r = parseDraft({
      licenceYenPerRobotYear: '９００，０００',
      developmentYenPerTask: '300,000円',
      maintenanceRatePerYear: '20%',
      tasksPerRobot: '4',
      hourlyCostFallbackYen: '4000',
    });
    expect(r).toEqual({
      ok: true,
      settings: { licenceYenPerRobotYear: 900000, developmentYenPerTask: 300000, maintenanceRatePerYear: 0.2, tasksPerRobot: 4, hourlyCostFallbackYen: 4000 },
    });
  });

  it('given invalid fields, when parsed, then each bad field gets its own Japanese message', () => {
    const r = parseDraft({
      licenceYenPerRobotYear: 'abc',
      developmentYenPerTask: '-1',
      maintenanceRatePerYear: '150',
      tasksPerRobot: '0',
      hourlyCostFallbackYen: '3500',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.licenceYenPerRobotYear).toBe('数値を入力してください');
    expect(r.errors.developmentYenPerTask).toMatch(/負の値/);
    expect(r.errors.maintenanceRatePerYear).toMatch(/0〜100%/);
    expect(r.errors.tasksPerRobot).toMatch(/1以上/);
    expect(r.errors.hourlyCostFallbackYen).toBeUndefined();
  });
});
