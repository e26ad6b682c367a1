interface Viewbox {
  x: number;
  y: number;
  width: number;
  height: number;
  scale: number;
  inner: { x: number; y: number; width: number; height: number };
  outer: { width: number; height: number };
}
export interface FittableCanvas {
  viewbox(box?: { x: number; y: number; width: number; height: number }): Viewbox;
}

/** Room kept free on the left for the palette, which floats over the canvas. */
const PALETTE_GUTTER_PX = 130;
const MARGIN_PX = 20;
/** The smallest text bpmn-js draws: external labels (events, gateways, flows) at 11 px. */
const SMALLEST_FONT_PX = 11;
/** Below this on screen a label cannot be read in a workshop; 全体表示 scrolls rather than shrink further. */
export const MIN_LABEL_PX = 9;
export const MIN_FIT_SCALE = MIN_LABEL_PX / SMALLEST_FONT_PX;

/**
 * Like `zoom('fit-viewport')`, but keeps the diagram clear of the palette so lane labels are not hidden
 * under it and never zooms in beyond 100 %. With `minScale` (the 全体表示 button passes MIN_FIT_SCALE)
 * it never zooms out so far that labels drop under 9 px: a process too wide for the screen at that
 * size is shown from its start (top left) and the rest is a scroll away. Opening a diagram keeps the
 * whole-process overview (minScale 0), so every element starts on screen.
 */
export function fitDiagram(canvas: FittableCanvas, minScale = 0): void {
  const { inner, outer } = canvas.viewbox();
  if (inner.width <= 0 || inner.height <= 0 || outer.width <= 0 || outer.height <= 0) return;
  const availableWidth = Math.max(outer.width - PALETTE_GUTTER_PX - MARGIN_PX, outer.width / 3);
  const availableHeight = Math.max(outer.height - 2 * MARGIN_PX, outer.height / 3);
  const scale = Math.max(minScale, Math.min(1, availableWidth / inner.width, availableHeight / inner.height));
  // Centre in the space right of the palette when it fits; else start at the left / top edge.
  const offsetX = PALETTE_GUTTER_PX + Math.max(0, (outer.width - PALETTE_GUTTER_PX - inner.width * scale) / 2);
  const offsetY = Math.max(MARGIN_PX, (outer.height - inner.height * scale) / 2);
  canvas.viewbox({
    x: inner.x - offsetX / scale,
    y: inner.y - offsetY / scale,
    width: outer.width / scale,
    height: outer.height / scale,
  });
}
