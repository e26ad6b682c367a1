import { describe, expect, it } from 'vitest';
import { fitDiagram, MIN_FIT_SCALE, type FittableCanvas } from '../../../src/ui/editor/fitDiagram';

function fakeCanvas(inner: { x: number; y: number; width: number; height: number }, outer: { width: number; height: number }) {
  let set: { x: number; y: number; width: number; height: number } | undefined;
  const canvas: FittableCanvas = {
    viewbox(box) {
      if (box) set = box;
      return { x: 0, y: 0, width: outer.width, height: outer.height, scale: 1, inner, outer };
    },
  };
  return { canvas, last: () => set! };
}

describe('全体表示', () => {
  it('given a process 4000 px wide on a 1000 px canvas, when fitted for reading, then the zoom stops at 9/11 and the view starts at the process’s left edge', () => {
    const { canvas, last } = fakeCanvas({ x: 0, y: 0, width: 4000, height: 500 }, { width: 1000, height: 600 });
    fitDiagram(canvas, MIN_FIT_SCALE);
    const box = last();
    // 11 px labels × 9/11 = 9 px on screen.
    expect(1000 / box.width).toBeCloseTo(9 / 11, 6);
    // The palette gutter (130 px) stays clear left of the start: x = 0 − 130 / (9/11).
    expect(box.x).toBeCloseTo(-130 / (9 / 11), 6);
  });

  it('given the same process opened (overview), when fitted without a minimum, then the whole width fits', () => {
    const { canvas, last } = fakeCanvas({ x: 0, y: 0, width: 4000, height: 500 }, { width: 1000, height: 600 });
    fitDiagram(canvas);
    // (1000 − 130 − 20) / 4000 = 0.2125
    expect(1000 / last().width).toBeCloseTo(0.2125, 6);
  });

  it('given a small process, when fitted for reading, then it is not enlarged beyond 100 %', () => {
    const { canvas, last } = fakeCanvas({ x: 0, y: 0, width: 400, height: 200 }, { width: 1000, height: 600 });
    fitDiagram(canvas, MIN_FIT_SCALE);
    expect(last().width).toBe(1000);
  });
});
