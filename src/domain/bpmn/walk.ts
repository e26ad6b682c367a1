import { isA, type ModdleElement } from './bprAccess';

/** Processes of a diagram (each once), whether top-level or referenced by a pool. */
export function participantsProcesses(definitions: ModdleElement): ModdleElement[] {
  const out: ModdleElement[] = [];
  const add = (p: ModdleElement | undefined) => {
    if (p && isA(p, 'bpmn:Process') && !out.includes(p)) out.push(p);
  };
  for (const r of (definitions.rootElements as ModdleElement[] | undefined) ?? []) {
    add(r);
    if (isA(r, 'bpmn:Collaboration'))
      for (const part of (r.participants as ModdleElement[] | undefined) ?? []) add(part.processRef as ModdleElement | undefined);
  }
  return out;
}

/** Every flow element (tasks, events, gateways, flows), sub-processes included, in document order. */
export function allFlowElements(definitions: ModdleElement): ModdleElement[] {
  const out: ModdleElement[] = [];
  const visit = (container: ModdleElement) => {
    for (const fe of (container.flowElements as ModdleElement[] | undefined) ?? []) {
      out.push(fe);
      if (Array.isArray(fe.flowElements)) visit(fe);
    }
  };
  for (const p of participantsProcesses(definitions)) visit(p);
  return out;
}

/** Lanes at any depth. */
export function allLanes(definitions: ModdleElement): ModdleElement[] {
  const out: ModdleElement[] = [];
  const visitLaneSet = (ls: ModdleElement | undefined) => {
    for (const lane of (ls?.lanes as ModdleElement[] | undefined) ?? []) {
      out.push(lane);
      visitLaneSet(lane.childLaneSet as ModdleElement | undefined);
    }
  };
  const visit = (c: ModdleElement) => {
    for (const ls of (c.laneSets as ModdleElement[] | undefined) ?? []) visitLaneSet(ls);
    for (const fe of (c.flowElements as ModdleElement[] | undefined) ?? []) if (Array.isArray(fe.flowElements)) visit(fe);
  };
  for (const p of participantsProcesses(definitions)) visit(p);
  return out;
}
