/**
 * Where a branch's probability badge goes: on a stretch of line that belongs to this flow alone,
 * clear of the branch labels (はい / いいえ) and of the gateway. Branches of one gateway often leave
 * it along the same first stretch or side by side, so "the middle of the first segment" put one
 * branch's badge on another's line or label. Pure geometry, in diagram coordinates, tested in node.
 */
export interface Point {
  x: number;
  y: number;
}
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Segments shorter than this cannot carry a badge beside them without looking attached to a bend. */
const MIN_SEGMENT = 24;
/** Two segments closer than this (and running the same way over the same stretch) read as one line. */
const SHARED_TOLERANCE = 3;
/** How far from the segment's start the badge sits: close to the gateway, where the branch begins. */
const ALONG = 36;
const GAP = 3;
/** Step when sliding a badge along its line past a label. */
const SLIDE = 12;

const horizontal = (a: Point, b: Point) => Math.abs(b.y - a.y) <= Math.abs(b.x - a.x);
const length = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y);

/**
 * How far from `a` the segment a–b runs along a sibling's segment c–d (same direction, same line);
 * 0 when they do not share a stretch starting at a. Branches that leave a gateway together share
 * their first stretch; the part after it is the flow's own.
 */
export function sharedFromStart(a: Point, b: Point, c: Point, d: Point): number {
  const h = horizontal(a, b);
  if (h !== horizontal(c, d)) return 0;
  const [across, along] = h ? (['y', 'x'] as const) : (['x', 'y'] as const);
  if (Math.abs(a[across] - b[across]) > SHARED_TOLERANCE || Math.abs(c[across] - d[across]) > SHARED_TOLERANCE) return 0;
  if (Math.abs(a[across] - c[across]) > SHARED_TOLERANCE) return 0;
  const dir = Math.sign(b[along] - a[along]) || 1;
  // Positions along a–b, measured from a in its direction.
  const pos = (p: Point) => (p[along] - a[along]) * dir;
  const [lo, hi] = [Math.min(pos(c), pos(d)), Math.max(pos(c), pos(d))];
  if (lo > SHARED_TOLERANCE || hi <= SHARED_TOLERANCE) return 0;
  return Math.min(hi, length(a, b));
}

const intersects = (r: Rect, s: Rect) => r.x < s.x + s.width && s.x < r.x + r.width && r.y < s.y + s.height && s.y < r.y + r.height;

export interface OwnStretch {
  /** Segment index (from waypoints[index] to waypoints[index + 1]). */
  index: number;
  /** Distance from the segment's start where the flow's own part begins. */
  from: number;
}

/** The first stretch this flow has to itself and long enough for a badge; else the longest own part. */
export function ownStretch(waypoints: Point[], siblings: Point[][]): OwnStretch {
  let best: OwnStretch & { free: number } = { index: 0, from: 0, free: -1 };
  for (let i = 0; i + 1 < waypoints.length; i++) {
    const [a, b] = [waypoints[i], waypoints[i + 1]];
    const len = length(a, b);
    if (len < 1) continue;
    let from = 0;
    for (const s of siblings) for (let j = 0; j + 1 < s.length; j++) from = Math.max(from, sharedFromStart(a, b, s[j], s[j + 1]));
    const free = len - from;
    if (free >= MIN_SEGMENT) return { index: i, from };
    if (free > best.free) best = { index: i, from, free };
  }
  return { index: best.index, from: best.from };
}

/**
 * Top-left corner of a badge of `size` beside this flow's own stretch: above (or below) a horizontal
 * segment, right (or left) of a vertical one, whichever side misses every rectangle in `avoid`.
 */
export function placeFlowBadge(waypoints: Point[], siblings: Point[][], avoid: Rect[], size: { width: number; height: number }): Point {
  const { index, from } = ownStretch(waypoints, siblings);
  const a = waypoints[index];
  const b = waypoints[index + 1] ?? a;
  const len = length(a, b);
  const base = from + Math.min(ALONG, Math.max(0, len - from) / 2);
  const sides = (d: number): Point[] => {
    const t = len > 0 ? d / len : 0;
    const at = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    return horizontal(a, b)
      ? [
          { x: at.x - size.width / 2, y: at.y - size.height - GAP },
          { x: at.x - size.width / 2, y: at.y + GAP },
        ]
      : [
          { x: at.x + GAP + 1, y: at.y - size.height / 2 },
          { x: at.x - size.width - GAP - 1, y: at.y - size.height / 2 },
        ];
  };
  // Both sides taken (a label there): slide further along the flow's own stretch, a step at a time.
  for (let d = base; d === base || d <= len - size.height; d += SLIDE) {
    const clear = sides(d).find((c) => !avoid.some((r) => intersects({ ...c, ...size }, r)));
    if (clear) return clear;
  }
  return sides(base)[0];
}

/** A badge's size before it is drawn: 11 px text, about 7 px a character plus padding and border. */
export function estimateBadgeSize(text: string): { width: number; height: number } {
  return { width: 12 + 7 * text.length, height: 16 };
}
