/**
 * The pending-event queue the simulation runs on: a bucket (calendar) queue. Wake-ups fall on
 * whole days with one of 16 priorities, so each (day, priority) pair is a bucket, and a bucket
 * is a FIFO list; its push order is the sequence order. Pop takes the head of the first
 * non-empty bucket at or after a cursor that only moves back when something is pushed behind
 * it. The order is exactly EventQueue's (day, priority, sequence), at O(1) a push and amortised
 * O(1) a pop, with no comparisons and no objects.
 *
 * A bucket's entries are stored in blocks of eight, side by side (kind, a, b), and the blocks
 * are chained. A day's wake-ups are therefore read in runs from a few blocks rather than from
 * wherever each was put when it was scheduled, years of simulated time before: at national
 * scale the queue holds hundreds of thousands of entries and a pop is bound by memory.
 */
import { MAX_PRIORITY, MAX_QUEUE_DAY, type QueueEntry } from './queue.js';

const PER_DAY = MAX_PRIORITY + 1;
const BUCKETS = (MAX_QUEUE_DAY + 1) * PER_DAY;
const EMPTY = -1;
/** Entries in a block. */
const BLOCK = 8;
/** Int32 words per entry: kind, a, b. */
const WORDS = 3;

export class BucketQueue {
  /** Per bucket, the entry to take next (block * BLOCK + index), or EMPTY. */
  private readonly head = new Int32Array(BUCKETS).fill(EMPTY);
  /** Per bucket, the entry pushed last; meaningful only while `head` is not EMPTY. */
  private readonly tail = new Int32Array(BUCKETS);
  /** The entries, WORDS to each, BLOCK to a block. */
  private data: Int32Array;
  /** The block after each block of a bucket, or the next free block. */
  private nextBlock: Int32Array;
  private blocks: number;
  private freeBlock = EMPTY;
  private usedBlocks = 0;
  private count = 0;
  private cursor = 0;
  /** Day, kind and arguments of the entry `take()` removed last. */
  takenDay = 0;
  takenKind = 0;
  takenA = 0;
  takenB = 0;

  /** @param initialCapacity entries to make room for at first (the queue grows as needed) */
  constructor(initialCapacity = 1024) {
    this.blocks = Math.max(4, Math.ceil(initialCapacity / BLOCK));
    this.data = new Int32Array(this.blocks * BLOCK * WORDS);
    this.nextBlock = new Int32Array(this.blocks);
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held: the bucket index and the blocks. */
  get bytes(): number {
    return this.head.byteLength + this.tail.byteLength + this.data.byteLength + this.nextBlock.byteLength;
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
    const bucket = day * PER_DAY + priority;
    let e: number;
    if (this.head[bucket] === EMPTY) {
      e = this.allocate() * BLOCK;
      this.head[bucket] = e;
    } else {
      e = this.tail[bucket]! + 1;
      if (e % BLOCK === 0) {
        const block = this.allocate();
        this.nextBlock[e / BLOCK - 1] = block;
        e = block * BLOCK;
      }
    }
    this.tail[bucket] = e;
    const data = this.data;
    const o = e * WORDS;
    data[o] = kind;
    data[o + 1] = a;
    data[o + 2] = b;
    if (bucket < this.cursor) this.cursor = bucket;
    this.count++;
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
    const e = head[c]!;
    const data = this.data;
    const o = e * WORDS;
    this.takenDay = day;
    this.takenKind = data[o]!;
    this.takenA = data[o + 1]!;
    this.takenB = data[o + 2]!;
    const block = (e / BLOCK) | 0;
    if (e === this.tail[c]) {
      head[c] = EMPTY;
      this.release(block);
    } else if ((e + 1) % BLOCK === 0) {
      head[c] = this.nextBlock[block]! * BLOCK;
      this.release(block);
    } else head[c] = e + 1;
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

  /** A free block's number. */
  private allocate(): number {
    const free = this.freeBlock;
    if (free !== EMPTY) {
      this.freeBlock = this.nextBlock[free]!;
      return free;
    }
    if (this.usedBlocks === this.blocks) this.grow();
    return this.usedBlocks++;
  }

  private release(block: number): void {
    this.nextBlock[block] = this.freeBlock;
    this.freeBlock = block;
  }

  private grow(): void {
    this.blocks *= 2;
    const data = new Int32Array(this.blocks * BLOCK * WORDS);
    data.set(this.data);
    this.data = data;
    const next = new Int32Array(this.blocks);
    next.set(this.nextBlock);
    this.nextBlock = next;
  }
}
