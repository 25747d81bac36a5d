/**
 * Writing a world to SQLite, atomically. The run first claims the output path (src/io/claim.ts:
 * a second run writing the same path stops at once), then writes into a partial file of its own
 * (`<out>.<pid>-<random>.partial`), with journaling off for speed (nothing else can see the
 * file), builds indexes at the end, records the summary and marks the file complete, syncs it,
 * and only then publishes it as `<out>`. An interrupted run leaves at most a `.partial` file,
 * which nothing mistakes for a world; an existing output is replaced only when the caller says so.
 */
import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import type { EventBatch, EventSink } from '../engine/recorder.js';
import { NONE } from '../engine/recorder.js';
import { UsageError } from '../errors.js';
import { claimOutput, publish, type Claim } from '../io/claim.js';
import { ioError } from '../io/io-error.js';
import { EVENT_FORMAT, EVENT_TYPES, EVENT_TYPE_NAMES, T } from '../world/event-types.js';
import { PERSON_KINDS, phaseName } from '../world/phases.js';
import type { Place } from '../world/places.js';
import type { ExtraTable } from '../world/module.js';
import type { World, WorldSummary } from '../world/world.js';
import { APPLICATION_ID, CREATE_INDEXES, CREATE_TABLES, DB_FORMAT } from './schema.js';
import {
  eventPeople,
  events,
  eventTypes,
  meta as metaTable,
  people as peopleTable,
  places as placesTable,
  sideTable,
  type PersonTuple,
} from './tables/index.js';

const ROWS_PER_INSERT = 100;

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

/** Streams a world's events into a new database file and publishes it when complete. */
export class WorldWriter implements EventSink {
  readonly partialPath: string;
  private readonly claim: Claim;
  private readonly force: boolean;
  private readonly db: Database.Database;
  private readonly insertMany: Database.Statement;
  private readonly insertOne: Database.Statement;
  private readonly insertParticipant: Database.Statement;
  private readonly params: unknown[] = new Array<unknown>(ROWS_PER_INSERT * 9);
  // Days each person entered a phase, folded from the log as it streams past.
  private residentOn = new Int32Array(1024).fill(NONE);
  private carerOn = new Int32Array(1024).fill(NONE);
  private donorOn = new Int32Array(1024).fill(NONE);
  private firstDonationOn = new Int32Array(1024).fill(NONE);
  private completedOn = new Int32Array(1024).fill(NONE);
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
    try {
      this.db = new Database(this.partialPath);
    } catch (e) {
      this.claim.release();
      throw ioError(e, outPath, 'write the world');
    }
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
      this.abort();
      throw ioError(e, outPath, 'write the world');
    }
  }

  /** Receives a batch of events from the recorder. */
  write(batch: EventBatch): void {
    const n = batch.count;
    const params = this.params;
    let i = 0;
    for (; i + ROWS_PER_INSERT <= n; i += ROWS_PER_INSERT) {
      for (let r = 0; r < ROWS_PER_INSERT; r++) fillRow(params, r * 9, batch, i + r);
      this.insertMany.run(params);
    }
    const one = new Array<unknown>(9);
    for (; i < n; i++) {
      fillRow(one, 0, batch, i);
      this.insertOne.run(one);
    }
    for (let j = 0; j < batch.participantCount; j++) {
      const o = j * 3;
      this.insertParticipant.run(batch.participants[o], batch.participants[o + 1], batch.participants[o + 2]);
    }
    this.foldPhases(batch);
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

  /**
   * Writes people, places and meta, builds indexes, marks the database complete, and renames it
   * into place. After this the world's file exists in full, or (on any error) not at all.
   */
  finish(
    world: FinishedWorld,
    summary: WorldSummary,
    meta: RunMeta,
    onStage?: (stage: string) => void,
  ): void {
    const db = this.db;
    onStage?.('people');
    this.writePlaces(world.places);
    this.writePeople(world);
    for (const t of world.extraTables()) this.writeSideTable(t);
    db.exec('COMMIT');
    onStage?.('indexes');
    db.exec(CREATE_INDEXES);
    db.exec('BEGIN');
    const put = metaTable.insert(db);
    const entries: [string, string][] = [
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
    for (const [k, v] of entries) put.run(k, v);
    db.exec('COMMIT');
    onStage?.('sync');
    db.pragma('journal_mode = DELETE');
    db.close();
    this.closed = true;
    publish(this.partialPath, this.outPath, this.force, 'the world');
    this.claim.release();
  }

  /** Abandons the run: closes and deletes the partial file, leaving any earlier output untouched. */
  abort(): void {
    if (!this.closed) {
      try {
        this.db.close();
      } catch {
        // Already closed or broken; the file is removed below either way.
      }
      this.closed = true;
    }
    rmSync(this.partialPath, { force: true });
    rmSync(`${this.partialPath}-journal`, { force: true });
    this.claim.release();
  }

  /** Creates a module's table from its declaration, fills it, and indexes it. */
  private writeSideTable(t: ExtraTable): void {
    const def = sideTable(t.name);
    if (!def) throw new Error(`WorldWriter: no table '${t.name}' is declared in src/store/tables`);
    this.db.exec(def.create);
    const ins = def.insert(this.db);
    for (const row of t.rows) ins.run(row);
    for (const index of def.indexes) this.db.exec(index);
  }

  private writePlaces(places: readonly Place[]): void {
    const ins = placesTable.insert(this.db);
    for (const p of places) {
      ins.run([
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
  }

  private writePeople(world: FinishedWorld): void {
    const p = world.people;
    if (p.count > this.residentOn.length) this.growPhaseArrays(p.count);
    const ins = peopleTable.insert(this.db);
    const opt = (v: number) => (v === NONE ? null : v);
    for (let i = 0; i < p.count; i++) {
      const clone = p.kind(i) === 0;
      const row: PersonTuple = [
        i,
        p.name(i),
        PERSON_KINDS[p.kind(i)] ?? 'clone',
        p.sex(i) === 0 ? 'female' : 'male',
        p.born(i),
        p.school(i),
        clone ? p.cohort(i) : null,
        clone ? phaseName(p.phase(i)) : 'none',
        p.donations(i),
        opt(this.residentOn[i]!),
        opt(this.carerOn[i]!),
        opt(this.donorOn[i]!),
        opt(this.firstDonationOn[i]!),
        opt(this.completedOn[i]!),
        p.phase(i) >= 4 ? p.centre(i) : null,
        opt(p.carer(i)),
        p.key(i),
      ];
      ins.run(row);
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
