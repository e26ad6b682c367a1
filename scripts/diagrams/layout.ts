/**
 * Grid layout and orthogonal edge routing for the sample diagrams. Nodes sit in (column, row)
 * cells of their lane; edges are chosen among a few orthogonal shapes (straight, L, Z, U and
 * 4-bend detours through the gaps between cells) so that none crosses a shape, preferring short
 * paths with few bends that leave right and enter left.
 */
import type { FlowSpec, NodeKind, NodeSpec, ProcessSpec } from './spec';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}

export interface PlacedNode {
  spec: NodeSpec;
  bounds: Rect;
  label?: Rect;
}
export interface PlacedLane {
  id: string;
  name: string;
  bounds: Rect;
}
export interface RoutedFlow {
  id: string;
  spec: FlowSpec;
  waypoints: Point[];
  label?: Rect;
}
export interface Layout {
  pool: Rect;
  lanes: PlacedLane[];
  nodes: Map<string, PlacedNode>;
  flows: RoutedFlow[];
}

const POOL_X = 160;
const POOL_Y = 80;
const POOL_HEADER = 30;
const LANE_HEADER = 30;
const LEFT_MARGIN = 40;
const RIGHT_MARGIN = 50;
export const COL_W = 170;
export const ROW_H = 130;
const LANE_PAD = 20;
const CELL_W = 120;
/** Approximate advance of one Japanese character in bpmn-js's 11px label font. */
const CHAR_W = 12;
const LINE_H = 14;
const EXT_LABEL_W = 90;

const SIZE: Record<NodeKind, { w: number; h: number }> = {
  start: { w: 36, h: 36 },
  end: { w: 36, h: 36 },
  xor: { w: 50, h: 50 },
  or: { w: 50, h: 50 },
  task: { w: 120, h: 80 },
  userTask: { w: 120, h: 80 },
  manualTask: { w: 120, h: 80 },
  serviceTask: { w: 120, h: 80 },
  sendTask: { w: 120, h: 80 },
};

export const isTaskKind = (k: NodeKind) => k.endsWith('ask');
const isGatewayKind = (k: NodeKind) => k === 'xor' || k === 'or';

export function flowId(f: FlowSpec): string {
  return `Flow_${f.from}_${f.to}`;
}

const X0 = POOL_X + POOL_HEADER + LANE_HEADER + LEFT_MARGIN;
const colLeft = (c: number) => X0 + c * COL_W;
const colCenter = (c: number) => colLeft(c) + CELL_W / 2;

/** Size of an external label holding `text`, wrapped the way bpmn-js wraps at 90px. */
export function labelSize(text: string, maxWidth = EXT_LABEL_W): { width: number; height: number } {
  const w = [...text].length * CHAR_W;
  const lines = Math.max(1, Math.ceil(w / maxWidth));
  return { width: Math.min(maxWidth, w), height: lines * LINE_H };
}

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inflate(r: Rect, d: number): Rect {
  return { x: r.x - d, y: r.y - d, width: r.width + 2 * d, height: r.height + 2 * d };
}

/** Does the axis-parallel segment pass through the inside of r? */
function segmentHits(a: Point, b: Point, r: Rect): boolean {
  if (a.y === b.y) {
    const [x1, x2] = a.x < b.x ? [a.x, b.x] : [b.x, a.x];
    return a.y > r.y && a.y < r.y + r.height && x2 > r.x && x1 < r.x + r.width;
  }
  const [y1, y2] = a.y < b.y ? [a.y, b.y] : [b.y, a.y];
  return a.x > r.x && a.x < r.x + r.width && y2 > r.y && y1 < r.y + r.height;
}

type Side = 'right' | 'left' | 'top' | 'bottom';
const SIDES: Side[] = ['right', 'left', 'top', 'bottom'];
const OUT: Record<Side, Point> = { right: { x: 1, y: 0 }, left: { x: -1, y: 0 }, top: { x: 0, y: -1 }, bottom: { x: 0, y: 1 } };

function port(r: Rect, s: Side): Point {
  const cx = r.x + r.width / 2;
  const cy = r.y + r.height / 2;
  switch (s) {
    case 'right': return { x: r.x + r.width, y: cy };
    case 'left': return { x: r.x, y: cy };
    case 'top': return { x: cx, y: r.y };
    case 'bottom': return { x: cx, y: r.y + r.height };
  }
}

/** Drop repeated and collinear middle points. */
function simplify(pts: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    out.push(p);
    while (out.length >= 3) {
      const [a, b, c] = out.slice(-3);
      if ((a.x === b.x && b.x === c.x) || (a.y === b.y && b.y === c.y)) out.splice(out.length - 2, 1);
      else break;
    }
  }
  return out;
}

const dirOf = (a: Point, b: Point): Point => ({ x: Math.sign(b.x - a.x), y: Math.sign(b.y - a.y) });
const sameDir = (a: Point, b: Point) => a.x === b.x && a.y === b.y;

function overlapLength(a1: Point, a2: Point, b1: Point, b2: Point): number {
  if (a1.y === a2.y && b1.y === b2.y && a1.y === b1.y) {
    const lo = Math.max(Math.min(a1.x, a2.x), Math.min(b1.x, b2.x));
    const hi = Math.min(Math.max(a1.x, a2.x), Math.max(b1.x, b2.x));
    return Math.max(0, hi - lo);
  }
  if (a1.x === a2.x && b1.x === b2.x && a1.x === b1.x) {
    const lo = Math.max(Math.min(a1.y, a2.y), Math.min(b1.y, b2.y));
    const hi = Math.min(Math.max(a1.y, a2.y), Math.max(b1.y, b2.y));
    return Math.max(0, hi - lo);
  }
  return 0;
}

function crosses(a1: Point, a2: Point, b1: Point, b2: Point): boolean {
  const h = a1.y === a2.y ? [a1, a2] : b1.y === b2.y ? [b1, b2] : undefined;
  const v = a1.x === a2.x ? [a1, a2] : b1.x === b2.x ? [b1, b2] : undefined;
  if (!h || !v || h[0] === v[0]) return false;
  const [hx1, hx2] = [Math.min(h[0].x, h[1].x), Math.max(h[0].x, h[1].x)];
  const [vy1, vy2] = [Math.min(v[0].y, v[1].y), Math.max(v[0].y, v[1].y)];
  return v[0].x > hx1 && v[0].x < hx2 && h[0].y > vy1 && h[0].y < vy2;
}

interface RouteContext {
  obstacles: { id: string; rect: Rect }[];
  labels: { id: string; rect: Rect }[];
  routed: { target: string; pts: Point[] }[];
  /** Sides of gateways already taken: one flow per corner, except flows merging into a join. */
  gatewaySides: Map<string, Map<Side, 'in' | 'out'>>;
  splits: Set<string>;
  joins: Set<string>;
  xs: number[];
  ys: number[];
}

/** The few tracks just beyond p in direction d, the only sensible places for a first or last bend. */
function nearTracks(tracks: number[], from: number, d: number, n = 4): number[] {
  return tracks
    .filter((t) => (t - from) * d > 0)
    .sort((a, b) => Math.abs(a - from) - Math.abs(b - from))
    .slice(0, n)
    .concat([from + 20 * d]);
}

function candidates(p0: Point, d0: Point, pN: Point, dN: Point, xs: number[], ys: number[]): Point[][] {
  const out: Point[][] = [];
  const h0 = d0.y === 0;
  const hN = dN.y === 0;
  out.push([p0, pN]);
  out.push(h0 ? [p0, { x: pN.x, y: p0.y }, pN] : [p0, { x: p0.x, y: pN.y }, pN]);
  if (h0 && hN) {
    for (const x of [...xs, p0.x + 20 * d0.x, pN.x + 20 * dN.x]) out.push([p0, { x, y: p0.y }, { x, y: pN.y }, pN]);
    for (const y of ys)
      for (const xa of nearTracks(xs, p0.x, d0.x))
        for (const xb of nearTracks(xs, pN.x, dN.x)) out.push([p0, { x: xa, y: p0.y }, { x: xa, y }, { x: xb, y }, { x: xb, y: pN.y }, pN]);
  } else if (!h0 && !hN) {
    for (const y of [...ys, p0.y + 20 * d0.y, pN.y + 20 * dN.y]) out.push([p0, { x: p0.x, y }, { x: pN.x, y }, pN]);
    for (const x of xs)
      for (const ya of nearTracks(ys, p0.y, d0.y))
        for (const yb of nearTracks(ys, pN.y, dN.y)) out.push([p0, { x: p0.x, y: ya }, { x, y: ya }, { x, y: yb }, { x: pN.x, y: yb }, pN]);
  } else if (h0) {
    for (const x of xs) for (const y of ys) out.push([p0, { x, y: p0.y }, { x, y }, { x: pN.x, y }, pN]);
  } else {
    for (const y of ys) for (const x of xs) out.push([p0, { x: p0.x, y }, { x, y }, { x, y: pN.y }, pN]);
  }
  return out;
}

function sidePenalty(node: PlacedNode, side: Side, outgoing: boolean, ctx: RouteContext): number {
  const { kind, id } = node.spec;
  if (isGatewayKind(kind)) {
    if (outgoing && ctx.joins.has(id) && side !== 'right') return 70;
    if (!outgoing && ctx.splits.has(id) && side !== 'left') return 70;
    return side === (outgoing ? 'left' : 'right') ? 80 : 0;
  }
  if (outgoing) return { right: 0, top: 30, bottom: 30, left: 90 }[side];
  return { left: 0, top: 15, bottom: 15, right: 70 }[side];
}

function route(src: PlacedNode, tgt: PlacedNode, ctx: RouteContext, hint: Pick<FlowSpec, 'exit' | 'entry'> = {}): Point[] {
  let best: { pts: Point[]; score: number } | undefined;
  for (const s0 of hint.exit ? [hint.exit] : SIDES) {
    for (const sN of hint.entry ? [hint.entry] : SIDES) {
      const p0 = port(src.bounds, s0);
      const pN = port(tgt.bounds, sN);
      const d0 = OUT[s0];
      const dN = OUT[sN];
      // A split with more branches than free sides lets branches leave by the same side, as drawn by hand.
      const outUse = ctx.gatewaySides.get(src.spec.id)?.get(s0);
      if (outUse === 'in') continue;
      const inUse = ctx.gatewaySides.get(tgt.spec.id)?.get(sN);
      if (inUse === 'out' || (inUse === 'in' && !ctx.joins.has(tgt.spec.id))) continue;
      const base = sidePenalty(src, s0, true, ctx) + sidePenalty(tgt, sN, false, ctx) + (outUse === 'out' ? 400 : 0);
      for (const raw of candidates(p0, d0, pN, dN, ctx.xs, ctx.ys)) {
        const pts = simplify(raw);
        if (pts.length < 2) continue;
        if (!sameDir(dirOf(pts[0], pts[1]), d0)) continue;
        const into = dirOf(pts[pts.length - 2], pts[pts.length - 1]);
        if (!sameDir(into, { x: -dN.x, y: -dN.y })) continue;
        // Cheapest checks first: most candidates lose on length and bends alone.
        let score = base + 28 * (pts.length - 2);
        for (let i = 0; i + 1 < pts.length; i++) score += Math.abs(pts[i].x - pts[i + 1].x) + Math.abs(pts[i].y - pts[i + 1].y);
        if (best && score >= best.score) continue;
        let ok = true;
        for (let i = 0; i + 1 < pts.length && ok; i++) {
          const a = pts[i];
          const b = pts[i + 1];
          for (const o of ctx.obstacles) {
            if (o.id === src.spec.id) {
              if (i > 0 && segmentHits(a, b, inflate(o.rect, 4))) ok = false;
            } else if (o.id === tgt.spec.id) {
              if (i < pts.length - 2 && segmentHits(a, b, inflate(o.rect, 4))) ok = false;
            } else if (segmentHits(a, b, inflate(o.rect, 10))) ok = false;
            if (!ok) break;
          }
        }
        if (!ok) continue;
        for (let i = 0; i + 1 < pts.length && (!best || score < best.score); i++) {
          const a = pts[i];
          const b = pts[i + 1];
          for (const l of ctx.labels) if (l.id !== src.spec.id && segmentHits(a, b, inflate(l.rect, 3))) score += 120;
          // Flows merging into the same element may share their last stretch; others stay apart.
          for (const other of ctx.routed) {
            const weight = other.target === tgt.spec.id ? 0.1 : 2;
            for (let j = 0; j + 1 < other.pts.length; j++) {
              score += weight * overlapLength(a, b, other.pts[j], other.pts[j + 1]);
              if (crosses(a, b, other.pts[j], other.pts[j + 1])) score += 25;
            }
          }
        }
        if (!best || score < best.score) best = { pts, score };
      }
    }
  }
  if (!best) throw new Error(`no orthogonal route from ${src.spec.id} to ${tgt.spec.id}`);
  const ends = [[src, best.pts[0], 'out'], [tgt, best.pts[best.pts.length - 1], 'in']] as const;
  for (const [node, p, dir] of ends)
    if (isGatewayKind(node.spec.kind)) {
      if (!ctx.gatewaySides.has(node.spec.id)) ctx.gatewaySides.set(node.spec.id, new Map());
      ctx.gatewaySides.get(node.spec.id)!.set(sideOf(node.bounds, p), dir);
    }
  return best.pts.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) }));
}

function flowLabel(text: string, pts: Point[], obstacles: Rect[]): Rect {
  const { width, height } = labelSize(text, 80);
  const [a, b] = pts;
  const d = dirOf(a, b);
  const options: Rect[] =
    d.y === 0
      ? [
          { x: d.x > 0 ? a.x + 6 : a.x - 6 - width, y: a.y - height - 3, width, height },
          { x: d.x > 0 ? a.x + 6 : a.x - 6 - width, y: a.y + 3, width, height },
        ]
      : [
          { x: a.x + 5, y: d.y < 0 ? a.y - height - 4 : a.y + 4, width, height },
          { x: a.x - 5 - width, y: d.y < 0 ? a.y - height - 4 : a.y + 4, width, height },
        ];
  return options.find((r) => !obstacles.some((o) => intersects(r, o))) ?? options[0];
}

function externalLabel(node: PlacedNode, usedSides: Set<Side>): Rect {
  const { width, height } = labelSize(node.spec.name);
  const b = node.bounds;
  const cx = b.x + b.width / 2;
  if (!usedSides.has('bottom')) return { x: cx - width / 2, y: b.y + b.height + 5, width, height };
  if (!usedSides.has('top')) return { x: cx - width / 2, y: b.y - 5 - height, width, height };
  return { x: cx - width - 6, y: b.y + 4 - height, width, height };
}

function sideOf(r: Rect, p: Point): Side {
  if (p.x === r.x) return 'left';
  if (p.x === r.x + r.width) return 'right';
  if (p.y === r.y) return 'top';
  return 'bottom';
}

export function layoutProcess(spec: ProcessSpec): Layout {
  const laneRows = new Map(spec.lanes.map((l) => [l.id, l.rows ?? 1]));
  for (const n of spec.nodes) {
    if (!laneRows.has(n.lane)) throw new Error(`${spec.file}: node ${n.id} in unknown lane ${n.lane}`);
    laneRows.set(n.lane, Math.max(laneRows.get(n.lane)!, (n.row ?? 0) + 1));
  }
  const maxCol = Math.max(...spec.nodes.map((n) => n.col));
  const poolWidth = colLeft(maxCol) + CELL_W + RIGHT_MARGIN - POOL_X;

  const lanes: PlacedLane[] = [];
  const laneTop = new Map<string, number>();
  let y = POOL_Y;
  for (const l of spec.lanes) {
    const h = laneRows.get(l.id)! * ROW_H + 2 * LANE_PAD;
    lanes.push({ id: l.id, name: l.name, bounds: { x: POOL_X + POOL_HEADER, y, width: poolWidth - POOL_HEADER, height: h } });
    laneTop.set(l.id, y);
    y += h;
  }
  const pool: Rect = { x: POOL_X, y: POOL_Y, width: poolWidth, height: y - POOL_Y };
  const rowCenter = (lane: string, r: number) => laneTop.get(lane)! + LANE_PAD + ROW_H / 2 + r * ROW_H;

  const nodes = new Map<string, PlacedNode>();
  for (const n of spec.nodes) {
    if (nodes.has(n.id)) throw new Error(`${spec.file}: duplicate node id ${n.id}`);
    const { w, h } = SIZE[n.kind];
    const cx = colCenter(n.col);
    const cy = rowCenter(n.lane, n.row ?? 0);
    nodes.set(n.id, { spec: n, bounds: { x: Math.round(cx - w / 2), y: Math.round(cy - h / 2), width: w, height: h } });
  }

  const xs: number[] = [];
  for (let c = -1; c <= maxCol; c++) {
    const mid = colLeft(c) + CELL_W + (COL_W - CELL_W) / 2;
    xs.push(mid, mid - 14, mid + 14);
  }
  const ys: number[] = [];
  for (const l of spec.lanes)
    for (let r = 0; r < laneRows.get(l.id)!; r++) {
      const c = rowCenter(l.id, r);
      ys.push(c - 58, c - 68, c + 65, c + 75);
    }

  const obstacles = [...nodes.values()].map((n) => ({ id: n.spec.id, rect: n.bounds }));
  // Provisional labels below events and gateways keep edges off where their names will go.
  const labels = [...nodes.values()]
    .filter((n) => !isTaskKind(n.spec.kind))
    .map((n) => ({ id: n.spec.id, rect: externalLabel(n, new Set()) }));
  const outs = new Map<string, number>();
  const ins = new Map<string, number>();
  for (const f of spec.flows) {
    outs.set(f.from, (outs.get(f.from) ?? 0) + 1);
    ins.set(f.to, (ins.get(f.to) ?? 0) + 1);
  }
  const ctx: RouteContext = {
    obstacles,
    labels,
    routed: [],
    xs,
    ys,
    gatewaySides: new Map(),
    splits: new Set([...outs].filter(([, n]) => n > 1).map(([id]) => id)),
    joins: new Set([...ins].filter(([, n]) => n > 1).map(([id]) => id)),
  };

  const seen = new Set<string>();
  const flows: RoutedFlow[] = spec.flows.map((f) => {
    const src = nodes.get(f.from);
    const tgt = nodes.get(f.to);
    if (!src || !tgt) throw new Error(`${spec.file}: flow ${f.from} → ${f.to} names an unknown node`);
    const id = flowId(f);
    if (seen.has(id)) throw new Error(`${spec.file}: duplicate flow ${id}`);
    seen.add(id);
    const waypoints = route(src, tgt, ctx, f);
    ctx.routed.push({ target: f.to, pts: waypoints });
    return { id, spec: f, waypoints };
  });

  const used = new Map<string, Set<Side>>();
  for (const f of flows) {
    const s = nodes.get(f.spec.from)!;
    const t = nodes.get(f.spec.to)!;
    if (!used.has(s.spec.id)) used.set(s.spec.id, new Set());
    if (!used.has(t.spec.id)) used.set(t.spec.id, new Set());
    used.get(s.spec.id)!.add(sideOf(s.bounds, f.waypoints[0]));
    used.get(t.spec.id)!.add(sideOf(t.bounds, f.waypoints[f.waypoints.length - 1]));
  }
  for (const n of nodes.values())
    if (!isTaskKind(n.spec.kind) && n.spec.name) n.label = externalLabel(n, used.get(n.spec.id) ?? new Set());

  const taken = [...nodes.values()].flatMap((n) => (n.label ? [n.bounds, n.label] : [n.bounds]));
  for (const f of flows)
    if (f.spec.name) {
      f.label = flowLabel(f.spec.name, f.waypoints, taken);
      taken.push(f.label);
    }

  return { pool, lanes, nodes, flows };
}
