/**
 * The events written straight as pages (src/store/pages.ts) against the same rows inserted
 * through SQL: SQLite's own integrity check passes (it checks every B-tree's order and depth,
 * every cell's bounds, overflow chains, and that each index holds exactly the table's rows),
 * every row reads back with the same values and storage classes, every index answers its
 * queries alike, and SQLite can go on adding tables and rows to the file.
 */
import Database from 'better-sqlite3';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventBatch } from '../engine/recorder.js';
import type { LoggedEvent } from '../engine/memory-sink.js';
import { NONE } from '../engine/recorder.js';
import { EventPages, indexSpec, intType, NotCopyable, putVarint, readTrees, varintLen } from './pages.js';
import { peopleFit, peopleIndexTrees, peopleTableTrees } from './people-pages.js';
import { sideTrees } from './table-pages.js';
import { events } from './tables/index.js';
import {
  indexPeopleScratch,
  PhaseDays,
  WorldFile,
  writePeopleScratch,
  writeSidesScratch,
  type PeopleColumns,
  type SideRows,
} from './writer-worker.js';

const dir = mkdtempSync(join(tmpdir(), 'hailsham-pages-'));
afterAll(() => (process.env.KEEP ? console.log(dir) : rmSync(dir, { recursive: true, force: true })));

/** A small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An event's fields as the recorder has them (ids are given by position). */
type Row = Omit<LoggedEvent, 'id'>;

/** Rows with every kind of value a column can hold: nulls, sizes of integers, reals, long and non-ASCII texts. */
function makeRows(n: number, seed: number, ordered = true): Row[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const rows: Row[] = [];
  let day = 19_000;
  const texts = [
    null,
    null,
    '{"a":1}',
    'Kathy H. — “carer”',
    'x'.repeat(4040),
    'y'.repeat(4061),
    'z'.repeat(4100),
    'é'.repeat(3000),
    'long '.repeat(2200),
    '',
  ];
  for (let i = 0; i < n; i++) {
    if (ordered) day += r() < 0.01 ? 1 : 0;
    else day = 18_000 + Math.floor(r() * 3000);
    rows.push({
      day,
      type: Math.floor(r() * 60),
      person: r() < 0.1 ? NONE : pick([0, 1, 2, 127, 128, 40_000, 8_388_608, Math.floor(r() * 900_000)]),
      other: r() < 0.5 ? NONE : Math.floor(r() * 5000),
      place: r() < 0.05 ? NONE : Math.floor(r() * 140),
      value: pick([NONE, 0, 1, 2, -5, 3.25, -0.5, 2 ** 31, 2 ** 40, -(2 ** 35), 54_336, 1e-9]),
      cause: r() < 0.3 ? NONE : i === 0 ? 1 : 1 + Math.floor(r() * i),
      data: r() < 0.02 ? pick(texts) : r() < 0.3 ? `{"k":${i}}` : null,
    });
  }
  return rows;
}

/** Payload shapes of one number, as the recorder defines them (index 0 unused). */
const SHAPES: [string, string][] = [
  ['', ''],
  ['{"k":', '}'],
  ['{"é":[', ',"x"]}'],
];

/**
 * The rows as the recorder hands them over, in batches of `size`. With `shaped`, texts of a
 * shape's form travel as the shape and its number, with no text, as the writer's thread has them.
 */
function batches(rows: Row[], size: number, firstId = 1, shaped = false): EventBatch[] {
  const out: EventBatch[] = [];
  for (let s = 0; s < rows.length; s += size) {
    const part = rows.slice(s, s + size);
    const col = (k: Exclude<keyof Row, 'data' | 'value'>) => Int32Array.from(part.map((x) => x[k]));
    if (shaped) {
      const shape = new Uint8Array(part.length);
      const shapeArg = new Int32Array(part.length);
      const data = part.map((x, i) => {
        for (let k = 1; k < SHAPES.length; k++) {
          const [a, b] = SHAPES[k]!;
          const d = x.data;
          if (d === null || !d.startsWith(a) || !d.endsWith(b)) continue;
          const middle = d.slice(a.length, d.length - b.length);
          if (String(Number(middle)) !== middle) continue;
          shape[i] = k;
          shapeArg[i] = Number(middle);
          return null;
        }
        return x.data;
      });
      out.push({
        ...batches(part, size, firstId + s)[0]!,
        data,
        shape,
        shapeArg,
        shapes: SHAPES,
      });
      continue;
    }
    out.push({
      firstId: firstId + s,
      count: part.length,
      day: col('day'),
      type: col('type'),
      person: col('person'),
      other: col('other'),
      place: col('place'),
      value: Float64Array.from(part.map((x) => x.value)),
      cause: col('cause'),
      data: part.map((x) => x.data),
      participants: new Int32Array(0),
      participantCount: 0,
    });
  }
  return out;
}

const nul = (v: number) => (v === NONE ? null : v);

/** The same rows inserted through SQL into a fresh file, with the same indexes. */
function throughSql(path: string, rows: Row[], firstId = 1): Database.Database {
  const db = new Database(path);
  db.exec(events.create);
  const ins = events.insert(db);
  db.transaction(() => {
    rows.forEach((x, i) =>
      ins.run(
        firstId + i,
        x.day,
        x.type,
        nul(x.person),
        nul(x.other),
        nul(x.place),
        nul(x.value),
        nul(x.cause),
        x.data,
      ),
    );
  })();
  for (const s of events.indexes) db.exec(s);
  return db;
}

/** What the last file written by `direct` laid down while its events arrived (`EventPages.laidEarly`). */
let lastLaidEarly: Record<string, number> = {};

function direct(
  path: string,
  rows: Row[],
  size = 997,
  firstId = 1,
  shaped = false,
  quietRows?: number,
): Database.Database {
  const pages = new EventPages(
    path,
    events.create,
    events.indexes,
    {
      userVersion: 2,
      applicationId: 0x484c534d,
    },
    { quietRows },
  );
  for (const b of batches(rows, size, firstId, shaped)) pages.add(b);
  lastLaidEarly = pages.laidEarly();
  pages.finish();
  pages.seal();
  return new Database(path);
}

const everything = (db: Database.Database) =>
  db
    .prepare(
      'SELECT id, day, type, person, other, place, value, typeof(value) AS vt, cause, data, typeof(data) AS dt FROM events ORDER BY id',
    )
    .all();

/** Each index walked in its own order, through the index itself. */
function indexWalks(db: Database.Database): Record<string, unknown[]> {
  return {
    person: db.prepare('SELECT id FROM events INDEXED BY events_person ORDER BY person, day').pluck().all(),
    other: db
      .prepare('SELECT id FROM events INDEXED BY events_other WHERE other IS NOT NULL ORDER BY other')
      .pluck()
      .all(),
    typeDay: db
      .prepare('SELECT id FROM events INDEXED BY events_type_day WHERE type = 7 ORDER BY day')
      .pluck()
      .all(),
    typeDayAll: db
      .prepare('SELECT id FROM events INDEXED BY events_type_day ORDER BY type, day')
      .pluck()
      .all(),
    placeDayAll: db
      .prepare('SELECT id FROM events INDEXED BY events_place_day ORDER BY place, day')
      .pluck()
      .all(),
    placeDay: db
      .prepare(
        'SELECT id FROM events INDEXED BY events_place_day WHERE place BETWEEN 3 AND 9 ORDER BY place, day',
      )
      .pluck()
      .all(),
    cause: db
      .prepare('SELECT id FROM events INDEXED BY events_cause WHERE cause > 100 ORDER BY cause')
      .pluck()
      .all(),
    nullPlaces: db
      .prepare('SELECT id FROM events INDEXED BY events_place_day WHERE place IS NULL')
      .pluck()
      .all(),
  };
}

function compare(name: string, rows: Row[], size = 997, firstId = 1, shaped = false, quietRows?: number) {
  const a = direct(join(dir, `${name}-direct.db`), rows, size, firstId, shaped, quietRows);
  const b = throughSql(join(dir, `${name}-sql.db`), rows, firstId);
  try {
    expect(a.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(a.pragma('user_version', { simple: true })).toBe(2);
    expect(a.pragma('application_id', { simple: true })).toBe(0x484c534d);
    expect(everything(a)).toEqual(everything(b));
    expect(indexWalks(a)).toEqual(indexWalks(b));
  } finally {
    a.close();
    b.close();
  }
}

describe('events written as pages', () => {
  it('encodes integers and varints as SQLite does', () => {
    expect(
      [
        0,
        1,
        2,
        -1,
        127,
        -128,
        128,
        32767,
        -32769,
        8388607,
        2 ** 31 - 1,
        2 ** 31,
        2 ** 47,
        -(2 ** 47) - 1,
      ].map(intType),
    ).toEqual([8, 9, 1, 1, 1, 1, 2, 2, 3, 3, 4, 5, 6, 6]);
    const lengths = [];
    for (const v of [
      0,
      127,
      128,
      16383,
      16384,
      2 ** 21 - 1,
      2 ** 21,
      8_041_864,
      2 ** 28 - 1,
      2 ** 28,
      2 ** 35,
      2 ** 49,
      2 ** 52 + 1,
    ]) {
      const b = new Uint8Array(10);
      const end = putVarint(b, 0, v);
      expect(end).toBe(varintLen(v));
      lengths.push(end);
      let x = 0;
      for (let i = 0; i < end; i++) {
        // Every byte but the last says another follows.
        expect(b[i]! >= 0x80).toBe(i < end - 1);
        x = x * 128 + (b[i]! & 0x7f);
      }
      expect(x).toBe(v);
    }
    expect(lengths).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 4, 5, 6, 8, 8]);
  });

  it('writes 60,000 rows of every kind that SQLite reads and checks as its own', () => {
    compare('many', makeRows(60_000, 1));
  });

  it('writes payloads given as a shape and a number as the same texts', () => {
    // Numbers of every length and sign, in both shapes, among texts of their own.
    const rows = makeRows(20_000, 5).map((x, i) => ({
      ...x,
      data:
        i % 3 === 0
          ? `{"k":${[0, -7, 42, 2 ** 31 - 1, -(2 ** 31), 1_000_000][i % 6]}}`
          : i % 3 === 1
            ? `{"é":[${i * (i % 2 ? -1 : 1)},"x"]}`
            : x.data,
    }));
    const shapedBatches = batches(rows, 997, 1, true);
    expect(shapedBatches.reduce((n, b) => n + b.shape!.filter((k) => k > 0).length, 0)).toBeGreaterThan(
      13_000,
    );
    compare('shaped', rows, 997, 1, true);
  });

  it('lays down the buckets of keys gone quiet while events arrive, and sorts whole when a key comes back', () => {
    // People enter the log in turn, each for a while, then leave it; effects follow their
    // causes within a while: the low buckets of people and of causes go quiet as the log goes on.
    const r = rng(21);
    const rows: Row[] = [];
    for (let i = 0; i < 120_000; i++) {
      const newest = Math.floor(i / 20);
      rows.push({
        day: 20_000 + Math.floor(i / 40),
        type: i % 50,
        person: r() < 0.1 ? NONE : Math.max(0, newest - Math.floor(r() * 300)),
        other: r() < 0.6 ? NONE : Math.max(0, newest - Math.floor(r() * 500)),
        place: i % 130,
        value: NONE,
        cause: i === 0 || r() < 0.3 ? NONE : Math.max(1, i - Math.floor(r() * 2000)),
        data: null,
      });
    }
    compare('quiet', rows, 997, 1, false, 3000);
    // Most entries of each index were laid down before the end, nulls of people first at the end.
    expect(lastLaidEarly.events_person).toBeGreaterThan(60_000);
    expect(lastLaidEarly.events_other).toBeGreaterThan(25_000);
    expect(lastLaidEarly.events_cause).toBeGreaterThan(60_000);
    // Keys that come back after their buckets were laid down: those indexes are sorted whole
    // at the end instead, their early leaves freed.
    const late = rows.map((x, i) => (i === 100_000 ? { ...x, person: 5, cause: 7 } : x));
    compare('quiet-late', late, 997, 1, false, 3000);
    expect(lastLaidEarly.events_person).toBe(-1);
    expect(lastLaidEarly.events_cause).toBe(-1);
    expect(lastLaidEarly.events_other).toBeGreaterThan(25_000);
    // A quiet span as long as the log: nothing laid early, the same file as before.
    compare('quiet-never', rows, 997, 1, false, 1e9);
    expect(Object.values(lastLaidEarly)).toEqual([0, 0, 0]);
  });

  it('sorts days that arrive out of order, and ids that do not start at 1', () => {
    compare('unordered', makeRows(20_000, 2, false), 333, 1000);
  });

  it('lays down the indexes of few keys as events arrive, whatever each key holds', () => {
    // Keys holding 1 to 6 entries, and about one, two and three leaves' worth, give every shape
    // of what is left over at the end (no entry, one, two, a part of a leaf) between written leaves.
    const counts = [
      ...[1, 2, 3, 4, 5, 6],
      ...Array.from({ length: 40 }, (_, i) => 300 + i),
      ...Array.from({ length: 40 }, (_, i) => 615 + i),
      ...Array.from({ length: 40 }, (_, i) => 930 + i),
    ];
    const keys = counts.flatMap((c, k) => Array.from({ length: c }, () => k));
    const r = rng(11);
    for (let i = keys.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [keys[i], keys[j]] = [keys[j]!, keys[i]!];
    }
    const rows: Row[] = keys.map((k, i) => ({
      day: 20_000 + Math.floor(i / 50),
      type: k,
      person: i % 1000,
      other: NONE,
      // The places' keys in the opposite order, with nulls among them.
      place: k % 17 === 0 ? NONE : 200 - k,
      value: NONE,
      cause: NONE,
      data: null,
    }));
    compare('streamed', rows, 4096);
    // Runs of loose entries just over one leaf long, between keys with leaves of their own.
    // Every entry is 11 bytes (a one-byte key, a two-byte day, a three-byte id), so a leaf holds
    // 314: a key of 400 leaves one leaf written and 86 entries over, then a key of 225 to 235 and
    // one of 1 to 3 (no leaf of their own) make runs of 312 to 324 to lay between the leaves.
    const shaped: number[] = [];
    for (let big = 225; big <= 235; big++)
      for (let small = 1; small <= 3; small++) shaped.push(400, big, small);
    const keys2 = shaped.flatMap((c, k) => Array.from({ length: c }, () => 2 + k));
    compare(
      'runs',
      keys2.map((k, i) => ({ ...rows[0]!, day: 20_000, type: k, place: k, person: i })),
      4096,
      100_000,
    );
    // One key alone, and keys no stream or bucket takes (the index is then sorted at the end).
    compare(
      'one-key',
      rows.map((x) => ({ ...x, type: 3, place: 9 })),
      4096,
    );
    compare(
      'wide-key',
      rows.map((x, i) => ({
        ...x,
        type: i === 20_000 ? 70_000 : x.type,
        place: i === 5 ? -2 : x.place,
        // A person past what buckets take: that index is sorted whole at the end.
        person: i === 30_000 ? 2 ** 28 : x.person,
        other: i % 3 === 0 ? NONE : i % 997,
      })),
      4096,
    );
  });

  it('writes a table of no rows, of one, and of one page', () => {
    compare('none', []);
    compare('one', makeRows(1, 3));
    compare('few', makeRows(20, 4));
  });

  it('leaves a file SQLite extends with tables and rows of its own', () => {
    const path = join(dir, 'extended.db');
    direct(path, makeRows(5000, 5)).close();
    const db = new Database(path);
    db.exec('CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT)');
    db.exec('CREATE INDEX t_b ON t(b)');
    const ins = db.prepare('INSERT INTO t VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) ins.run(i, `row ${i}`);
    })();
    db.prepare('INSERT INTO events (id, day, type) VALUES (?, ?, ?)').run(5001, 20_000, 3);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(5001);
    db.close();
  });

  it('refuses an index it cannot build, naming it', () => {
    expect(() => indexSpec('CREATE INDEX e_data ON events(data)')).toThrow(/e_data.*'data'/);
    expect(() => indexSpec('CREATE UNIQUE INDEX e ON events(day)')).toThrow(/cannot build/);
    expect(indexSpec('CREATE INDEX events_other ON events(other) WHERE other IS NOT NULL')).toMatchObject({
      columns: ['other'],
      partial: true,
    });
  });
});

describe("another file's trees copied page by page", () => {
  /** A file written through SQL: a people-like table with a NOCASE index, a UNIQUE column, long rows. */
  function scratch(path: string, tables = 1): Database.Database {
    const db = new Database(path);
    db.pragma('journal_mode = OFF');
    db.exec('BEGIN');
    db.exec('CREATE TABLE folk (id INTEGER PRIMARY KEY, name TEXT NOT NULL, km REAL, note TEXT)');
    db.exec('CREATE TABLE words (w TEXT NOT NULL UNIQUE, n INTEGER)');
    for (let t = 0; t < tables; t++) db.exec(`CREATE TABLE extra_${t} (a INTEGER, b TEXT)`);
    const r = rng(11);
    const names = ['Kathy', 'kathy', 'Ruth', 'Tommy', 'Émile'];
    const ins = db.prepare('INSERT INTO folk VALUES (?, ?, ?, ?)');
    for (let i = 0; i < 20_000; i++)
      ins.run(i * 2, `${names[i % 5]} ${i % 97}`, r() * 100, r() < 0.01 ? 'z'.repeat(5000 + i) : null);
    const w = db.prepare('INSERT INTO words VALUES (?, ?)');
    for (let i = 0; i < 3000; i++) w.run(`word-${i}`, i);
    db.exec('CREATE INDEX folk_name ON folk(name COLLATE NOCASE)');
    db.exec('CREATE INDEX folk_km ON folk(km)');
    db.exec('COMMIT');
    return db;
  }

  function copyInto(name: string, tables: number) {
    const src = join(dir, `${name}-scratch.db`);
    scratch(src, tables).close();
    const path = join(dir, `${name}-copied.db`);
    const pages = new EventPages(path, events.create, events.indexes, { userVersion: 2, applicationId: 1 });
    for (const b of batches(makeRows(4000, 12), 700)) pages.add(b);
    pages.finish();
    pages.placeFile(readTrees(src));
    pages.seal();
    const a = new Database(path);
    const b = new Database(src, { readonly: true });
    try {
      expect(a.pragma('integrity_check', { simple: true })).toBe('ok');
      const q = [
        'SELECT * FROM folk ORDER BY id',
        'SELECT id FROM folk INDEXED BY folk_name ORDER BY name COLLATE NOCASE',
        'SELECT id FROM folk INDEXED BY folk_km WHERE km > 50 ORDER BY km',
        "SELECT n FROM words WHERE w = 'word-1234'",
      ];
      for (const sql of q) expect(a.prepare(sql).all()).toEqual(b.prepare(sql).all());
      expect(a.prepare('SELECT count(*) FROM events').pluck().get()).toBe(4000);
      // SQLite goes on adding to the file, and the UNIQUE constraint still holds.
      expect(() => a.prepare("INSERT INTO words VALUES ('word-7', 1)").run()).toThrow(/UNIQUE/);
      a.exec('CREATE TABLE later (x INTEGER)');
      expect(a.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      a.close();
      b.close();
    }
  }

  it('reads back the same rows and index walks, with overflow chains and an index of its own', () => {
    copyInto('one', 1);
  });

  it('names more trees than page 1 holds, on a schema tree of its own', () => {
    copyInto('many', 80);
  });

  it('refuses a file whose index entries would overflow, so it is copied through SQL', () => {
    const path = join(dir, 'long-keys.db');
    const db = new Database(path);
    db.exec('CREATE TABLE t (a TEXT)');
    db.prepare('INSERT INTO t VALUES (?)').run('q'.repeat(3000));
    db.exec('CREATE INDEX t_a ON t(a)');
    db.close();
    expect(() => readTrees(path)).toThrow(NotCopyable);
  });
});

describe('people made as pages', () => {
  /** People of every kind: names that tie under NOCASE, long and non-ASCII names, keys past 2^31, unset days. */
  function randomPeople(n: number, seed: number): { cols: PeopleColumns; phases: PhaseDays } {
    const r = rng(seed);
    const pool = [
      'Kathy H.',
      'KATHY H.',
      'kathy h.',
      'Ruth',
      'Tommy D.',
      'Émile',
      'Zoë',
      'Miss Emily',
      'a',
      'A',
      'Ab',
      'aB',
    ];
    const names = [
      ...pool,
      'Laura '.repeat(50),
      ...Array.from({ length: 200 }, (_, k) => `Name ${k % 37} ${String.fromCharCode(65 + (k % 26))}.`),
    ];
    const ints = (f: (i: number) => number) => Int32Array.from({ length: n }, (_, i) => f(i));
    const phases = new PhaseDays();
    phases.grow(n);
    for (let i = 0; i < n; i++) {
      if (r() < 0.6) phases.residentOn[i] = 20_000 + Math.floor(r() * 9000);
      if (r() < 0.5) phases.carerOn[i] = 21_000 + Math.floor(r() * 9000);
      if (r() < 0.4) phases.donorOn[i] = 22_000 + Math.floor(r() * 9000);
      if (r() < 0.3) phases.firstDonationOn[i] = 22_500;
      if (r() < 0.3) phases.completedOn[i] = 23_000 + i;
    }
    return {
      cols: {
        count: n,
        nameId: ints(() => Math.floor(r() * names.length)),
        names,
        kind: ints(() => (r() < 0.95 ? 0 : 1 + Math.floor(r() * 3))),
        sex: ints(() => (r() < 0.5 ? 0 : 1)),
        born: ints(() => 18_000 + Math.floor(r() * 20_000)),
        school: ints(() => (r() < 0.05 ? NONE : Math.floor(r() * 300))),
        cohort: ints(() => 1950 + Math.floor(r() * 60)),
        phase: ints(() => Math.floor(r() * 7)),
        donations: ints(() => Math.floor(r() * 5)),
        centre: ints(() => (r() < 0.1 ? NONE : Math.floor(r() * 400))),
        carer: ints(() => (r() < 0.3 ? NONE : Math.floor(r() * n))),
        key: Uint32Array.from({ length: n }, () => Math.floor(r() * 2 ** 32)),
      },
      phases,
    };
  }

  const payloads = (db: Database.Database) =>
    db
      .prepare(
        "SELECT name, sum(payload) AS bytes FROM dbstat WHERE name LIKE 'people%' GROUP BY name ORDER BY name",
      )
      .all();

  // Whole, as a run in one thread makes them; split, as the writer's thread makes the key
  // index while the simulation's makes the rest (src/store/writer.ts).
  for (const split of [false, true])
    it(`holds what SQL stores for the same people, row by row, entry by entry, byte for byte (${split ? 'indexes made apart' : 'made whole'})`, () => {
      const { cols, phases } = randomPeople(30_000, 21);
      const viaSql = join(dir, 'people-sql.db');
      rmSync(viaSql, { force: true });
      writePeopleScratch(viaSql, cols, phases);
      indexPeopleScratch(viaSql);
      const viaPages = join(dir, 'people-pages.db');
      const pages = new EventPages(viaPages, events.create, events.indexes, {
        userVersion: 2,
        applicationId: 1,
      });
      pages.finish();
      if (split) {
        pages.placeFile(peopleIndexTrees(cols, ['key', 'school']));
        pages.placeFile(peopleTableTrees(cols, phases, ['name']));
      } else pages.placeFile(peopleTableTrees(cols, phases));
      pages.seal();
      const a = new Database(viaPages, { readonly: true });
      const b = new Database(viaSql, { readonly: true });
      try {
        expect(a.pragma('integrity_check', { simple: true })).toBe('ok');
        const rows = (db: Database.Database) =>
          db
            .prepare('SELECT *, typeof(cohort), typeof(centre), typeof(carer) FROM people ORDER BY id')
            .raw()
            .all();
        expect(rows(a)).toEqual(rows(b));
        const walks = (db: Database.Database) => [
          db
            .prepare('SELECT id FROM people INDEXED BY people_name ORDER BY name COLLATE NOCASE, id')
            .pluck()
            .all(),
          db
            .prepare('SELECT id FROM people INDEXED BY people_school_cohort ORDER BY school, cohort, id')
            .pluck()
            .all(),
          db.prepare('SELECT id FROM people INDEXED BY people_key ORDER BY key, id').pluck().all(),
          db.prepare("SELECT id FROM people WHERE name = 'kathy h.' COLLATE NOCASE").pluck().all(),
        ];
        expect(walks(a)).toEqual(walks(b));
        // The same records: every row's and every entry's payload the same size as SQLite's.
        expect(payloads(a)).toEqual(payloads(b));
      } finally {
        a.close();
        b.close();
      }
    });

  it('writes the same bytes around the page cache as through it', () => {
    // Whether this file system takes O_DIRECT at all (tmpfs before Linux 6.6 does not).
    const probe = join(dir, 'probe');
    let possible = constants.O_DIRECT !== undefined && process.env.HAILSHAM_DIRECT_IO !== '0';
    if (possible)
      try {
        closeSync(openSync(probe, constants.O_WRONLY | constants.O_CREAT | constants.O_DIRECT));
      } catch {
        possible = false;
      }
    const { cols, phases } = randomPeople(20_000, 23);
    const rows = makeRows(30_000, 9);
    const write = (path: string, directIo: boolean) => {
      const pages = new EventPages(
        path,
        events.create,
        events.indexes,
        { userVersion: 2, applicationId: 1 },
        { directIo },
      );
      for (const b of batches(rows, 997, 1, false)) pages.add(b);
      pages.finish();
      // Trees made apart go out through the chunk's aligned memory too.
      pages.placeFile(peopleTableTrees(cols, phases));
      const direct = pages.writesDirect;
      pages.seal();
      return direct;
    };
    const around = join(dir, 'around-cache.db');
    const through = join(dir, 'through-cache.db');
    expect(write(around, true)).toBe(possible);
    expect(write(through, false)).toBe(false);
    expect(readFileSync(around).equals(readFileSync(through))).toBe(true);
    const db = new Database(around, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(30_000);
      expect(db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(20_000);
    } finally {
      db.close();
    }
  });

  it('leaves a name too long for an index entry to SQL', () => {
    const { cols, phases } = randomPeople(10, 22);
    cols.names[0] = 'Kathy '.repeat(300);
    cols.nameId[3] = 0;
    expect(peopleFit(cols)).toBe(false);
    expect(() => peopleTableTrees(cols, phases)).toThrow(NotCopyable);
  });
});

describe('side tables made as pages', () => {
  /** Rows of several side tables, with every kind of value their columns take. */
  function sideRowsOf(n: number, seed: number): SideRows[] {
    const r = rng(seed);
    const real = () => (r() < 0.3 ? Math.floor(r() * 50) : Math.round(r() * 5000) / 10);
    const carers = Array.from({ length: n }, (_, i) => [
      3 * i + 7,
      r() < 0.1 ? null : Math.floor(r() * 140),
      real(),
      Math.floor(r() * 300),
      // Integers of every width, both signs: serial types 1 to 6, 8 and 9.
      Math.floor((r() - 0.5) * 2 ** (1 + Math.floor(r() * 52))),
      Math.floor(r() * 10),
      r() < 0.05 ? 2 ** 33 : Math.floor(r() * 4000),
      r() < 0.5 ? 1 : Math.round(r() * 1000) / 1000,
      r() < 0.5 ? 1 : 0,
    ]);
    const ledger = Array.from({ length: Math.floor(n / 3) }, (_, i) => [
      Math.floor(r() * 500),
      20_000 + Math.floor(r() * 3000),
      i * 11,
      Math.floor(r() * 7) - 3,
      Math.floor(r() * 40),
      r() < 0.5 ? 'sale' : 'Exchange — “tokens”',
    ]);
    const works = Array.from({ length: Math.floor(n / 5) }, (_, i) => [
      i + 1,
      Math.floor(r() * 900),
      20_000 + i,
      3,
      'watercolour',
      'Zoë’s style',
      r(),
      0.5,
      2,
      Math.floor(r() * 360),
      12.25,
      'x'.repeat(Math.floor(r() * 90)),
      'gallery',
      r() < 0.4 ? null : Math.floor(r() * 900),
      i * 3,
      20_100 + i,
      r() < 0.5 ? null : i * 5,
      r() < 0.5 ? 1 : 0,
      Math.floor(r() * 10),
    ]);
    // Carers come as columns of numbers, as the caring module hands them over.
    const carerColumns = carers[0]!.map((_, c) =>
      Float64Array.from(carers, (row) => (row[c] === null ? NaN : (row[c] as number))),
    );
    return [
      { name: 'carers', columns: { count: carers.length, columns: carerColumns } },
      { name: 'ledger', rows: ledger },
      { name: 'works', rows: works },
      // A proposition's key is a constraint SQLite keeps: left to SQL.
      { name: 'propositions', rows: [['p', 'v1', 'Hailsham', 'a text', 1, 0.5]] },
      // A number given as text, which SQL would store as a number: left to SQL.
      { name: 'clique_members', rows: [[1, '12', 3, null]] },
    ];
  }

  it('holds what SQL stores for the same rows, and leaves to SQL what it does not store', () => {
    const sides = sideRowsOf(20_000, 31);
    const { trees, rest } = sideTrees(sides);
    expect(rest.map((t) => t.name)).toEqual(['propositions', 'clique_members']);
    const viaSql = join(dir, 'sides-sql.db');
    writeSidesScratch(viaSql, sides);
    const viaPages = join(dir, 'sides-pages.db');
    const pages = new EventPages(viaPages, events.create, events.indexes, {
      userVersion: 2,
      applicationId: 1,
    });
    pages.finish();
    pages.placeFile(trees!);
    pages.seal();
    const a = new Database(viaPages);
    const b = new Database(viaSql, { readonly: true });
    try {
      expect(a.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const t of ['carers', 'ledger', 'works']) {
        const cols = a
          .prepare(`SELECT * FROM ${t} LIMIT 0`)
          .columns()
          .map((c) => c.name);
        const sql = `SELECT rowid, ${cols.map((c) => `${c}, typeof(${c})`).join(', ')} FROM ${t} ORDER BY rowid`;
        expect(a.prepare(sql).raw().all()).toEqual(b.prepare(sql).raw().all());
      }
      const walks = (db: Database.Database) => [
        db.prepare('SELECT person FROM carers INDEXED BY carers_base ORDER BY base, person').pluck().all(),
        db
          .prepare('SELECT rowid FROM ledger INDEXED BY ledger_person ORDER BY person, day, rowid')
          .pluck()
          .all(),
        db.prepare('SELECT id FROM works INDEXED BY works_owner ORDER BY owner, id').pluck().all(),
        db.prepare('SELECT id FROM works INDEXED BY works_maker WHERE maker BETWEEN 10 AND 90').pluck().all(),
      ];
      expect(walks(a)).toEqual(walks(b));
      const payloads = (db: Database.Database) =>
        db
          .prepare(
            "SELECT name, sum(payload) FROM dbstat WHERE name NOT LIKE 'events%' AND name NOT LIKE 'sqlite%' AND name NOT IN ('propositions', 'clique_members') GROUP BY name ORDER BY name",
          )
          .raw()
          .all();
      // The same records, value for value and byte for byte (integral reals stored as integers).
      expect(payloads(a)).toEqual(payloads(b));
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('side tables left to SQL', () => {
  const staff = (...rows: unknown[][]): SideRows => ({ name: 'staff', rows });
  const ledger = (...rows: unknown[][]): SideRows => ({ name: 'ledger', rows });
  const good = [1, 2, 'headmistress', 0.5, 0, 18_262, null];
  const made = (t: SideRows) => sideTrees([t]).rest.length === 0;

  it('makes a table whose every value it stores', () => {
    expect(made(staff(good, [2, 2, 'guardian', 1, 1, 18_300, 19_000]))).toBe(true);
    expect(made(ledger([3, 20_000, 5, -1, 4, 'sale'], [1, 20_000, 6, 1, 1, 'Exchange']))).toBe(true);
  });

  // Each row differs from `good` by one value (or its length, or its place among the rows).
  const wrong: [string, SideRows][] = [
    ['a number under TEXT', staff([1, 2, 7, 0.5, 0, 18_262, null])],
    ['undefined', staff([1, 2, undefined, 0.5, 0, 18_262, null])],
    ['a text under REAL', staff([1, 2, 'guardian', '0.5', 0, 18_262, null])],
    ['NaN (which is not NULL)', staff([1, 2, 'guardian', 0.5, 0, 18_262, NaN])],
    ['-0', staff([1, 2, 'guardian', -0, 0, 18_262, null])],
    ['Infinity', staff([1, 2, 'guardian', 0.5, 0, 18_262, Infinity])],
    ['an integer past 2^53', staff([1, 2 ** 53, 'guardian', 0.5, 0, 18_262, null])],
    ['NULL under NOT NULL', staff([1, null, 'guardian', 0.5, 0, 18_262, null])],
    ['a short row', staff([1, 2, 'guardian', 0.5, 0, 18_262])],
    ['a NULL rowid', staff([null, 2, 'guardian', 0.5, 0, 18_262, null])],
    ['a fractional rowid', staff([1.5, 2, 'guardian', 0.5, 0, 18_262, null])],
    ['rowids out of order', staff([2, 2, 'guardian', 0.5, 0, 18_262, null], good)],
    ['a fractional index key', ledger([3.5, 20_000, 5, -1, 4, 'sale'])],
    ['a row too long for its page', staff([1, 2, 'x'.repeat(5000), 0.5, 0, 18_262, null])],
  ];
  it.each(wrong)('leaves to SQL a table with %s', (_, t) => {
    expect(made(t)).toBe(false);
  });
});

describe('a world finished from scratch files', () => {
  const people = (names: string[]): PeopleColumns => {
    const n = names.length;
    const ints = (v: number) => new Int32Array(n).fill(v);
    const distinct = [...new Set(names)];
    return {
      count: n,
      nameId: Int32Array.from(names, (x) => distinct.indexOf(x)),
      names: distinct,
      kind: ints(0),
      sex: ints(1),
      born: ints(25_000),
      school: ints(3),
      cohort: ints(1968),
      phase: ints(4),
      donations: ints(2),
      centre: ints(7),
      carer: ints(NONE),
      key: Uint32Array.from(names, (_, i) => 1000 + i),
    };
  };

  function finishWorld(
    name: string,
    names: string[],
    sides: SideRows[],
    peopleAsPages: boolean,
  ): Database.Database {
    const path = join(dir, `${name}.db`);
    const file = new WorldFile(path);
    for (const b of batches(makeRows(2000, 13), 600)) file.writeEvents(b);
    file.buildIndexes(() => false);
    const peoplePath = join(dir, `${name}-people.scratch`);
    const sidesPath = join(dir, `${name}-sides.scratch`);
    writePeopleScratch(peoplePath, people(names), new PhaseDays());
    indexPeopleScratch(peoplePath);
    writeSidesScratch(sidesPath, sides);
    if (peopleAsPages) expect(readTrees(peoplePath).rows.map((r) => r[1])).toContain('people_name');
    else expect(() => readTrees(peoplePath)).toThrow(NotCopyable);
    expect(readTrees(sidesPath).rows.map((r) => r[1])).toEqual(
      sides.length ? ['ledger', 'ledger_person'] : [],
    );
    const stages: string[] = [];
    file.finishFromScratch(
      { places: [], scratch: [peoplePath, sidesPath], meta: [['status', 'complete']] },
      (s) => stages.push(s),
      () => false,
    );
    expect(stages).toEqual(['people', 'sync']);
    return new Database(path, { readonly: true });
  }

  const ledger: SideRows = { name: 'ledger', rows: [[0, 20_000, 5, 3, 3, 'sale']] };

  it('copies both files as pages', () => {
    const db = finishWorld('pages', ['Kathy H.', 'Ruth', 'Tommy D.'], [ledger], true);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare("SELECT id FROM people WHERE name = 'ruth' COLLATE NOCASE").pluck().all()).toEqual([1]);
    expect(db.prepare('SELECT reason FROM ledger').pluck().all()).toEqual(['sale']);
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(2000);
    db.close();
  });

  it('copies people through SQL when a name is too long for an index page, and a file with no tables as nothing', () => {
    const long = 'Kathy '.repeat(300);
    const db = finishWorld('sql', ['Ruth', long], [], false);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT name FROM people ORDER BY id').pluck().all()).toEqual(['Ruth', long]);
    expect(
      db.prepare("SELECT name FROM sqlite_schema WHERE tbl_name = 'people' ORDER BY name").pluck().all(),
    ).toEqual(['people', 'people_key', 'people_name', 'people_school_cohort']);
    db.close();
  });
});
