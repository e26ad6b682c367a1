import type { WorkerLike, WorkerScopeLike } from '../../src/workers/rpc';

/**
 * A worker and its page connected in memory, for node tests of the real handlers: messages are
 * structured-cloned and delivered on a later turn of the event loop, as postMessage does.
 */
export function inMemoryWorker(serve: (scope: WorkerScopeLike) => void): WorkerLike & { terminated: boolean; sent: unknown[]; crash(message: string): void } {
  const deliver = (to: { onmessage: ((event: MessageEvent) => void) | null }, message: unknown) => {
    const data = structuredClone(message);
    setTimeout(() => to.onmessage?.({ data } as MessageEvent), 0);
  };
  const scope: WorkerScopeLike = { onmessage: null, postMessage: (m) => !page.terminated && deliver(page, m) };
  const page = {
    terminated: false,
    /** Every message the page sent, in order. */
    sent: [] as unknown[],
    onmessage: null as ((event: MessageEvent) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    postMessage: (m: unknown) => {
      page.sent.push(structuredClone(m));
      if (!page.terminated) deliver(scope, m);
    },
    terminate: () => {
      page.terminated = true;
    },
    crash: (message: string) => page.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent),
  };
  serve(scope);
  return page;
}
