/**
 * A world's whole event log kept in memory as columns (typed arrays that grow), with each
 * person's events indexed, so a comparison can walk two lives side by side. Payloads are kept
 * for descriptions; participants of many-sided events belong to each participant's life.
 */
import type { EventBatch, EventSink } from '../engine/recorder.js';
import { NONE } from '../engine/recorder.js';

function grownInt(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/** How a life takes part in one of its events. */
export const ROLE_SUBJECT = 0;
export const ROLE_OTHER = 1;
/** Participant roles are stored as 2 + the event's role code. */
export const ROLE_PARTICIPANT = 2;

export class ColumnarLog implements EventSink {
  count = 0;
  day = new Int32Array(4096);
  type = new Int32Array(4096);
  person = new Int32Array(4096);
  other = new Int32Array(4096);
  place = new Int32Array(4096);
  value = new Float64Array(4096);
  readonly data: (string | null)[] = [];
  /** Participants: event index, person, role, in triples. */
  parts = new Int32Array(3 * 1024);
  partCount = 0;

  write(b: EventBatch): void {
    const need = this.count + b.count;
    if (need > this.day.length) {
      this.day = grownInt(this.day, need);
      this.type = grownInt(this.type, need);
      this.person = grownInt(this.person, need);
      this.other = grownInt(this.other, need);
      this.place = grownInt(this.place, need);
      const v = new Float64Array(this.day.length);
      v.set(this.value);
      this.value = v;
    }
    const base = this.count;
    this.day.set(b.day.subarray(0, b.count), base);
    this.type.set(b.type.subarray(0, b.count), base);
    this.person.set(b.person.subarray(0, b.count), base);
    this.other.set(b.other.subarray(0, b.count), base);
    this.place.set(b.place.subarray(0, b.count), base);
    this.value.set(b.value.subarray(0, b.count), base);
    for (let i = 0; i < b.count; i++) this.data.push(b.data[i] ?? null);
    this.count = need;
    if ((this.partCount + b.participantCount) * 3 > this.parts.length) {
      this.parts = grownInt(this.parts, (this.partCount + b.participantCount) * 3);
    }
    for (let j = 0; j < b.participantCount; j++) {
      const o = 3 * (this.partCount + j);
      // Event ids count from 1, and this log holds every event from the first.
      this.parts[o] = b.participants[3 * j]! - 1;
      this.parts[o + 1] = b.participants[3 * j + 1]!;
      this.parts[o + 2] = b.participants[3 * j + 2]!;
    }
    this.partCount += b.participantCount;
  }
}

/**
 * Each person's events in log order, as (event index, role) pairs: events they are the subject
 * of, events naming them as the other party, and events they take part in.
 */
export class LifeIndex {
  /** offsets[p] .. offsets[p + 1] delimit person p's entries. */
  readonly offsets: Int32Array;
  readonly events: Int32Array;
  readonly roles: Int32Array;

  constructor(log: ColumnarLog, people: number) {
    const counts = new Int32Array(people + 1);
    const bump = (p: number) => {
      if (p !== NONE && p < people) counts[p]! += 1;
    };
    for (let i = 0; i < log.count; i++) {
      bump(log.person[i]!);
      if (log.other[i] !== log.person[i]) bump(log.other[i]!);
    }
    for (let j = 0; j < log.partCount; j++) bump(log.parts[3 * j + 1]!);
    this.offsets = new Int32Array(people + 1);
    for (let p = 0; p < people; p++) this.offsets[p + 1] = this.offsets[p]! + counts[p]!;
    const total = this.offsets[people]!;
    this.events = new Int32Array(total);
    this.roles = new Int32Array(total);
    const fill = this.offsets.slice(0, people);
    // Participants are merged in event order with the subject/other entries.
    const partsByEvent = new Map<number, number[]>();
    for (let j = 0; j < log.partCount; j++) {
      const e = log.parts[3 * j]!;
      let list = partsByEvent.get(e);
      if (!list) partsByEvent.set(e, (list = []));
      list.push(j);
    }
    const put = (p: number, e: number, role: number) => {
      if (p === NONE || p >= people) return;
      const at = fill[p]!;
      this.events[at] = e;
      this.roles[at] = role;
      fill[p] = at + 1;
    };
    for (let i = 0; i < log.count; i++) {
      put(log.person[i]!, i, ROLE_SUBJECT);
      if (log.other[i] !== log.person[i]) put(log.other[i]!, i, ROLE_OTHER);
      const parts = partsByEvent.get(i);
      if (parts)
        for (const j of parts) put(log.parts[3 * j + 1]!, i, ROLE_PARTICIPANT + log.parts[3 * j + 2]!);
    }
  }

  /** Number of entries in person p's life. */
  size(p: number): number {
    return this.offsets[p + 1]! - this.offsets[p]!;
  }
}
