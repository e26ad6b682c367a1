import { describe, expect, it } from 'vitest';
import { niceTicks, scaleLinear, truncateLabel } from '../../../src/ui/charts/scale';

describe('chart scales', () => {
  it('given a maximum, when nice ticks are made, then they start at 0, step evenly and cover the maximum', () => {
    const t = niceTicks(437);
    expect(t.ticks[0]).toBe(0);
    expect(t.max).toBeGreaterThanOrEqual(437);
    expect(t.step).toBe(100);
    expect(t.ticks).toEqual([0, 100, 200, 300, 400, 500]);
  });

  it('given small fractional data, when ticks are made, then they carry no floating-point noise', () => {
    expect(niceTicks(0.3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('given no data, when ticks are made, then a usable 0…1 axis comes back', () => {
    expect(niceTicks(0).max).toBe(1);
    expect(niceTicks(Number.NaN).ticks[0]).toBe(0);
  });

  it('given values outside the domain, when scaled, then they are clamped to the plot', () => {
    const x = scaleLinear(100, 200);
    expect(x(50)).toBe(100);
    expect(x(150)).toBe(200);
    expect(x(-5)).toBe(0);
    expect(x(Number.NaN)).toBe(0);
  });

  it('given a long Japanese label, when truncated, then it keeps whole characters and ends with an ellipsis', () => {
    expect(truncateLabel('こども課へ移動し認定請求書を記入', 8)).toBe('こども課へ移動…');
    expect(truncateLabel('受付', 8)).toBe('受付');
  });
});
