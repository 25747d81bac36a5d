import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogHash } from './log-hash.js';
import type { LoggedEvent } from './memory-sink.js';
import type { EventBatch } from './recorder.js';

/** One event as a test makes it: its numbers and its payload, given as a text or a shape. */
type Ev = Omit<LoggedEvent, 'id'> & { shape: number; arg: number };

/** The digest as the canonical form defines it (log-hash.ts), built the plainest way. */
function reference(events: Ev[], shapes: [string, string][], participants: number[]): string {
  const rows = Buffer.alloc(events.length * 36);
  let payloads = '';
  events.forEach((e, i) => {
    const o = i * 36;
    rows.writeInt32LE(e.day, o);
    rows.writeInt32LE(e.type, o + 4);
    rows.writeInt32LE(e.person, o + 8);
    rows.writeInt32LE(e.other, o + 12);
    rows.writeInt32LE(e.place, o + 16);
    rows.writeDoubleLE(e.value, o + 20);
    rows.writeInt32LE(e.cause, o + 28);
    rows.writeInt32LE(i + 1, o + 32);
    const text = e.shape !== 0 ? shapes[e.shape]![0] + String(e.arg) + shapes[e.shape]![1] : e.data;
    if (text !== null) payloads += `${i + 1}:${text}\n`;
  });
  const outer = createHash('sha256');
  outer.update(createHash('sha256').update(rows).digest());
  outer.update(createHash('sha256').update(payloads, 'utf8').digest());
  outer.update(
    createHash('sha256')
      .update(new Uint8Array(new Int32Array(participants).buffer))
      .digest(),
  );
  return outer.digest('hex');
}

/** The events `from, to` as a batch, shaped rows' `data` left null as the writer's thread has it. */
function batch(
  events: Ev[],
  from: number,
  to: number,
  shapes: [string, string][],
  participants: number[],
): EventBatch {
  const slice = events.slice(from, to);
  const col = (f: (e: Ev) => number) => Int32Array.from(slice, f);
  const mine = [];
  for (let t = 0; t < participants.length; t += 3)
    if (participants[t]! > from && participants[t]! <= to) mine.push(...participants.slice(t, t + 3));
  return {
    firstId: from + 1,
    count: slice.length,
    day: col((e) => e.day),
    type: col((e) => e.type),
    person: col((e) => e.person),
    other: col((e) => e.other),
    place: col((e) => e.place),
    value: Float64Array.from(slice, (e) => e.value),
    cause: col((e) => e.cause),
    data: slice.map((e) => (e.shape !== 0 ? null : e.data)),
    participants: Int32Array.from(mine),
    participantCount: mine.length / 3,
    shape: Uint8Array.from(slice, (e) => e.shape),
    shapeArg: col((e) => e.arg),
    shapes,
  };
}

const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
// Texts of every kind: ASCII, accents, astral characters, lone surrogates, newlines.
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

describe("the log's digest", () => {
  it('is the canonical form whatever the payloads hold and wherever batches break (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, text), { minLength: 0, maxLength: 4 }),
        fc.array(
          fc.record({
            day: int32,
            type: fc.integer({ min: 0, max: 60 }),
            person: int32,
            other: int32,
            place: int32,
            value: fc.double(),
            cause: int32,
            data: fc.option(text),
            shape: fc.nat(4),
            arg: int32,
          }),
          { maxLength: 60 },
        ),
        fc.array(fc.nat(), { maxLength: 5 }),
        (shapeList, raw, cuts) => {
          const shapes: [string, string][] = [['', ''], ...shapeList];
          const events = raw.map((e) => ({ ...e, shape: e.shape % shapes.length }));
          const participants = events.flatMap((_, i) => (i % 7 === 3 ? [i + 1, i * 13, i % 5] : []));
          const hash = new LogHash();
          const at = [...new Set([0, ...cuts.map((c) => c % (events.length + 1)), events.length])].sort(
            (a, b) => a - b,
          );
          for (let j = 1; j < at.length; j++)
            hash.add(batch(events, at[j - 1]!, at[j]!, shapes, participants));
          expect(hash.digest()).toBe(reference(events, shapes, participants));
        },
      ),
      { seed: 20261203, numRuns: 300 },
    );
  });

  it('grows its buffer for a batch of long payloads', () => {
    const long = 'ä'.repeat(50_000);
    const events: Ev[] = Array.from({ length: 5 }, (_, i) => ({
      day: i,
      type: 1,
      person: i,
      other: -1,
      place: -1,
      value: 0,
      cause: -1,
      data: long + i,
      shape: 0,
      arg: 0,
    }));
    const hash = new LogHash();
    hash.add(batch(events, 0, 5, [['', '']], []));
    expect(hash.digest()).toBe(reference(events, [['', '']], []));
  });
});
