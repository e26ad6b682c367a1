import { describe, expect, it } from 'vitest';
import { EventHeap } from '../../../src/domain/sim/heap';
import { createRng } from '../../../src/domain/sim/prng';

describe('EventHeap', () => {
  it('given an empty heap, when popping or peeking, then undefined is returned', () => {
    const h = new EventHeap<string>();
    expect(h.size).toBe(0);
    expect(h.pop()).toBeUndefined();
    expect(h.peekTime()).toBeUndefined();
  });

  it('given random pushes with many equal times, when draining, then order equals a stable sort by time', () => {
    const rng = createRng(77);
    const h = new EventHeap<number>(16); // small capacity exercises growth
    const ref: { time: number; item: number }[] = [];
    for (let i = 0; i < 20_000; i++) {
      const time = rng.nextInt(500) / 4; // heavy ties
      h.push(time, i);
      ref.push({ time, item: i });
    }
    expect(h.size).toBe(20_000);
    ref.sort((a, b) => a.time - b.time); // Array.prototype.sort is stable
    const out: { time: number; item: number }[] = [];
    for (let e = h.pop(); e; e = h.pop()) out.push(e);
    expect(out).toEqual(ref);
    expect(h.size).toBe(0);
  });

  it('given interleaved push and pop (simulation pattern), when draining, then each pop is the minimum of what is pending with FIFO ties', () => {
    const rng = createRng(8);
    const h = new EventHeap<number>();
    const pending: { time: number; seq: number }[] = [];
    let seq = 0,
      now = 0;
    for (let step = 0; step < 20_000; step++) {
      if (pending.length === 0 || rng.next() < 0.55) {
        const time = now + rng.nextInt(20);
        h.push(time, seq);
        pending.push({ time, seq: seq++ });
      } else {
        expect(h.peekTime()).toBe(Math.min(...pending.map((p) => p.time)));
        let best = 0;
        for (let i = 1; i < pending.length; i++) {
          const p = pending[i]!,
            b = pending[best]!;
          if (p.time < b.time || (p.time === b.time && p.seq < b.seq)) best = i;
        }
        const expected = pending.splice(best, 1)[0]!;
        const got = h.pop()!;
        expect(got).toEqual({ time: expected.time, item: expected.seq });
        now = got.time;
      }
    }
  });

  it('given popItem, when draining, then items match pop order and lastTime carries the time', () => {
    const h = new EventHeap<string>();
    h.push(5, 'b');
    h.push(1, 'a');
    h.push(5, 'c');
    expect(h.popItem()).toBe('a');
    expect(h.lastTime).toBe(1);
    expect(h.popItem()).toBe('b');
    expect(h.popItem()).toBe('c');
    expect(h.lastTime).toBe(5);
    expect(h.popItem()).toBeUndefined();
  });

  it('given a filled heap, when cleared, then it is empty and reusable with fresh FIFO order', () => {
    const h = new EventHeap<string>();
    for (let i = 0; i < 100; i++) h.push(i % 3, `x${i}`);
    h.clear();
    expect(h.size).toBe(0);
    expect(h.pop()).toBeUndefined();
    h.push(2, 'first');
    h.push(2, 'second');
    expect(h.pop()).toEqual({ time: 2, item: 'first' });
    expect(h.pop()).toEqual({ time: 2, item: 'second' });
  });

  it('given a NaN time, when pushing, then it is rejected', () => {
    expect(() => new EventHeap<number>().push(Number.NaN, 1)).toThrow(RangeError);
  });
});
