/**
 * The pending-event queue: a binary min-heap over typed arrays. Each entry is a wake-up for a
 * rule: a kind and two integer arguments, ordered totally by (day, priority, sequence). The
 * three are packed into one float64 key (16 bits of day, 4 of priority, 33 of sequence), so a
 * comparison is one subtraction and the heap moves plain numbers, never objects.
 */

const PRIORITY_SCALE = 2 ** 33;
const DAY_SCALE = 2 ** 37;

/** Largest day number the packed key can hold (2079-06-06). */
export const MAX_QUEUE_DAY = 65_535;
/** Priorities run from 0 (first) to 15 (last) within a day. */
export const MAX_PRIORITY = 15;

/** A popped entry, reused between pops so the hot loop allocates nothing. */
export interface QueueEntry {
  day: number;
  priority: number;
  seq: number;
  kind: number;
  a: number;
  b: number;
}

export class EventQueue {
  private keys: Float64Array;
  private kinds: Uint8Array;
  private as: Int32Array;
  private bs: Int32Array;
  private count = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, initialCapacity);
    this.keys = new Float64Array(cap);
    this.kinds = new Uint8Array(cap);
    this.as = new Int32Array(cap);
    this.bs = new Int32Array(cap);
  }

  /** Entries waiting. */
  get size(): number {
    return this.count;
  }

  /** Sequence numbers handed out so far (also the count of all pushes). */
  get pushed(): number {
    return this.nextSeq;
  }

  /** Bytes held by the queue's arrays. */
  get bytes(): number {
    return this.keys.byteLength + this.kinds.byteLength + this.as.byteLength + this.bs.byteLength;
  }

  /**
   * Schedules a wake-up. Entries on the same day run by priority, then in the order pushed.
   * @example queue.push(24950, 2, KIND_BIRTH, schoolIndex, 0)
   */
  push(day: number, priority: number, kind: number, a: number, b: number): void {
    if (!(day >= 0 && day <= MAX_QUEUE_DAY))
      throw new RangeError(`EventQueue.push: day ${day} is outside 0..${MAX_QUEUE_DAY}`);
    if (this.count === this.keys.length) this.grow();
    const key = day * DAY_SCALE + priority * PRIORITY_SCALE + this.nextSeq++;
    let i = this.count++;
    const keys = this.keys;
    // Sift up, moving parents down into the hole rather than swapping.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent] as number;
      if (pk <= key) break;
      keys[i] = pk;
      this.kinds[i] = this.kinds[parent] as number;
      this.as[i] = this.as[parent] as number;
      this.bs[i] = this.bs[parent] as number;
      i = parent;
    }
    keys[i] = key;
    this.kinds[i] = kind;
    this.as[i] = a;
    this.bs[i] = b;
  }

  /** Day of the next entry, or Infinity when empty. */
  peekDay(): number {
    return this.count === 0 ? Infinity : Math.floor((this.keys[0] as number) / DAY_SCALE);
  }

  /** Removes the first entry into `out`; returns false when the queue is empty. */
  pop(out: QueueEntry): boolean {
    if (this.count === 0) return false;
    const keys = this.keys;
    const key = keys[0] as number;
    out.day = Math.floor(key / DAY_SCALE);
    const rest = key - out.day * DAY_SCALE;
    out.priority = Math.floor(rest / PRIORITY_SCALE);
    out.seq = rest - out.priority * PRIORITY_SCALE;
    out.kind = this.kinds[0] as number;
    out.a = this.as[0] as number;
    out.b = this.bs[0] as number;
    const n = --this.count;
    if (n > 0) {
      const lastKey = keys[n] as number;
      const lastKind = this.kinds[n] as number;
      const lastA = this.as[n] as number;
      const lastB = this.bs[n] as number;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        const right = child + 1;
        if (right < n && (keys[right] as number) < (keys[child] as number)) child = right;
        const ck = keys[child] as number;
        if (ck >= lastKey) break;
        keys[i] = ck;
        this.kinds[i] = this.kinds[child] as number;
        this.as[i] = this.as[child] as number;
        this.bs[i] = this.bs[child] as number;
        i = child;
      }
      keys[i] = lastKey;
      this.kinds[i] = lastKind;
      this.as[i] = lastA;
      this.bs[i] = lastB;
    }
    return true;
  }

  private grow(): void {
    const cap = this.keys.length * 2;
    const keys = new Float64Array(cap);
    keys.set(this.keys);
    this.keys = keys;
    const kinds = new Uint8Array(cap);
    kinds.set(this.kinds);
    this.kinds = kinds;
    const as = new Int32Array(cap);
    as.set(this.as);
    this.as = as;
    const bs = new Int32Array(cap);
    bs.set(this.bs);
    this.bs = bs;
  }
}
