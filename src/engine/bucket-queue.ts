/**
 * The pending-event queue the simulation runs on: a bucket (calendar) queue. Wake-ups fall on
 * whole days with one of 16 priorities, so each (day, priority) pair is a bucket, and a bucket
 * is a FIFO list through typed arrays; its push order is the sequence order. Pop takes the head
 * of the first non-empty bucket at or after a cursor that only moves back when something is
 * pushed behind it. The order is exactly EventQueue's (day, priority, sequence), at O(1) a push
 * and amortised O(1) a pop, with no comparisons and no objects.
 */
import { MAX_PRIORITY, MAX_QUEUE_DAY, type QueueEntry } from './queue.js';

const BUCKETS = (MAX_QUEUE_DAY + 1) * (MAX_PRIORITY + 1);
const EMPTY = -1;

export class BucketQueue {
  private readonly head = new Int32Array(BUCKETS).fill(EMPTY);
  private readonly tail = new Int32Array(BUCKETS).fill(EMPTY);
  private kinds: Uint8Array;
  private as: Int32Array;
  private bs: Int32Array;
  private next: Int32Array;
  private seqs: Float64Array;
  private free = EMPTY;
  private used = 0;
  private count = 0;
  private nextSeq = 0;
  private cursor = 0;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, initialCapacity);
    this.kinds = new Uint8Array(cap);
    this.as = new Int32Array(cap);
    this.bs = new Int32Array(cap);
    this.next = new Int32Array(cap);
    this.seqs = new Float64Array(cap);
  }

  get size(): number {
    return this.count;
  }

  get pushed(): number {
    return this.nextSeq;
  }

  /** Bytes held: the bucket index and the entry pool. */
  get bytes(): number {
    return (
      this.head.byteLength +
      this.tail.byteLength +
      this.kinds.byteLength +
      this.as.byteLength +
      this.bs.byteLength +
      this.next.byteLength +
      this.seqs.byteLength
    );
  }

  /**
   * Schedules a wake-up; same contract as EventQueue.push.
   * @example queue.push(24950, 2, KIND_BIRTH, schoolIndex, 0)
   */
  push(day: number, priority: number, kind: number, a: number, b: number): void {
    if (!(day >= 0 && day <= MAX_QUEUE_DAY))
      throw new RangeError(`BucketQueue.push: day ${day} is outside 0..${MAX_QUEUE_DAY}`);
    if (!(priority >= 0 && priority <= MAX_PRIORITY))
      throw new RangeError(`BucketQueue.push: priority ${priority} is outside 0..${MAX_PRIORITY}`);
    let slot = this.free;
    if (slot !== EMPTY) this.free = this.next[slot]!;
    else {
      if (this.used === this.kinds.length) this.grow();
      slot = this.used++;
    }
    this.kinds[slot] = kind;
    this.as[slot] = a;
    this.bs[slot] = b;
    this.seqs[slot] = this.nextSeq++;
    this.next[slot] = EMPTY;
    const bucket = day * (MAX_PRIORITY + 1) + priority;
    const t = this.tail[bucket]!;
    if (t === EMPTY) this.head[bucket] = slot;
    else this.next[t] = slot;
    this.tail[bucket] = slot;
    if (bucket < this.cursor) this.cursor = bucket;
    this.count++;
  }

  /** Day of the next entry, or Infinity when empty. */
  peekDay(): number {
    if (this.count === 0) return Infinity;
    this.advance();
    return Math.floor(this.cursor / (MAX_PRIORITY + 1));
  }

  /** Removes the first entry into `out`; returns false when empty. */
  pop(out: QueueEntry): boolean {
    if (this.count === 0) return false;
    this.advance();
    const bucket = this.cursor;
    const slot = this.head[bucket]!;
    const nxt = this.next[slot]!;
    this.head[bucket] = nxt;
    if (nxt === EMPTY) this.tail[bucket] = EMPTY;
    out.day = Math.floor(bucket / (MAX_PRIORITY + 1));
    out.priority = bucket - out.day * (MAX_PRIORITY + 1);
    out.seq = this.seqs[slot]!;
    out.kind = this.kinds[slot]!;
    out.a = this.as[slot]!;
    out.b = this.bs[slot]!;
    this.next[slot] = this.free;
    this.free = slot;
    this.count--;
    return true;
  }

  private advance(): void {
    const head = this.head;
    let c = this.cursor;
    while (head[c] === EMPTY) c++;
    this.cursor = c;
  }

  private grow(): void {
    const cap = this.kinds.length * 2;
    const grow = <A extends Uint8Array | Int32Array | Float64Array>(arr: A): A => {
      const g = new (arr.constructor as new (n: number) => A)(cap);
      g.set(arr);
      return g;
    };
    this.kinds = grow(this.kinds);
    this.as = grow(this.as);
    this.bs = grow(this.bs);
    this.next = grow(this.next);
    this.seqs = grow(this.seqs);
  }
}
