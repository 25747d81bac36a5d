/**
 * The chronicle as the explorer serves it: a person's memoir or biography (src/chronicle),
 * written on first request and kept in memory, read through a Source tuned for a world that
 * is served for hours. Two of the chronicle's reads would otherwise cost a national world
 * seconds: every arrival at a residence (about 100,000 rows at a busy one, to find the few
 * who came the same day) and, in worlds written before the log had an index on `cause`, the
 * consequences of an event. The first is kept, in compact columns, once read; the second
 * walks the person's and the day's indexes instead of the whole log.
 */
import { memoir, biography, Source, type Chronicle } from '../chronicle/index.js';
import type { EventRow, PersonRow, WorldDb } from '../store/reader.js';

/** A place's events of given types larger than this are kept once read (see PlaceEventCache). */
const KEEP_FROM_ROWS = 2_000;
/** At most this many rows are kept over all places (about 40 bytes each). */
const KEEP_ROWS = 2_500_000;
/** Chronicles kept in memory, the least recently read dropped first. */
const KEEP_CHRONICLES = 300;

/** One place's events of some types, as columns. */
interface PlaceRows {
  id: Int32Array;
  day: Int32Array;
  type: Int32Array;
  person: Int32Array;
  other: Int32Array;
  cause: Int32Array;
  value: Float64Array;
  /** NaN in `value`, -1 in the id columns, stand for null. */
  data: (string | null)[];
  place: number;
}

const NULL_ID = -1;

function toColumns(place: number, rows: unknown[][]): PlaceRows {
  const n = rows.length;
  const out: PlaceRows = {
    id: new Int32Array(n),
    day: new Int32Array(n),
    type: new Int32Array(n),
    person: new Int32Array(n),
    other: new Int32Array(n),
    cause: new Int32Array(n),
    value: new Float64Array(n),
    data: new Array<string | null>(n),
    place,
  };
  // Payloads repeat (a residence's arrivals say which school they came from): one copy of each.
  const interned = new Map<string, string>();
  const idOf = (v: unknown) => (v === null ? NULL_ID : (v as number));
  rows.forEach((r, i) => {
    out.id[i] = r[0] as number;
    out.day[i] = r[1] as number;
    out.type[i] = r[2] as number;
    out.person[i] = idOf(r[3]);
    out.other[i] = idOf(r[4]);
    out.value[i] = r[5] === null ? NaN : (r[5] as number);
    out.cause[i] = idOf(r[6]);
    const d = r[7] as string | null;
    if (d === null) out.data[i] = null;
    else {
      let same = interned.get(d);
      if (same === undefined) interned.set(d, (same = d));
      out.data[i] = same;
    }
  });
  return out;
}

function toRows(c: PlaceRows): EventRow[] {
  const out = new Array<EventRow>(c.id.length);
  const ref = (v: number) => (v === NULL_ID ? null : v);
  for (let i = 0; i < out.length; i++) {
    const value = c.value[i]!;
    out[i] = {
      id: c.id[i]!,
      day: c.day[i]!,
      type: c.type[i]!,
      person: ref(c.person[i]!),
      other: ref(c.other[i]!),
      place: c.place,
      value: Number.isNaN(value) ? null : value,
      cause: ref(c.cause[i]!),
      data: c.data[i]!,
    };
  }
  return out;
}

/** The large answers of `eventsAt`, kept across chronicles up to a number of rows. */
class PlaceEventCache {
  private readonly kept = new Map<string, PlaceRows>();
  private rows = 0;

  constructor(private readonly world: WorldDb) {}

  eventsAt(place: number, codes: readonly number[]): EventRow[] {
    const key = `${place}:${[...codes].sort((a, b) => a - b).join(',')}`;
    const hit = this.kept.get(key);
    if (hit) {
      this.kept.delete(key);
      this.kept.set(key, hit);
      return toRows(hit);
    }
    const raw = this.world.db
      .prepare(
        `SELECT id, day, type, person, other, value, cause, data FROM events WHERE place = ? AND type IN (${codes.join(',')}) ORDER BY id`,
      )
      .raw(true)
      .all(place) as unknown[][];
    const cols = toColumns(place, raw);
    if (raw.length >= KEEP_FROM_ROWS && raw.length <= KEEP_ROWS) {
      this.kept.set(key, cols);
      this.rows += raw.length;
      for (const [k, v] of this.kept) {
        if (this.rows <= KEEP_ROWS) break;
        this.kept.delete(k);
        this.rows -= v.id.length;
      }
    }
    return toRows(cols);
  }
}

/**
 * A Source for one chronicle that shares the server's cache of large places and knows whether
 * the log can be searched by cause.
 */
class ServedSource extends Source {
  constructor(
    world: WorldDb,
    private readonly placeEvents: PlaceEventCache,
    private readonly hasCauseIndex: boolean,
  ) {
    super(world);
  }

  override eventsAt(place: number, types: readonly string[]): EventRow[] {
    const codes = types.map((t) => this.code(t)).filter((c) => c >= 0);
    if (codes.length === 0) return [];
    return this.placeEvents.eventsAt(place, codes);
  }

  override causedBy(event: number): EventRow[] {
    if (this.hasCauseIndex) return super.causedBy(event);
    // Without the index a search by cause reads the whole log: look where consequences are
    // recorded instead, with the cause's own person from its day on, and anything that day.
    const e = this.event(event);
    if (!e) return [];
    const seen = new Map<number, EventRow>();
    const add = (rows: EventRow[]) => rows.forEach((r) => seen.set(r.id, r));
    if (e.person !== null)
      add(
        this.world.all<EventRow>(
          'SELECT * FROM events WHERE person = ? AND day >= ? AND cause = ?',
          e.person,
          e.day,
          event,
        ),
      );
    if (e.other !== null)
      add(
        this.world.all<EventRow>(
          'SELECT * FROM events WHERE person = ? AND day >= ? AND cause = ?',
          e.other,
          e.day,
          event,
        ),
      );
    // Every type named, so the (type, day) index answers rather than a walk of the log.
    const codes = this.world.all<{ code: number }>('SELECT code FROM event_types').map((t) => t.code);
    add(
      this.world.all<EventRow>(
        `SELECT * FROM events WHERE type IN (${codes.join(',')}) AND day = ? AND cause = ?`,
        e.day,
        event,
      ),
    );
    return [...seen.values()].sort((a, b) => a.id - b.id);
  }
}

export type ChronicleKind = 'memoir' | 'biography';

/**
 * The kinds of chronicle a person can have: a memoir for a clone who lived to be a carer (or
 * went on to donate), told from the day of their notice; a biography for anyone.
 */
export function chronicleKinds(p: PersonRow): ChronicleKind[] {
  const grownUp = p.carer_on !== null || p.donor_on !== null || p.completed_on !== null;
  return p.kind === 'clone' && grownUp ? ['memoir', 'biography'] : ['biography'];
}

/** Writes people's chronicles on request and keeps the most recently read. */
export class ChronicleService {
  private readonly kept = new Map<string, { chronicle: Chronicle; ms: number }>();
  private readonly placeEvents: PlaceEventCache;
  private readonly hasCauseIndex: boolean;

  constructor(private readonly world: WorldDb) {
    this.placeEvents = new PlaceEventCache(world);
    this.hasCauseIndex = world
      .all<{ name: string }>("SELECT name FROM pragma_index_list('events')")
      .some(
        (i) =>
          world.get<{ name: string }>('SELECT name FROM pragma_index_info(?) WHERE seqno = 0', i.name)
            ?.name === 'cause',
      );
  }

  /**
   * A person's chronicle of a kind, and how long writing it took (0 when it was kept).
   * The caller checks that the person exists and may have this kind (chronicleKinds).
   * @example service.get(1038, 'memoir').chronicle.title
   */
  get(person: number, kind: ChronicleKind): { chronicle: Chronicle; ms: number; kept: boolean } {
    const key = `${kind}:${person}`;
    const hit = this.kept.get(key);
    if (hit) {
      this.kept.delete(key);
      this.kept.set(key, hit);
      return { ...hit, kept: true };
    }
    const started = performance.now();
    const src = new ServedSource(this.world, this.placeEvents, this.hasCauseIndex);
    const chronicle = kind === 'memoir' ? memoir(src, person) : biography(src, person);
    const entry = { chronicle, ms: performance.now() - started };
    this.kept.set(key, entry);
    if (this.kept.size > KEEP_CHRONICLES) this.kept.delete(this.kept.keys().next().value!);
    return { ...entry, kept: false };
  }
}
