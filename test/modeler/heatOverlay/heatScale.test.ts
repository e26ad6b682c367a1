import { describe, expect, it } from 'vitest';
import { HEAT_LEVELS, heatLevel } from '../../../src/modeler/heatOverlay/heatScale';

describe('heat overlay shading', () => {
  it('given the busiest task, when shaded, then it gets the darkest level', () => {
    expect(heatLevel(510, 510)).toBe(HEAT_LEVELS);
  });

  it('given a task with a little staff time, when shaded, then it is never left blank', () => {
    expect(heatLevel(0.1, 510)).toBe(1);
  });

  it('given tasks at fractions of the maximum, when shaded, then levels rise in equal steps', () => {
    expect([100, 200, 300, 400, 500].map((h) => heatLevel(h, 500))).toEqual([1, 2, 3, 4, 5]);
  });

  it('given no staff time or no usable maximum, when shaded, then level 0 (muted) is used', () => {
    expect(heatLevel(0, 500)).toBe(0);
    expect(heatLevel(5, 0)).toBe(0);
    expect(heatLevel(Number.NaN, 10)).toBe(0);
  });
});
