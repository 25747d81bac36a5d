/**
 * The pending-event queue the simulation runs on: a bucket (calendar) queue. Wake-ups fall on
 * whole days with one of 16 priorities, so each (day, priority) pair is a bucket, and a bucket
 * is a FIFO list through a pool of slots; its push order is the sequence order. Pop takes the
 * head of the first non-empty bucket at or after a cursor that only moves back when something
 * is pushed behind it. The order is exactly EventQueue's (day, priority, sequence), at O(1) a
 * push and amortised O(1) a pop, with no comparisons and no objects.
 *
 * A slot's link, kind and two arguments sit side by side in one Int32Array (16 bytes a slot),
 * so taking an entry touches one cache line, not one per field: at national scale the pool is
 * tens of megabytes and the pop is bound by memory, not arithmetic.
 */
import { MAX_PRIORITY, MAX_QUEUE_DAY, type QueueEntry } from './queue.js';

const PER_DAY = MAX_PRIORITY + 1;
const BUCKETS = (MAX_QUEUE_DAY + 1) * PER_DAY;
const EMPTY = -1;
/** Int32 fields per slot: next, kind, a, b. */
const STRIDE = 4;

export class BucketQueue {
  private readonly head = new Int32Array(BUCKETS).fill(EMPTY);
  private readonly tail = new Int32Array(BUCKETS);
  /** The slot pool: [next, kind, a, b] per slot. */
  private slots: Int32Array;
  private free = EMPTY;
  private used = 0;
  private capacity: number;
  private count = 0;
  private nextSeq = 0;
  private cursor = 0;
  /** Day, kind and arguments of the entry `take()` removed last. */
  takenDay = 0;
  takenKind = 0;
  takenA = 0;
  takenB = 0;

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity);
    this.slots = new Int32Array(this.capacity * STRIDE);
  }

  get size(): number {
    return this.count;
  }

  get pushed(): number {
    return this.nextSeq;
  }

  /** Bytes held: the bucket index and the slot pool. */
  get bytes(): number {
    return this.head.byteLength + this.tail.byteLength + this.slots.byteLength;
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
    const slots = this.slots;
    if (slot !== EMPTY) this.free = slots[slot * STRIDE]!;
    else {
      if (this.used === this.capacity) return this.pushGrown(day, priority, kind, a, b);
      slot = this.used++;
    }
    const o = slot * STRIDE;
    slots[o] = EMPTY;
    slots[o + 1] = kind;
    slots[o + 2] = a;
    slots[o + 3] = b;
    this.nextSeq++;
    const bucket = day * PER_DAY + priority;
    // A bucket's tail is meaningful only while its head is not EMPTY.
    if (this.head[bucket] === EMPTY) this.head[bucket] = slot;
    else slots[this.tail[bucket]! * STRIDE] = slot;
    this.tail[bucket] = slot;
    if (bucket < this.cursor) this.cursor = bucket;
    this.count++;
  }

  /** Day of the next entry, or Infinity when empty. */
  peekDay(): number {
    if (this.count === 0) return Infinity;
    this.advance();
    return Math.floor(this.cursor / PER_DAY);
  }

  /**
   * Removes the first entry if it falls on or before `untilDay`, leaving its day, kind and
   * arguments in `takenDay`, `takenKind`, `takenA` and `takenB`; returns false otherwise. The
   * simulation's loop uses this: no entry object, no sequence number.
   */
  take(untilDay: number): boolean {
    if (this.count === 0) return false;
    const head = this.head;
    let c = this.cursor;
    while (head[c] === EMPTY) c++;
    this.cursor = c;
    const day = (c / PER_DAY) | 0;
    if (day > untilDay) return false;
    const slot = head[c]!;
    const slots = this.slots;
    const o = slot * STRIDE;
    head[c] = slots[o]!;
    this.takenDay = day;
    this.takenKind = slots[o + 1]!;
    this.takenA = slots[o + 2]!;
    this.takenB = slots[o + 3]!;
    slots[o] = this.free;
    this.free = slot;
    this.count--;
    return true;
  }

  /**
   * Removes the first entry into `out`; returns false when empty. The queue keeps no sequence
   * numbers (a bucket's order is its push order), so `out.seq` is left as it was.
   */
  pop(out: QueueEntry): boolean {
    if (this.count === 0) return false;
    this.advance();
    const bucket = this.cursor;
    this.take(Infinity);
    out.day = this.takenDay;
    out.priority = bucket - out.day * PER_DAY;
    out.kind = this.takenKind;
    out.a = this.takenA;
    out.b = this.takenB;
    return true;
  }

  private advance(): void {
    const head = this.head;
    let c = this.cursor;
    while (head[c] === EMPTY) c++;
    this.cursor = c;
  }

  private pushGrown(day: number, priority: number, kind: number, a: number, b: number): void {
    this.capacity *= 2;
    const slots = new Int32Array(this.capacity * STRIDE);
    slots.set(this.slots);
    this.slots = slots;
    this.push(day, priority, kind, a, b);
  }
}
