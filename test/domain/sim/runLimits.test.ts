import { describe, expect, it } from 'vitest';
import { RunLimitError, type RunLimitField } from '../../../src/domain/sim/runLimits';
import { runSimulation } from '../../../src/domain/sim/runSimulation';
import { compareScenarios } from '../../../src/domain/analysis/compare';
import { parseDraft, type SettingsDraft } from '../../../src/ui/simulation/settingsLimits';
import { simOptionsSchema } from '../../../src/workers/simProtocol';
import { compareRunOptionsSchema } from '../../../src/workers/compareProtocol';
import { parseArgs as parseSimulateArgs } from '../../../src/cli/commands/simulate';
import { parseArgs as parseCompareArgs } from '../../../src/cli/commands/compare';
import { reworkModel } from './engine/fixtures';

/**
 * One table of run-setting cases, written from the documented limits (README: replications 1–1,000, seed
 * 0–2^31−1, years 0.1–50, cases 1–1,000,000), run through every consumer: the simulation tab's form, the
 * worker's message schema, the CLI's argument parser and runSimulation. All must agree on each row.
 * `cheap` rows are also run by the engine (an allowed row with 1,000 replications would only cost time).
 */
const CASES: { field: RunLimitField; value: number; ok: boolean; cheap?: boolean }[] = [
  { field: 'replications', value: 0, ok: false },
  { field: 'replications', value: 1, ok: true, cheap: true },
  { field: 'replications', value: 1000, ok: true },
  { field: 'replications', value: 1001, ok: false },
  { field: 'replications', value: 2.5, ok: false },
  { field: 'seed', value: -1, ok: false },
  { field: 'seed', value: 0, ok: true },
  { field: 'seed', value: 2 ** 31 - 1, ok: true },
  { field: 'seed', value: 2 ** 31, ok: false },
  { field: 'seed', value: 1.5, ok: false },
  { field: 'years', value: 0.05, ok: false },
  { field: 'years', value: 0.1, ok: true, cheap: true },
  { field: 'years', value: 50, ok: true },
  { field: 'years', value: 50.5, ok: false },
  { field: 'cases', value: 0, ok: false },
  { field: 'cases', value: 1, ok: true, cheap: true },
  { field: 'cases', value: 1_000_000, ok: true },
  { field: 'cases', value: 1_000_001, ok: false },
  { field: 'cases', value: 1.5, ok: false },
];

const draftWith = (field: RunLimitField, value: number): SettingsDraft => ({
  replications: '10',
  seed: '1',
  years: '1',
  cases: '1000',
  period: field === 'cases' ? 'cases' : 'years',
  mode: 'fast',
  [field]: String(value),
});

describe('run limits: one table, every consumer', () => {
  for (const c of CASES) {
    const verdict = c.ok ? 'accepts' : 'refuses';
    it(`given ${c.field} = ${c.value}, when the form, the worker schema, the CLI and the engine read it, then each ${verdict} it`, () => {
      // simulation tab's form
      expect(parseDraft(draftWith(c.field, c.value)).invalid.includes(c.field)).toBe(!c.ok);
      // worker message schema
      expect(simOptionsSchema.safeParse({ [c.field]: c.value }).success).toBe(c.ok);
      // CLI: a string is the refusal, naming the flag
      const cli = parseSimulateArgs(['m.bpmn', `--${c.field}`, String(c.value)]);
      if (c.ok) expect(typeof cli).not.toBe('string');
      else expect(cli).toContain(`--${c.field}`);
      // engine
      if (!c.ok && c.field !== 'seed') {
        let thrown: unknown;
        try {
          runSimulation(reworkModel(), { [c.field]: c.value, startDate: '2027-04-01' });
        } catch (e) {
          thrown = e;
        }
        expect(thrown).toBeInstanceOf(RunLimitError);
        expect((thrown as RunLimitError).problem.field).toBe(c.field);
      }
      if (c.ok && c.cheap) {
        const r = runSimulation(reworkModel(), {
          replications: 1,
          cases: 20,
          startDate: '2027-04-01',
          ...(c.field === 'years' ? { cases: undefined } : {}),
          [c.field]: c.value,
        });
        expect(r.replications).toBe(c.field === 'replications' ? c.value : 1);
      }
    });
  }

  it('given a comparison, when it asks for 1 replication, then the compare worker, CLI and engine all refuse it (a paired interval needs 2)', () => {
    expect(compareRunOptionsSchema.safeParse({ replications: 1 }).success).toBe(false);
    expect(compareRunOptionsSchema.safeParse({ replications: 2 }).success).toBe(true);
    expect(parseCompareArgs(['a.bpmn', 'b.bpmn', '--replications', '1'])).toContain('--replications');
    expect(typeof parseCompareArgs(['a.bpmn', 'b.bpmn', '--replications', '2'])).not.toBe('string');
    expect(() => compareScenarios(reworkModel(), reworkModel(), { replications: 1 })).toThrow(RunLimitError);
  });
});
