/**
 * The discrete-event loop. Rules register a handler per wake-up kind; the loop pops the queue
 * in its total order and calls the handler with the entry's two integer arguments. Handlers
 * decide, record events and schedule further wake-ups; the loop knows nothing of what they mean.
 */
import { BucketQueue } from './bucket-queue.js';

/** A rule's entry point for one kind of wake-up. */
/** Wake-ups a slice of the loop runs before returning to report progress. */
const SLICE = 4096;

export type Handler = (day: number, a: number, b: number) => void;

export interface LoopProgress {
  /** Day now reached. */
  day: number;
  /** Wake-ups processed so far. */
  processed: number;
}

export class Simulation {
  readonly queue: BucketQueue;
  private readonly handlers: Handler[] = [];
  private readonly names: string[] = [];
  /** Day of the wake-up being processed. */
  now = 0;
  /** Wake-ups processed. */
  processed = 0;

  constructor(initialQueueCapacity = 1024) {
    this.queue = new BucketQueue(initialQueueCapacity);
  }

  /**
   * Registers a handler and returns the kind number to schedule it with.
   * @example const BIRTH = sim.register('birth', (day, school, index) => { … })
   */
  register(name: string, handler: Handler): number {
    if (this.handlers.length >= 255)
      throw new RangeError(`Simulation.register: too many kinds (adding '${name}')`);
    this.handlers.push(handler);
    this.names.push(name);
    return this.handlers.length - 1;
  }

  /** Name a kind was registered under. */
  kindName(kind: number): string {
    return this.names[kind] ?? `kind ${kind}`;
  }

  /** Schedules a wake-up; a day before `now` is a rule error. */
  schedule(day: number, priority: number, kind: number, a: number, b: number): void {
    if (day < this.now) {
      throw new RangeError(
        `Simulation.schedule: '${this.kindName(kind)}' on day ${day} is before today (${this.now})`,
      );
    }
    this.queue.push(day, priority, kind, a, b);
  }

  /**
   * Runs wake-ups up to and including `untilDay`, calling `onProgress` about every
   * `progressEvery` wake-ups. Returns the number processed in this call.
   */
  run(untilDay: number, onProgress?: (p: LoopProgress) => void, progressEvery = 200_000): number {
    let processed = 0;
    let nextReport = progressEvery;
    // The loop runs in slices, each an ordinary call: V8 optimises (and after a deoptimisation
    // re-optimises) a hot function, where one endless loop would be left to on-stack
    // replacement, which may not come back once a rule's first call deoptimises it.
    for (;;) {
      const n = this.slice(untilDay, SLICE);
      processed += n;
      if (onProgress && processed >= nextReport) {
        nextReport += progressEvery;
        onProgress({ day: this.now, processed: this.processed + processed });
      }
      if (n < SLICE) break;
    }
    this.processed += processed;
    this.now = Math.max(this.now, untilDay);
    return processed;
  }

  /** Runs up to `max` wake-ups on or before `untilDay`; returns how many ran. */
  private slice(untilDay: number, max: number): number {
    const q = this.queue;
    const handlers = this.handlers;
    let n = 0;
    while (n < max && q.take(untilDay)) {
      const day = q.takenDay;
      this.now = day;
      const handler = handlers[q.takenKind];
      if (!handler) throw new Error(`Simulation.run: no handler for kind ${q.takenKind}`);
      handler(day, q.takenA, q.takenB);
      n++;
    }
    return n;
  }
}
