import { describe, expect, it } from 'vitest';
import { signedAxis, tornadoRows, waterfallExtent, waterfallSteps } from '../../../src/ui/compare/chartGeometry';

describe('comparison chart geometry', () => {
  it('given a negative and a positive bound, when the axis is made, then it has nice ticks through zero and maps the ends to the plot edges', () => {
    const axis = signedAxis(-220, 450, 500);
    expect(axis.ticks).toContain(0);
    expect(axis.min).toBeLessThanOrEqual(-220);
    expect(axis.max).toBeGreaterThanOrEqual(450);
    expect(axis.x(axis.min)).toBe(0);
    expect(axis.x(axis.max)).toBe(500);
    expect(axis.x(0)).toBeCloseTo((-axis.min / (axis.max - axis.min)) * 500, 9);
  });

  it('given only positive values, when the axis is made, then it starts at zero', () => {
    const axis = signedAxis(3, 87, 100);
    expect(axis.min).toBe(0);
    expect(axis.ticks[0]).toBe(0);
    expect(axis.x(-5)).toBe(0);
  });

  it('given step savings, when the waterfall is built, then each step starts where the last ended and whiskers ride on the running total', () => {
    const { steps, total } = waterfallSteps([
      { key: 'a', value: 270, ci: [266, 275] },
      { key: 'b', value: 175 },
      { key: 'c', value: -220, ci: [-224, -218] },
    ]);
    expect(steps.map((s) => [s.from, s.to])).toEqual([
      [0, 270],
      [270, 445],
      [445, 225],
    ]);
    expect(total).toBe(225);
    expect(steps[2].whisker).toEqual([221, 227]);
    expect(steps[1].whisker).toBeUndefined();
    expect(waterfallExtent(steps, total, [216, 234])).toEqual([0, 445]);
  });

  it('given tornado inputs, when rows are made, then the widest swing is on top and each bar spans its outcomes around the baseline', () => {
    const { rows, axis } = tornadoRows(
      [
        { id: 'small', label: 's', atLow: 220, atHigh: 230 },
        { id: 'big', label: 'b', atLow: 150, atHigh: 300 },
        { id: 'oneSided', label: 'o', atLow: 240, atHigh: 260 },
      ],
      225,
      400,
    );
    expect(rows.map((r) => r.id)).toEqual(['big', 'oneSided', 'small']);
    const big = rows[0];
    expect(big.left).toBeCloseTo(axis.x(150), 9);
    expect(big.left + big.width).toBeCloseTo(axis.x(300), 9);
    expect(big.baseX).toBeCloseTo(axis.x(225), 9);
    // A bar entirely above the baseline still starts at it.
    const one = rows[1];
    expect(one.left).toBeCloseTo(one.baseX, 9);
    expect(one.left + one.width).toBeCloseTo(axis.x(260), 9);
  });

  it('given a low input that raises the saving, when rows are made, then low and high x follow the outcomes, not their order', () => {
    const { rows } = tornadoRows([{ id: 'inv', label: 'i', atLow: 300, atHigh: 100 }], 200, 300);
    expect(rows[0].lowX).toBeGreaterThan(rows[0].highX);
    expect(rows[0].left).toBe(rows[0].highX);
  });
});
