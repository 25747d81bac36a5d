/**
 * The core tables every world has: the run's `meta`, the `event_types` it names, the `places`,
 * the `people` (one row each, with the days they entered each phase folded from the log), the
 * `events` themselves and the `event_people` of many-sided events. Days are integers counted
 * from 1900-01-01 (src/engine/calendar.ts).
 */
import { defineTable, type RowObject, type RowTuple } from './define.js';

export const meta = defineTable(
  'meta',
  [
    ['key', 'TEXT PRIMARY KEY'],
    ['value', 'TEXT NOT NULL'],
  ] as const,
  { suffix: 'WITHOUT ROWID' },
);

export const eventTypes = defineTable('event_types', [
  ['code', 'INTEGER PRIMARY KEY'],
  ['name', 'TEXT NOT NULL UNIQUE'],
  ['description', 'TEXT NOT NULL'],
] as const);

export const places = defineTable('places', [
  ['id', 'INTEGER PRIMARY KEY'],
  ['slug', 'TEXT NOT NULL UNIQUE'],
  ['name', 'TEXT NOT NULL'],
  ['kind', 'TEXT NOT NULL'],
  ['lat', 'REAL NOT NULL'],
  ['lon', 'REAL NOT NULL'],
  ['fictional', 'INTEGER NOT NULL'],
  ['detail', 'TEXT'],
  ['opened', 'INTEGER'],
  ['closes', 'INTEGER'],
  ['residence', 'INTEGER'],
  ['generated', 'INTEGER NOT NULL'],
] as const);

export const people = defineTable(
  'people',
  [
    ['id', 'INTEGER PRIMARY KEY'],
    ['name', 'TEXT NOT NULL'],
    ['kind', 'TEXT NOT NULL'],
    ['sex', 'TEXT NOT NULL'],
    ['born', 'INTEGER NOT NULL'],
    ['school', 'INTEGER'],
    ['cohort', 'INTEGER'],
    ['phase', 'TEXT NOT NULL'],
    ['donations', 'INTEGER NOT NULL'],
    ['resident_on', 'INTEGER'],
    ['carer_on', 'INTEGER'],
    ['donor_on', 'INTEGER'],
    ['first_donation_on', 'INTEGER'],
    ['completed_on', 'INTEGER'],
    ['centre', 'INTEGER'],
    ['carer', 'INTEGER'],
    ['key', 'INTEGER NOT NULL'],
  ] as const,
  {
    indexes: [
      'CREATE INDEX people_name ON people(name COLLATE NOCASE)',
      'CREATE INDEX people_school_cohort ON people(school, cohort)',
      'CREATE INDEX people_key ON people(key)',
    ],
  },
);

export const events = defineTable(
  'events',
  [
    ['id', 'INTEGER PRIMARY KEY'],
    ['day', 'INTEGER NOT NULL'],
    ['type', 'INTEGER NOT NULL'],
    ['person', 'INTEGER'],
    ['other', 'INTEGER'],
    ['place', 'INTEGER'],
    ['value', 'NUMERIC'],
    ['cause', 'INTEGER'],
    ['data', 'TEXT'],
  ] as const,
  {
    indexes: [
      'CREATE INDEX events_person ON events(person, day)',
      'CREATE INDEX events_other ON events(other) WHERE other IS NOT NULL',
      'CREATE INDEX events_type_day ON events(type, day)',
      'CREATE INDEX events_place_day ON events(place, day)',
      'CREATE INDEX events_cause ON events(cause) WHERE cause IS NOT NULL',
    ],
  },
);

export const eventPeople = defineTable(
  'event_people',
  [
    ['event', 'INTEGER NOT NULL'],
    ['person', 'INTEGER NOT NULL'],
    ['role', 'INTEGER NOT NULL'],
  ] as const,
  {
    indexes: [
      'CREATE INDEX event_people_person ON event_people(person)',
      'CREATE INDEX event_people_event ON event_people(event)',
    ],
  },
);

/** The core tables, in the order they are created. */
export const CORE_TABLES = [meta, eventTypes, places, people, events, eventPeople] as const;

/** A raw row of the events table. */
export type EventRow = RowObject<typeof events.columns>;
export type PersonRow = RowObject<typeof people.columns>;
export type PlaceRow = RowObject<typeof places.columns>;
export type EventPeopleRow = RowObject<typeof eventPeople.columns>;
export type PlaceTuple = RowTuple<typeof places.columns>;
export type PersonTuple = RowTuple<typeof people.columns>;
