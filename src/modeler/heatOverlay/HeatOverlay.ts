import { heatLevel } from './heatScale';

/** What to show on one element: its hours (for the shade) and the text of its label, already localised. */
export interface HeatEntry {
  hours: number;
  label: string;
}

interface Element {
  id: string;
  type: string;
  labelTarget?: unknown;
}
interface Overlays {
  add(element: Element, type: string, overlay: { position: Record<string, number>; html: HTMLElement; scale?: { min?: number; max?: number } }): string;
  remove(filter: { type: string }): void;
}
interface Canvas {
  addMarker(element: Element, marker: string): void;
  removeMarker(element: Element, marker: string): void;
}
interface EventBus {
  on(event: string, callback: () => void): void;
}

const TYPE = 'bpr-heat';
const markerOf = (level: number) => `bpr-heat-${level}`;

/**
 * Simulation figures drawn over the diagram: each task shaded by its staff hours per year and labelled
 * with them. Display only (markers and overlays); the model is never touched, so nothing reaches undo
 * or the saved file. A re-import keeps the heat on the new shapes.
 */
export default class HeatOverlay {
  static $inject = ['eventBus', 'overlays', 'canvas', 'elementRegistry'];
  private data: Record<string, HeatEntry> | null = null;
  private marked: Array<[Element, string]> = [];

  constructor(
    eventBus: EventBus,
    private readonly overlays: Overlays,
    private readonly canvas: Canvas,
    private readonly elementRegistry: { get(id: string): Element | undefined },
  ) {
    eventBus.on('import.done', () => {
      this.marked = [];
      if (this.data) this.draw(this.data);
    });
  }

  get isShown(): boolean {
    return this.data !== null;
  }

  show(data: Record<string, HeatEntry>): void {
    this.clear();
    this.data = data;
    this.draw(data);
  }

  clear(): void {
    this.data = null;
    this.overlays.remove({ type: TYPE });
    for (const [el, marker] of this.marked) this.canvas.removeMarker(el, marker);
    this.marked = [];
  }

  private draw(data: Record<string, HeatEntry>): void {
    const max = Math.max(0, ...Object.values(data).map((d) => (Number.isFinite(d.hours) ? d.hours : 0)));
    for (const [id, entry] of Object.entries(data)) {
      const el = this.elementRegistry.get(id);
      if (!el || el.labelTarget || el.type === 'label') continue;
      const level = heatLevel(entry.hours, max);
      const marker = markerOf(level);
      this.canvas.addMarker(el, marker);
      this.marked.push([el, marker]);
      // Steps without staff time are muted by their marker; a "0" label on each would only add clutter.
      if (level === 0) continue;
      const html = document.createElement('div');
      html.className = `bpr-heat-badge bpr-heat-badge-${level}`;
      html.textContent = entry.label;
      html.title = entry.label;
      html.dataset.level = String(level);
      this.overlays.add(el, TYPE, { position: { top: -20, left: 0 }, html, scale: { min: 1, max: 1.4 } });
    }
  }
}
