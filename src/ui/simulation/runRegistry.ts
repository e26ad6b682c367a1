import { SimRunController, type WorkerLike } from './simRunController';

/**
 * One controller per process for the page's lifetime: the latest result of each process stays in
 * memory while the user switches tabs or processes, and a run started on one process keeps its worker.
 */
const controllers = new Map<string, SimRunController>();

function browserWorker(): WorkerLike {
  return new Worker(new URL('../../workers/simWorker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

export function runControllerFor(processId: string): SimRunController {
  let controller = controllers.get(processId);
  if (!controller) controllers.set(processId, (controller = new SimRunController(browserWorker)));
  return controller;
}

/** A deleted process's run and result are dropped with it. */
export function forgetRun(processId: string): void {
  controllers.get(processId)?.dispose();
  controllers.delete(processId);
}
