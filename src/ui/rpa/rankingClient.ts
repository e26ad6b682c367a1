import type { RpaRanking, RpaRankingSettings, TaskHoursTable } from '../../domain/analysis/rpaCandidates';
import { DEFAULT_RPA_REPLICATIONS } from '../../domain/analysis/rpaCandidates';
import type { z } from 'zod';
import type { ProcessRecord } from '../../store/types';
import { rpaProtocol } from '../../workers/rpaProtocol';
import { WorkerCancelledError, WorkerClient, type WorkerLike } from '../../workers/rpc';
import { xmlHash } from './xmlHash';

export interface RankingProgress {
  done: number;
  total: number;
  processName: string;
}

export class RankingCancelledError extends Error {
  constructor() {
    super('RPA候補の計算を中止しました');
    this.name = 'RankingCancelledError';
  }
}

export class RankingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RankingError';
  }
}

/** Fixed so the same workspace always ranks the same (and cached hours stay valid). */
export const RANKING_SEED = 1;

/**
 * Ranks the workspace in a worker. Simulated hours are cached per XML hash for the page's lifetime,
 * so only processes edited since the last ranking are simulated again and a cost change re-ranks
 * at once. One run at a time: a new run cancels the previous one.
 */
export class RpaRankingClient {
  private readonly tables = new Map<string, TaskHoursTable>();
  private readonly failures = new Map<string, string>();
  private readonly client: WorkerClient<typeof rpaProtocol>;
  private current: AbortController | null = null;

  constructor(
    createWorker: () => WorkerLike,
    private readonly replications = DEFAULT_RPA_REPLICATIONS,
  ) {
    this.client = new WorkerClient(rpaProtocol, createWorker);
  }

  /** How many As-Is processes of `processes` still need a simulation. */
  pendingCount(processes: readonly ProcessRecord[]): number {
    return processes.filter((p) => p.kind === 'as-is' && !this.tables.has(xmlHash(p.xml)) && !this.failures.has(xmlHash(p.xml))).length;
  }

  async rank(processes: readonly ProcessRecord[], settings: RpaRankingSettings, onProgress?: (p: RankingProgress) => void): Promise<RpaRanking> {
    this.cancel();
    const run = new AbortController();
    this.current = run;
    const asIs = processes.filter((p) => p.kind === 'as-is');
    const messages = asIs.map((p) => ({ processId: p.id, processName: p.name, department: p.department, kind: p.kind, xml: p.xml, hash: xmlHash(p.xml) }));
    const wanted = new Set(messages.map((m) => m.hash));
    const pick = <T>(m: Map<string, T>) => Object.fromEntries([...m].filter(([h]) => wanted.has(h)));
    // Tables are worth keeping even from a run that was superseded.
    const keep = (p: z.output<typeof rpaProtocol.progress>) => {
      if (p.kind === 'table') this.tables.set(p.hash, p.table);
      if (p.kind === 'simError') this.failures.set(p.hash, p.message);
    };
    try {
      return await this.client.request(
        {
          processes: messages,
          tables: pick(this.tables),
          failures: pick(this.failures),
          settings: { ...settings },
          seed: RANKING_SEED,
          replications: this.replications,
        },
        {
          signal: run.signal,
          onProgress: (p) => {
            keep(p);
            if (p.kind === 'step') onProgress?.({ done: p.done, total: p.total, processName: p.processName });
          },
          onProgressAfterCancel: keep,
        },
      );
    } catch (error) {
      if (error instanceof WorkerCancelledError) throw new RankingCancelledError();
      throw new RankingError(error instanceof Error ? error.message : String(error));
    } finally {
      if (this.current === run) this.current = null;
    }
  }

  /** Stops the running ranking (the promise rejects with RankingCancelledError). */
  cancel(): void {
    this.current?.abort();
    this.current = null;
  }
}

function browserWorker(): WorkerLike {
  return new Worker(new URL('../../workers/rpaWorker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

let shared: RpaRankingClient | null = null;

/** One client per page, so the cache survives switching tabs. */
export function rpaRankingClient(): RpaRankingClient {
  shared ??= new RpaRankingClient(browserWorker);
  return shared;
}
