import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  screeningTier,
  defaultRpaRankingSettings,
  rankParsedProcesses,
  simulateTaskHours,
  type ParsedRpaProcess,
  type TaskHoursTable,
} from '../../../src/domain/analysis/rpaCandidates';
import { parseDiagram } from '../../../src/domain/bpmn/parseDiagram';
import { diagramsRoot } from '../../support/paths';

interface ManifestEntry {
  file: string;
  name: string;
  department: string;
  kind: 'as-is' | 'to-be';
}

/**
 * The sample workspace shipped in diagrams/: the acceptance order of the RPA ranking holds with the
 * simulated hours (seed 1, 3 replications) and the assessments as they are in the files.
 */
async function sampleRanking() {
  const manifest = JSON.parse(readFileSync(join(diagramsRoot, 'manifest.json'), 'utf8')) as ManifestEntry[];
  const processes: ParsedRpaProcess[] = [];
  const hours = new Map<string, TaskHoursTable>();
  for (const m of manifest) {
    const r = await parseDiagram(readFileSync(join(diagramsRoot, m.file), 'utf8'));
    if (!r.ok) throw new Error(`${m.file}: ${r.error.message}`);
    processes.push({ processId: m.file, processName: m.name, department: m.department, kind: m.kind, definitions: r.definitions });
    if (m.kind === 'as-is') hours.set(m.file, simulateTaskHours(r.definitions, { seed: 1, replications: 3 }));
  }
  return rankParsedProcesses(processes, (id) => hours.get(id), defaultRpaRankingSettings());
}

let cached: ReturnType<typeof sampleRanking> | undefined;
const ranking = () => (cached ??= sampleRanking());

describe('RPA ranking of the sample diagrams', () => {
  it('given the samples, when ranked, then the 給与支払報告書 manual entry ranks above the 転入届 counter step and To-Be diagrams are left out', async () => {
    const { candidates, warnings } = await ranking();
    const at = (file: string, task: string) => candidates.findIndex((c) => c.processId === file && c.taskId === task);
    const entry = at('kyuyo-shiharai-asis.bpmn', 'Task_Entry');
    const counter = at('tennyu-asis.bpmn', 'Task_Receive');
    expect(entry).toBeGreaterThanOrEqual(0);
    expect(counter).toBeGreaterThanOrEqual(0);
    expect(entry).toBeLessThan(counter);
    expect(candidates[entry].taskName).toContain('手入力');
    expect(candidates[entry].paybackMonths).not.toBeNull();
    expect(candidates.some((c) => c.processId.includes('tobe'))).toBe(false);
    expect(warnings).toEqual([]);
    // Unscreened samples: ordinary steps first, face-to-face and approvals after; net ¥ descending within each group.
    for (let i = 1; i < candidates.length; i++) {
      const [a, b] = [candidates[i - 1], candidates[i]];
      expect(screeningTier(a)).toBeLessThanOrEqual(screeningTier(b));
      if (screeningTier(a) === screeningTier(b)) expect(a.netAnnualYen).toBeGreaterThanOrEqual(b.netAnnualYen);
    }
    expect(screeningTier(candidates[counter])).toBe(2);
  });

  it('given the samples, when ranked, then resident steps of 転入届 are excluded and every candidate has simulated hours', async () => {
    const { candidates, excluded } = await ranking();
    const residentSteps = excluded.filter((e) => e.processId === 'tennyu-asis.bpmn' && e.reason === 'resident').map((e) => e.taskId);
    expect(residentSteps).toContain('Task_WriteForm');
    expect(candidates.some((c) => c.taskId === 'Task_WriteForm' && c.processId === 'tennyu-asis.bpmn')).toBe(false);
    expect(candidates.every((c) => c.staffHoursPerYear !== null && c.annualVolume !== null)).toBe(true);
  });
});
