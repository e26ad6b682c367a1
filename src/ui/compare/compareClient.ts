import type { ComparisonResult } from '../../domain/analysis/compare';
import type { SensitivityResult } from '../../domain/analysis/sensitivity';
import { compareResponseSchema, type CompareRequest, type CompareRunOptions } from '../../workers/compareProtocol';

export type { CompareRunOptions };

/** The part of a Worker the client uses; tests pass a fake. */
export interface CompareWorkerLike {
  postMessage(message: CompareRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface RunComparisonHooks {
  /** 0–1, after each paired replication. */
  onProgress?(fraction: number): void;
  /** Aborting rejects with ComparisonCancelledError and stops the worker at once. */
  signal?: AbortSignal;
}

/** The comparison could not be computed; the message is Japanese and names the diagram. */
export class ComparisonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ComparisonError';
  }
}

export class ComparisonCancelledError extends Error {
  constructor() {
    super('比較の計算をキャンセルしました');
    this.name = 'ComparisonCancelledError';
  }
}

export interface ComparisonOutput {
  result: ComparisonResult;
  /** The tornado; null unless asked for with `options.sensitivity`. */
  sensitivity: SensitivityResult | null;
}

function browserWorker(): CompareWorkerLike {
  return new Worker(new URL('../../workers/compareWorker.ts', import.meta.url), { type: 'module' }) as unknown as CompareWorkerLike;
}

let nextId = 1;

/**
 * One comparison in its own worker. A worker per run: the engine does not yield between replications,
 * so cancelling means terminating the worker, and a fresh one cannot inherit a half-finished run.
 */
export function runComparisonDetailed(
  asIsXml: string,
  toBeXml: string,
  options: CompareRunOptions = {},
  hooks: RunComparisonHooks = {},
  createWorker: () => CompareWorkerLike = browserWorker,
): Promise<ComparisonOutput> {
  return new Promise<ComparisonOutput>((resolve, reject) => {
    if (hooks.signal?.aborted) return reject(new ComparisonCancelledError());
    const id = String(nextId++);
    let worker: CompareWorkerLike | null = null;
    const finish = () => {
      hooks.signal?.removeEventListener('abort', onAbort);
      worker?.terminate();
      worker = null;
    };
    const onAbort = () => {
      if (!worker) return;
      try {
        worker.postMessage({ type: 'compare.cancel', id });
      } catch {
        // A worker that cannot take the message is terminated below anyway.
      }
      finish();
      reject(new ComparisonCancelledError());
    };
    try {
      worker = createWorker();
    } catch (error) {
      return reject(new ComparisonError(`比較用ワーカーを開始できませんでした: ${error instanceof Error ? error.message : String(error)}`));
    }
    hooks.signal?.addEventListener('abort', onAbort);
    worker.onerror = (event) => {
      event.preventDefault?.();
      finish();
      reject(new ComparisonError(`比較用ワーカーが停止しました: ${event.message || '原因不明のエラー'}`));
    };
    worker.onmessage = (event) => {
      const parsed = compareResponseSchema.safeParse(event.data);
      if (!parsed.success) {
        finish();
        return reject(new ComparisonError(`比較結果の形式が正しくありません: ${parsed.error.issues[0]?.message ?? ''}`));
      }
      const msg = parsed.data;
      if (msg.id !== id) return;
      switch (msg.type) {
        case 'compare.progress':
          hooks.onProgress?.(msg.fraction);
          break;
        case 'compare.result':
          finish();
          resolve({ result: msg.result, sensitivity: msg.sensitivity });
          break;
        case 'compare.error':
          finish();
          reject(new ComparisonError(msg.message));
          break;
        case 'compare.cancelled':
          finish();
          reject(new ComparisonCancelledError());
          break;
      }
    };
    worker.postMessage({ type: 'compare.run', id, asIsXml, toBeXml, options });
  });
}

/** As-Is vs To-Be in a worker: the stable entry point other views reuse. */
export async function runComparison(
  asIsXml: string,
  toBeXml: string,
  options: CompareRunOptions = {},
  hooks: RunComparisonHooks = {},
): Promise<ComparisonResult> {
  return (await runComparisonDetailed(asIsXml, toBeXml, { ...options, sensitivity: false }, hooks)).result;
}
