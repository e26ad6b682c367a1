import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { preflight } from '../../../src/ui/simulation/preflight';
import { corpusAvailable, corpusRoot, diagramsRoot } from '../../support/paths';

const tennyu = readFileSync(path.join(diagramsRoot, 'tennyu-asis.bpmn'), 'utf8');

describe('preflight', () => {
  it('given the 転入届 sample, when checked, then nothing blocks the run', async () => {
    const result = await preflight(tennyu);
    expect(result.blocking).toEqual([]);
  });

  it('given a task whose time range is reversed, when checked, then the run is blocked by a Japanese issue naming that task', async () => {
    const broken = tennyu.replace(
      '<bpr:staffTime type="triangular" min="3" mode="5" max="10"/>',
      '<bpr:staffTime type="triangular" min="10" mode="5" max="3"/>',
    );
    expect(broken).not.toBe(tennyu);
    const result = await preflight(broken);
    expect(result.blocking.length).toBeGreaterThan(0);
    const issue = result.blocking.find((i) => i.elementId === 'Task_Receive');
    expect(issue?.message).toContain('Task_Receive');
    expect(issue?.message).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  it('given text that is not BPMN, when checked, then a single parse problem blocks the run', async () => {
    const result = await preflight('これはBPMNではありません');
    expect(result.blocking).toHaveLength(1);
    expect(result.blocking[0].source).toBe('model');
    expect(result.notes).toEqual([]);
  });

  it('given a branch without its probability, when checked, then lint and model findings are both listed once each', async () => {
    const withoutProbability = tennyu.replace(/\s+bpr:probability="[^"]+"/, '');
    expect(withoutProbability).not.toBe(tennyu);
    const result = await preflight(withoutProbability);
    expect(result.blocking.length).toBeGreaterThan(0);
    const keys = result.blocking.map((i) => `${i.elementId}|${i.message}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.runIf(corpusAvailable('sim/simod'))(
    'given a BIMP file without bpr: annotations (simod LoanApp), when checked, then what `bpr simulate` runs is not blocked: the annotation rules only inform',
    async () => {
      const bimp = readFileSync(path.join(corpusRoot, 'sim/simod/tests/assets/LoanApp_simplified.bpmn'));
      const result = await preflight(new TextDecoder().decode(bimp));
      expect(result.blocking).toEqual([]);
      // The same rules still speak, as notes: e.g. the missing staff time of AML check (its time comes from BIMP).
      expect(result.notes.some((n) => n.elementId === 'Activity_065abi2')).toBe(true);
    },
  );

  it.runIf(corpusAvailable('sim/simod'))(
    'given the same file with one bpr: step added, when checked, then the diagram is read from its annotations and the missing ones block again',
    async () => {
      const bimp = new TextDecoder().decode(readFileSync(path.join(corpusRoot, 'sim/simod/tests/assets/LoanApp_simplified.bpmn')));
      const withBpr = bimp
        .replace('<definitions ', '<definitions xmlns:bpr="urn:bpr-studio:bpmn:annotations:1.0" ')
        .replace(/(<task id="Activity_065abi2"[^>]*>\s*<extensionElements>)/, '$1<bpr:step role="審査"><bpr:staffTime type="fixed" value="30"/></bpr:step>');
      expect(withBpr).toContain('bpr:staffTime');
      const result = await preflight(withBpr);
      expect(result.blocking.length).toBeGreaterThan(0);
    },
  );
});
