import type { ModdleElement } from '../../domain/bpmn/bprAccess';
import { badgeFor, type BadgeContent } from './badgeContent';
import { estimateBadgeSize, placeFlowBadge, type Rect } from './flowBadgePlacement';

/**
 * Figures on the canvas: each step's minutes under its shape, each branch's probability beside the
 * first stretch of line that is its own (see flowBadgePlacement), and ⚠ where data is missing. Redrawn for changed elements on every command
 * (including undo/redo) and fully after import; overlays are display only, never model data.
 */
interface Shape {
  id: string;
  type: string;
  /** Shapes only; connections have waypoints instead. */
  x: number;
  y: number;
  width: number;
  height: number;
  waypoints?: Array<{ x: number; y: number }>;
  businessObject: ModdleElement;
  labelTarget?: unknown;
  /** diagram-js: a connection's source shape, a shape's outgoing connections, an element's external label. */
  source?: Shape;
  outgoing?: Shape[];
  label?: Shape;
}

interface Overlays {
  add(
    element: Shape,
    type: string,
    overlay: { position: Record<string, number>; html: HTMLElement; scale?: { min?: number; max?: number }; show?: { minZoom?: number; maxZoom?: number } },
  ): string;
  remove(filter: { element?: Shape; type?: string }): void;
}

interface EventBus {
  on(event: string | string[], priority: number, callback: (e: { elements?: Shape[] }) => void): void;
}

const TYPE = 'bpr-badge';
// Zoomed out to see a whole process, badges would shrink past reading; keep them legible instead.
const SCALE = { min: 0.85, max: 1.5 };
// Below this zoom the full figures give way to the staff minutes alone.
const DETAIL_ZOOM = 0.8;

export default class BadgeOverlays {
  static $inject = ['eventBus', 'overlays', 'elementRegistry'];

  constructor(
    eventBus: EventBus,
    private readonly overlays: Overlays,
    private readonly elementRegistry: { getAll(): Shape[]; get(id: string): Shape | undefined },
  ) {
    eventBus.on('import.done', 500, () => this.redrawAll());
    eventBus.on('elements.changed', 500, (e) => {
      const touched = new Set<Shape>();
      for (const el of e.elements ?? []) {
        touched.add(el);
        // A branch's probability changes its gateway's ⚠; a gateway's change moves its flows.
        const bo = el.businessObject;
        const source = bo?.sourceRef as ModdleElement | undefined;
        if (source?.id) {
          const gw = this.elementRegistry.get(source.id);
          if (gw) touched.add(gw);
        }
        // Branch badges keep clear of each other and of the branch labels: when one flow or its label
        // moves, its siblings are placed again too.
        const outgoing = [...((bo?.outgoing as ModdleElement[] | undefined) ?? []), ...((source?.outgoing as ModdleElement[] | undefined) ?? [])];
        for (const out of outgoing) {
          const f = out?.id ? this.elementRegistry.get(out.id) : undefined;
          if (f) touched.add(f);
        }
      }
      for (const el of touched) this.redraw(el);
    });
  }

  redrawAll(): void {
    this.overlays.remove({ type: TYPE });
    for (const el of this.elementRegistry.getAll()) this.draw(el);
  }

  private redraw(el: Shape): void {
    this.overlays.remove({ element: el, type: TYPE });
    // A removed element is still reported as changed; drawing on it would throw.
    if (this.elementRegistry.get(el.id) === el) this.draw(el);
  }

  private draw(el: Shape): void {
    if (!el.businessObject || el.type === 'label' || el.labelTarget) return;
    const content = badgeFor(el.businessObject);
    if (!content) return;
    if (el.waypoints) this.drawOnFlow(el, content);
    else this.drawOnShape(el, content);
  }

  private drawOnShape(el: Shape, content: BadgeContent): void {
    if (content.figures) {
      const div = badge('bpr-badge bpr-badge-figures', '');
      (content.parts ?? [content.figures]).forEach((part, i, all) => {
        const span = document.createElement('span');
        span.textContent = i < all.length - 1 ? `${part}・` : part;
        div.append(span);
      });
      div.style.maxWidth = `${Math.max(el.width + 20, 100)}px`;
      this.overlays.add(el, TYPE, { position: { top: el.height + 3, left: 0 }, html: div, scale: SCALE, show: { minZoom: DETAIL_ZOOM } });
    }
    if (content.compact) {
      const small = badge('bpr-badge bpr-badge-compact', content.compact);
      this.overlays.add(el, TYPE, { position: { top: el.height + 3, left: 0 }, html: small, scale: { min: 0.75, max: 1 }, show: { maxZoom: DETAIL_ZOOM } });
    }
    if (content.problems.length) {
      const warn = badge('bpr-badge bpr-badge-missing', '⚠');
      warn.title = content.problems.join('\n');
      warn.setAttribute('aria-label', warn.title);
      warn.setAttribute('role', 'img');
      this.overlays.add(el, TYPE, { position: { top: -9, right: 9 }, html: warn, scale: SCALE });
    }
  }

  private drawOnFlow(el: Shape, content: BadgeContent): void {
    if (!content.figures || !el.waypoints || el.waypoints.length < 2) return;
    const gateway = el.source;
    const siblings = (gateway?.outgoing ?? []).filter((f) => f !== el && f.waypoints);
    const box = (s: Shape | undefined): Rect[] => (s ? [{ x: s.x, y: s.y, width: s.width, height: s.height }] : []);
    const avoid = [...box(gateway), ...box(gateway?.label), ...box(el.label), ...siblings.flatMap((f) => box(f.label))];
    const at = placeFlowBadge(
      el.waypoints,
      siblings.map((f) => f.waypoints!),
      avoid,
      estimateBadgeSize(content.figures),
    );
    const div = badge('bpr-badge bpr-badge-flow', content.figures);
    // A connection has no x/y of its own: diagram-js places its overlays from the waypoints' bounding box.
    const left = Math.min(...el.waypoints.map((p) => p.x));
    const top = Math.min(...el.waypoints.map((p) => p.y));
    this.overlays.add(el, TYPE, { position: { left: at.x - left, top: at.y - top }, html: div, scale: SCALE });
  }
}

function badge(className: string, text: string): HTMLElement {
  const div = document.createElement('div');
  div.className = className;
  div.textContent = text;
  return div;
}
