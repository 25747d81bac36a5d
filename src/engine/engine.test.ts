import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInYears, dayFromYmd, isoDate, parseIsoDate, yearOf, ymdFromDay } from './calendar.js';
import { BucketQueue } from './bucket-queue.js';
import { EventQueue, type QueueEntry } from './queue.js';
import { drawPrefix, hashString, Stream, uniform, uniformAfter } from './random.js';
import { EventRecorder } from './recorder.js';
import { MemorySink } from './memory-sink.js';
import { Simulation } from './simulation.js';

describe('calendar', () => {
  it('yearOf() agrees with the date arithmetic on every day of its table and beyond it', () => {
    for (let d = -800; d < 66_000; d++) expect(yearOf(d)).toBe(ymdFromDay(d)[0]);
    expect(yearOf(-1)).toBe(1899);
    expect(yearOf(dayFromYmd(2079, 12, 31))).toBe(2079);
  });

  it('dayFromYmd() counts days from 1900-01-01', () => {
    expect(dayFromYmd(1900, 1, 1)).toBe(0);
    expect(dayFromYmd(1900, 3, 1)).toBe(59); // 1900 was not a leap year
    expect(isoDate(dayFromYmd(2000, 2, 29))).toBe('2000-02-29');
  });

  it('ymdFromDay() inverts dayFromYmd() for every day from 1850 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: -18_000, max: 73_000 }), (d) => {
        const [y, m, day] = ymdFromDay(d);
        return dayFromYmd(y, m, day) === d;
      }),
    );
  });

  it('parseIsoDate() rejects dates that do not exist', () => {
    expect(parseIsoDate('1999-02-29')).toBeUndefined();
    expect(parseIsoDate('1968-13-01')).toBeUndefined();
    expect(parseIsoDate('yesterday')).toBeUndefined();
    expect(parseIsoDate('1968')).toBe(dayFromYmd(1968, 1, 1));
  });

  it('ageInYears() counts birthdays', () => {
    const born = dayFromYmd(1968, 4, 23);
    expect(ageInYears(born, dayFromYmd(1999, 4, 22))).toBe(30);
    expect(ageInYears(born, dayFromYmd(1999, 4, 23))).toBe(31);
  });
});

describe('EventQueue', () => {
  it('pops in (day, priority, sequence) order whatever the order of pushes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 0, max: 15 })), {
          maxLength: 500,
          size: 'max',
        }),
        (entries) => {
          const q = new EventQueue(4);
          entries.forEach(([day, prio], i) => q.push(day, prio, i % 200, i, 1000 - i));
          const out: QueueEntry = { day: 0, priority: 0, seq: 0, kind: 0, a: 0, b: 0 };
          const popped: [number, number, number][] = [];
          while (q.pop(out)) {
            expect(out.a).toBe(out.seq);
            expect(out.b).toBe(1000 - out.seq);
            popped.push([out.day, out.priority, out.seq]);
          }
          const sorted = entries
            .map(([d, p], i) => [d, p, i] as [number, number, number])
            .sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
          expect(popped).toEqual(sorted);
        },
      ),
    );
  });

  it('push() refuses a day the key cannot hold', () => {
    const q = new EventQueue();
    expect(() => q.push(70_000, 0, 0, 0, 0)).toThrow(/day 70000 is outside/);
  });
});

describe('BucketQueue', () => {
  it('pops exactly as EventQueue does, with pushes interleaved with pops (property)', () => {
    const op = fc.oneof(
      fc.record({ push: fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 15 })) }),
      fc.record({ pop: fc.constant(true) }),
    );
    fc.assert(
      // A narrow spread piles many entries into few buckets, so their blocks chain.
      fc.property(fc.array(op, { maxLength: 400, size: 'max' }), fc.constantFrom(1, 3, 41), (ops, spread) => {
        const heap = new EventQueue(4);
        const buckets = new BucketQueue(4);
        const x: QueueEntry = { day: 0, priority: 0, seq: 0, kind: 0, a: 0, b: 0 };
        const y: QueueEntry = { day: 0, priority: 0, seq: 0, kind: 0, a: 0, b: 0 };
        let now = 0;
        let i = 0;
        for (const o of ops) {
          if ('push' in o) {
            // Like the simulation, nothing is scheduled before the day being processed.
            const day = now + (o.push[0] % spread);
            const priority = spread === 1 ? o.push[1] % 2 : o.push[1];
            heap.push(day, priority, i % 7, i, -i);
            buckets.push(day, priority, i % 7, i, -i);
            i++;
          } else {
            expect(buckets.pop(y)).toBe(heap.pop(x));
            now = Math.max(now, x.day);
            // Every push has its own `a`, so equal entries are the same entry: the same order.
            expect({ ...y, seq: 0 }).toEqual({ ...x, seq: 0 });
          }
          expect(buckets.size).toBe(heap.size);
        }
        while (heap.pop(x)) {
          expect(buckets.pop(y)).toBe(true);
          expect({ ...y, seq: 0 }).toEqual({ ...x, seq: 0 });
        }
        expect(buckets.pop(y)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('random streams', () => {
  it('uniform() is a pure function of its four inputs', () => {
    expect(uniform(7, 1, 2, 3)).toBe(uniform(7, 1, 2, 3));
    expect(uniform(7, 1, 2, 3)).not.toBe(uniform(8, 1, 2, 3));
    expect(uniform(7, 1, 2, 3)).not.toBe(uniform(7, 1, 2, 4));
  });

  it('uniformAfter() with a drawPrefix() is uniform() to the bit', () => {
    for (let i = 0; i < 2000; i++) {
      const [seed, purpose, key, index] = [i * 7919, hashString(`p${i % 13}`), i * 104_729 + 3, i % 17];
      expect(uniformAfter(drawPrefix(seed, purpose), key, index)).toBe(uniform(seed, purpose, key, index));
    }
  });

  it('uniform() is roughly uniform', () => {
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) bins[Math.floor(uniform(1, 2, 3, i) * 10)]! += 1;
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });

  it('a Stream never shares draws with a stream of another purpose', () => {
    const a = new Stream(1, hashString('exchange'), 42);
    const b = new Stream(1, hashString('gallery'), 42);
    const xs = Array.from({ length: 100 }, () => a.next());
    const ys = Array.from({ length: 100 }, () => b.next());
    expect(xs.filter((x) => ys.includes(x))).toEqual([]);
  });
});

describe('Simulation', () => {
  it('runs handlers in total order and refuses scheduling into the past', () => {
    const sim = new Simulation();
    const seen: string[] = [];
    const k = sim.register('note', (day, a) => {
      seen.push(`${day}:${a}`);
      if (a === 1) sim.schedule(day, 0, k, 9, 0);
    });
    sim.schedule(5, 1, k, 1, 0);
    sim.schedule(5, 0, k, 2, 0);
    sim.schedule(3, 9, k, 3, 0);
    sim.run(100);
    expect(seen).toEqual(['3:3', '5:2', '5:1', '5:9']);
    expect(() => sim.schedule(50, 0, k, 0, 0)).toThrow(/before today/);
  });
});

describe('EventRecorder', () => {
  it('gives ids in order and a digest that changes with any field', () => {
    const digest = (value: number) => {
      const sink = new MemorySink();
      const rec = new EventRecorder(sink, 4);
      for (let i = 0; i < 10; i++)
        rec.emit(i, 1, i, -1, 0, i === 5 ? value : 0, -1, i === 3 ? '{"x":1}' : null);
      const d = rec.finish();
      expect(sink.events.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      return d;
    };
    expect(digest(0)).toBe(digest(0));
    expect(digest(0)).not.toBe(digest(1));
  });

  it('hashes the canonical bytes: 36 per row, little-endian, then `id:text` lines', () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      day: i * 3 - 7,
      type: i % 11,
      person: i % 5 === 0 ? -1 : i * 1000,
      other: -i,
      place: i % 4,
      value: i % 6 === 0 ? -1 : i / 7,
      cause: i - 2,
      data: i % 4 === 0 ? `{"n":${i},"é":"ü"}` : null,
    }));
    const rec = new EventRecorder(null, 64);
    for (const r of rows) rec.emit(r.day, r.type, r.person, r.other, r.place, r.value, r.cause, r.data);
    // The same digest made the slow, plain way.
    const bytes = new DataView(new ArrayBuffer(rows.length * 36));
    let text = '';
    rows.forEach((r, i) => {
      const o = i * 36;
      [r.day, r.type, r.person, r.other, r.place].forEach((v, k) => bytes.setInt32(o + 4 * k, v, true));
      bytes.setFloat64(o + 20, r.value, true);
      bytes.setInt32(o + 28, r.cause, true);
      bytes.setInt32(o + 32, i + 1, true);
      if (r.data !== null) text += `${i + 1}:${r.data}\n`;
    });
    const outer = createHash('sha256');
    outer.update(createHash('sha256').update(new Uint8Array(bytes.buffer)).digest());
    outer.update(createHash('sha256').update(text).digest());
    outer.update(createHash('sha256').digest());
    expect(rec.finish()).toBe(outer.digest('hex'));
  });

  it('hashes shaped payloads and long or unusual texts as their UTF-8 lines', () => {
    const rec = new EventRecorder(null, 16);
    const quoted = rec.defineShape('{"à":"', '…"}');
    const bare = rec.defineShape('', '');
    const args = [0, -1, 7, 2 ** 31 - 1, -(2 ** 31), 1_000_000];
    // Past the 64 KB the digest's buffer starts with, in characters of three bytes; a lone
    // surrogate, which UTF-8 writes as U+FFFD.
    const texts = ['—'.repeat(40_000), 'a\ud800b', '', '{"k":"ü"}'];
    let text = '';
    for (let i = 0; i < 60; i++) {
      const id = i + 1;
      if (i % 3 === 0) {
        const arg = args[i % args.length]!;
        const shape = i % 2 ? quoted : bare;
        rec.emit(i, 1, i, -1, 0, 0, -1, null, shape, arg);
        text += shape === quoted ? `${id}:{"à":"${arg}…"}\n` : `${id}:${arg}\n`;
      } else if (i % 3 === 1) {
        const t = texts[i % texts.length]!;
        rec.emit(i, 2, i, -1, 0, 0, -1, t);
        text += `${id}:${t}\n`;
      } else rec.emit(i, 3, i, -1, 0, 0, -1, null);
    }
    const lines = createHash('sha256').update(text).digest('hex');
    // The digest is outer(rows, payloads, participants): rebuild it with the plain lines' hash.
    const rows = new DataView(new ArrayBuffer(60 * 36));
    for (let i = 0; i < 60; i++) {
      const o = i * 36;
      [i, i % 3 === 0 ? 1 : i % 3 === 1 ? 2 : 3, i, -1, 0].forEach((v, k) =>
        rows.setInt32(o + 4 * k, v, true),
      );
      rows.setFloat64(o + 20, 0, true);
      rows.setInt32(o + 28, -1, true);
      rows.setInt32(o + 32, i + 1, true);
    }
    const outer = createHash('sha256');
    outer.update(createHash('sha256').update(new Uint8Array(rows.buffer)).digest());
    outer.update(Buffer.from(lines, 'hex'));
    outer.update(createHash('sha256').digest());
    expect(rec.finish()).toBe(outer.digest('hex'));
  });

  it('gives the same digest whatever the batch size', () => {
    const run = (batch: number) => {
      const rec = new EventRecorder(null, batch);
      for (let i = 0; i < 1000; i++) {
        const id = rec.emit(i, i % 7, i, -1, 2, i, i - 1, i % 10 === 0 ? `{"n":${i}}` : null);
        if (i % 3 === 0) rec.participant(id, i + 1, 2);
      }
      return rec.finish();
    };
    expect(run(7)).toBe(run(1000));
  });

  it('writes a shaped payload exactly as the finished text, across batch boundaries', () => {
    const run = (shaped: boolean, batch: number) => {
      const sink = new MemorySink();
      const rec = new EventRecorder(sink, batch);
      const from = rec.defineShape('{"from":', '}');
      for (let i = 0; i < 50; i++) {
        if (i % 3 !== 0) rec.emit(i, 2, i, -1, 0, 0, -1, i % 2 ? '{"y":2}' : null);
        else if (shaped) rec.emit(i, 3, i, -1, 0, 0, -1, null, from, i - 20);
        else rec.emit(i, 3, i, -1, 0, 0, -1, `{"from":${i - 20}}`);
      }
      return { digest: rec.finish(), events: sink.events };
    };
    const plain = run(false, 64);
    for (const batch of [1, 3, 64]) expect(run(true, batch)).toEqual(plain);
    expect(plain.events[3]!.data).toBe('{"from":-17}');
    // A sink that reads shapes gets no texts for shaped rows, and the digest is the same; so is
    // the digest of a run with no sink at all.
    for (const sink of [{ readsShapes: true, rows: [] as (string | null)[] }, null]) {
      const rec = new EventRecorder(
        sink && { readsShapes: true, write: (b) => sink.rows.push(...b.data.slice(0, b.count)) },
        5,
      );
      const from = rec.defineShape('{"from":', '}');
      for (let i = 0; i < 50; i++) {
        if (i % 3 !== 0) rec.emit(i, 2, i, -1, 0, 0, -1, i % 2 ? '{"y":2}' : null);
        else rec.emit(i, 3, i, -1, 0, 0, -1, null, from, i - 20);
      }
      expect(rec.finish()).toBe(plain.digest);
      if (sink) expect(sink.rows[3]).toBeNull();
    }
  });
});
