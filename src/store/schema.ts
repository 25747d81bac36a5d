/**
 * The world database's layout as a whole: its format version, its application id, and the
 * statements that create the core tables and (after the bulk load) their indexes. Each table is
 * declared once in src/store/tables/. The `events_readable` view shows days as dates and types
 * by name for people querying the file with the sqlite3 shell or DuckDB.
 */
import { CORE_TABLES, eventPeople, events, people } from './tables/index.js';

/**
 * Version of the database layout; a reader refuses other versions with a clear error.
 * 2: people.key, the person's stable key, so a life can be found again in another run.
 */
export const DB_FORMAT = 2;

/** Marks a file as a Hailsham world (SQLite's application_id; "HLSM"). */
export const APPLICATION_ID = 0x484c_534d;

const statements = (list: readonly string[]) => list.map((s) => `${s};\n`).join('');

/** Creates the core tables of an empty world. */
export const CREATE_TABLES = statements(CORE_TABLES.map((t) => t.create));

/** The view that shows events with dates and type names. */
export const EVENTS_VIEW = `CREATE VIEW events_readable AS
  SELECT e.id, date('1900-01-01', '+' || e.day || ' days') AS date, t.name AS type,
         e.person, e.other, e.place, e.value, e.cause, e.data
  FROM events e JOIN event_types t ON t.code = e.type`;

/** Indexes are built after the bulk load, which is several times faster than keeping them up to date. */
export const CREATE_INDEXES = statements([
  ...[events, eventPeople, people].flatMap((t) => t.indexes),
  EVENTS_VIEW,
]);
