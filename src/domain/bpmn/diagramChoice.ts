import { isA, type ModdleElement } from './bprAccess';
import { readElementAt } from './xmlFragment';

/**
 * Which diagram of a file the editor opens, and what it will draw there. bpmn-js opens the first
 * <BPMNDiagram> and draws, from its plane's element (a process or a collaboration) downwards, only
 * the shapes whose element it meets on that walk. A file whose plane points at an empty process
 * while its shapes show the pools of a collaboration (Visual Paradigm), or whose first diagram is
 * empty while a later one holds the drawing, opens as an empty canvas although nothing is missing.
 *
 * `drawnBy` mirrors bpmn-js's walk (BpmnTreeWalker) on the model, so the count is known before the
 * editor opens; `chooseDiagram` decides a repair (plane → the collaboration that draws the shapes;
 * the first diagram with content to the front), and `applyDiagramChoice` writes it into the text.
 */

const list = (v: unknown): ModdleElement[] => (Array.isArray(v) ? (v as ModdleElement[]) : []);

/** Every model element bpmn-js visits when the plane's element is `root`. */
export function drawnBy(definitions: ModdleElement, root: ModdleElement | undefined): Set<ModdleElement> {
  const seen = new Set<ModdleElement>();
  if (!root) return seen;
  const handledProcesses = new Set<ModdleElement>();
  const io = (el: ModdleElement) => {
    const spec = el.ioSpecification as ModdleElement | undefined;
    for (const d of [...list(spec?.dataInputs), ...list(spec?.dataOutputs)]) seen.add(d);
  };
  const laneSet = (ls: ModdleElement | undefined) => {
    for (const lane of list(ls?.lanes)) {
      seen.add(lane);
      laneSet(lane.childLaneSet as ModdleElement | undefined);
    }
  };
  const container = (c: ModdleElement) => {
    for (const fe of list(c.flowElements)) {
      if (isA(fe, 'bpmn:DataObject')) continue;
      seen.add(fe);
      if (isA(fe, 'bpmn:SubProcess')) container(fe);
      if (isA(fe, 'bpmn:Activity')) io(fe);
      for (const a of [...list(fe.dataInputAssociations), ...list(fe.dataOutputAssociations)]) seen.add(a);
    }
    for (const ls of list(c.laneSets)) laneSet(ls);
    for (const a of list(c.artifacts)) seen.add(a);
  };
  const process = (p: ModdleElement) => {
    if (handledProcesses.has(p)) return;
    handledProcesses.add(p);
    container(p);
    io(p);
  };
  if (isA(root, 'bpmn:Collaboration')) {
    for (const part of list(root.participants)) {
      seen.add(part);
      const p = part.processRef as ModdleElement | undefined;
      if (p && typeof p === 'object') process(p);
    }
    for (const m of list(root.messageFlows)) seen.add(m);
    for (const a of list(root.artifacts)) seen.add(a);
    // bpmn-js also draws free-floating processes that have lanes (the MIWG lane cases).
    for (const r of list(definitions.rootElements)) if (isA(r, 'bpmn:Process') && list(r.laneSets).length) process(r);
  } else if (isA(root, 'bpmn:Process')) {
    process(root);
  } else if (isA(root, 'bpmn:SubProcess')) {
    container(root);
  }
  return seen;
}

export interface DiagramView {
  id?: string;
  name?: string;
  /** The plane's element as bpmn-js takes it (the first process or collaboration when the plane names none). */
  root?: ModdleElement;
  shapes: number;
  edges: number;
  /** Shapes whose element resolves but lies outside what the root draws. */
  outside: number;
  /** Shapes whose bpmnElement does not resolve to a model element. */
  unresolved: number;
  drawnShapes: number;
  drawnEdges: number;
}

const displayCandidate = (definitions: ModdleElement) => list(definitions.rootElements).find((r) => isA(r, 'bpmn:Process') || isA(r, 'bpmn:Collaboration'));

export function viewOf(definitions: ModdleElement, diagram: ModdleElement, root?: ModdleElement): DiagramView {
  const plane = diagram.plane as ModdleElement | undefined;
  const planeRoot = plane?.bpmnElement && typeof plane.bpmnElement === 'object' ? (plane.bpmnElement as ModdleElement) : displayCandidate(definitions);
  const shownRoot = root ?? planeRoot;
  const drawn = drawnBy(definitions, shownRoot);
  const view: DiagramView = {
    ...(typeof diagram.id === 'string' ? { id: diagram.id } : {}),
    ...(typeof diagram.name === 'string' && diagram.name.trim() ? { name: diagram.name.trim() } : {}),
    ...(shownRoot ? { root: shownRoot } : {}),
    shapes: 0,
    edges: 0,
    outside: 0,
    unresolved: 0,
    drawnShapes: 0,
    drawnEdges: 0,
  };
  for (const el of list(plane?.planeElement)) {
    const shape = isA(el, 'bpmndi:BPMNShape');
    if (shape) view.shapes++;
    else view.edges++;
    const target = el.bpmnElement;
    const found = !!target && typeof target === 'object';
    if (found && drawn.has(target as ModdleElement)) {
      if (shape) view.drawnShapes++;
      else view.drawnEdges++;
    } else if (shape) {
      if (found) view.outside++;
      else view.unresolved++;
    }
  }
  return view;
}

export const diagramViews = (definitions: ModdleElement): DiagramView[] => list(definitions.diagrams).map((d) => viewOf(definitions, d));

export interface DiagramChoice {
  /** Planes to point at another element: index in definitions.diagrams, the old and the new element id. */
  retarget: Array<{ index: number; diagramId?: string; diagramName?: string; from?: string; fromName?: string; to: string; toName?: string }>;
  /** Index of the diagram to open first, when it is not the first already. */
  open?: number;
}

export const isEmptyChoice = (c: DiagramChoice): boolean => c.retarget.length === 0 && c.open === undefined;

/**
 * A plane on a process (or on nothing) whose shapes a collaboration would draw is pointed at that
 * collaboration; then, when the first diagram draws nothing, the first diagram that draws something
 * (not a sub-process's own plane) is opened instead.
 */
export function chooseDiagram(definitions: ModdleElement): DiagramChoice {
  const choice: DiagramChoice = { retarget: [] };
  const diagrams = list(definitions.diagrams);
  const collaborations = list(definitions.rootElements).filter((r) => isA(r, 'bpmn:Collaboration'));
  const drawnShapes: number[] = [];
  diagrams.forEach((d, index) => {
    const view = viewOf(definitions, d);
    let best = view.drawnShapes;
    if (!view.root || isA(view.root, 'bpmn:Process')) {
      let to: ModdleElement | undefined;
      for (const c of collaborations) {
        const n = viewOf(definitions, d, c).drawnShapes;
        if (n > best) [best, to] = [n, c];
      }
      if (to && typeof to.id === 'string') {
        const from = (d.plane as ModdleElement | undefined)?.bpmnElement as ModdleElement | undefined;
        choice.retarget.push({
          index,
          ...(view.id ? { diagramId: view.id } : {}),
          ...(view.name ? { diagramName: view.name } : {}),
          ...(typeof from?.id === 'string' ? { from: from.id } : {}),
          ...(typeof from?.name === 'string' && from.name.trim() ? { fromName: from.name.trim() } : {}),
          to: to.id,
          ...(typeof to.name === 'string' && to.name.trim() ? { toName: to.name.trim() } : {}),
        });
      }
    }
    drawnShapes.push(view.root && isA(view.root, 'bpmn:SubProcess') ? -1 : best);
  });
  if (drawnShapes.length > 1 && drawnShapes[0] <= 0) {
    const first = drawnShapes.findIndex((n) => n > 0);
    if (first > 0) choice.open = first;
  }
  return choice;
}

/** Comments and CDATA blanked out (same length), so tag searches never match inside them. */
const masked = (xml: string) => xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, ' '));

function tagStarts(xml: string, local: string): number[] {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}[\\s/>]`, 'g');
  return [...masked(xml).matchAll(re)].map((m) => m.index ?? 0);
}

/** The repair as text: the same edits a person would make in the file, nothing else changes. */
export function applyDiagramChoice(xml: string, choice: DiagramChoice): string {
  let out = xml;
  // Planes first, from the last so earlier offsets stay valid.
  for (const r of [...choice.retarget].sort((a, b) => b.index - a.index)) {
    const at = tagStarts(out, 'BPMNPlane')[r.index];
    if (at === undefined) continue;
    const end = out.indexOf('>', at);
    const tag = out.slice(at, end);
    const next = /\sbpmnElement\s*=\s*(["'])[^"']*\1/.test(tag)
      ? tag.replace(/(\sbpmnElement\s*=\s*)(["'])[^"']*\2/, `$1$2${r.to}$2`)
      : tag.replace(/^(<[^\s/>]+)/, `$1 bpmnElement="${r.to}"`);
    out = out.slice(0, at) + next + out.slice(end);
  }
  if (choice.open !== undefined) {
    const starts = tagStarts(out, 'BPMNDiagram');
    const from = starts[choice.open];
    const read = from === undefined ? undefined : readElementAt(out, from);
    if (read && starts[0] !== undefined) {
      const block = out.slice(from, read.end);
      const lineStart = out.lastIndexOf('\n', starts[0]) + 1;
      const indent = /^[ \t]*$/.test(out.slice(lineStart, starts[0])) ? out.slice(lineStart, starts[0]) : '';
      const without = out.slice(0, from).replace(/\n[ \t]*$/, '') + out.slice(read.end);
      out = `${without.slice(0, starts[0])}${block}\n${indent}${without.slice(starts[0])}`;
    }
  }
  return out;
}
