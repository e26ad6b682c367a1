import type { ComparisonResult } from '../../domain/analysis/compare';
import type { SensitivityResult } from '../../domain/analysis/sensitivity';
import { compareProtocol, type CompareRunOptions } from '../../workers/compareProtocol';
import { WorkerCancelledError, WorkerClient, type WorkerLike } from '../../workers/rpc';

export type { CompareRunOptions };

export interface RunComparisonHooks {
  /** 0–1, after each paired replication. */
  onProgress?(fraction: number): void;
  /** Aborting rejects with ComparisonCancelledError; the worker stops after its current replication and stays up. */
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

function browserWorker(): WorkerLike {
  return new Worker(new URL('../../workers/compareWorker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

export function createCompareClient(createWorker: () => WorkerLike = browserWorker) {
  return new WorkerClient(compareProtocol, createWorker);
}
export type CompareClient = ReturnType<typeof createCompareClient>;

let shared: CompareClient | null = null;
/** One comparison worker per page, kept warm between comparisons (比較, 取組, RPAを試す). */
const sharedClient = (): CompareClient => (shared ??= createCompareClient());

/** One comparison in the page's comparison worker. */
export async function runComparisonDetailed(
  asIsXml: string,
  toBeXml: string,
  options: CompareRunOptions = {},
  hooks: RunComparisonHooks = {},
  client: CompareClient = sharedClient(),
): Promise<ComparisonOutput> {
  try {
    return await client.request({ asIsXml, toBeXml, options }, { onProgress: hooks.onProgress, signal: hooks.signal });
  } catch (error) {
    if (error instanceof WorkerCancelledError) throw new ComparisonCancelledError();
    throw new ComparisonError(error instanceof Error ? error.message : String(error));
  }
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
