import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createModdle } from '../../src/domain/bpmn/moddle';
import type { ModdleObject } from '../../src/domain/bpmn/parseDiagram';
import { diagramsRoot } from '../support/paths';

/** What the sample tests need from one parsed .bpmn: the tree, the flow graph and the DI geometry. */

export interface ManifestEntry {
  file: string;
  name: string;
  department: string;
  kind: 'as-is' | 'to-be';
  linkedTo: string;
  description: string;
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SampleModel {
  xml: string;
  definitions: ModdleObject;
  warnings: { message: string }[];
  collaboration: ModdleObject;
  process: ModdleObject;
  lanes: ModdleObject[];
  flowNodes: ModdleObject[];
  sequenceFlows: ModdleObject[];
  shapes: Map<string, ModdleObject>;
  edges: Map<string, ModdleObject>;
}

export function readManifest(): ManifestEntry[] {
  return JSON.parse(readFileSync(resolve(diagramsRoot, 'manifest.json'), 'utf8')) as ManifestEntry[];
}

export async function loadSample(file: string): Promise<SampleModel> {
  const xml = readFileSync(resolve(diagramsRoot, file), 'utf8');
  const { rootElement: definitions, warnings } = await createModdle().fromXML(xml);
  const roots: ModdleObject[] = definitions.rootElements ?? [];
  const collaboration = roots.find((r) => r.$type === 'bpmn:Collaboration');
  const process = roots.find((r) => r.$type === 'bpmn:Process');
  const flowElements: ModdleObject[] = process?.flowElements ?? [];
  const shapes = new Map<string, ModdleObject>();
  const edges = new Map<string, ModdleObject>();
  for (const d of definitions.diagrams ?? [])
    for (const el of d.plane?.planeElement ?? []) {
      const id = el.bpmnElement?.id;
      if (!id) continue;
      if (el.$type === 'bpmndi:BPMNShape') shapes.set(id, el);
      if (el.$type === 'bpmndi:BPMNEdge') edges.set(id, el);
    }
  return {
    xml,
    definitions,
    warnings,
    collaboration,
    process,
    lanes: (process?.laneSets ?? []).flatMap((ls: ModdleObject) => ls.lanes ?? []),
    flowNodes: flowElements.filter((e) => e.$instanceOf('bpmn:FlowNode')),
    sequenceFlows: flowElements.filter((e) => e.$type === 'bpmn:SequenceFlow'),
    shapes,
    edges,
  };
}

export const extension = (bo: ModdleObject, type: string): ModdleObject => bo?.extensionElements?.values?.find((v: ModdleObject) => v.$type === type);

export function overlaps(a: Bounds, b: Bounds): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function contains(outer: Bounds, inner: Bounds): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

export function onBoundary(b: Bounds, p: { x: number; y: number }): boolean {
  const onX = p.x === b.x || p.x === b.x + b.width;
  const onY = p.y === b.y || p.y === b.y + b.height;
  const insideX = p.x >= b.x && p.x <= b.x + b.width;
  const insideY = p.y >= b.y && p.y <= b.y + b.height;
  return (onX && insideY) || (onY && insideX);
}

/** Ids reachable from `from` following flows forwards (or backwards). */
export function reachable(from: string[], flows: ModdleObject[], backwards = false): Set<string> {
  const next = new Map<string, string[]>();
  for (const f of flows) {
    const [a, b] = backwards ? [f.targetRef.id, f.sourceRef.id] : [f.sourceRef.id, f.targetRef.id];
    next.set(a, [...(next.get(a) ?? []), b]);
  }
  const seen = new Set(from);
  const stack = [...from];
  while (stack.length) {
    for (const n of next.get(stack.pop()!) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(n);
    }
  }
  return seen;
}
