import { describe, expect, it } from 'vitest';
import { orderSteps, type FlowEdge, type FlowNode } from '../../../src/ui/process/stepTable/flowOrder';

const node = (id: string, x: number, y = 0, laneRank = 0, kind: 'step' | 'start' | 'gateway' = 'step'): FlowNode => ({
  id,
  isStart: kind === 'start',
  isStep: kind === 'step',
  laneRank,
  x,
  y,
});
const edges = (...pairs: string[]): FlowEdge[] =>
  pairs.map((p) => {
    const [source, target] = p.split('>');
    return { source, target };
  });

describe('orderSteps', () => {
  it('given a chain drawn right to left, when ordered, then flow order wins over position', () => {
    const nodes = [node('S', 500, 0, 0, 'start'), node('A', 400), node('B', 300), node('C', 100)];
    expect(orderSteps(nodes, edges('S>A', 'A>B', 'B>C'))).toEqual(['A', 'B', 'C']);
  });

  it('given a rework loop, when ordered, then each step appears once at its first visit', () => {
    const nodes = [node('S', 0, 0, 0, 'start'), node('A', 100), node('B', 200), node('G', 300, 0, 0, 'gateway'), node('C', 400)];
    const order = orderSteps(nodes, edges('S>A', 'A>B', 'B>G', 'G>A', 'G>C'));
    expect(order).toEqual(['A', 'B', 'C']);
  });

  it('given parallel branches in two lanes, when ordered, then the upper lane comes first and the join after both', () => {
    const nodes = [
      node('S', 0, 50, 0, 'start'),
      node('F', 50, 50, 0, 'gateway'),
      node('Low', 100, 300, 1),
      node('Up', 100, 50, 0),
      node('J', 200, 50, 0, 'gateway'),
      node('End', 300, 50, 0),
    ];
    expect(orderSteps(nodes, edges('S>F', 'F>Low', 'F>Up', 'Low>J', 'Up>J', 'J>End'))).toEqual(['Up', 'Low', 'End']);
  });

  it('given a step nothing connects to, when ordered, then it is still listed after the connected flow', () => {
    const nodes = [node('S', 0, 0, 0, 'start'), node('A', 100), node('Lonely', 0, 500)];
    expect(orderSteps(nodes, edges('S>A'))).toEqual(['A', 'Lonely']);
  });

  it('given an isolated cycle without a start, when ordered, then every step appears exactly once', () => {
    const nodes = [node('X', 100), node('Y', 200), node('S', 0, 0, 0, 'start'), node('A', 50)];
    const order = orderSteps(nodes, edges('X>Y', 'Y>X', 'S>A'));
    expect(order[0]).toBe('A');
    expect([...order].sort()).toEqual(['A', 'X', 'Y']);
  });

  it('given edges referring to unknown nodes, when ordered, then they are ignored', () => {
    const nodes = [node('S', 0, 0, 0, 'start'), node('A', 100)];
    expect(orderSteps(nodes, edges('S>A', 'A>Ghost', 'Ghost>A'))).toEqual(['A']);
  });
});
