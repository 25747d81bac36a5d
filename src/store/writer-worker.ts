/**
 * The file side of writing a world: the run's partial file, which takes the event batches as
 * they stream from the recorder (written as SQLite pages directly, src/store/pages.ts), and at
 * the end gets the events' indexes, people and side tables (copied page by page from the
 * caller's scratch file, or written here through SQL), places and the summary. src/store/writer.ts
 * drives it, normally in a worker thread of its own (this file is then the worker's entry), so
 * the simulation and the writing run on two cores at once;
 * where no compiled worker exists (the TypeScript sources under a test runner) it runs in the
 * caller's thread, the same code either way.
 *
 * The worker talks back over a MessagePort and a counter in shared memory, so the caller can
 * block on it with `Atomics.wait` and `receiveMessageOnPort` and stay synchronous.
 */
import Database from 'better-sqlite3';
import { readlinkSync, rmSync } from 'node:fs';
import { setPriority } from 'node:os';
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { EventBatch, EventColumns } from '../engine/recorder.js';
import type { NumericColumns } from '../world/module.js';
import { NONE } from '../engine/recorder.js';
import { LogHash } from '../engine/log-hash.js';
import { EVENT_TYPES, EVENT_TYPE_NAMES, EVENT_CODES } from '../world/event-types.js';
import { PERSON_KINDS, phaseName } from '../world/phases.js';
import { EventPages, NotCopyable, readTrees, type CopiedTrees } from './pages.js';
import {
  peopleFit,
  peopleIndexTrees,
  peopleTableTrees,
  type PeopleIndexColumn,
  type PeopleKeys,
} from './people-pages.js';
import { sideTrees } from './table-pages.js';
import { trace } from './trace.js';
import { APPLICATION_ID, DB_FORMAT, EVENTS_VIEW } from './schema.js';
import {
  CORE_TABLES,
  eventPeople,
  events,
  eventTypes,
  meta as metaTable,
  people as peopleTable,
  places as placesTable,
  sideTable,
  type PlaceTuple,
} from './tables/index.js';

const PEOPLE_PER_INSERT = 50;
/** Parameters per multi-row insert of a side table. */
const MAX_PARAMS = 900;

/** Slots of the shared control array. */
export const CTRL = {
  /** Event batches posted and not yet written. */
  inFlight: 0,
  /** Replies posted to the caller's port (a counter to wait on). */
  replies: 1,
  /** Set by the caller to make the worker stop at the next step. */
  abort: 2,
  /** Set by the worker as its thread exits, so a caller never waits on a thread that is gone. */
  exited: 3,
} as const;

/** Days each person entered a phase, folded from the log as it streams past (NONE: never). */
export class PhaseDays {
  residentOn = new Int32Array(1024).fill(NONE);
  carerOn = new Int32Array(1024).fill(NONE);
  donorOn = new Int32Array(1024).fill(NONE);
  firstDonationOn = new Int32Array(1024).fill(NONE);
  completedOn = new Int32Array(1024).fill(NONE);

  /** Folds a batch of events in. */
  fold(batch: EventBatch): void {
    for (let i = 0; i < batch.count; i++) {
      const type = batch.type[i]!;
      let target: Int32Array | null = null;
      if (type === EVENT_CODES.became_resident) target = this.residentOn;
      else if (type === EVENT_CODES.left_for_training) target = this.carerOn;
      else if (type === EVENT_CODES.became_donor) target = this.donorOn;
      else if (type === EVENT_CODES.donated && batch.value[i] === 1) target = this.firstDonationOn;
      else if (type === EVENT_CODES.completed) target = this.completedOn;
      if (!target) continue;
      const person = batch.person[i]!;
      if (person >= target.length) {
        this.grow(person + 1);
        i--;
        continue;
      }
      target[person] = batch.day[i]!;
    }
  }

  /** The arrays, to send to another thread (this object must not be used after). */
  arrays(): PhaseArrays {
    const { residentOn, carerOn, donorOn, firstDonationOn, completedOn } = this;
    return { residentOn, carerOn, donorOn, firstDonationOn, completedOn };
  }

  /** Days received from another thread. */
  static from(a: PhaseArrays): PhaseDays {
    const p = new PhaseDays();
    Object.assign(p, a);
    return p;
  }

  /** Makes room for at least `atLeast` people. */
  grow(atLeast: number): void {
    if (atLeast <= this.residentOn.length) return;
    const size = Math.max(atLeast, this.residentOn.length * 2);
    const grow = (a: Int32Array) => {
      const g = new Int32Array(size).fill(NONE);
      g.set(a);
      return g;
    };
    this.residentOn = grow(this.residentOn);
    this.carerOn = grow(this.carerOn);
    this.donorOn = grow(this.donorOn);
    this.firstDonationOn = grow(this.firstDonationOn);
    this.completedOn = grow(this.completedOn);
  }
}

/** The people of a finished world, a column each, as the store wants them. */
export interface PeopleColumns {
  count: number;
  /** Each person's name, as a number in `names`. */
  nameId: Int32Array;
  /** The distinct names. */
  names: string[];
  kind: Int32Array;
  sex: Int32Array;
  born: Int32Array;
  school: Int32Array;
  cohort: Int32Array;
  phase: Int32Array;
  donations: Int32Array;
  centre: Int32Array;
  carer: Int32Array;
  key: Uint32Array;
}

/** A side table as a module handed it over: rows, or columns of numbers (NaN for NULL). */
export type SideRows = { name: string; rows: unknown[][] } | { name: string; columns: NumericColumns };

/** A side table's rows, made from its columns if it came as columns. */
function rowsOf(t: SideRows): unknown[][] {
  if ('rows' in t) return t.rows;
  const { count, columns } = t.columns;
  const rows = new Array<unknown[]>(count);
  for (let r = 0; r < count; r++) rows[r] = columns.map((col) => (Number.isNaN(col[r]) ? null : col[r]));
  return rows;
}

/** Everything the file needs once the simulation is over, written in the file's own thread. */
export interface FinishData {
  places: PlaceTuple[];
  people: PeopleColumns;
  phases: PhaseDays;
  sideTables: SideRows[];
  meta: [string, string][];
}

/**
 * The end of a run written from two threads: people and side tables were written (and indexed)
 * by the caller into a scratch database file, `scratch`, which the file copies whole.
 */
export interface FinishFromScratch {
  places: PlaceTuple[];
  /** The scratch files, in order: people (indexed by the file's thread), then side tables. */
  scratch: string[];
  meta: [string, string][];
}

/**
 * A batch of events as it crosses to the worker: its numbers either transferred with it or left
 * in one of the shared slots (`EventSlots`) the recorder filled, and of the `data` texts only
 * those present, with their positions (most events have none, and an array of nulls costs as
 * much to copy across as one of texts).
 */
export interface EventsMessage {
  kind: 'events';
  firstId: number;
  count: number;
  /** The batch's columns, or the number of the shared slot that holds them. */
  columns: EventColumns | number;
  dataAt: Int32Array;
  dataText: string[];
  participants: Int32Array;
  participantCount: number;
}

/** Columns in shared memory, a set for each batch that may be on its way at once. */
export type EventSlots = EventColumns[];

/** Makes `count` sets of columns of `size` rows in shared memory. */
export function makeSlots(count: number, size: number): EventSlots {
  const ints = () => new Int32Array(new SharedArrayBuffer(4 * size));
  return Array.from({ length: count }, () => ({
    day: ints(),
    type: ints(),
    person: ints(),
    other: ints(),
    place: ints(),
    value: new Float64Array(new SharedArrayBuffer(8 * size)),
    cause: ints(),
    shape: new Uint8Array(new SharedArrayBuffer(size)),
    shapeArg: ints(),
  }));
}

/** The texts of the batch being written, by row (null where none or where a shape makes it). */
const dataScratch: (string | null)[] = [];
/** The rows of `dataScratch` that hold a text. */
let dataSet: Int32Array = new Int32Array(0);

/**
 * The batch a message carries: its texts back in place, and its shaped rows as shape and number
 * (`EventBatch.shapes`), which the pages write as bytes without making their texts.
 */
function batchOf(
  m: EventsMessage,
  slots: EventSlots,
  shapes: readonly (readonly [string, string])[],
): EventBatch {
  const columns = typeof m.columns === 'number' ? slots[m.columns] : m.columns;
  if (!columns) throw new Error(`writer thread: no slot ${typeof m.columns === 'number' ? m.columns : '?'}`);
  // One array of texts for every batch, cleared where the last batch had texts.
  const data = dataScratch;
  for (let k = 0; k < dataSet.length; k++) data[dataSet[k]!] = null;
  while (data.length < m.count) data.push(null);
  dataSet = m.dataAt;
  const { shape } = columns;
  for (let i = 0; i < m.count; i++) {
    const k = shape[i]!;
    if (k !== 0 && !shapes[k]) throw new Error(`writer thread: no payload shape ${k}`);
  }
  for (let k = 0; k < m.dataAt.length; k++) data[m.dataAt[k]!] = m.dataText[k]!;
  return {
    firstId: m.firstId,
    count: m.count,
    ...columns,
    data,
    participants: m.participants,
    participantCount: m.participantCount,
    shapes,
  };
}

/** The days each person entered a phase, as they cross back from the worker. */
export interface PhaseArrays {
  residentOn: Int32Array;
  carerOn: Int32Array;
  donorOn: Int32Array;
  firstDonationOn: Int32Array;
  completedOn: Int32Array;
}

/** Messages to the worker. */
export type ToWorker =
  | EventsMessage
  | { kind: 'slots'; slots: EventSlots }
  | { kind: 'shapes'; shapes: [string, string][] }
  | { kind: 'phases' }
  | { kind: 'digest' }
  | { kind: 'indexes' }
  | { kind: 'trees'; trees: CopiedTrees }
  | { kind: 'index-people'; path: string }
  | { kind: 'side-columns'; tables: SideRows[] }
  | { kind: 'people-indexes'; keys: PeopleKeys; indexed: PeopleIndexColumn[] }
  | { kind: 'finish'; data: FinishFromScratch }
  | { kind: 'close' };

/** An error as it crosses threads: what `ioError` and the CLI need of it. */
export interface ErrorInfo {
  name: string;
  message: string;
  code?: string;
  stack?: string;
}

/** Messages from the worker. */
export type FromWorker =
  | { kind: 'ready'; tid: number | null }
  | { kind: 'phases'; phases: PhaseArrays }
  | { kind: 'digest'; digest: string }
  | { kind: 'stage'; stage: string }
  | { kind: 'done' }
  | { kind: 'closed' }
  | { kind: 'error'; error: ErrorInfo };

/** Raised by the file when the caller asked it to stop. */
export class Aborted extends Error {
  override name = 'Aborted';
}

const PEOPLE_INDEXES = peopleTable.indexes;

/** One world database being written. */
export class WorldFile {
  /** The events, written as pages until the simulation is over. */
  private pages: EventPages | null;
  /** SQLite's connection to the file, open once the events and their indexes are in it. */
  private conn: Database.Database | null = null;
  private participants = new Int32Array(3 * 1024);
  private participantCount = 0;
  private open = true;
  /** Days each person entered a phase, folded from the events as they are written. */
  readonly phases = new PhaseDays();
  /** Tables (and indexes) placed as pages made elsewhere, by name. */
  private readonly copied = new Set<string>();
  /** Side tables handed here that pages do not store: written through SQL at the end. */
  private readonly sidesLeft: SideRows[] = [];

  /** Creates the file; throws if it cannot be made. */
  constructor(private readonly partialPath: string) {
    this.pages = new EventPages(partialPath, events.create, events.indexes, {
      userVersion: DB_FORMAT,
      applicationId: APPLICATION_ID,
    });
  }

  /** The id for the scheduler of the thread that writes the pages, if one does. */
  get writerTid(): number | null {
    return this.pages?.writerTid ?? null;
  }

  private get db(): Database.Database {
    if (!this.conn) throw new Error('WorldWriter: the events are not finished yet');
    return this.conn;
  }

  /** Writes a batch of events and keeps its participants for the end. */
  writeEvents(batch: EventBatch): void {
    if (!this.pages) throw new Error('WorldWriter: events after the end of the events');
    this.pages.add(batch);
    this.phases.fold(batch);
    const m = batch.participantCount * 3;
    if (m === 0) return;
    const at = this.participantCount * 3;
    if (at + m > this.participants.length) {
      const grown = new Int32Array(Math.max(at + m, this.participants.length * 2));
      grown.set(this.participants.subarray(0, at));
      this.participants = grown;
    }
    this.participants.set(batch.participants.subarray(0, m), at);
    this.participantCount += batch.participantCount;
  }

  /**
   * Ends the events: their table and indexes are completed as pages (src/store/pages.ts).
   * `stop` is asked between indexes.
   */
  buildIndexes(stop: () => boolean): void {
    if (!this.pages) throw new Error('WorldWriter: the events were already finished');
    this.pages.finish(() => {
      if (stop()) throw new Aborted('the run was abandoned');
    });
    trace('event-indexes-built');
  }

  /** Places trees made as pages elsewhere (src/store/people-pages.ts), once the events' indexes are built. */
  placeTrees(trees: CopiedTrees): void {
    if (!this.pages) throw new Error('WorldWriter: the file was already closed');
    this.pages.placeFile(trees);
    for (const r of trees.rows) this.copied.add(r[1]);
    trace('trees-placed');
  }

  /**
   * Makes side tables as pages and places them (once the events' indexes are built); those pages
   * do not store are kept for SQL at the end (`finishFromScratch`).
   */
  placeSideTables(tables: SideRows[]): void {
    const sides = sideTrees(tables);
    if (sides.trees) this.placeTrees(sides.trees);
    this.sidesLeft.push(...sides.rest);
  }

  /**
   * Writes the schema page, closing the pages, then has SQLite open the file and add the other
   * core tables (but those in `copied`), the event types, the participants of many-sided events
   * with their indexes, and the readable view, in a transaction it leaves open.
   */
  private openSql(copied: ReadonlySet<string>): Database.Database {
    const pages = this.pages;
    if (!pages) throw new Error('WorldWriter: the file was already closed');
    this.pages = null;
    pages.seal();
    const db = new Database(this.partialPath);
    this.conn = db;
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('cache_size = -65536');
    db.exec('BEGIN');
    for (const t of CORE_TABLES) if (t !== events && !copied.has(t.name)) db.exec(t.create);
    const insertType = eventTypes.insert(db);
    for (const name of EVENT_TYPE_NAMES)
      insertType.run(EVENT_TYPES[name].code, name, EVENT_TYPES[name].description);
    const insertParticipant = eventPeople.insert(db);
    const p = this.participants;
    for (let j = 0; j < this.participantCount; j++)
      insertParticipant.run(p[3 * j], p[3 * j + 1], p[3 * j + 2]);
    for (const index of eventPeople.indexes) db.exec(index);
    db.exec(EVENTS_VIEW);
    return db;
  }

  /**
   * Writes places, people, side tables and meta in this thread, builds the indexes and closes
   * the file, ready to be published. `stage` is told each step as it begins; `stop` is asked
   * between steps.
   */
  finish(data: FinishData, stage: (name: string) => void, stop: () => boolean = () => false): void {
    stage('indexes');
    this.buildIndexes(stop);
    stage('people');
    // As pages when they fit (as the two-thread path decides), else through SQL.
    const trees = peopleFit(data.people) ? peopleTableTrees(data.people, data.phases) : null;
    if (trees) this.placeTrees(trees);
    const sides = sideTrees(data.sideTables);
    if (sides.trees) this.placeTrees(sides.trees);
    const db = this.openSql(this.copied);
    writePlaces(db, data.places);
    if (!trees) writePeople(db, data.people, data.phases);
    for (const t of sides.rest) writeSideTable(db, t);
    if (!trees) for (const index of PEOPLE_INDEXES) db.exec(index);
    db.exec('COMMIT');
    this.end(data.meta, stage, stop);
  }

  /**
   * Takes people and side tables (rows and indexes) from the caller's scratch database, then
   * writes places and meta and closes the file. The event indexes are built already. The
   * scratch file's trees are copied page by page after the events' (src/store/pages.ts,
   * `readTrees`); a file holding what that cannot copy is read through SQL instead.
   */
  finishFromScratch(data: FinishFromScratch, stage: (name: string) => void, stop: () => boolean): void {
    stage('people');
    const pages = this.pages;
    if (!pages) throw new Error('WorldWriter: the file was already closed');
    const viaSql: string[] = [];
    const copied = this.copied;
    for (const path of data.scratch) {
      let trees: CopiedTrees;
      try {
        trees = readTrees(path);
      } catch (e) {
        if (!(e instanceof NotCopyable)) throw e;
        viaSql.push(path);
        continue;
      }
      pages.placeFile(trees);
      for (const r of trees.rows) copied.add(r[1]);
    }
    trace('scratch-placed');
    const db = this.openSql(copied);
    db.exec('COMMIT');
    for (const path of viaSql) {
      db.prepare('ATTACH ? AS scratch').run(path);
      db.exec('BEGIN');
      // With the destination empty and its indexes declared as in the source, SQLite copies the
      // records and the index entries as they are, without decoding or sorting them again.
      const names = db
        .prepare("SELECT name FROM scratch.sqlite_schema WHERE type = 'table' ORDER BY rowid")
        .pluck()
        .all() as string[];
      for (const name of names) {
        const def = name === peopleTable.name ? peopleTable : sideTable(name);
        if (!def) throw new Error(`WorldWriter: no table '${name}' is declared in src/store/tables`);
        if (def !== peopleTable) db.exec(def.create);
        for (const index of def.indexes) db.exec(index);
        db.exec(`INSERT INTO main.${name} SELECT * FROM scratch.${name}`);
      }
      db.exec('COMMIT');
      db.exec('DETACH scratch');
    }
    db.exec('BEGIN');
    writePlaces(db, data.places);
    for (const t of this.sidesLeft) writeSideTable(db, t);
    db.exec('COMMIT');
    this.end(data.meta, stage, stop);
  }

  /** Records the summary, marks the file complete and closes it. */
  private end(meta: [string, string][], stage: (name: string) => void, stop: () => boolean): void {
    const db = this.db;
    db.exec('BEGIN');
    const put = metaTable.insert(db);
    for (const [k, v] of meta) put.run(k, v);
    db.exec('COMMIT');
    if (stop()) throw new Aborted('the run was abandoned');
    stage('sync');
    db.pragma('journal_mode = DELETE');
    this.close();
    trace('closed');
  }

  /** Closes the file (once); errors on closing a broken file are ignored. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    try {
      this.pages?.close();
      this.conn?.close();
    } catch {
      // Already closed or broken; the caller removes the file either way.
    }
  }
}

/** Fills a fresh database file, `path`, in one transaction, for the file's thread to copy in. */
function writeScratch(path: string, fill: (db: Database.Database) => void): void {
  rmSync(path, { force: true });
  const db = new Database(path);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec('BEGIN');
    fill(db);
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}

/**
 * People's indexes split between two threads, so both finish together in England's run: the
 * one by name (about 0.5 s) with the rows, the others (about 0.6 s) by the file's thread once
 * the events' indexes are done (`indexPeopleScratch`).
 */
const PEOPLE_INDEXES_WITH_ROWS = peopleTable.indexes.slice(0, 1);
const PEOPLE_INDEXES_LATER = peopleTable.indexes.slice(1);

/** People's rows into a scratch file, with the first of their indexes. */
export function writePeopleScratch(path: string, people: PeopleColumns, phases: PhaseDays): void {
  writeScratch(path, (db) => {
    db.exec(peopleTable.create);
    writePeople(db, people, phases);
    for (const index of PEOPLE_INDEXES_WITH_ROWS) db.exec(index);
  });
}

/** Side tables, each with its indexes, into a scratch file. */
export function writeSidesScratch(path: string, sides: SideRows[]): void {
  writeScratch(path, (db) => {
    for (const t of sides) writeSideTable(db, t);
  });
}

/** Builds the rest of people's indexes in the scratch file `path` (which holds their rows). */
export function indexPeopleScratch(path: string): void {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec('BEGIN');
    for (const index of PEOPLE_INDEXES_LATER) db.exec(index);
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}

/** Inserts `rows` into a prepared multi-row statement of `per` rows, the rest one by one. */
function insertRows(
  db: Database.Database,
  def: { insert: (db: Database.Database, rows?: number) => Database.Statement; names: readonly string[] },
  rows: readonly unknown[][],
): void {
  const width = def.names.length;
  const per = Math.max(1, Math.floor(MAX_PARAMS / width));
  const many = def.insert(db, per);
  const one = def.insert(db);
  const params = new Array<unknown>(per * width);
  let i = 0;
  for (; i + per <= rows.length; i += per) {
    for (let r = 0; r < per; r++) {
      const row = rows[i + r]!;
      for (let c = 0; c < width; c++) params[r * width + c] = row[c];
    }
    many.run(params);
  }
  for (; i < rows.length; i++) one.run(rows[i]);
}

/** Creates a module's table from its declaration, fills it, and indexes it. */
function writeSideTable(db: Database.Database, t: SideRows): void {
  const def = sideTable(t.name);
  if (!def) throw new Error(`WorldWriter: no table '${t.name}' is declared in src/store/tables`);
  db.exec(def.create);
  insertRows(db, def, rowsOf(t));
  for (const index of def.indexes) db.exec(index);
}

function writePlaces(db: Database.Database, places: readonly PlaceTuple[]): void {
  const ins = placesTable.insert(db);
  for (const p of places) ins.run(p);
}

function writePeople(db: Database.Database, p: PeopleColumns, phases: PhaseDays): void {
  phases.grow(p.count);
  const { residentOn, carerOn, donorOn, firstDonationOn, completedOn } = phases;
  const width = peopleTable.names.length;
  const many = peopleTable.insert(db, PEOPLE_PER_INSERT);
  const one = peopleTable.insert(db);
  const params = new Array<unknown>(PEOPLE_PER_INSERT * width);
  const row = new Array<unknown>(width);
  const opt = (v: number) => (v === NONE ? null : v);
  const fill = (into: unknown[], o: number, i: number) => {
    const kind = p.kind[i]!;
    const clone = kind === 0;
    const phase = p.phase[i]!;
    into[o] = i;
    into[o + 1] = p.names[p.nameId[i]!];
    into[o + 2] = PERSON_KINDS[kind] ?? 'clone';
    into[o + 3] = p.sex[i] === 0 ? 'female' : 'male';
    into[o + 4] = p.born[i];
    into[o + 5] = p.school[i];
    into[o + 6] = clone ? p.cohort[i] : null;
    into[o + 7] = clone ? phaseName(phase) : 'none';
    into[o + 8] = p.donations[i];
    into[o + 9] = opt(residentOn[i]!);
    into[o + 10] = opt(carerOn[i]!);
    into[o + 11] = opt(donorOn[i]!);
    into[o + 12] = opt(firstDonationOn[i]!);
    into[o + 13] = opt(completedOn[i]!);
    into[o + 14] = phase >= 4 ? p.centre[i] : null;
    into[o + 15] = opt(p.carer[i]!);
    into[o + 16] = p.key[i];
  };
  let i = 0;
  for (; i + PEOPLE_PER_INSERT <= p.count; i += PEOPLE_PER_INSERT) {
    for (let r = 0; r < PEOPLE_PER_INSERT; r++) fill(params, r * width, i + r);
    many.run(params);
  }
  for (; i < p.count; i++) {
    fill(row, 0, i);
    one.run(row);
  }
}

/** An error in a form that crosses threads, keeping the code `ioError` reads. */
export function errorInfo(e: unknown): ErrorInfo {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return {
      name: e.name,
      message: e.message,
      ...(typeof code === 'string' ? { code } : {}),
      ...(e.stack !== undefined ? { stack: e.stack } : {}),
    };
  }
  return { name: 'Error', message: String(e) };
}

/** The worker's side of the conversation with src/store/writer.ts. */
/**
 * The niceness of this thread while the simulation runs (10; `HAILSHAM_WRITER_NICE`, 0 to 19,
 * for benchmarks). On two cores the writer's thread, the simulation's and the garbage
 * collectors' helpers compete; the simulation is the one the run waits for, and the writer has
 * time to spare while it runs, so it yields first (bench/README.md). It goes back to 0 for the
 * end of the write where the system allows.
 */
const NICE_WHILE_SIMULATING = ((v: number) => (Number.isInteger(v) && v >= 0 && v <= 19 ? v : 10))(
  Number(process.env.HAILSHAM_WRITER_NICE ?? 10),
);

/** This thread's id for the system's scheduler, or null where it cannot be read (not Linux). */
function threadId(): number | null {
  try {
    const id = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(id) && id > 0 ? id : null;
  } catch {
    return null;
  }
}

/** Sets this thread's niceness where the system allows it (raising it back may need privileges). */
function nice(tid: number | null, value: number): void {
  if (tid === null) return;
  try {
    setPriority(tid, value);
  } catch {
    // Not allowed: the thread keeps the niceness it has.
  }
}

function serve(port: MessagePort, ctrl: Int32Array, partialPath: string): void {
  const tid = threadId();
  nice(tid, NICE_WHILE_SIMULATING);
  let file: WorldFile | null = null;
  let failed = false;
  const reply = (m: FromWorker) => {
    port.postMessage(m);
    Atomics.add(ctrl, CTRL.replies, 1);
    Atomics.notify(ctrl, CTRL.replies);
  };
  const stopped = () => Atomics.load(ctrl, CTRL.abort) !== 0;
  const fail = (e: unknown) => {
    file?.close();
    file = null;
    if (failed) return;
    failed = true;
    reply({ kind: 'error', error: errorInfo(e) });
  };
  process.on('uncaughtException', fail);
  process.on('exit', () => {
    Atomics.store(ctrl, CTRL.exited, 1);
    Atomics.notify(ctrl, CTRL.replies);
    Atomics.notify(ctrl, CTRL.inFlight);
  });
  try {
    file = new WorldFile(partialPath);
    reply({ kind: 'ready', tid });
  } catch (e) {
    fail(e);
  }
  let slots: EventSlots = [];
  let shapes: [string, string][] = [];
  // The log's digest is kept here, from the batches as they are written, not in the
  // simulation's thread (the recorder asks for it at the end: `keepsDigest`).
  const logHash = new LogHash();
  parentPort!.on('message', (m: ToWorker) => {
    if (m.kind === 'events') {
      try {
        if (file && !stopped()) {
          const batch = batchOf(m, slots, shapes);
          logHash.add(batch);
          file.writeEvents(batch);
        }
      } catch (e) {
        fail(e);
      } finally {
        Atomics.sub(ctrl, CTRL.inFlight, 1);
        Atomics.notify(ctrl, CTRL.inFlight);
      }
    } else if (m.kind === 'slots') {
      slots = m.slots;
    } else if (m.kind === 'shapes') {
      shapes = m.shapes;
    } else if (m.kind === 'phases') {
      // Every batch sent before this question is written by now.
      trace('events-written');
      try {
        if (!file) throw new Aborted('the file was already closed');
        const phases = file.phases.arrays();
        port.postMessage(
          { kind: 'phases', phases } satisfies FromWorker,
          [phases.residentOn, phases.carerOn, phases.donorOn, phases.firstDonationOn, phases.completedOn].map(
            (a) => a.buffer as ArrayBuffer,
          ),
        );
        Atomics.add(ctrl, CTRL.replies, 1);
        Atomics.notify(ctrl, CTRL.replies);
      } catch (e) {
        fail(e);
      }
    } else if (m.kind === 'digest') {
      try {
        reply({ kind: 'digest', digest: logHash.digest() });
      } catch (e) {
        fail(e);
      }
    } else if (m.kind === 'indexes') {
      nice(tid, 0);
      // The thread that writes the pages started with this one's niceness: it goes back too,
      // or at the end, with both cores busy, each of its writes waits its turn.
      nice(file?.writerTid ?? null, 0);
      try {
        if (!file) throw new Aborted('the file was already closed');
        reply({ kind: 'stage', stage: 'indexes' });
        file.buildIndexes(stopped);
      } catch (e) {
        fail(e);
      }
    } else if (m.kind === 'trees') {
      try {
        if (!file) throw new Aborted('the file was already closed');
        if (!stopped()) file.placeTrees(m.trees);
      } catch (e) {
        fail(e);
      }
    } else if (m.kind === 'side-columns') {
      try {
        if (!file) throw new Aborted('the file was already closed');
        if (!stopped()) file.placeSideTables(m.tables);
      } catch (e) {
        fail(e);
      }
    } else if (m.kind === 'people-indexes') {
      try {
        if (!file) throw new Aborted('the file was already closed');
        if (!stopped()) file.placeTrees(peopleIndexTrees(m.keys, m.indexed));
      } catch (e) {
        fail(e);
      }
    } else if (m.kind === 'index-people') {
      try {
        if (!stopped()) indexPeopleScratch(m.path);
        trace('people-indexed');
      } catch (e) {
        fail(e);
      }
    } else if (m.kind === 'finish') {
      try {
        if (!file) throw new Aborted('the file was already closed');
        file.finishFromScratch(m.data, (stage) => reply({ kind: 'stage', stage }), stopped);
        file = null;
        reply({ kind: 'done' });
      } catch (e) {
        fail(e);
      }
    } else {
      file?.close();
      file = null;
      reply({ kind: 'closed' });
      parentPort!.close();
    }
  });
}

interface WriterWorkerData {
  role: 'hailsham-writer';
  port: MessagePort;
  ctrl: Int32Array;
  partialPath: string;
}

if (!isMainThread && (workerData as Partial<WriterWorkerData> | null)?.role === 'hailsham-writer') {
  const data = workerData as WriterWorkerData;
  serve(data.port, data.ctrl, data.partialPath);
}
