import { rpaTemplateParamsFor, type RpaCandidate, type RpaRankingSettings } from '../../domain/analysis/rpaCandidates';
import type { ComparisonResult } from '../../domain/analysis/compare';
import { applyTemplate } from '../../domain/analysis/interventions';
import type { ScenarioCosts } from '../../domain/analysis/compare';
import type { ProcessRecord, WorkspaceRepository } from '../../store/types';
import { uniqueScenarioName } from '../../domain/model/scenario';
import { scenarioLabel, scenariosOf } from '../compare/pairs';
import { rpaToBeName } from './viewModel';

/**
 * 「RPA化を試す」: the As-Is as stored now, with the RPA template applied to the one step, saved as a
 * new To-Be scenario of the As-Is named 「RPA（作業名）」. The As-Is's other scenarios stay as they are
 * (each keeps its own pairing), and the caller says so.
 */
export class TryRpaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TryRpaError';
  }
}

export interface CreatedRpaToBe {
  asIs: ProcessRecord;
  toBe: ProcessRecord;
  /** The As-Is's scenarios from before, all still paired with it. */
  otherScenarios: ProcessRecord[];
  /** Costs of the robot (licence per year), for display; the To-Be's XML already carries them. */
  toBeCosts: ScenarioCosts;
  warnings: string[];
}

export async function createRpaToBe(
  repo: WorkspaceRepository,
  candidate: RpaCandidate,
  settings: RpaRankingSettings,
  processes: readonly ProcessRecord[],
): Promise<CreatedRpaToBe> {
  const asIs = await repo.getProcess(candidate.processId);
  if (!asIs) throw new TryRpaError(`プロセス「${candidate.processName}」が見つかりません。別のタブで削除された可能性があります。`);
  // One step shares a robot with others: its share of the licence, the same figure the ranking counts.
  const params = rpaTemplateParamsFor(candidate, settings);
  const result = await applyTemplate(asIs.xml, 'rpa', [candidate.taskId], params);
  if (!result.changes.some((c) => c.applied)) {
    const why = result.warnings.join('／') || '変更できる箇所がありません';
    throw new TryRpaError(`「${candidate.taskName}」(${candidate.taskId}) にRPAテンプレートを適用できませんでした: ${why}`);
  }
  const otherScenarios = scenariosOf(processes, asIs.id);
  const name = rpaToBeName(
    asIs.name,
    candidate.taskName,
    processes.map((p) => p.name),
  );
  const scenarioName = uniqueScenarioName(`RPA（${candidate.taskName}）`, otherScenarios.map(scenarioLabel));
  const toBe = await repo.createProcess(asIs.workspaceId, {
    name,
    department: asIs.department,
    kind: 'to-be',
    xml: result.xml,
    linkedProcessId: asIs.id,
    scenarioName,
  });
  return { asIs, toBe, otherScenarios, toBeCosts: result.costs, warnings: result.warnings };
}

export type RunComparisonFn = (
  asIsXml: string,
  toBeXml: string,
  options: { toBeCosts?: ScenarioCosts },
  hooks: { onProgress?(fraction: number): void; signal?: AbortSignal },
) => Promise<ComparisonResult>;

export interface TryRpaOutcome extends CreatedRpaToBe {
  comparison: ComparisonResult;
}

/** Creates the To-Be, then compares it with the As-Is (the saving with its 95 % interval). */
export async function tryRpa(
  repo: WorkspaceRepository,
  candidate: RpaCandidate,
  settings: RpaRankingSettings,
  processes: readonly ProcessRecord[],
  runComparison: RunComparisonFn,
  hooks: { onCreated?(created: CreatedRpaToBe): void; onProgress?(fraction: number): void; signal?: AbortSignal } = {},
): Promise<TryRpaOutcome> {
  const created = await createRpaToBe(repo, candidate, settings, processes);
  hooks.onCreated?.(created);
  // The licence is inside the To-Be (bpr:settings fixedCostPerYear); passing toBeCosts too would count it twice.
  const comparison = await runComparison(created.asIs.xml, created.toBe.xml, {}, { onProgress: hooks.onProgress, signal: hooks.signal });
  return { ...created, comparison };
}
