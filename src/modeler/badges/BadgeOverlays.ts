import type { ModdleElement } from '../../domain/bpmn/bprAccess';
import { badgeFor, type BadgeContent } from './badgeContent';

/**
 * Figures on the canvas: each step's minutes under its shape, each branch's probability on its
 * first segment, and ⚠ where data is missing. Redrawn for changed elements on every command
 * (including undo/redo) and fully after import; overlays are display only, never model data.
 */
interface Shape {
  id: string;
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  waypoints?: Array<{ x: number; y: number }>;
  businessObject: ModdleElement;
  labelTarget?: unknown;
}

interface Overlays {
  add(element: Shape, type: string, overlay: { position: Record<string, number>; html: HTMLElement; scale?: { min?: number; max?: number }; show?: { minZoom?: number; maxZoom?: number } }): string;
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
        for (const out of (bo?.outgoing as ModdleElement[] | undefined) ?? []) {
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
    // Midpoint of the first segment: next to the gateway, where the branch starts.
    const [a, b] = el.waypoints;
    const div = badge('bpr-badge bpr-badge-flow', content.figures);
    this.overlays.add(el, TYPE, { position: { left: (a.x + b.x) / 2 - el.x + 4, top: (a.y + b.y) / 2 - el.y - 20 }, html: div, scale: SCALE });
  }
}

function badge(className: string, text: string): HTMLElement {
  const div = document.createElement('div');
  div.className = className;
  div.textContent = text;
  return div;
}
