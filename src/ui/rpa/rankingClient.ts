import type { RpaRanking, RpaRankingSettings, TaskHoursTable } from '../../domain/analysis/rpaCandidates';
import { DEFAULT_RPA_REPLICATIONS } from '../../domain/analysis/rpaCandidates';
import type { ProcessRecord } from '../../store/types';
import { rpaResponseSchema, type RpaRequest } from '../../workers/rpaProtocol';
import { xmlHash } from './xmlHash';

/** The part of a Worker the client uses; tests pass a fake. */
export interface RpaWorkerLike {
  postMessage(message: RpaRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

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
  private worker: RpaWorkerLike | null = null;
  private nextId = 1;
  private current: { id: string; reject(e: Error): void } | null = null;

  constructor(
    private readonly createWorker: () => RpaWorkerLike,
    private readonly replications = DEFAULT_RPA_REPLICATIONS,
  ) {}

  /** How many As-Is processes of `processes` still need a simulation. */
  pendingCount(processes: readonly ProcessRecord[]): number {
    return processes.filter((p) => p.kind === 'as-is' && !this.tables.has(xmlHash(p.xml)) && !this.failures.has(xmlHash(p.xml))).length;
  }

  rank(processes: readonly ProcessRecord[], settings: RpaRankingSettings, onProgress?: (p: RankingProgress) => void): Promise<RpaRanking> {
    this.cancel();
    const id = String(this.nextId++);
    const asIs = processes.filter((p) => p.kind === 'as-is');
    const messages = asIs.map((p) => ({ processId: p.id, processName: p.name, department: p.department, kind: p.kind, xml: p.xml, hash: xmlHash(p.xml) }));
    const wanted = new Set(messages.map((m) => m.hash));
    const pick = <T>(m: Map<string, T>) => Object.fromEntries([...m].filter(([h]) => wanted.has(h)));
    return new Promise<RpaRanking>((resolve, reject) => {
      this.current = { id, reject };
      let worker: RpaWorkerLike;
      try {
        worker = this.ensureWorker();
      } catch (e) {
        this.current = null;
        return reject(new RankingError(`計算用ワーカーを開始できませんでした: ${e instanceof Error ? e.message : String(e)}`));
      }
      const done = () => {
        if (this.current?.id === id) this.current = null;
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        this.dropWorker();
        done();
        reject(new RankingError(`計算用ワーカーが停止しました: ${event.message || '原因不明のエラー'}`));
      };
      worker.onmessage = (event) => {
        const parsed = rpaResponseSchema.safeParse(event.data);
        if (!parsed.success) return;
        const msg = parsed.data;
        // Tables are worth keeping even from a run that was superseded.
        if (msg.type === 'rpa.table') this.tables.set(msg.hash, msg.table);
        if (msg.type === 'rpa.simError') this.failures.set(msg.hash, msg.message);
        if (msg.id !== id) return;
        switch (msg.type) {
          case 'rpa.progress':
            onProgress?.({ done: msg.done, total: msg.total, processName: msg.processName });
            break;
          case 'rpa.result':
            done();
            resolve(msg.ranking);
            break;
          case 'rpa.error':
            done();
            reject(new RankingError(msg.message));
            break;
          case 'rpa.cancelled':
            done();
            reject(new RankingCancelledError());
            break;
        }
      };
      worker.postMessage({
        type: 'rpa.rank',
        id,
        processes: messages,
        tables: pick(this.tables),
        failures: pick(this.failures),
        settings: { ...settings },
        seed: RANKING_SEED,
        replications: this.replications,
      });
    });
  }

  /** Stops the running ranking (the promise rejects with RankingCancelledError). */
  cancel(): void {
    const run = this.current;
    if (!run) return;
    this.current = null;
    try {
      this.worker?.postMessage({ type: 'rpa.cancel', id: run.id });
    } catch {
      this.dropWorker();
    }
    run.reject(new RankingCancelledError());
  }

  private ensureWorker(): RpaWorkerLike {
    this.worker ??= this.createWorker();
    return this.worker;
  }

  private dropWorker(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

function browserWorker(): RpaWorkerLike {
  return new Worker(new URL('../../workers/rpaWorker.ts', import.meta.url), { type: 'module' }) as unknown as RpaWorkerLike;
}

let shared: RpaRankingClient | null = null;

/** One client per page, so the cache survives switching tabs. */
export function rpaRankingClient(): RpaRankingClient {
  shared ??= new RpaRankingClient(browserWorker);
  return shared;
}
