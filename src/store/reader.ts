/**
 * Opening a world database for reading. The file is opened read-only and checked before any
 * query: it must be SQLite, carry Hailsham's application id, have this build's format, and be
 * marked complete. Each failure is a DatabaseError that says which of these it is.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { isoDate } from '../engine/calendar.js';
import { DatabaseError } from '../errors.js';
import { EVENT_TYPE_NAMES, EVENT_TYPES, eventTypeName, type EventRecord } from '../world/event-types.js';
import { eventsOfPerson } from './queries.js';
import { APPLICATION_ID, DB_FORMAT } from './schema.js';
import { CORE_TABLES, type EventRow, type PersonRow, type PlaceRow } from './tables/index.js';

const SQLITE_MAGIC = 'SQLite format 3\0';

export type { EventRow, PersonRow, PlaceRow } from './tables/index.js';

/** The first 100 bytes of an SQLite file: its header (page size, page count, format). */
export function readHeader(file: string): Buffer {
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  return header;
}

/**
 * Opens a complete world database read-only, or throws a DatabaseError naming the problem.
 * @example const world = openWorld('world.db'); world.meta.seed
 */
export function openWorld(file: string): WorldDb {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new DatabaseError(file, 'is not a file');
    size = st.size;
  } catch (e) {
    if (e instanceof DatabaseError) throw e;
    throw new DatabaseError(file, 'does not exist');
  }
  if (size < 512)
    throw new DatabaseError(file, `is not a Hailsham world (only ${size} bytes; a world database is larger)`);
  const header = readHeader(file);
  if (header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new DatabaseError(file, 'is not a Hailsham world (not an SQLite database)');
  }
  const appId = header.readUInt32BE(68);
  if (appId !== APPLICATION_ID) {
    throw new DatabaseError(
      file,
      "is an SQLite database but not a Hailsham world (its application id is not Hailsham's)",
    );
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new DatabaseError(file, `cannot be opened: ${(e as Error).message}`);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== DB_FORMAT) {
      throw new DatabaseError(
        file,
        version < DB_FORMAT
          ? `was written by an older Hailsham (database format ${version}; this build reads ${DB_FORMAT}); run the scenario again to rebuild it`
          : `was written by a newer Hailsham (database format ${version}; this build reads ${DB_FORMAT}); upgrade Hailsham to read it`,
      );
    }
    const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
    const meta = new Map(rows.map((r) => [r.key, r.value]));
    if (meta.get('status') !== 'complete') {
      throw new DatabaseError(file, 'is incomplete: the run that wrote it did not finish; run it again');
    }
    checkStructure(file, db);
    for (const key of ['seed', 'start_day', 'end_day', 'events', 'people']) {
      if (!/^\d+$/.test(meta.get(key) ?? ''))
        throw new DatabaseError(
          file,
          `is damaged: meta '${key}' is '${(meta.get(key) ?? '(missing)').slice(0, 40)}', not a whole number`,
        );
    }
    return new WorldDb(file, db, meta);
  } catch (e) {
    db.close();
    if (e instanceof DatabaseError) throw e;
    throw new DatabaseError(file, `is damaged: ${(e as Error).message}`);
  }
}

/** Every core table with every column this build reads, or a DatabaseError naming what is missing. */
function checkStructure(file: string, db: Database.Database): void {
  for (const { name: table, names: columns } of CORE_TABLES) {
    const found = new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
    if (found.size === 0) throw new DatabaseError(file, `is damaged: it has no ${table} table`);
    const missing = columns.filter((c) => !found.has(c));
    if (missing.length > 0)
      throw new DatabaseError(file, `is damaged: its ${table} table lacks ${missing.join(', ')}`);
  }
}

/** A read-only handle on a world database with the queries every front end needs. */
export class WorldDb {
  readonly meta: {
    seed: number;
    scenarioName: string;
    softwareVersion: string;
    startDay: number;
    endDay: number;
    events: number;
    people: number;
    logSha256: string;
    scenario: string;
    summary: string;
  };

  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    readonly file: string,
    readonly db: Database.Database,
    metaMap: Map<string, string>,
  ) {
    const get = (k: string) => metaMap.get(k) ?? '';
    this.meta = {
      seed: Number(get('seed')),
      scenarioName: get('scenario_name'),
      softwareVersion: get('software_version'),
      startDay: Number(get('start_day')),
      endDay: Number(get('end_day')),
      events: Number(get('events')),
      people: Number(get('people')),
      logSha256: get('log_sha256'),
      scenario: get('scenario'),
      summary: get('summary'),
    };
  }

  close(): void {
    this.db.close();
  }

  /**
   * The prepared statement for a query, kept for the next time (the explorer asks the same few
   * dozen queries over and over). Bounded, since some callers build their SQL.
   */
  private statement(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      if (this.statements.size >= 256) this.statements.clear();
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  /** Runs a query, turning SQLite's complaints about a damaged file into a DatabaseError. */
  all<R>(sql: string, ...params: unknown[]): R[] {
    try {
      return this.statement(sql).all(...params) as R[];
    } catch (e) {
      throw new DatabaseError(this.file, `cannot be read: ${(e as Error).message}`);
    }
  }

  /** Streams a query's rows; a damaged file mid-way becomes a DatabaseError. */
  *iterate<R>(sql: string, ...params: unknown[]): Generator<R> {
    try {
      for (const row of this.db.prepare(sql).iterate(...params)) yield row as R;
    } catch (e) {
      throw new DatabaseError(this.file, `cannot be read: ${(e as Error).message}`);
    }
  }

  /** Streams a query's rows as arrays (no object per row, for whole-table scans); errors as in iterate(). */
  *rows<R extends unknown[]>(sql: string, ...params: unknown[]): Generator<R> {
    try {
      for (const row of this.db
        .prepare(sql)
        .raw(true)
        .iterate(...params))
        yield row as R;
    } catch (e) {
      throw new DatabaseError(this.file, `cannot be read: ${(e as Error).message}`);
    }
  }

  /**
   * Reads every page of the file (SQLite's quick_check): about 0.1 s for the canon, a few
   * seconds for a national world. Throws a DatabaseError naming the first problem.
   */
  check(): void {
    let result: string;
    try {
      result = String(this.db.pragma('quick_check(1)', { simple: true }));
    } catch (e) {
      throw new DatabaseError(this.file, `is damaged: ${(e as Error).message}`);
    }
    if (result !== 'ok')
      throw new DatabaseError(this.file, `is damaged: ${result.replace(/\s+/g, ' ').trim().slice(0, 200)}`);
  }

  get<R>(sql: string, ...params: unknown[]): R | undefined {
    try {
      return this.statement(sql).get(...params) as R | undefined;
    } catch (e) {
      throw new DatabaseError(this.file, `cannot be read: ${(e as Error).message}`);
    }
  }

  person(id: number): PersonRow | undefined {
    return this.get<PersonRow>('SELECT * FROM people WHERE id = ?', id);
  }

  /** People whose name matches exactly (case-insensitive), or else begins with the text. */
  findPeople(name: string, limit = 20): PersonRow[] {
    const exact = this.all<PersonRow>(
      'SELECT * FROM people WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT ?',
      name,
      limit,
    );
    if (exact.length > 0) return exact;
    return this.all<PersonRow>(
      "SELECT * FROM people WHERE name LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?",
      likePrefix(name),
      limit,
    );
  }

  place(id: number): PlaceRow | undefined {
    return this.get<PlaceRow>('SELECT * FROM places WHERE id = ?', id);
  }

  places(): PlaceRow[] {
    return this.all<PlaceRow>('SELECT * FROM places ORDER BY id');
  }

  /** A place by id, slug or name. */
  findPlace(text: string): PlaceRow | undefined {
    if (/^\d+$/.test(text)) return this.place(Number(text));
    return this.get<PlaceRow>('SELECT * FROM places WHERE slug = ? OR name = ? COLLATE NOCASE', text, text);
  }

  /** Every event a person is part of (as subject, other party or participant), in order. */
  eventsOfPerson(id: number): EventRow[] {
    return eventsOfPerson(this, id);
  }

  event(id: number): EventRow | undefined {
    return this.get<EventRow>('SELECT * FROM events WHERE id = ?', id);
  }

  /** An event row as the API and JSON output give it. */
  toRecord(row: EventRow): EventRecord {
    return {
      id: row.id,
      date: isoDate(row.day),
      day: row.day,
      type: eventTypeName(row.type) ?? EVENT_TYPE_NAMES[0]!,
      person: row.person,
      other: row.other,
      place: row.place,
      value: row.value,
      cause: row.cause,
      data: row.data === null ? null : (JSON.parse(row.data) as unknown),
    };
  }

  /** The type code of a type name, or undefined. */
  static typeCode(name: string): number | undefined {
    return (EVENT_TYPES as Record<string, { code: number } | undefined>)[name]?.code;
  }
}

function likePrefix(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}
