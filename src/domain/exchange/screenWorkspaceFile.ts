import { parseDiagram, type DiagramError } from '../bpmn/parseDiagram';
import type { FileProcess, WorkspaceFile } from './workspaceFile';

/**
 * A workspace file's diagrams read by the same reader as a .bpmn import (decoder, limits, BPMN check):
 * a process whose XML that reader refuses is left out with the reason, and everything else comes in.
 * What pointed at a refused process is loosened, not lost: its To-Be scenarios stay as To-Bes without
 * an As-Is, and 取組 drop only the attachment to it.
 */

export interface RefusedProcess {
  id: string;
  name: string;
  /** The reader's error (its code, and the Japanese sentence naming the element or line). */
  error: DiagramError;
}

export interface ScreenedWorkspaceFile {
  file: WorkspaceFile;
  refused: RefusedProcess[];
  /** To-Bes that lost their As-Is, and 取組 that lost an attachment, by name. */
  unlinkedScenarios: string[];
  loosenedInitiatives: string[];
}

/** `onProgress(done, total)` after every batch of diagrams read, for a file of thousands of processes. */
export async function screenWorkspaceFile(file: WorkspaceFile, onProgress?: (done: number, total: number) => void): Promise<ScreenedWorkspaceFile> {
  const refused: RefusedProcess[] = [];
  const kept: FileProcess[] = [];
  for (const [i, p] of file.processes.entries()) {
    // A file of tens of thousands of processes must not freeze the page: a macrotask turn every 25 reads.
    if (i > 0 && i % 25 === 0) {
      onProgress?.(i, file.processes.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const read = await parseDiagram(p.xml);
    if (read.ok) kept.push(p);
    else refused.push({ id: p.id, name: p.name, error: read.error });
  }
  if (refused.length === 0) return { file, refused, unlinkedScenarios: [], loosenedInitiatives: [] };
  const gone = new Set(refused.map((r) => r.id));
  const unlinkedScenarios: string[] = [];
  const processes = kept.map((p) => {
    if (p.linkedProcessId === undefined || !gone.has(p.linkedProcessId)) return p;
    unlinkedScenarios.push(p.name);
    const { linkedProcessId: _gone, scenarioName: _name, ...rest } = p;
    return rest;
  });
  const loosenedInitiatives: string[] = [];
  const initiatives = file.initiatives.map((init) => {
    const attachments = init.attachments.filter((a) => !gone.has(a.asIsProcessId));
    const trimmed = attachments.map((a) => (a.toBeProcessId !== undefined && gone.has(a.toBeProcessId) ? { asIsProcessId: a.asIsProcessId } : a));
    const changed = attachments.length !== init.attachments.length || trimmed.some((a, i) => a !== attachments[i]);
    if (changed) loosenedInitiatives.push(init.title);
    return changed ? { ...init, attachments: trimmed } : init;
  });
  return { file: { ...file, processes, initiatives }, refused, unlinkedScenarios, loosenedInitiatives };
}
