import { z } from 'zod';

/**
 * The one request/response helper every worker uses (simulation, comparison, RPA ranking).
 *
 * A protocol names one kind of request, the progress it reports and its result, each as a zod
 * schema. On the wire: the page sends `run` {id, request} and `cancel` {id}; the worker answers
 * any number of `progress` {id, progress}, then exactly one of `result`, `error` or `cancelled`.
 * Both sides validate what they receive, so a malformed message is an error, not a broken figure.
 *
 * Cancel is cooperative: the handler checks `isCancelled()` between steps (the engines yield after
 * each replication), so the worker survives a cancel and serves the next request warm. Only a
 * crashed worker is replaced.
 */

export interface WorkerProtocol {
  /** Shown in messages about the worker itself (e.g. its crash). */
  readonly name: string;
  readonly request: z.ZodType;
  readonly progress: z.ZodType;
  readonly result: z.ZodType;
}

/** What a page sends, what a handler receives, what it reports and returns, for one protocol. */
export type RequestIn<P extends WorkerProtocol> = z.input<P['request']>;
export type RequestOf<P extends WorkerProtocol> = z.output<P['request']>;
export type ProgressOf<P extends WorkerProtocol> = z.output<P['progress']>;
export type ResultOf<P extends WorkerProtocol> = z.output<P['result']>;

export function defineProtocol<const P extends WorkerProtocol>(protocol: P): P {
  return protocol;
}

/** What a worker reports when a request fails: a Japanese message, and when known the findings and element. */
export const workerFailureSchema = z.object({
  message: z.string(),
  issues: z.array(z.string()).default([]),
  elementId: z.string().optional(),
});
export type WorkerFailure = z.infer<typeof workerFailureSchema>;

export function requestMessageSchema(protocol: WorkerProtocol) {
  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('run'), id: z.string(), request: protocol.request }),
    z.object({ type: z.literal('cancel'), id: z.string() }),
  ]);
}

export function responseMessageSchema(protocol: WorkerProtocol) {
  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('progress'), id: z.string(), progress: protocol.progress }),
    z.object({ type: z.literal('result'), id: z.string(), result: protocol.result }),
    z.object({ type: z.literal('error'), id: z.string(), error: workerFailureSchema }),
    z.object({ type: z.literal('cancelled'), id: z.string() }),
  ]);
}

export type RequestMessage<Req> = { type: 'run'; id: string; request: Req } | { type: 'cancel'; id: string };
export type ResponseMessage<Prog, Res> =
  | { type: 'progress'; id: string; progress: Prog }
  | { type: 'result'; id: string; result: Res }
  | { type: 'error'; id: string; error: WorkerFailure }
  | { type: 'cancelled'; id: string };

// ---- worker side ----

export interface HandlerContext<Prog> {
  progress(progress: Prog): void;
  isCancelled(): boolean;
  /** Ends the handler when its request was cancelled; the page is then told `cancelled`. */
  throwIfCancelled(): void;
}

/** What a handler's exception means: the request was cancelled, or it failed with this report. */
export type FailureOf = (error: unknown) => 'cancelled' | WorkerFailure;

/** The part of a worker's global scope the server uses (a test passes an in-memory one). */
export interface WorkerScopeLike {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** Thrown by a handler to fail its request with exactly this report. */
export class HandlerFailure extends Error {
  constructor(readonly failure: WorkerFailure) {
    super(failure.message);
    this.name = 'HandlerFailure';
  }
}

export const plainFailure: FailureOf = (error) =>
  error instanceof HandlerFailure ? error.failure : { message: error instanceof Error ? error.message : String(error), issues: [] };

/**
 * Installs the protocol's message handler on a worker scope. Requests run concurrently; each sees its
 * own cancel flag. `failureOf` turns a handler's exception into the reply (default: its message).
 */
export function serveProtocol<P extends WorkerProtocol>(
  scope: WorkerScopeLike,
  protocol: P,
  handler: (request: RequestOf<P>, context: HandlerContext<ProgressOf<P>>) => Promise<ResultOf<P>>,
  failureOf: FailureOf = plainFailure,
): void {
  type Req = RequestOf<P>;
  type Prog = ProgressOf<P>;
  type Res = ResultOf<P>;
  const requests = requestMessageSchema(protocol);
  const responses = responseMessageSchema(protocol);
  const cancelled = new Set<string>();
  const post = (message: ResponseMessage<Prog, Res>) => scope.postMessage(responses.parse(message));

  async function run(id: string, request: Req): Promise<void> {
    const context: HandlerContext<Prog> = {
      progress: (progress) => post({ type: 'progress', id, progress }),
      isCancelled: () => cancelled.has(id),
      throwIfCancelled: () => {
        if (cancelled.has(id)) throw new WorkerCancelledError();
      },
    };
    try {
      const result = await handler(request, context);
      post(cancelled.has(id) ? { type: 'cancelled', id } : { type: 'result', id, result });
    } catch (error) {
      const failure = cancelled.has(id) ? 'cancelled' : failureOf(error);
      post(failure === 'cancelled' ? { type: 'cancelled', id } : { type: 'error', id, error: failure });
    } finally {
      cancelled.delete(id);
    }
  }

  scope.onmessage = (event: MessageEvent) => {
    const parsed = requests.safeParse(event.data);
    if (!parsed.success) {
      const id = String((event.data as { id?: unknown })?.id ?? '');
      post({
        type: 'error',
        id,
        error: { message: `${protocol.name}への要求の形式が正しくありません`, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) },
      });
      return;
    }
    if (parsed.data.type === 'cancel') cancelled.add(parsed.data.id);
    else void run(parsed.data.id, parsed.data.request as Req);
  };
}

// ---- page side ----

/** The part of a Worker the client uses; tests pass an in-memory pair. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** The worker reported a failure (or sent a reply that does not fit the protocol). */
export class WorkerRequestError extends Error {
  readonly issues: readonly string[];
  readonly elementId: string | undefined;
  constructor(failure: WorkerFailure) {
    super(failure.message);
    this.name = 'WorkerRequestError';
    this.issues = failure.issues;
    this.elementId = failure.elementId;
  }
}

/** The worker itself could not start or stopped; `message` is what the browser said. */
export class WorkerCrashedError extends Error {
  constructor(
    readonly protocolName: string,
    readonly detail: string,
    readonly phase: 'start' | 'run',
  ) {
    super(`${protocolName}${phase === 'start' ? 'を開始できませんでした' : 'が停止しました'}: ${detail || '原因不明のエラー'}`);
    this.name = 'WorkerCrashedError';
  }
}

export class WorkerCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'WorkerCancelledError';
  }
}

export interface RequestHooks<Prog> {
  onProgress?(progress: Prog): void;
  /** Aborting sends `cancel` and rejects at once with WorkerCancelledError; the worker keeps running. */
  signal?: AbortSignal;
  /**
   * Progress a cancelled request still reports before the worker confirms the cancel (e.g. hours the
   * RPA worker had already simulated, worth keeping). Without it such progress is dropped.
   */
  onProgressAfterCancel?(progress: Prog): void;
}

interface Pending<Prog, Res> {
  hooks: RequestHooks<Prog>;
  resolve(result: Res): void;
  reject(error: Error): void;
  cancelled: boolean;
}

/** One worker, started on the first request and kept for the next; replaced only after a crash. */
export class WorkerClient<P extends WorkerProtocol> {
  private worker: WorkerLike | null = null;
  private readonly pending = new Map<string, Pending<ProgressOf<P>, ResultOf<P>>>();
  private readonly responses: ReturnType<typeof responseMessageSchema>;
  private nextId = 1;

  constructor(
    readonly protocol: P,
    private readonly createWorker: () => WorkerLike,
  ) {
    this.responses = responseMessageSchema(protocol);
  }

  request(request: RequestIn<P>, hooks: RequestHooks<ProgressOf<P>> = {}): Promise<ResultOf<P>> {
    type Prog = ProgressOf<P>;
    type Res = ResultOf<P>;
    type Req = RequestIn<P>;
    return new Promise<Res>((resolve, reject) => {
      if (hooks.signal?.aborted) return reject(new WorkerCancelledError());
      let worker: WorkerLike;
      try {
        worker = this.ensureWorker();
      } catch (error) {
        return reject(new WorkerCrashedError(this.protocol.name, error instanceof Error ? error.message : String(error), 'start'));
      }
      const id = String(this.nextId++);
      const entry: Pending<Prog, Res> = { hooks, resolve, reject, cancelled: false };
      this.pending.set(id, entry);
      hooks.signal?.addEventListener(
        'abort',
        () => {
          if (entry.cancelled || !this.pending.has(id)) return;
          entry.cancelled = true;
          try {
            this.worker?.postMessage({ type: 'cancel', id } satisfies RequestMessage<Req>);
          } catch {
            // A worker that cannot take the message is replaced on the next request.
            this.dropWorker();
          }
          reject(new WorkerCancelledError());
          if (!hooks.onProgressAfterCancel) this.pending.delete(id);
        },
        { once: true },
      );
      try {
        worker.postMessage({ type: 'run', id, request } satisfies RequestMessage<Req>);
      } catch (error) {
        this.pending.delete(id);
        reject(new WorkerCrashedError(this.protocol.name, error instanceof Error ? error.message : String(error), 'start'));
      }
    });
  }

  /** Stops the worker; every open request rejects as cancelled. */
  dispose(): void {
    for (const p of this.pending.values()) if (!p.cancelled) p.reject(new WorkerCancelledError());
    this.pending.clear();
    this.dropWorker();
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      // A crashed worker cannot be trusted with the next request either.
      if (this.worker === worker) this.dropWorker();
      const error = new WorkerCrashedError(this.protocol.name, event.message ?? '', 'run');
      for (const p of this.pending.values()) if (!p.cancelled) p.reject(error);
      this.pending.clear();
    };
    this.worker = worker;
    return worker;
  }

  private dropWorker(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private receive(data: unknown): void {
    const parsed = this.responses.safeParse(data);
    if (!parsed.success) {
      // Whose reply it was is only known if the id survived; that request fails, the others go on.
      const id = String((data as { id?: unknown })?.id ?? '');
      const p = this.pending.get(id);
      if (!p) return;
      this.pending.delete(id);
      if (!p.cancelled)
        p.reject(
          new WorkerRequestError({
            message: `${this.protocol.name}の応答の形式が正しくありません`,
            issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
          }),
        );
      return;
    }
    const msg = parsed.data as ResponseMessage<ProgressOf<P>, ResultOf<P>>;
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'progress') {
      if (p.cancelled) p.hooks.onProgressAfterCancel?.(msg.progress);
      else p.hooks.onProgress?.(msg.progress);
      return;
    }
    this.pending.delete(msg.id);
    if (p.cancelled) return;
    if (msg.type === 'result') p.resolve(msg.result);
    else if (msg.type === 'error') p.reject(new WorkerRequestError(msg.error));
    else p.reject(new WorkerCancelledError());
  }
}
