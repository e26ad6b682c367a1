import { describe, expect, it } from 'vitest';
import { estimateBadgeSize, ownStretch, placeFlowBadge, sharedFromStart } from '../../../src/modeler/badges/flowBadgePlacement';

const P = (x: number, y: number) => ({ x, y });
const gateway = { x: 100, y: 100, width: 50, height: 50 };
const size = estimateBadgeSize('80%'); // 12 + 3 × 7 = 33 wide, 16 high

describe('probability badge placement', () => {
  it('given a branch going right and one going down from the gateway, when placed, then each badge sits beside its own line, 36 px from where it leaves', () => {
    const right = [P(150, 125), P(300, 125)];
    const down = [P(125, 150), P(125, 250), P(300, 250)];
    // Right: 150 + 36 = 186 along, centred (186 − 16.5), above the line (125 − 16 − 3).
    expect(placeFlowBadge(right, [down], [gateway], size)).toEqual({ x: 169.5, y: 106 });
    // Down: 150 + 36 = 186, to the right of the line (125 + 4), centred on it (186 − 8).
    expect(placeFlowBadge(down, [right], [gateway], size)).toEqual({ x: 129, y: 178 });
  });

  it('given two branches leaving along the same first 50 px, when placed, then neither badge sits on the shared stretch', () => {
    const straight = [P(150, 125), P(300, 125)];
    const turning = [P(150, 125), P(200, 125), P(200, 250), P(300, 250)];
    expect(sharedFromStart(straight[0], straight[1], turning[0], turning[1])).toBe(50);
    expect(ownStretch(straight, [turning])).toEqual({ index: 0, from: 50 });
    // The turning branch has nothing of its own before the bend: its badge goes on the vertical part.
    expect(ownStretch(turning, [straight])).toEqual({ index: 1, from: 0 });
    expect(placeFlowBadge(straight, [turning], [], size)).toEqual({ x: 150 + 50 + 36 - 16.5, y: 106 });
    expect(placeFlowBadge(turning, [straight], [], size)).toEqual({ x: 204, y: 125 + 36 - 8 });
  });

  it('given the branch label (はい) where the badge would go above the line, when placed, then the badge goes below it', () => {
    const right = [P(150, 125), P(300, 125)];
    const label = { x: 165, y: 100, width: 40, height: 20 };
    expect(placeFlowBadge(right, [], [gateway, label], size)).toEqual({ x: 169.5, y: 128 });
  });
});

describe('probability badge placement past labels', () => {
  it('given labels on both sides of a vertical branch where it starts, when placed, then the badge slides down its line until it is clear', () => {
    const down = [P(200, 100), P(200, 300)];
    // Labels from 120 to 150 on both sides: the first spot (y 100 + 36 − 8 = 128) is covered.
    const left = { x: 150, y: 120, width: 48, height: 30 };
    const right = { x: 202, y: 120, width: 48, height: 30 };
    const at = placeFlowBadge(down, [], [left, right], size);
    // Steps of 12 from 136: 148 still touches (148 − 8 = 140 < 150); 160 → top 152 is clear.
    expect(at).toEqual({ x: 204, y: 152 });
  });
});
