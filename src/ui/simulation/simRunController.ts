import { createActor, type Actor } from 'xstate';
import { simResponseSchema, type SimOptions, type SimRequest, type SimResponse } from '../../workers/simProtocol';
import type { SimulationResult } from '../../domain/sim/result';
import { preflight, type Preflight } from './preflight';
import { simRunMachine, type RunIssue, type SimRunSettings } from './simRunMachine';

/** The part of a Worker the controller uses; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: SimRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

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
  private worker: WorkerLike | null = null;
  private runXml: string | null = null;
  /** The diagram text the shown result was computed from, to tell when the diagram changed since. */
  resultXml: string | null = null;
  resultAt: Date | null = null;
  /** True while the shown result came from the store (a previous session) rather than a run in this page. */
  restored = false;
  /** Called with every result a run in this page completes (the view stores it for the next reload). */
  onResult: ((xml: string, settings: SimRunSettings, result: SimulationResult) => void) | null = null;

  constructor(
    private readonly createWorker: () => WorkerLike,
    private readonly check: (xml: string) => Promise<Preflight> = preflight,
  ) {
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
    try {
      const options = { ...toSimOptions(settings), ...(hoursPerFte ? { hoursPerFte } : {}) };
      this.ensureWorker().postMessage({ type: 'sim.run', id: String(runId), xml, options });
    } catch (error) {
      this.failCurrent(`シミュレーションを開始できませんでした: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  cancel(): void {
    const snapshot = this.actor.getSnapshot();
    const wasRunning = snapshot.matches('running');
    this.actor.send({ type: 'sim.cancel' });
    if (wasRunning) this.worker?.postMessage({ type: 'sim.cancel', id: String(snapshot.context.runId) });
  }

  dispose(): void {
    this.actor.stop();
    this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      // A crashed worker cannot be trusted with the next run either.
      worker.terminate();
      if (this.worker === worker) this.worker = null;
      this.failCurrent(`シミュレーション用ワーカーが停止しました: ${event.message || '原因不明のエラー'}`);
    };
    this.worker = worker;
    return worker;
  }

  private receive(data: unknown): void {
    const parsed = simResponseSchema.safeParse(data);
    if (!parsed.success) {
      this.failCurrent(`シミュレーション結果の形式が正しくありません: ${parsed.error.issues[0]?.message ?? ''}`);
      return;
    }
    const msg: SimResponse = parsed.data;
    const runId = Number(msg.id);
    switch (msg.type) {
      case 'sim.progress':
        this.actor.send({ type: 'sim.progress', runId, fraction: msg.fraction });
        break;
      case 'sim.result':
        this.actor.send({ type: 'sim.done', runId, result: msg.result });
        break;
      case 'sim.cancelled':
        this.actor.send({ type: 'sim.cancelled', runId });
        break;
      case 'sim.error': {
        const issues: RunIssue[] = msg.issues.map((message) => ({ message, source: 'run', ...(msg.elementId ? { elementId: msg.elementId } : {}) }));
        if (issues.length === 0 && msg.elementId) issues.push({ message: msg.message, source: 'run', elementId: msg.elementId });
        this.actor.send({ type: 'sim.error', runId, message: msg.message, issues });
        break;
      }
    }
  }

  private failCurrent(message: string): void {
    const runId = this.actor.getSnapshot().context.runId;
    this.actor.send({ type: 'sim.error', runId, message, issues: [] });
  }
}
