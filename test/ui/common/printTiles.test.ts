import { describe, expect, it } from 'vitest';
import { MIN_PRINT_SCALE, printPlan, svgViewBox, svgWindow } from '../../../src/ui/common/printTiles';

const page = { width: 1000, height: 600 };

describe('printing a process map legibly', () => {
  it('given a map that fits a page at full size, when planned, then it prints on one page at 100 %', () => {
    expect(printPlan({ x: 10, y: 20, width: 800, height: 500 }, page)).toEqual({
      scale: 1,
      tiles: [{ x: 10, y: 20, width: 800, height: 500 }],
      columns: 1,
      rows: 1,
    });
  });

  it('given a map 1.5 pages wide, when planned, then it is shrunk onto one page (labels still ≥ 6 pt)', () => {
    const plan = printPlan({ x: 0, y: 0, width: 1200, height: 400 }, page);
    // 1000 / 1200 = 0.833 ≥ 8/11 = 0.727
    expect(plan.scale).toBeCloseTo(1000 / 1200, 6);
    expect(plan.tiles).toHaveLength(1);
  });

  it('given a map 3400 wide, when planned, then it stays at 8/11 and is split into overlapping pages left to right', () => {
    const plan = printPlan({ x: 0, y: 0, width: 3400, height: 700 }, page);
    expect(plan.scale).toBeCloseTo(MIN_PRINT_SCALE, 6);
    // A page holds 1000 / (8/11) = 1375 units; tiles advance 1375 − 24 = 1351: ceil((3400 − 24) / 1351) = 3.
    expect([plan.columns, plan.rows]).toEqual([3, 1]);
    expect(plan.tiles.map((t) => Math.round(t.x))).toEqual([0, 1351, 2025]);
    // The last page ends at the map's right edge; each cut is shared by two pages.
    const last = plan.tiles[2];
    expect(last.x + last.width).toBeCloseTo(3400, 6);
    expect(plan.tiles[0].x + plan.tiles[0].width).toBeGreaterThan(plan.tiles[1].x);
  });

  it('given bpmn-js SVG markup, when a window is cut, then only the root viewBox and size change', () => {
    const svg =
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="3400" height="700" viewBox="-5 -5 3400 700" version="1.1"><g><svg viewBox="0 0 1 1"/></g></svg>';
    expect(svgViewBox(svg)).toEqual({ x: -5, y: -5, width: 3400, height: 700 });
    const out = svgWindow(svg, { x: 100, y: 0, width: 1375, height: 700 }, 0.5);
    expect(out).toContain('<svg viewBox="100 0 1375 700" width="687.5" height="350" xmlns="http://www.w3.org/2000/svg" version="1.1">');
    expect(out).toContain('<svg viewBox="0 0 1 1"/>');
  });
});
