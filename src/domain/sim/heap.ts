/**
 * Binary min-heap for the event scheduler, ordered by (time, insertion sequence): events at the same
 * time come out in the order they were pushed, which keeps runs deterministic.
 *
 * Entries live in parallel arrays (times and sequence numbers in Float64Arrays, payloads in a plain
 * array) so push/pop create no per-entry objects; sift operations move a "hole" instead of swapping.
 */
export class EventHeap<T> {
  private times: Float64Array;
  private seqs: Float64Array;
  private items: (T | undefined)[];
  private n = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, initialCapacity | 0);
    this.times = new Float64Array(cap);
    this.seqs = new Float64Array(cap);
    this.items = new Array<T | undefined>(cap);
  }

  get size(): number {
    return this.n;
  }

  push(time: number, item: T): void {
    if (Number.isNaN(time)) throw new RangeError('イベント時刻が数値ではありません (NaN)');
    if (this.n === this.times.length) this.grow();
    const seq = this.nextSeq++;
    const times = this.times,
      seqs = this.seqs,
      items = this.items;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p]!;
      if (pt < time || (pt === time && seqs[p]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[p]!;
      items[i] = items[p];
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
  }

  /** Earliest event, or undefined when empty. */
  pop(): { time: number; item: T } | undefined {
    if (this.n === 0) return undefined;
    const time = this.times[0]!;
    const item = this.popItem() as T;
    return { time, item };
  }

  /**
   * Like `pop` without the result object: returns the item and leaves its time in `lastTime`.
   * Returns undefined when empty (ambiguous only if T itself admits undefined; check `size` first then).
   */
  popItem(): T | undefined {
    const n = this.n;
    if (n === 0) return undefined;
    const times = this.times,
      seqs = this.seqs,
      items = this.items;
    const top = items[0];
    this.lastTime = times[0]!;
    const last = n - 1;
    this.n = last;
    const t = times[last]!,
      s = seqs[last]!,
      it = items[last];
    items[last] = undefined; // release the reference for GC
    if (last > 0) {
      let i = 0;
      const half = last >> 1;
      while (i < half) {
        let c = 2 * i + 1;
        const r = c + 1;
        if (r < last && (times[r]! < times[c]! || (times[r] === times[c] && seqs[r]! < seqs[c]!))) c = r;
        const ct = times[c]!;
        if (t < ct || (t === ct && s < seqs[c]!)) break;
        times[i] = ct;
        seqs[i] = seqs[c]!;
        items[i] = items[c];
        i = c;
      }
      times[i] = t;
      seqs[i] = s;
      items[i] = it;
    }
    return top;
  }

  /** Time of the item most recently returned by `pop`/`popItem` (NaN before the first pop). */
  lastTime = Number.NaN;

  peekTime(): number | undefined {
    return this.n === 0 ? undefined : this.times[0];
  }

  peekItem(): T | undefined {
    return this.n === 0 ? undefined : this.items[0];
  }

  clear(): void {
    this.items.fill(undefined, 0, this.n);
    this.n = 0;
    this.nextSeq = 0;
    this.lastTime = Number.NaN;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const times = new Float64Array(cap);
    times.set(this.times);
    const seqs = new Float64Array(cap);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
    this.items.length = cap;
  }
}
