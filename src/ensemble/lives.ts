/**
 * What the people store forgets: the day each clone entered caring and donation. The store
 * keeps only the day of a person's current phase, so a run that wants ages at each step (the
 * ensemble's rows, the comparison's statistics) listens to the log through this small sink,
 * which reads the batch columns and keeps two integers a person. No object per event.
 */
import type { EventBatch, EventSink } from '../engine/recorder.js';
import { NONE } from '../engine/recorder.js';
import { EVENT_CODES } from '../world/event-types.js';

/** Days each person entered caring and donation (NONE if never), indexed by person id. */
export class LifeSink implements EventSink {
  /** No payload is read. */
  readonly readsShapes = true;
  carerDay: Int32Array = new Int32Array(1024).fill(NONE);
  donorDay: Int32Array = new Int32Array(1024).fill(NONE);

  write(b: EventBatch): void {
    for (let i = 0; i < b.count; i++) {
      const type = b.type[i]!;
      if (type !== EVENT_CODES.left_for_training && type !== EVENT_CODES.became_donor) continue;
      const person = b.person[i]!;
      if (person < 0) continue;
      if (person >= this.carerDay.length) this.grow(person + 1);
      if (type === EVENT_CODES.left_for_training) this.carerDay[person] = b.day[i]!;
      else this.donorDay[person] = b.day[i]!;
    }
  }

  private grow(atLeast: number): void {
    const size = Math.max(atLeast, this.carerDay.length * 2);
    for (const k of ['carerDay', 'donorDay'] as const) {
      const grown = new Int32Array(size).fill(NONE);
      grown.set(this[k]);
      this[k] = grown;
    }
  }

  /** The day `person` entered caring, or NONE. */
  carer(person: number): number {
    return person < this.carerDay.length ? this.carerDay[person]! : NONE;
  }

  /** The day `person` became a donor, or NONE. */
  donor(person: number): number {
    return person < this.donorDay.length ? this.donorDay[person]! : NONE;
  }
}

/** Passes every batch to each of several sinks, in order. */
export class TeeSink implements EventSink {
  private readonly sinks: EventSink[];
  readonly readsShapes: boolean;
  constructor(...sinks: (EventSink | null)[]) {
    this.sinks = sinks.filter((s): s is EventSink => s !== null);
    this.readsShapes = this.sinks.every((s) => s.readsShapes === true);
  }
  write(b: EventBatch): void {
    for (const s of this.sinks) s.write(b);
  }
}
