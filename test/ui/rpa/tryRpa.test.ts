import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRpaRankingSettings, rankRpaWorkspace } from '../../../src/domain/analysis/rpaCandidates';
import type { ComparisonResult } from '../../../src/domain/analysis/compare';
import { createRpaToBe, tryRpa, TryRpaError, type RunComparisonFn } from '../../../src/ui/rpa/tryRpa';
import { repositoryWithWorkspace } from '../../store/storeTestKit';
import { diagramsRoot } from '../../support/paths';

const asIsXml = readFileSync(path.join(diagramsRoot, 'kyuyo-shiharai-asis.bpmn'), 'utf8');
const toBeXml = readFileSync(path.join(diagramsRoot, 'kyuyo-shiharai-tobe.bpmn'), 'utf8');
const est = (mean: number) => ({ mean, ci95: [mean * 0.9, mean * 1.1] as [number, number] });

async function setup() {
  const kit = await repositoryWithWorkspace();
  const asIs = await kit.repo.createProcess(kit.workspaceId, { name: '給与支払報告書の入力（現行）', department: '税務課', kind: 'as-is', xml: asIsXml });
  const oldToBe = await kit.repo.createProcess(kit.workspaceId, {
    name: '給与支払報告書（AI-OCR）',
    department: '税務課',
    kind: 'to-be',
    xml: toBeXml,
    linkedProcessId: asIs.id,
  });
  const ranking = await rankRpaWorkspace(
    [{ processId: asIs.id, processName: asIs.name, department: asIs.department, kind: 'as-is', xml: asIsXml }],
    () => ({ Task_Entry: { staffHoursPerYear: est(1840), countPerYear: est(22000) } }),
    defaultRpaRankingSettings(),
  );
  const candidate = ranking.candidates.find((c) => c.taskId === 'Task_Entry')!;
  return { ...kit, asIs, oldToBe, candidate, processes: await kit.repo.listProcesses(kit.workspaceId) };
}

describe('RPA化を試す', () => {
  it('given an As-Is with a To-Be scenario, when RPA is tried on a step, then a new scenario 「RPA（…）」 has the robot on that step and the old scenario stays paired', async () => {
    const { repo, asIs, oldToBe, candidate, processes } = await setup();
    const created = await createRpaToBe(repo, candidate, defaultRpaRankingSettings(), processes);
    expect(created.toBe).toMatchObject({
      kind: 'to-be',
      department: '税務課',
      linkedProcessId: asIs.id,
      name: '給与支払報告書の入力（現行）（To-Be: RPA・住民税システムへ手入力（宛名検索・支払額・控除額））',
    });
    expect(created.toBe.scenarioName).toBe('RPA（住民税システムへ手入力（宛名検索・支払額・控除額））');
    expect(created.otherScenarios.map((p) => p.id)).toEqual([oldToBe.id]);
    expect(created.toBe.xml).toMatch(/RPA/);
    expect(created.toBe.xml).not.toBe(asIsXml);
    expect((await repo.getProcess(asIs.id))?.linkedProcessId).toBeUndefined();
    expect((await repo.getProcess(oldToBe.id))?.linkedProcessId).toBe(asIs.id);
    // Trying the same step again gives a second, distinctly named scenario.
    const again = await createRpaToBe(repo, candidate, defaultRpaRankingSettings(), await repo.listProcesses(asIs.workspaceId));
    expect(again.toBe.scenarioName).toBe('RPA（住民税システムへ手入力（宛名検索・支払額・控除額）） 2');
    // The licence is the step's share of one robot, as the ranking counts it.
    expect(created.toBeCosts.fixedYenPerYear).toBe(200_000);
  });

  it('given a created To-Be, when the comparison runs, then it gets both diagrams, the licence only inside the To-Be, and the saving comes back', async () => {
    const { repo, candidate, processes } = await setup();
    const seen: string[] = [];
    const fakeCompare: RunComparisonFn = async (a, b, options, hooks) => {
      seen.push(
        a === asIsXml ? 'as-is' : 'other',
        /RPA/.test(b) ? 'to-be with robot' : 'other',
        /fixedCostPerYear="200000"/.test(b) ? 'licence in the to-be' : 'no licence',
        String(options.toBeCosts?.fixedYenPerYear),
      );
      hooks.onProgress?.(1);
      return { hoursSavedPerYear: est(700) } as ComparisonResult;
    };
    const progress: number[] = [];
    const outcome = await tryRpa(repo, candidate, defaultRpaRankingSettings(), processes, fakeCompare, { onProgress: (f) => progress.push(f) });
    // The licence travels inside the To-Be, so it is not passed again (no double counting).
    expect(seen).toEqual(['as-is', 'to-be with robot', 'licence in the to-be', 'undefined']);
    expect(outcome.comparison.hoursSavedPerYear.mean).toBe(700);
    expect(progress).toEqual([1]);
  });

  it('given a candidate whose process was deleted, when tried, then a Japanese error names the process', async () => {
    const { repo, asIs, candidate, processes } = await setup();
    await repo.deleteProcess(asIs.id);
    await expect(createRpaToBe(repo, candidate, defaultRpaRankingSettings(), processes)).rejects.toThrow(TryRpaError);
    await expect(createRpaToBe(repo, candidate, defaultRpaRankingSettings(), processes)).rejects.toThrow(/給与支払報告書の入力（現行）」が見つかりません/);
  });
});
