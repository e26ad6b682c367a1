/**
 * How a process map is cut into printed pages so its labels can be read on paper. A whole process
 * shrunk onto one A4 sheet prints its 11 px labels at 1–3 pt; instead the map is printed at no less
 * than MIN_PRINT_SCALE (labels ≥ 6 pt) on landscape pages and, when wider or taller than one page at
 * that size, split into tiles that overlap a little, so an element cut at an edge shows on both.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** CSS px per mm (96 px per inch). */
export const PX_PER_MM = 96 / 25.4;
/** A4 landscape inside 12 mm margins, less 10 mm for the caption above each map. */
export const LANDSCAPE_PAGE = { width: (297 - 24) * PX_PER_MM, height: (210 - 24 - 10) * PX_PER_MM };
/** The smallest text bpmn-js draws (external labels). */
const SMALLEST_FONT_PX = 11;
/** 6 pt = 8 px: the smallest print a handout can use. */
const MIN_PRINT_PX = 8;
export const MIN_PRINT_SCALE = MIN_PRINT_PX / SMALLEST_FONT_PX;
/** Diagram units repeated on both sides of a cut. */
const OVERLAP = 24;

export interface PrintPlan {
  /** Diagram units → CSS px on paper; at most 1. */
  scale: number;
  /** Parts of the diagram, row by row, each one page. */
  tiles: Box[];
  columns: number;
  rows: number;
}

export function printPlan(diagram: Box, page = LANDSCAPE_PAGE): PrintPlan {
  if (!(diagram.width > 0 && diagram.height > 0)) return { scale: 1, tiles: [], columns: 0, rows: 0 };
  const fit = Math.min(1, page.width / diagram.width, page.height / diagram.height);
  const scale = Math.max(fit, MIN_PRINT_SCALE);
  const tileW = page.width / scale;
  const tileH = page.height / scale;
  // A tile carries OVERLAP more than it advances, so consecutive tiles share a strip.
  const columns = diagram.width <= tileW ? 1 : Math.ceil((diagram.width - OVERLAP) / (tileW - OVERLAP));
  const rows = diagram.height <= tileH ? 1 : Math.ceil((diagram.height - OVERLAP) / (tileH - OVERLAP));
  const tiles: Box[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      const width = Math.min(tileW, diagram.width);
      const height = Math.min(tileH, diagram.height);
      tiles.push({
        x: diagram.x + Math.min(c * (tileW - OVERLAP), diagram.width - width),
        y: diagram.y + Math.min(r * (tileH - OVERLAP), diagram.height - height),
        width,
        height,
      });
    }
  return { scale, tiles, columns, rows };
}

/** The viewBox of an SVG document's root element, from its markup (bpmn-js's saveSVG always writes one). */
export function svgViewBox(svg: string): Box | null {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const m = /\bviewBox="\s*([-\d.eE]+)[\s,]+([-\d.eE]+)[\s,]+([-\d.eE]+)[\s,]+([-\d.eE]+)\s*"/.exec(root);
  if (!m) return null;
  const [x, y, width, height] = m.slice(1, 5).map(Number);
  return [x, y, width, height].every(Number.isFinite) ? { x, y, width, height } : null;
}

/** The same SVG showing only `box`, drawn `scale` times its diagram size (width/height in CSS px). */
export function svgWindow(svg: string, box: Box, scale: number): string {
  return svg.replace(/<svg\b[^>]*>/, (root) => {
    const rest = root.replace(/\s(?:viewBox|width|height)="[^"]*"/g, '').replace(/^<svg/, '');
    const r = (n: number) => Math.round(n * 100) / 100;
    return `<svg viewBox="${r(box.x)} ${r(box.y)} ${r(box.width)} ${r(box.height)}" width="${r(box.width * scale)}" height="${r(box.height * scale)}"${rest}`;
  });
}
