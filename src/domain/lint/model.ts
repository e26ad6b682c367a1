import { is, isAny } from 'bpmnlint-utils';
import type { ModdleObject } from '../bpmn/parseDiagram';

/**
 * Walking a bpmn-moddle tree the way our lint rules need it. Rules receive one node at a time,
 * but reachability, loops and lanes are properties of the whole diagram, so they start from the
 * definitions and use these helpers; everything here reads plain moddle objects (node or browser).
 */

export type Bo = ModdleObject;

/** The root of the tree a node belongs to (the bpmn:Definitions when the tree is whole). */
export function rootOf(node: Bo): Bo {
  let n = node;
  while (n?.$parent) n = n.$parent;
  return n;
}

const SIMPLE_TYPES = new Set(['String', 'Boolean', 'Integer', 'Real']);

/** Every contained moddle element under `root`, depth first (the same walk bpmnlint does). */
export function walk(root: Bo, visit: (node: Bo) => void): void {
  const stack: Bo[] = [root];
  const seen = new Set<Bo>();
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    visit(node);
    const descriptor = node.$descriptor;
    if (!descriptor || descriptor.isGeneric) continue;
    for (const p of descriptor.properties ?? []) {
      if (p.isAttr || p.isReference || SIMPLE_TYPES.has(p.type)) continue;
      const value = node[p.name];
      if (Array.isArray(value)) for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      else if (value) stack.push(value);
    }
  }
}

/** id → element, for naming an element that a rule reported only by id. */
export function indexElements(root: Bo): Map<string, Bo> {
  const byId = new Map<string, Bo>();
  walk(root, (node) => {
    if (typeof node.id === 'string' && !byId.has(node.id)) byId.set(node.id, node);
  });
  return byId;
}

export const flowElementsOf = (container: Bo): Bo[] => (container?.flowElements ?? []) as Bo[];

export const isFlowNode = (bo: Bo): boolean => is(bo, 'bpmn:FlowNode');

/** Tasks of every kind, call activities and sub-processes: the things a case spends time in. */
export const isActivity = (bo: Bo): boolean => is(bo, 'bpmn:Activity');

export function hasChildActivities(sub: Bo): boolean {
  return flowElementsOf(sub).some(isActivity);
}

/**
 * A step that needs its own time: any task, a call activity, or a sub-process with no activity
 * inside (a collapsed placeholder whose time is entered on the sub-process itself). A sub-process
 * with tasks inside gets its time from those tasks.
 */
export function isTimedStep(bo: Bo): boolean {
  if (isAny(bo, ['bpmn:Task', 'bpmn:CallActivity'])) return true;
  return is(bo, 'bpmn:SubProcess') && !hasChildActivities(bo);
}

/** All processes and (nested) sub-processes under the definitions: every scope with flow elements. */
export function allContainers(definitions: Bo): Bo[] {
  const out: Bo[] = [];
  const visit = (container: Bo) => {
    out.push(container);
    for (const el of flowElementsOf(container)) if (is(el, 'bpmn:SubProcess')) visit(el);
  };
  for (const root of definitions?.rootElements ?? []) if (is(root, 'bpmn:Process')) visit(root);
  return out;
}

export function collaborationsOf(definitions: Bo): Bo[] {
  return ((definitions?.rootElements ?? []) as Bo[]).filter((r) => is(r, 'bpmn:Collaboration'));
}

export function messageFlowsOf(definitions: Bo): Bo[] {
  return collaborationsOf(definitions).flatMap((c) => (c.messageFlows ?? []) as Bo[]);
}

/** The process (not sub-process) a flow element lives in. */
export function processOf(bo: Bo): Bo | undefined {
  let n = bo?.$parent;
  while (n && !is(n, 'bpmn:Process')) n = n.$parent;
  return n;
}

export function participantOfProcess(definitions: Bo, process: Bo): Bo | undefined {
  for (const c of collaborationsOf(definitions)) for (const p of c.participants ?? []) if (p.processRef === process) return p;
  return undefined;
}

/**
 * The innermost lane holding the element. A node inside a sub-process is listed in a lane only
 * through its enclosing top-level sub-process, so the lookup climbs to that one first.
 */
export function laneOf(bo: Bo): Bo | undefined {
  let anchor = bo;
  while (anchor?.$parent && !is(anchor.$parent, 'bpmn:Process')) anchor = anchor.$parent;
  const process = anchor?.$parent;
  if (!process) return undefined;
  let found: Bo | undefined;
  const search = (laneSets: Bo[]) => {
    for (const set of laneSets)
      for (const lane of set.lanes ?? []) {
        if ((lane.flowNodeRef ?? []).includes(anchor)) found = lane;
        if (lane.childLaneSet) search([lane.childLaneSet]);
      }
  };
  search(process.laneSets ?? []);
  return found;
}

/** Label text of an element for messages: its name, or nothing. */
export function nameOf(bo: Bo): string | undefined {
  const n = typeof bo?.name === 'string' ? bo.name.replace(/\s+/g, ' ').trim() : '';
  return n || undefined;
}

/**
 * Sequence flows leaving a node, taken from the container rather than `node.outgoing`: some
 * exporters omit the <outgoing> references, and the flows' sourceRef is what the engine follows.
 */
export function outgoingOf(node: Bo): Bo[] {
  return flowElementsOf(node?.$parent).filter((f) => is(f, 'bpmn:SequenceFlow') && f.sourceRef === node);
}

export function incomingOf(node: Bo): Bo[] {
  return flowElementsOf(node?.$parent).filter((f) => is(f, 'bpmn:SequenceFlow') && f.targetRef === node);
}
