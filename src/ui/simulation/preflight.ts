import { parseDiagram } from '../../domain/bpmn/parseDiagram';
import { lintDefinitions } from '../../domain/lint/lintDiagram';
import { loadSimModel } from '../../domain/sim/loadDiagram';
import type { RunIssue } from './simRunMachine';

export interface Preflight {
  /** Problems that make a run meaningless: lint errors and simulation model errors. */
  blocking: RunIssue[];
  /** Lint warnings: shown next to the run, never stop it. */
  notes: RunIssue[];
}

/**
 * The checks a run must pass before it is handed to the worker, so the user sees every problem at once
 * (named, with the element to jump to) instead of the worker's first failure. The same sentence from
 * lint and from the simulation model is listed once.
 */
export async function preflight(xml: string): Promise<Preflight> {
  const parsed = await parseDiagram(xml);
  if (!parsed.ok) return { blocking: [{ message: parsed.error.message, elementId: parsed.error.elementId, source: 'model' }], notes: [] };

  // A BIMP file without bpr: annotations runs on its qbp: parameters (the loader the CLI uses too): the
  // bpr/* rules about missing annotations do not apply to it, so they inform instead of blocking.
  const loaded = await loadSimModel(xml);
  const fromQbp = loaded.ok && loaded.source === 'qbp';
  const findings = await lintDefinitions(parsed.definitions);
  const blocking: RunIssue[] = [];
  const notes: RunIssue[] = [];
  for (const f of findings) {
    const issue: RunIssue = { message: f.message, source: 'lint', ...(f.id && f.id !== parsed.definitions.id ? { elementId: f.id } : {}) };
    (f.category === 'error' && !(fromQbp && f.rule.startsWith('bpr/')) ? blocking : notes).push(issue);
  }

  if (!loaded.ok) blocking.push({ message: loaded.message, source: 'model' });
  else
    for (const i of loaded.issues)
      if (i.severity === 'error') blocking.push({ message: i.message, source: 'model', ...(i.elementId ? { elementId: i.elementId } : {}) });

  return { blocking: unique(blocking), notes: unique(notes) };
}

function unique(issues: RunIssue[]): RunIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.elementId ?? ''}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
