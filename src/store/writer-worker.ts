/**
 * The SQLite side of writing a world: one connection to the run's partial file, which takes the
 * event batches as they stream from the recorder, folds the days each person entered a phase
 * from them, and at the end writes places, people and side tables, builds the indexes and
 * records the summary. src/store/writer.ts drives it, normally in a worker thread of its own (this
 * file is then the worker's entry), so the simulation and the inserts run on two cores at once;
 * where no compiled worker exists (the TypeScript sources under a test runner) it runs in the
 * caller's thread, the same code either way.
 *
 * The worker talks back over a MessagePort and a counter in shared memory, so the caller can
 * block on it with `Atomics.wait` and `receiveMessageOnPort` and stay synchronous.
 */
import Database from 'better-sqlite3';
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { EventBatch } from '../engine/recorder.js';
import { NONE } from '../engine/recorder.js';
import { EVENT_TYPES, EVENT_TYPE_NAMES, T } from '../world/event-types.js';
import { PERSON_KINDS, phaseName } from '../world/phases.js';
import { APPLICATION_ID, CREATE_INDEXES, CREATE_TABLES, DB_FORMAT } from './schema.js';
import {
  eventPeople,
  events,
  eventTypes,
  meta as metaTable,
  people as peopleTable,
  places as placesTable,
  sideTable,
  type PlaceTuple,
} from './tables/index.js';

const ROWS_PER_INSERT = 256;
const PEOPLE_PER_INSERT = 50;
/** Parameters per multi-row insert of a side table. */
const MAX_PARAMS = 900;

/** The index statements one by one, so an abandoned run can stop between them. */
const INDEX_STATEMENTS = CREATE_INDEXES.split(';\n').filter((s) => s.trim() !== '');

/** Slots of the shared control array. */
export const CTRL = {
  /** Event batches posted and not yet written. */
  inFlight: 0,
  /** Replies posted to the caller's port (a counter to wait on). */
  replies: 1,
  /** Set by the caller to make the worker stop at the next step. */
  abort: 2,
} as const;

/** The people of a finished world, a column each, as the store wants them. */
export interface PeopleColumns {
  count: number;
  name: string[];
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

/** Everything the file needs once the simulation is over. */
export interface FinishData {
  places: PlaceTuple[];
  people: PeopleColumns;
  sideTables: { name: string; rows: unknown[][] }[];
  meta: [string, string][];
}

/** Messages to the worker. */
export type ToWorker =
  ({ kind: 'events' } & EventBatch) | { kind: 'finish'; data: FinishData } | { kind: 'close' };

/** An error as it crosses threads: what `ioError` and the CLI need of it. */
export interface ErrorInfo {
  name: string;
  message: string;
  code?: string;
  stack?: string;
}

/** Messages from the worker. */
export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'stage'; stage: string }
  | { kind: 'done' }
  | { kind: 'closed' }
  | { kind: 'error'; error: ErrorInfo };

/** Raised by the file when the caller asked it to stop. */
export class Aborted extends Error {
  override name = 'Aborted';
}

/** One world database being written: the connection and what is folded from the stream. */
export class WorldFile {
  private readonly db: Database.Database;
  private readonly insertMany: Database.Statement;
  private readonly insertOne: Database.Statement;
  private readonly insertParticipant: Database.Statement;
  private readonly params: unknown[] = new Array<unknown>(ROWS_PER_INSERT * 9);
  private readonly one: unknown[] = new Array<unknown>(9);
  // Days each person entered a phase, folded from the log as it streams past.
  private residentOn = new Int32Array(1024).fill(NONE);
  private carerOn = new Int32Array(1024).fill(NONE);
  private donorOn = new Int32Array(1024).fill(NONE);
  private firstDonationOn = new Int32Array(1024).fill(NONE);
  private completedOn = new Int32Array(1024).fill(NONE);
  private open = true;

  /** Creates the file's tables; throws (with the connection closed) if the file cannot be made. */
  constructor(partialPath: string) {
    this.db = new Database(partialPath);
    try {
      this.db.pragma('journal_mode = OFF');
      this.db.pragma('synchronous = OFF');
      this.db.pragma('locking_mode = EXCLUSIVE');
      this.db.pragma('cache_size = -262144');
      this.db.pragma(`application_id = ${APPLICATION_ID}`);
      this.db.pragma(`user_version = ${DB_FORMAT}`);
      this.db.exec(CREATE_TABLES);
      this.insertMany = events.insert(this.db, ROWS_PER_INSERT);
      this.insertOne = events.insert(this.db);
      this.insertParticipant = eventPeople.insert(this.db);
      const insertType = eventTypes.insert(this.db);
      for (const name of EVENT_TYPE_NAMES)
        insertType.run(EVENT_TYPES[name].code, name, EVENT_TYPES[name].description);
      this.db.exec('BEGIN');
    } catch (e) {
      this.close();
      throw e;
    }
  }

  /** Writes a batch of events and their participants. */
  writeEvents(batch: EventBatch): void {
    const n = batch.count;
    const params = this.params;
    let i = 0;
    for (; i + ROWS_PER_INSERT <= n; i += ROWS_PER_INSERT) {
      for (let r = 0; r < ROWS_PER_INSERT; r++) fillRow(params, r * 9, batch, i + r);
      this.insertMany.run(params);
    }
    for (; i < n; i++) {
      fillRow(this.one, 0, batch, i);
      this.insertOne.run(this.one);
    }
    const p = batch.participants;
    for (let j = 0; j < batch.participantCount; j++) {
      const o = j * 3;
      this.insertParticipant.run(p[o], p[o + 1], p[o + 2]);
    }
    this.foldPhases(batch);
  }

  /**
   * Writes places, people, side tables and meta, builds the indexes and closes the file, ready
   * to be published. `stage` is told each step as it begins; `stop` is asked between steps.
   */
  finish(data: FinishData, stage: (name: string) => void, stop: () => boolean = () => false): void {
    const db = this.db;
    const check = () => {
      if (stop()) throw new Aborted('the run was abandoned');
    };
    stage('people');
    this.writePlaces(data.places);
    this.writePeople(data.people);
    for (const t of data.sideTables) this.writeSideTable(t);
    db.exec('COMMIT');
    check();
    stage('indexes');
    // A small page cache and a helper thread sort the keys several times faster than a large
    // cache: SQLite's sorter then works in small sorted runs, merged by two threads.
    db.pragma('cache_size = -8192');
    db.pragma('threads = 2');
    for (const statement of INDEX_STATEMENTS) {
      check();
      db.exec(statement);
    }
    db.exec('BEGIN');
    const put = metaTable.insert(db);
    for (const [k, v] of data.meta) put.run(k, v);
    db.exec('COMMIT');
    check();
    stage('sync');
    db.pragma('journal_mode = DELETE');
    this.close();
  }

  /** Closes the connection (once); errors on closing a broken connection are ignored. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    try {
      this.db.close();
    } catch {
      // Already closed or broken; the caller removes the file either way.
    }
  }

  private foldPhases(batch: EventBatch): void {
    for (let i = 0; i < batch.count; i++) {
      const type = batch.type[i]!;
      let target: Int32Array | null = null;
      if (type === T.became_resident) target = this.residentOn;
      else if (type === T.left_for_training) target = this.carerOn;
      else if (type === T.became_donor) target = this.donorOn;
      else if (type === T.donated && batch.value[i] === 1) target = this.firstDonationOn;
      else if (type === T.completed) target = this.completedOn;
      if (!target) continue;
      const person = batch.person[i]!;
      if (person >= target.length) {
        this.growPhaseArrays(person + 1);
        i--;
        continue;
      }
      target[person] = batch.day[i]!;
    }
  }

  private growPhaseArrays(atLeast: number): void {
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

  /** Creates a module's table from its declaration, fills it, and indexes it. */
  private writeSideTable(t: { name: string; rows: unknown[][] }): void {
    const def = sideTable(t.name);
    if (!def) throw new Error(`WorldWriter: no table '${t.name}' is declared in src/store/tables`);
    this.db.exec(def.create);
    const width = def.names.length;
    const per = Math.max(1, Math.floor(MAX_PARAMS / width));
    const many = def.insert(this.db, per);
    const one = def.insert(this.db);
    const params = new Array<unknown>(per * width);
    const rows = t.rows;
    let i = 0;
    for (; i + per <= rows.length; i += per) {
      for (let r = 0; r < per; r++) {
        const row = rows[i + r]!;
        for (let c = 0; c < width; c++) params[r * width + c] = row[c];
      }
      many.run(params);
    }
    for (; i < rows.length; i++) one.run(rows[i]);
    for (const index of def.indexes) this.db.exec(index);
  }

  private writePlaces(places: readonly PlaceTuple[]): void {
    const ins = placesTable.insert(this.db);
    for (const p of places) ins.run(p);
  }

  private writePeople(p: PeopleColumns): void {
    if (p.count > this.residentOn.length) this.growPhaseArrays(p.count);
    const width = peopleTable.names.length;
    const many = peopleTable.insert(this.db, PEOPLE_PER_INSERT);
    const one = peopleTable.insert(this.db);
    const params = new Array<unknown>(PEOPLE_PER_INSERT * width);
    const row = new Array<unknown>(width);
    const opt = (v: number) => (v === NONE ? null : v);
    const fill = (into: unknown[], o: number, i: number) => {
      const kind = p.kind[i]!;
      const clone = kind === 0;
      const phase = p.phase[i]!;
      into[o] = i;
      into[o + 1] = p.name[i];
      into[o + 2] = PERSON_KINDS[kind] ?? 'clone';
      into[o + 3] = p.sex[i] === 0 ? 'female' : 'male';
      into[o + 4] = p.born[i];
      into[o + 5] = p.school[i];
      into[o + 6] = clone ? p.cohort[i] : null;
      into[o + 7] = clone ? phaseName(phase) : 'none';
      into[o + 8] = p.donations[i];
      into[o + 9] = opt(this.residentOn[i]!);
      into[o + 10] = opt(this.carerOn[i]!);
      into[o + 11] = opt(this.donorOn[i]!);
      into[o + 12] = opt(this.firstDonationOn[i]!);
      into[o + 13] = opt(this.completedOn[i]!);
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
}

function fillRow(params: unknown[], o: number, b: EventBatch, i: number): void {
  const person = b.person[i]!;
  const other = b.other[i]!;
  const place = b.place[i]!;
  const value = b.value[i]!;
  const cause = b.cause[i]!;
  params[o] = b.firstId + i;
  params[o + 1] = b.day[i];
  params[o + 2] = b.type[i];
  params[o + 3] = person === NONE ? null : person;
  params[o + 4] = other === NONE ? null : other;
  params[o + 5] = place === NONE ? null : place;
  params[o + 6] = value === NONE ? null : value;
  params[o + 7] = cause === NONE ? null : cause;
  params[o + 8] = b.data[i] ?? null;
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
function serve(port: MessagePort, ctrl: Int32Array, partialPath: string): void {
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
  try {
    file = new WorldFile(partialPath);
    reply({ kind: 'ready' });
  } catch (e) {
    fail(e);
  }
  parentPort!.on('message', (m: ToWorker) => {
    if (m.kind === 'events') {
      try {
        if (file && !stopped()) file.writeEvents(m);
      } catch (e) {
        fail(e);
      } finally {
        Atomics.sub(ctrl, CTRL.inFlight, 1);
        Atomics.notify(ctrl, CTRL.inFlight);
      }
    } else if (m.kind === 'finish') {
      try {
        if (!file) throw new Aborted('the file was already closed');
        file.finish(m.data, (stage) => reply({ kind: 'stage', stage }), stopped);
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
