/**
 * Writing a world to SQLite, atomically. The run first claims the output path (src/io/claim.ts:
 * a second run writing the same path stops at once), then writes into a partial file of its own
 * (`<out>.<pid>-<random>.partial`), with journaling off for speed (nothing else can see the
 * file), builds indexes at the end, records the summary and marks the file complete, syncs it,
 * and only then publishes it as `<out>`. An interrupted run leaves at most a `.partial` file,
 * which nothing mistakes for a world; an existing output is replaced only when the caller says so.
 *
 * The file itself (src/store/writer-worker.ts) is written by a worker thread: the recorder fills
 * sets of columns in shared memory that this writer hands out in turn, and each full batch is
 * handed over by the number of its set, so the simulation goes on while the previous batch is
 * written; at most a few batches wait (the simulation pauses when the writer falls behind, which
 * bounds memory). The caller stays synchronous: it blocks on a
 * counter in shared memory while it waits for the worker. Whatever fails in either thread
 * surfaces here as the same error, and the partial file is removed and the claim released.
 */
import { existsSync, rmSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { EventBatch, EventColumns, EventSink } from '../engine/recorder.js';
import { UsageError } from '../errors.js';
import { claimOutput, publish, type Claim } from '../io/claim.js';
import { ioError } from '../io/io-error.js';
import { EVENT_FORMAT } from '../world/event-types.js';
import type { Place } from '../world/places.js';
import type { World, WorldSummary } from '../world/world.js';
import { DB_FORMAT } from './schema.js';
import {
  CTRL,
  WorldFile,
  PhaseDays,
  writePeopleScratch,
  writeSidesScratch,
  makeSlots,
  type ErrorInfo,
  type EventSlots,
  type FinishFromScratch,
  type FromWorker,
  type PeopleColumns,
  type SideRows,
  type ToWorker,
} from './writer-worker.js';
import type { PlaceTuple } from './tables/index.js';
import type { CopiedTrees } from './pages.js';
import {
  PEOPLE_INDEX_COLUMNS,
  peopleFit,
  peopleTableTrees,
  type PeopleIndexColumn,
  type PeopleKeys,
} from './people-pages.js';
import { sideTrees } from './table-pages.js';
import { trace, traceThreads } from './trace.js';

/**
 * People's indexes the writer's thread makes (the one on key): after the simulation it has less
 * left to do than this thread, which makes the side tables and people's rows. With the index on
 * school and cohort too, the writer's thread finished last (bench/README.md).
 */
const WRITER_PEOPLE_INDEXES: PeopleIndexColumn[] = ['key'];

/** Event batches that may wait for the writer before the simulation pauses (about 3 MB each). */
const MAX_IN_FLIGHT = 8;
/** How long an abandoned run waits for the writer to let go of its file. */
const ABORT_WAIT_MS = 30_000;
/** How long a run waits for the writer's thread to open the file. */
const STARTUP_WAIT_MS = 60_000;

export interface WriterOptions {
  /** Replace an existing output file. */
  force?: boolean;
}

/** What the writer needs of a finished world: its places, people, span and side tables. */
export type FinishedWorld = Pick<World, 'places' | 'people' | 'start' | 'end' | 'extraTables'>;

export interface RunMeta {
  softwareVersion: string;
  scenarioName: string;
  scenarioSource: string;
  scenarioFile: string;
  seed: number;
}

/** The worker's script, beside this module once compiled; none when running from sources. */
const WORKER_URL = import.meta.url.endsWith('.js') ? new URL('./writer-worker.js', import.meta.url) : null;

/** Rebuilds an error from another thread, keeping the code `ioError` reads. */
function rebuild(info: ErrorInfo): Error {
  const e = new Error(info.message) as Error & { code?: string };
  e.name = info.name;
  if (info.code !== undefined) e.code = info.code;
  if (info.stack !== undefined) e.stack = info.stack;
  return e;
}

/**
 * The batch's texts not made from a shape, and their rows. A function of its own, so its loop
 * is compiled once (see countingSort in pages.ts).
 */
function textsOf(batch: EventBatch): { at: Int32Array; texts: string[] } {
  const { count, data, shape } = batch;
  const at: number[] = [];
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = data[i];
    if (d !== null && d !== undefined && (!shape || shape[i] === 0)) {
      at.push(i);
      texts.push(d);
    }
  }
  return { at: Int32Array.from(at), texts };
}

/** The writer's worker thread, seen synchronously. */
class WriterThread {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(4 * 4));
  private failure: Error | null = null;
  /** Columns in shared memory the recorder fills in turn (made at the first batch). */
  private slots: EventSlots = [];
  private handed = 0;
  private digestAsked = false;
  private digestGiven: string | null = null;
  /** Set once a question (the phase days) is out: replies may then come between checks. */
  private asked = false;
  /** Replies read while waiting for the digest, in order, for `take`. */
  private readonly pending: FromWorker[] = [];
  /** Payload shapes the worker knows. */
  private shapesSent = 0;

  constructor(url: URL, partialPath: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(url, {
      workerData: { role: 'hailsham-writer', port: port2, ctrl: this.ctrl, partialPath },
      transferList: [port2],
    });
    // The worker must never keep the process alive, nor its 'error' event go unheard.
    this.worker.unref();
    this.worker.on('error', () => undefined);
    // It starts (loading its modules, creating the file) while the world is built; the first
    // thing asked of it waits for its word that it is ready (`started`).
  }

  private ready = false;
  /** The worker's thread id for the system (from its first word), or null where unknown. */
  tid: number | null = null;

  /** Waits, the first time, until the worker has started and opened the file; throws if it could not. */
  private started(): void {
    if (this.ready) return;
    try {
      // Starting takes well under a second; a minute allows for a machine under heavy load.
      const first = this.next(STARTUP_WAIT_MS);
      if (first.kind !== 'ready') throw new Error(`writer thread: unexpected '${first.kind}'`);
      this.tid = first.tid;
      this.ready = true;
    } catch (e) {
      this.stop();
      throw e;
    }
  }

  /**
   * A reply already posted, or null; an error reply is thrown (and remembered). The log's digest
   * is asked for before the last questions and may come at any time after: it is kept for
   * `digest()`, never handed to a caller waiting for something else.
   */
  private take(): FromWorker | null {
    return this.pending.shift() ?? this.receive();
  }

  /** `take` from the port alone. */
  private receive(): FromWorker | null {
    for (;;) {
      const got = receiveMessageOnPort(this.port);
      if (!got) return null;
      const m = got.message as FromWorker;
      if (m.kind === 'error') {
        this.failure = rebuild(m.error);
        throw this.failure;
      }
      if (m.kind !== 'digest') return m;
      this.digestGiven = m.digest;
    }
  }

  /** The next reply, waiting for it; an error reply is thrown (and remembered). */
  next(timeoutMs = Infinity): FromWorker {
    return this.waitFor(() => this.take(), timeoutMs);
  }

  /** Waits until `got` gives something other than null, as replies come in. */
  private waitFor<T>(got: () => T | null, timeoutMs = Infinity): T {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const seen = Atomics.load(this.ctrl, CTRL.replies);
      const r = got();
      if (r !== null) return r;
      if (Atomics.load(this.ctrl, CTRL.exited) !== 0) {
        const last = got();
        if (last !== null) return last;
        throw new Error('writer thread: it stopped without an answer');
      }
      const left = deadline - performance.now();
      if (left <= 0) throw new Error('writer thread: no answer');
      Atomics.wait(this.ctrl, CTRL.replies, seen, Math.min(left, 1000));
    }
  }

  /** Throws the worker's failure, if it has reported one, or if it has gone. */
  private check(): void {
    if (this.failure) throw this.failure;
    this.started();
    const m = this.take();
    if (m) {
      // Once a question is out, its answer may come before the next check: keep it for `next()`.
      if (!this.asked) throw new Error(`writer thread: unexpected '${m.kind}' while writing events`);
      this.pending.unshift(m);
    }
    if (Atomics.load(this.ctrl, CTRL.exited) !== 0) {
      const last = this.take();
      throw new Error(`writer thread: it stopped while writing events${last ? ` ('${last.kind}')` : ''}`);
    }
  }

  /**
   * Hands the batch to the worker, first waiting while too many are queued: by the number of
   * its shared slot when the recorder filled one (`nextColumns`), else as a copy.
   */
  write(batch: EventBatch): void {
    this.check();
    for (;;) {
      const queued = Atomics.load(this.ctrl, CTRL.inFlight);
      if (queued < MAX_IN_FLIGHT) break;
      Atomics.wait(this.ctrl, CTRL.inFlight, queued, 200);
      this.check();
    }
    const n = batch.count;
    // Payload shapes new since the last batch go first: the worker makes shaped rows' texts.
    const shapes = batch.shapes ?? [];
    if (shapes.length > this.shapesSent) {
      this.post({ kind: 'shapes', shapes: shapes.map(([a, b]) => [a, b]) }, []);
      this.shapesSent = shapes.length;
    }
    const shape = batch.shape;
    const { at: dataAt, texts: dataText } = textsOf(batch);
    const slot = this.slots.findIndex((s) => s.day === batch.day);
    const columns =
      slot >= 0
        ? slot
        : {
            day: batch.day.slice(0, n),
            type: batch.type.slice(0, n),
            person: batch.person.slice(0, n),
            other: batch.other.slice(0, n),
            place: batch.place.slice(0, n),
            value: batch.value.slice(0, n),
            cause: batch.cause.slice(0, n),
            shape: shape ? shape.slice(0, n) : new Uint8Array(n),
            shapeArg: batch.shapeArg ? batch.shapeArg.slice(0, n) : new Int32Array(n),
          };
    const participants = batch.participants.slice(0, batch.participantCount * 3);
    const m: ToWorker = {
      kind: 'events',
      firstId: batch.firstId,
      count: n,
      columns,
      dataAt,
      dataText,
      participants,
      participantCount: batch.participantCount,
    };
    Atomics.add(this.ctrl, CTRL.inFlight, 1);
    this.post(m, [...(typeof columns === 'number' ? [] : Object.values(columns)), participants, dataAt]);
  }

  /**
   * The next shared slot for the recorder to fill. Slots are handed out in turn, two more of
   * them than batches may wait, so the one handed out was last posted when at most
   * `MAX_IN_FLIGHT` batches were queued, and so is written already.
   */
  nextColumns(size: number): EventColumns {
    if (this.slots.length === 0) {
      this.slots = makeSlots(MAX_IN_FLIGHT + 2, size);
      this.post({ kind: 'slots', slots: this.slots }, []);
    }
    const slot = this.slots[this.handed % this.slots.length]!;
    this.handed++;
    return slot;
  }

  /** Asks for the days each person entered a phase, folded by the worker (once, after the last batch). */
  askPhases(): void {
    this.check();
    this.post({ kind: 'phases' }, []);
    this.asked = true;
  }

  /** The days asked for, once the worker has written every batch before the question. */
  phases(): PhaseDays {
    const m = this.next();
    if (m.kind !== 'phases') throw new Error(`writer thread: unexpected '${m.kind}' for the phase days`);
    return PhaseDays.from(m.phases);
  }

  /** Asks for the log's digest, answered once the worker has hashed every batch before the question. */
  askDigest(): void {
    this.check();
    this.post({ kind: 'digest' }, []);
    this.digestAsked = true;
  }

  /** The digest asked for (`askDigest`), waiting for it if it has not come yet. */
  digest(): string {
    if (!this.digestAsked) throw new Error('writer thread: the digest was not asked for');
    // Replies that come first (stages of the index build) are kept for `next()`.
    return this.waitFor(() => {
      while (this.digestGiven === null) {
        const m = this.receive();
        if (!m) break;
        this.pending.push(m);
      }
      return this.digestGiven;
    });
  }

  /**
   * Hands over side tables given as columns, for the worker to make and place once its indexes
   * are built. The columns' memory moves with them: the module made them for this write alone
   * (`NumericColumns`), and copying England's carers took longer than making their pages.
   */
  placeSideColumns(tables: SideRows[]): void {
    // One view for each buffer: a buffer named twice cannot be moved.
    const views = new Map<ArrayBufferLike, ArrayBufferView>();
    for (const t of tables) if ('columns' in t) for (const c of t.columns.columns) views.set(c.buffer, c);
    this.post({ kind: 'side-columns', tables }, [...views.values()]);
  }

  /** Tells the worker to index the people in a scratch file once it is free. */
  indexPeople(path: string): void {
    // No check here: the worker may have told a stage already, which `finish` reads in turn.
    this.post({ kind: 'index-people', path }, []);
  }

  /**
   * Hands over what people's indexes on `indexed` are made of, for the worker to make them as
   * pages and place them once its indexes are built. The columns are copied: the table is made
   * from them here meanwhile.
   */
  indexPeopleAsPages(p: PeopleKeys, indexed: PeopleIndexColumn[]): void {
    const keys: PeopleKeys = {
      count: p.count,
      nameId: p.nameId,
      names: p.names,
      kind: p.kind,
      school: p.school,
      cohort: p.cohort,
      key: p.key,
    };
    this.post({ kind: 'people-indexes', keys, indexed }, []);
  }

  /** Hands over trees made as pages here, for the worker to place once its indexes are built. */
  placeTrees(trees: CopiedTrees): void {
    this.post({ kind: 'trees', trees }, [trees.image.pages, trees.image.pointers]);
  }

  /** Tells the worker that the events are all sent: it builds their indexes once they are in. */
  buildIndexes(): void {
    this.check();
    this.post({ kind: 'indexes' }, []);
  }

  /** Sends what the file needs at the end and waits until it is closed, telling each stage. */
  finish(data: FinishFromScratch, onStage?: (stage: string) => void): void {
    this.post({ kind: 'finish', data }, []);
    for (;;) {
      const m = this.next();
      if (m.kind === 'stage') onStage?.(m.stage);
      else if (m.kind === 'done') break;
    }
    this.stop();
  }

  /** Makes the worker drop the file and waits (a while) until it has. */
  abort(): void {
    Atomics.store(this.ctrl, CTRL.abort, 1);
    if (!this.failure) {
      try {
        this.post({ kind: 'close' }, []);
        for (;;) if (this.next(ABORT_WAIT_MS).kind === 'closed') break;
      } catch {
        // It failed or did not answer; it is stopped below either way.
      }
    }
    this.stop();
  }

  private post(m: ToWorker, transfer: ArrayBufferView[]): void {
    if (m.kind !== 'close') this.started();
    this.worker.postMessage(
      m,
      transfer.map((v) => v.buffer as ArrayBuffer),
    );
  }

  private stop(): void {
    this.port.close();
    void this.worker.terminate().catch(() => undefined);
  }
}

/** Streams a world's events into a new database file and publishes it when complete. */
export class WorldWriter implements EventSink {
  /** The page writer takes shaped payloads as shape and number; the recorder makes no text. */
  readonly readsShapes = true;
  readonly partialPath: string;
  /** People, and side tables, written here by this thread for the writer's thread to copy in. */
  private readonly scratchPaths: [string, string];
  private readonly claim: Claim;
  private readonly force: boolean;
  private readonly thread: WriterThread | null = null;
  private readonly file: WorldFile | null = null;
  private closed = false;

  constructor(
    readonly outPath: string,
    options: WriterOptions = {},
  ) {
    this.claim = claimOutput(outPath, 'the world');
    this.force = options.force ?? false;
    if (existsSync(outPath) && !this.force) {
      this.claim.release();
      throw new UsageError(`${outPath} already exists; pass --force to replace it`);
    }
    this.partialPath = this.claim.partialPath();
    // More partial names of this run's own, so a run that dies leaves nothing the next
    // claimant of the path does not clear away.
    this.scratchPaths = [this.claim.partialPath(), this.claim.partialPath()];
    try {
      if (WORKER_URL) this.thread = new WriterThread(WORKER_URL, this.partialPath);
      else this.file = new WorldFile(this.partialPath);
    } catch (e) {
      this.closed = true;
      this.removePartial();
      throw ioError(e, outPath, 'write the world');
    }
  }

  /** Receives a batch of events from the recorder. */
  write(batch: EventBatch): void {
    if (this.thread) this.thread.write(batch);
    else this.file!.writeEvents(batch);
  }

  /**
   * With a thread, the log's digest is kept there, from the batches as it writes them, and the
   * simulation's thread spends no time on it.
   */
  get keepsDigest(): boolean {
    return this.thread !== null;
  }

  /** Asks the writer's thread for the log's digest, once the last batch is sent (`keepsDigest`). */
  askDigest(): void {
    if (!this.thread) throw new Error('WorldWriter.askDigest: the digest is kept by the recorder');
    this.thread.askDigest();
  }

  /** The log's digest from the writer's thread, waiting for it if need be. */
  digest(): string {
    if (!this.thread) throw new Error('WorldWriter.digest: the digest is kept by the recorder');
    trace('digest-wanted');
    const digest = this.thread.digest();
    trace('digest-given');
    return digest;
  }

  /** Arrays in shared memory for the recorder's next batch, when the writer has a thread. */
  nextColumns(size: number): EventColumns | null {
    return this.thread ? this.thread.nextColumns(size) : null;
  }

  /**
   * Writes people, places and meta, builds indexes, marks the database complete, and renames it
   * into place. After this the world's file exists in full, or (on any error) not at all.
   *
   * With the writer's thread the stages are `events` (the simulation is over: the thread
   * finishes the events' indexes, while this thread makes people and side tables as pages and
   * hands them over, the few SQL must store going into a scratch file), `indexes`, `people` (the
   * thread places what it was handed and adds the small tables) and `sync`; in this thread
   * alone, `indexes`, `people` and `sync`. A stage the thread begins is told when this thread
   * next waits for it. `summary` is called once, when the meta is written: it holds the log's
   * digest, which the writer's thread may still be finishing when this begins.
   */
  finish(
    world: FinishedWorld,
    summary: () => WorldSummary,
    meta: RunMeta,
    onStage?: (stage: string) => void,
  ): void {
    if (this.thread) {
      // The writer's thread finishes the events' indexes, the longest part of the write, then
      // makes the side tables given as columns, while this one makes the rest as pages and
      // hands them over to be placed after them (bench/README.md).
      onStage?.('events');
      trace('simulation-done');
      traceThreads('simulation-done', this.thread.tid);
      this.thread.askPhases();
      this.thread.buildIndexes();
      const [peoplePath, sidesPath] = this.scratchPaths;
      const sideTables = sideRows(world);
      const byColumns = sideTables.filter((t) => 'columns' in t);
      if (byColumns.length > 0) this.thread.placeSideColumns(byColumns);
      // The side tables of rows first: they need nothing from the writer's thread, which
      // meanwhile writes the last batches and folds the days people entered each phase, needed
      // for people's rows. Those pages cannot hold go through SQL in a scratch file.
      const sides = sideTrees(sideTables.filter((t) => !('columns' in t)));
      if (sides.trees) this.thread.placeTrees(sides.trees);
      trace('side-tables-made');
      if (sides.rest.length > 0) writeSidesScratch(sidesPath, sides.rest);
      trace('side-tables-written');
      // People as pages, their rows and indexes; all through SQL in a scratch file if a name is
      // too long for an index entry.
      const cols = peopleColumns(world);
      const asPages = peopleFit(cols);
      // The key index is made by the writer's thread, which is free sooner.
      if (asPages) this.thread.indexPeopleAsPages(cols, WRITER_PEOPLE_INDEXES);
      const phases = this.thread.phases();
      if (asPages)
        this.thread.placeTrees(
          peopleTableTrees(
            cols,
            phases,
            PEOPLE_INDEX_COLUMNS.filter((c) => !WRITER_PEOPLE_INDEXES.includes(c)),
          ),
        );
      else {
        writePeopleScratch(peoplePath, cols, phases);
        this.thread.indexPeople(peoplePath);
      }
      trace('people-made');
      // The summary holds the log's digest, which the writer's thread has long since finished.
      const entries = metaEntries(world, summary(), meta);
      this.thread.finish(
        {
          places: placeRows(world.places),
          scratch: [...(asPages ? [] : [peoplePath]), ...(sides.rest.length > 0 ? [sidesPath] : [])],
          meta: entries,
        },
        onStage,
      );
      for (const path of this.scratchPaths) rmSync(path, { force: true });
    } else {
      this.file!.finish(
        {
          places: placeRows(world.places),
          people: peopleColumns(world),
          phases: this.file!.phases,
          sideTables: sideRows(world),
          meta: metaEntries(world, summary(), meta),
        },
        (stage) => onStage?.(stage),
      );
    }
    this.closed = true;
    trace('publish');
    publish(this.partialPath, this.outPath, this.force, 'the world');
    trace('published');
    traceThreads('published', this.thread?.tid ?? null);
    this.claim.release();
  }

  /** Abandons the run: closes and deletes the partial file, leaving any earlier output untouched. */
  abort(): void {
    if (!this.closed) {
      this.thread?.abort();
      this.file?.close();
      this.closed = true;
    }
    this.removePartial();
  }

  private removePartial(): void {
    for (const path of this.scratchPaths) rmSync(path, { force: true });
    rmSync(this.partialPath, { force: true });
    rmSync(`${this.partialPath}-journal`, { force: true });
    this.claim.release();
  }
}

function metaEntries(world: FinishedWorld, summary: WorldSummary, meta: RunMeta): [string, string][] {
  return [
    ['db_format', String(DB_FORMAT)],
    ['event_format', String(EVENT_FORMAT)],
    ['software_version', meta.softwareVersion],
    ['scenario_name', meta.scenarioName],
    ['scenario_file', meta.scenarioFile],
    ['scenario', meta.scenarioSource],
    ['seed', String(meta.seed)],
    ['start_day', String(world.start)],
    ['end_day', String(world.end)],
    ['events', String(summary.events)],
    ['people', String(summary.people)],
    ['log_sha256', summary.logSha256],
    ['summary', JSON.stringify(summary)],
    ['status', 'complete'],
  ];
}

function sideRows(world: FinishedWorld): SideRows[] {
  return world
    .extraTables()
    .map((t) =>
      'columns' in t
        ? { name: t.name, columns: t.columns }
        : { name: t.name, rows: Array.from(t.rows as Iterable<unknown[]>) },
    );
}

function placeRows(places: readonly Place[]): PlaceTuple[] {
  return places.map((p) => [
    p.id,
    p.slug,
    p.name,
    p.kind,
    p.lat,
    p.lon,
    p.fictional ? 1 : 0,
    p.detail,
    p.opened,
    p.closes,
    p.residence,
    p.generated ? 1 : 0,
  ]);
}

/** The people store's columns the database needs, copied out. */
function peopleColumns(world: FinishedWorld): PeopleColumns {
  const p = world.people;
  const n = p.count;
  const cols: PeopleColumns = {
    count: n,
    nameId: new Int32Array(n),
    names: [],
    kind: new Int32Array(n),
    sex: new Int32Array(n),
    born: new Int32Array(n),
    school: new Int32Array(n),
    cohort: new Int32Array(n),
    phase: new Int32Array(n),
    donations: new Int32Array(n),
    centre: new Int32Array(n),
    carer: new Int32Array(n),
    key: new Uint32Array(n),
  };
  // Each distinct name made once: by its key where it has one, else by the name itself.
  const byKey = new Map<number, number>();
  const byName = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = p.nameKey(i);
    let id = key >= 0 ? byKey.get(key) : undefined;
    if (id === undefined) {
      const name = p.name(i);
      id = byName.get(name);
      if (id === undefined) {
        id = cols.names.length;
        cols.names.push(name);
        byName.set(name, id);
      }
      if (key >= 0) byKey.set(key, id);
    }
    cols.nameId[i] = id;
    cols.kind[i] = p.kind(i);
    cols.sex[i] = p.sex(i);
    cols.born[i] = p.born(i);
    cols.school[i] = p.school(i);
    cols.cohort[i] = p.cohort(i);
    cols.phase[i] = p.phase(i);
    cols.donations[i] = p.donations(i);
    cols.centre[i] = p.centre(i);
    cols.carer[i] = p.carer(i);
    cols.key[i] = p.key(i);
  }
  return cols;
}
