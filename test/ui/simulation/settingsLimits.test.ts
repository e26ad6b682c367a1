import { describe, expect, it } from 'vitest';
import { draftOf, parseDraft } from '../../../src/ui/simulation/settingsLimits';
import { DEFAULT_RUN_SETTINGS } from '../../../src/ui/simulation/simRunMachine';

describe('run settings parsing', () => {
  it('given the defaults, when drafted and parsed back, then the same settings come out', () => {
    expect(parseDraft(draftOf(DEFAULT_RUN_SETTINGS))).toEqual({ settings: DEFAULT_RUN_SETTINGS, invalid: [] });
    expect(DEFAULT_RUN_SETTINGS.replications).toBe(10);
  });

  it('given full-width digits and a thousands separator, when parsed, then they are read as numbers', () => {
    const parsed = parseDraft({ ...draftOf(DEFAULT_RUN_SETTINGS), replications: '２０', period: 'cases', cases: '1,500' });
    expect(parsed.settings).toMatchObject({ replications: 20, period: 'cases', cases: 1500 });
  });

  it('given out-of-range or non-integer values, when parsed, then each bad field is named and no settings are returned', () => {
    const parsed = parseDraft({ ...draftOf(DEFAULT_RUN_SETTINGS), replications: '0', seed: '1.5', years: '80' });
    expect(parsed.settings).toBeNull();
    expect(parsed.invalid).toEqual(['replications', 'seed', 'years']);
  });

  it('given a period by years, when the unused cases field is garbage, then it does not block the run', () => {
    const parsed = parseDraft({ ...draftOf(DEFAULT_RUN_SETTINGS), cases: 'abc', years: '0.5' });
    expect(parsed.invalid).toEqual([]);
    expect(parsed.settings?.years).toBe(0.5);
  });
});
