import { rpaTemplateParamsFor, type RpaCandidate, type RpaRankingSettings } from '../../domain/analysis/rpaCandidates';
import type { ComparisonResult } from '../../domain/analysis/compare';
import { applyTemplate } from '../../domain/analysis/interventions';
import type { ScenarioCosts } from '../../domain/analysis/compare';
import type { ProcessRecord, WorkspaceRepository } from '../../store/types';
import { rpaToBeName } from './viewModel';

/**
 * 「RPA化を試す」: the As-Is as stored now, with the RPA template applied to the one step, saved as a
 * new To-Be linked one-to-one to the As-Is. A To-Be already linked stays in the workspace; the link
 * moves to the new one (the store keeps links symmetric), and the caller says so.
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
  /** The To-Be that was linked before, now unlinked but kept. */
  previousToBe?: ProcessRecord;
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
  const previousToBe = asIs.linkedProcessId ? processes.find((p) => p.id === asIs.linkedProcessId && p.kind === 'to-be') : undefined;
  const name = rpaToBeName(asIs.name, candidate.taskName, processes.map((p) => p.name));
  const toBe = await repo.createProcess(asIs.workspaceId, { name, department: asIs.department, kind: 'to-be', xml: result.xml, linkedProcessId: asIs.id });
  return { asIs, toBe, previousToBe, toBeCosts: result.costs, warnings: result.warnings };
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
