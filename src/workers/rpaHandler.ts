import type { z } from 'zod';
import { rankParsedProcesses, simulateTaskHoursAsync, type ParsedRpaProcess, type RpaRanking, type TaskHoursTable } from '../domain/analysis/rpaCandidates';
import type { ModdleElement } from '../domain/bpmn/bprAccess';
import { parseDiagram } from '../domain/bpmn/parseDiagram';
import type { HandlerContext } from './rpc';
import type { rpaProtocol, RpaProgress } from './rpaProtocol';

/**
 * The RPA候補 ranking: simulates the staff hours of every As-Is process the page has no hours for yet
 * (one after another, progress after each), then ranks all tasks. Parsed diagrams are kept by XML hash
 * for the worker's lifetime, so a change of a cost setting re-ranks without parsing again.
 */
export function createRpaHandler(maxParsed = 500) {
  const parsedByHash = new Map<string, ModdleElement | string>();

  async function definitionsOf(hash: string, xml: string): Promise<ModdleElement | string> {
    const known = parsedByHash.get(hash);
    if (known !== undefined) return known;
    const r = await parseDiagram(xml);
    const value = r.ok ? r.definitions : r.error.message;
    if (parsedByHash.size >= maxParsed) parsedByHash.delete(parsedByHash.keys().next().value as string);
    parsedByHash.set(hash, value);
    return value;
  }

  return async function rpaHandler(req: z.output<typeof rpaProtocol.request>, context: HandlerContext<RpaProgress>): Promise<RpaRanking> {
    const tables = new Map<string, TaskHoursTable>(Object.entries(req.tables));
    const failures = new Map<string, string>(Object.entries(req.failures));
    const parsed: ParsedRpaProcess[] = [];
    const warnings: string[] = [];
    const asIs = req.processes.filter((p) => p.kind === 'as-is');
    const toSimulate = asIs.filter((p) => !tables.has(p.hash) && !failures.has(p.hash));
    let done = 0;
    for (const p of asIs) {
      context.throwIfCancelled();
      const defs = await definitionsOf(p.hash, p.xml);
      if (typeof defs === 'string') {
        warnings.push(`${p.processName}: 読み込めないため順位付けから除きました（${defs}）`);
        continue;
      }
      parsed.push({ processId: p.processId, processName: p.processName, department: p.department, kind: 'as-is', definitions: defs });
      if (!toSimulate.includes(p)) continue;
      context.progress({ kind: 'step', done, total: toSimulate.length, processName: p.processName });
      try {
        const table = await simulateTaskHoursAsync(defs, { seed: req.seed, replications: req.replications });
        tables.set(p.hash, table);
        context.progress({ kind: 'table', hash: p.hash, table });
      } catch (e) {
        const message = (e instanceof Error ? e.message : String(e)).split('\n').join(' ');
        failures.set(p.hash, message);
        context.progress({ kind: 'simError', hash: p.hash, message });
      }
      done++;
    }
    context.throwIfCancelled();
    if (toSimulate.length) context.progress({ kind: 'step', done, total: toSimulate.length, processName: '' });
    const hashOf = new Map(asIs.map((p) => [p.processId, p.hash]));
    for (const p of asIs) {
      const failure = failures.get(p.hash);
      if (failure !== undefined) warnings.push(`${p.processName}: シミュレーションできません（${failure}）`);
    }
    const ranking = rankParsedProcesses(parsed, (processId) => tables.get(hashOf.get(processId) ?? ''), req.settings);
    return { ...ranking, warnings: [...warnings, ...ranking.warnings] };
  };
}
