/**
 * The world database's tables. Days are integers counted from 1900-01-01 (src/engine/calendar.ts);
 * the `events_readable` view shows them as dates and types by name for people querying the
 * file with the sqlite3 shell or DuckDB.
 */

/**
 * Version of the database layout; a reader refuses other versions with a clear error.
 * 2: people.key, the person's stable key, so a life can be found again in another run.
 */
export const DB_FORMAT = 2;

/** Marks a file as a Hailsham world (SQLite's application_id; "HLSM"). */
export const APPLICATION_ID = 0x484c_534d;

export const CREATE_TABLES = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE event_types (code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, description TEXT NOT NULL);
CREATE TABLE places (
  id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL,
  lat REAL NOT NULL, lon REAL NOT NULL, fictional INTEGER NOT NULL, detail TEXT,
  opened INTEGER, closes INTEGER, residence INTEGER, generated INTEGER NOT NULL
);
CREATE TABLE people (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, sex TEXT NOT NULL,
  born INTEGER NOT NULL, school INTEGER, cohort INTEGER, phase TEXT NOT NULL, donations INTEGER NOT NULL,
  resident_on INTEGER, carer_on INTEGER, donor_on INTEGER, first_donation_on INTEGER, completed_on INTEGER, centre INTEGER, carer INTEGER,
  key INTEGER NOT NULL
);
CREATE TABLE events (
  id INTEGER PRIMARY KEY, day INTEGER NOT NULL, type INTEGER NOT NULL, person INTEGER, other INTEGER,
  place INTEGER, value NUMERIC, cause INTEGER, data TEXT
);
CREATE TABLE event_people (event INTEGER NOT NULL, person INTEGER NOT NULL, role INTEGER NOT NULL);
`;

/** Indexes are built after the bulk load, which is several times faster than keeping them up to date. */
export const CREATE_INDEXES = `
CREATE INDEX events_person ON events(person, day);
CREATE INDEX events_other ON events(other) WHERE other IS NOT NULL;
CREATE INDEX events_type_day ON events(type, day);
CREATE INDEX events_place_day ON events(place, day);
CREATE INDEX events_cause ON events(cause) WHERE cause IS NOT NULL;
CREATE INDEX event_people_person ON event_people(person);
CREATE INDEX event_people_event ON event_people(event);
CREATE INDEX people_name ON people(name COLLATE NOCASE);
CREATE INDEX people_school_cohort ON people(school, cohort);
CREATE INDEX people_key ON people(key);
CREATE VIEW events_readable AS
  SELECT e.id, date('1900-01-01', '+' || e.day || ' days') AS date, t.name AS type,
         e.person, e.other, e.place, e.value, e.cause, e.data
  FROM events e JOIN event_types t ON t.code = e.type;
`;
