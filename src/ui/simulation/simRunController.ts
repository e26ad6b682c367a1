import { createActor, type Actor } from 'xstate';
import { WorkerCancelledError, WorkerClient, WorkerRequestError, type WorkerLike } from '../../workers/rpc';
import { simProtocol, type SimOptions } from '../../workers/simProtocol';
import type { SimulationResult } from '../../domain/sim/result';
import { preflight, type Preflight } from './preflight';
import { simRunMachine, type RunIssue, type SimRunSettings } from './simRunMachine';

export type { WorkerLike };

export function toSimOptions(settings: SimRunSettings): SimOptions {
  const base: SimOptions = { seed: settings.seed, replications: settings.replications, mode: settings.mode };
  return settings.period === 'cases' ? { ...base, cases: settings.cases } : { ...base, years: settings.years };
}

/**
 * Runs simulations of one process: checks the diagram, hands it to the worker and feeds the replies
 * into the run machine. It outlives the page that shows it, so a run keeps going (and its result stays)
 * while the user edits the diagram in another tab.
 */
export class SimRunController {
  readonly actor: Actor<typeof simRunMachine> = createActor(simRunMachine);
  private readonly client: WorkerClient<typeof simProtocol>;
  /** Aborts the run in the worker (one at a time). */
  private running: AbortController | null = null;
  private runXml: string | null = null;
  /** The diagram text the shown result was computed from, to tell when the diagram changed since. */
  resultXml: string | null = null;
  resultAt: Date | null = null;
  /** True while the shown result came from the store (a previous session) rather than a run in this page. */
  restored = false;
  /** Called with every result a run in this page completes (the view stores it for the next reload). */
  onResult: ((xml: string, settings: SimRunSettings, result: SimulationResult) => void) | null = null;

  constructor(
    createWorker: () => WorkerLike,
    private readonly check: (xml: string) => Promise<Preflight> = preflight,
  ) {
    this.client = new WorkerClient(simProtocol, createWorker);
    let wasDone = false;
    this.actor.subscribe((snapshot) => {
      const isDone = snapshot.matches('done');
      if (isDone && !wasDone && !this.restored) {
        this.resultXml = this.runXml;
        this.resultAt = new Date();
        const { result, resultSettings } = snapshot.context;
        if (this.runXml !== null && result && resultSettings) this.onResult?.(this.runXml, resultSettings, result);
      }
      wasDone = isDone;
    });
    this.actor.start();
  }

  /**
   * Shows a stored result whose inputs match `xml` and `settings`, if nothing has run in this page yet.
   * Returns false (and changes nothing) otherwise.
   */
  restore(xml: string, settings: SimRunSettings, result: SimulationResult, computedAt: Date): boolean {
    if (!this.actor.getSnapshot().matches('idle')) return false;
    this.restored = true;
    this.resultXml = xml;
    this.resultAt = computedAt;
    this.actor.send({ type: 'sim.restored', settings, result });
    return true;
  }

  /** `hoursPerFte`: the workspace's hours per person-year, so 人工 here is the same figure as in 比較. */
  async start(xml: string, settings: SimRunSettings, hoursPerFte?: number): Promise<void> {
    this.restored = false;
    this.actor.send({ type: 'sim.start', settings });
    this.runXml = xml;
    const runId = this.actor.getSnapshot().context.runId;
    let checked: Preflight;
    try {
      checked = await this.check(xml);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.actor.send({ type: 'sim.error', runId, message, issues: [{ message, source: 'model' }] });
      return;
    }
    // Cancelled or restarted while checking.
    if (!this.actor.getSnapshot().matches('validating') || this.actor.getSnapshot().context.runId !== runId) return;
    if (checked.blocking.length > 0) {
      this.actor.send({
        type: 'sim.error',
        runId,
        message: `実行前の確認で ${checked.blocking.length} 件の問題が見つかりました。修正してから実行してください`,
        issues: checked.blocking,
      });
      return;
    }
    this.actor.send({ type: 'sim.validated', runId, notes: checked.notes });
    const options = { ...toSimOptions(settings), ...(hoursPerFte ? { hoursPerFte } : {}) };
    this.running?.abort();
    const run = new AbortController();
    this.running = run;
    // Not awaited: start() returns once the run is handed to the worker, as the view expects.
    void this.runInWorker(runId, xml, options, run);
  }

  private async runInWorker(runId: number, xml: string, options: SimOptions, run: AbortController): Promise<void> {
    try {
      const result = await this.client.request(
        { xml, options },
        { signal: run.signal, onProgress: (fraction) => this.actor.send({ type: 'sim.progress', runId, fraction }) },
      );
      this.actor.send({ type: 'sim.done', runId, result });
    } catch (error) {
      if (error instanceof WorkerCancelledError) this.actor.send({ type: 'sim.cancelled', runId });
      else if (error instanceof WorkerRequestError) {
        const at = error.elementId ? { elementId: error.elementId } : {};
        const issues: RunIssue[] = error.issues.map((message) => ({ message, source: 'run', ...at }));
        if (issues.length === 0 && error.elementId) issues.push({ message: error.message, source: 'run', ...at });
        this.actor.send({ type: 'sim.error', runId, message: error.message, issues });
      } else this.actor.send({ type: 'sim.error', runId, message: error instanceof Error ? error.message : String(error), issues: [] });
    } finally {
      if (this.running === run) this.running = null;
    }
  }

  cancel(): void {
    const wasRunning = this.actor.getSnapshot().matches('running');
    this.actor.send({ type: 'sim.cancel' });
    // The worker stops after its current replication and confirms; the run ends as cancelled then.
    if (wasRunning) this.running?.abort();
  }

  dispose(): void {
    this.actor.stop();
    this.client.dispose();
  }
}
