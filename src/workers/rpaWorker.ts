/// <reference lib="webworker" />
import { rankParsedProcesses, simulateTaskHoursAsync, type ParsedRpaProcess, type TaskHoursTable } from '../domain/analysis/rpaCandidates';
import type { ModdleElement } from '../domain/bpmn/bprAccess';
import { parseDiagram } from '../domain/bpmn/parseDiagram';
import { rpaRequestSchema, rpaResponseSchema, type RpaRequest, type RpaResponse } from './rpaProtocol';

/**
 * Module worker for the RPA候補 tab: simulates the staff hours of every As-Is process whose hours the
 * page does not have yet (one process after another, progress after each), then ranks all tasks.
 * Parsed diagrams are kept by XML hash so changing a cost setting re-ranks without parsing again.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;
const cancelled = new Set<string>();
const parsedByHash = new Map<string, ModdleElement | string>();
const MAX_PARSED = 500;
const post = (msg: RpaResponse) => scope.postMessage(rpaResponseSchema.parse(msg));

async function definitionsOf(hash: string, xml: string): Promise<ModdleElement | string> {
  const known = parsedByHash.get(hash);
  if (known !== undefined) return known;
  const r = await parseDiagram(xml);
  const value = r.ok ? r.definitions : r.error.message;
  if (parsedByHash.size >= MAX_PARSED) parsedByHash.delete(parsedByHash.keys().next().value as string);
  parsedByHash.set(hash, value);
  return value;
}

async function handle(req: Extract<RpaRequest, { type: 'rpa.rank' }>): Promise<void> {
  const { id } = req;
  const tables = new Map<string, TaskHoursTable>(Object.entries(req.tables));
  const failures = new Map<string, string>(Object.entries(req.failures));
  const parsed: ParsedRpaProcess[] = [];
  const warnings: string[] = [];
  const asIs = req.processes.filter((p) => p.kind === 'as-is');
  const toSimulate = asIs.filter((p) => !tables.has(p.hash) && !failures.has(p.hash));
  let done = 0;
  try {
    for (const p of asIs) {
      if (cancelled.has(id)) return post({ type: 'rpa.cancelled', id });
      const defs = await definitionsOf(p.hash, p.xml);
      if (typeof defs === 'string') {
        warnings.push(`${p.processName}: 読み込めないため順位付けから除きました（${defs}）`);
        continue;
      }
      parsed.push({ processId: p.processId, processName: p.processName, department: p.department, kind: 'as-is', definitions: defs });
      if (!toSimulate.includes(p)) continue;
      post({ type: 'rpa.progress', id, done, total: toSimulate.length, processName: p.processName });
      try {
        const table = await simulateTaskHoursAsync(defs, { seed: req.seed, replications: req.replications });
        tables.set(p.hash, table);
        post({ type: 'rpa.table', id, hash: p.hash, table });
      } catch (e) {
        const message = (e instanceof Error ? e.message : String(e)).split('\n').join(' ');
        failures.set(p.hash, message);
        post({ type: 'rpa.simError', id, hash: p.hash, message });
      }
      done++;
    }
    if (cancelled.has(id)) return post({ type: 'rpa.cancelled', id });
    if (toSimulate.length) post({ type: 'rpa.progress', id, done, total: toSimulate.length, processName: '' });
    const hashOf = new Map(asIs.map((p) => [p.processId, p.hash]));
    for (const p of asIs) {
      const failure = failures.get(p.hash);
      if (failure !== undefined) warnings.push(`${p.processName}: シミュレーションできません（${failure}）`);
    }
    const ranking = rankParsedProcesses(parsed, (processId) => tables.get(hashOf.get(processId) ?? ''), req.settings);
    post({ type: 'rpa.result', id, ranking: { ...ranking, warnings: [...warnings, ...ranking.warnings] } });
  } catch (e) {
    post({ type: 'rpa.error', id, message: e instanceof Error ? e.message : String(e) });
  } finally {
    cancelled.delete(id);
  }
}

scope.onmessage = (ev: MessageEvent) => {
  const parsed = rpaRequestSchema.safeParse(ev.data);
  if (!parsed.success) {
    post({ type: 'rpa.error', id: String((ev.data as { id?: unknown })?.id ?? ''), message: `不正な要求です（${parsed.error.issues[0]?.message ?? ''}）` });
    return;
  }
  if (parsed.data.type === 'rpa.cancel') cancelled.add(parsed.data.id);
  else void handle(parsed.data);
};
