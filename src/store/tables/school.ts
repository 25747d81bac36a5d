/**
 * The tables school life adds to the world database, one declaration each. Every row can be
 * checked against the log: a work's `made_event` and `fate_event`, a holding's `event_in` and
 * `event_out`, a belief's `source_event` and `origin_event`, a ledger row's `event`.
 */
import { defineTable, type RowObject } from './define.js';

/** Everyone school life followed: their hand, their traits, and their figures at the end. */
export const students = defineTable('students', [
  ['person', 'INTEGER PRIMARY KEY'],
  ['school', 'INTEGER NOT NULL'],
  ['veteran', 'INTEGER NOT NULL'],
  ['style', 'TEXT NOT NULL'],
  ['hue', 'INTEGER NOT NULL'],
  ['medium', 'TEXT NOT NULL'],
  ['talent', 'REAL NOT NULL'],
  ['originality', 'REAL NOT NULL'],
  ['temperament', 'REAL NOT NULL'],
  ['late', 'INTEGER NOT NULL'],
  ['pace', 'REAL NOT NULL'],
  ['sociability', 'REAL NOT NULL'],
  ['agreeableness', 'REAL NOT NULL'],
  ['temper', 'REAL NOT NULL'],
  ['confidence', 'REAL NOT NULL'],
  ['credulity', 'REAL NOT NULL'],
  ['imagination', 'REAL NOT NULL'],
  ['tokens', 'INTEGER NOT NULL'],
  ['standing', 'REAL NOT NULL'],
  ['chosen', 'INTEGER NOT NULL'],
  ['works', 'INTEGER NOT NULL'],
] as const);

/** Every work made: its qualities, and what became of it (kept, exchanged, the Gallery). */
export const works = defineTable(
  'works',
  [
    ['id', 'INTEGER PRIMARY KEY'],
    ['maker', 'INTEGER NOT NULL'],
    ['made_on', 'INTEGER NOT NULL'],
    ['place', 'INTEGER NOT NULL'],
    ['medium', 'TEXT NOT NULL'],
    ['style', 'TEXT NOT NULL'],
    ['skill', 'REAL NOT NULL'],
    ['originality', 'REAL NOT NULL'],
    ['temperament', 'REAL NOT NULL'],
    ['hue', 'INTEGER NOT NULL'],
    ['maker_age', 'REAL NOT NULL'],
    ['title', 'TEXT NOT NULL'],
    ['fate', 'TEXT NOT NULL'],
    ['owner', 'INTEGER'],
    ['made_event', 'INTEGER NOT NULL'],
    ['fate_on', 'INTEGER NOT NULL'],
    ['fate_event', 'INTEGER'],
    ['paid', 'INTEGER NOT NULL'],
    ['price', 'INTEGER NOT NULL'],
  ] as const,
  {
    indexes: ['CREATE INDEX works_maker ON works(maker)', 'CREATE INDEX works_owner ON works(owner)'],
  },
);

/** Things bought at Sales (and copies found later). */
export const items = defineTable('items', [
  ['id', 'INTEGER PRIMARY KEY'],
  ['kind', 'TEXT NOT NULL'],
  ['label', 'TEXT NOT NULL'],
  ['sale_event', 'INTEGER'],
  ['bought_on', 'INTEGER NOT NULL'],
  ['price', 'INTEGER NOT NULL'],
  ['buyer', 'INTEGER NOT NULL'],
  ['owner', 'INTEGER NOT NULL'],
  ['fate', 'TEXT NOT NULL'],
  ['lost_on', 'INTEGER'],
  ['found_on', 'INTEGER'],
  ['found_event', 'INTEGER'],
  ['copy_of', 'INTEGER'],
] as const);

/** Who held which thing, from when to when, and how it came and went. */
export const holdings = defineTable(
  'holdings',
  [
    ['item', 'INTEGER NOT NULL'],
    ['person', 'INTEGER NOT NULL'],
    ['from_day', 'INTEGER NOT NULL'],
    ['until_day', 'INTEGER'],
    ['event_in', 'INTEGER NOT NULL'],
    ['event_out', 'INTEGER'],
    ['how_in', 'TEXT NOT NULL'],
    ['how_out', 'TEXT'],
  ] as const,
  {
    indexes: [
      'CREATE INDEX holdings_person ON holdings(person)',
      'CREATE INDEX holdings_item ON holdings(item)',
    ],
  },
);

/** Every change to a student's Exchange tokens, with the balance after it. */
export const ledger = defineTable(
  'ledger',
  [
    ['person', 'INTEGER NOT NULL'],
    ['day', 'INTEGER NOT NULL'],
    ['event', 'INTEGER NOT NULL'],
    ['delta', 'INTEGER NOT NULL'],
    ['balance', 'INTEGER NOT NULL'],
    ['reason', 'TEXT NOT NULL'],
  ] as const,
  { indexes: ['CREATE INDEX ledger_person ON ledger(person, day)'] },
);

/** What can be believed: each proposition's versions, their wording and whether they are true. */
export const propositions = defineTable(
  'propositions',
  [
    ['proposition', 'TEXT NOT NULL'],
    ['version', 'TEXT NOT NULL'],
    ['about', 'TEXT NOT NULL'],
    ['text', 'TEXT NOT NULL'],
    ['truth', 'INTEGER'],
    ['spread', 'REAL NOT NULL'],
  ] as const,
  { constraints: 'PRIMARY KEY (proposition, version)' },
);

/** Who believed what, from when to when, and where each belief came from. */
export const beliefs = defineTable(
  'beliefs',
  [
    ['id', 'INTEGER PRIMARY KEY'],
    ['person', 'INTEGER NOT NULL'],
    ['proposition', 'TEXT NOT NULL'],
    ['version', 'TEXT NOT NULL'],
    ['about', 'INTEGER'],
    ['held_from', 'INTEGER NOT NULL'],
    ['held_until', 'INTEGER'],
    ['source_event', 'INTEGER NOT NULL'],
    ['source_kind', 'TEXT NOT NULL'],
    ['via', 'INTEGER'],
    ['parent', 'INTEGER'],
    ['origin_event', 'INTEGER NOT NULL'],
    ['confidence', 'REAL NOT NULL'],
    ['truth', 'INTEGER'],
  ] as const,
  {
    indexes: [
      'CREATE INDEX beliefs_person ON beliefs(person, held_from)',
      'CREATE INDEX beliefs_origin ON beliefs(origin_event)',
      'CREATE INDEX beliefs_prop ON beliefs(proposition, held_from)',
    ],
  },
);

/** Couples, at school and at the Cottages: when formed, when and why ended. */
export const couples = defineTable('couples', [
  ['id', 'INTEGER PRIMARY KEY'],
  ['a', 'INTEGER NOT NULL'],
  ['b', 'INTEGER NOT NULL'],
  ['place', 'INTEGER NOT NULL'],
  ['formed_on', 'INTEGER NOT NULL'],
  ['formed_event', 'INTEGER NOT NULL'],
  ['ended_on', 'INTEGER'],
  ['ended_event', 'INTEGER'],
  ['ended_by', 'INTEGER'],
  ['reason', 'TEXT'],
] as const);

export const cliques = defineTable('cliques', [
  ['id', 'INTEGER PRIMARY KEY'],
  ['place', 'INTEGER NOT NULL'],
  ['leader', 'INTEGER NOT NULL'],
  ['founded_on', 'INTEGER NOT NULL'],
  ['founded_event', 'INTEGER NOT NULL'],
  ['ended_on', 'INTEGER'],
] as const);

export const cliqueMembers = defineTable('clique_members', [
  ['clique', 'INTEGER NOT NULL'],
  ['person', 'INTEGER NOT NULL'],
  ['joined_on', 'INTEGER NOT NULL'],
  ['left_on', 'INTEGER'],
] as const);

/** How each followed person felt about each other they knew, year by year. */
export const relationships = defineTable(
  'relationships',
  [
    ['person', 'INTEGER NOT NULL'],
    ['other', 'INTEGER NOT NULL'],
    ['year', 'INTEGER NOT NULL'],
    ['friendship', 'REAL NOT NULL'],
    ['romance', 'REAL NOT NULL'],
    ['trust', 'REAL NOT NULL'],
  ] as const,
  { indexes: ['CREATE INDEX relationships_person ON relationships(person, year)'] },
);

/** Guardians and other staff of the full-detail schools. */
export const staff = defineTable('staff', [
  ['person', 'INTEGER PRIMARY KEY'],
  ['place', 'INTEGER NOT NULL'],
  ['role', 'TEXT NOT NULL'],
  ['warmth', 'REAL NOT NULL'],
  ['plain', 'INTEGER NOT NULL'],
  ['joined_on', 'INTEGER NOT NULL'],
  ['left_on', 'INTEGER'],
] as const);

export type StudentRow = RowObject<typeof students.columns>;
export type WorkRow = RowObject<typeof works.columns>;
export type ItemRow = RowObject<typeof items.columns>;
export type HoldingRow = RowObject<typeof holdings.columns>;
export type LedgerRow = RowObject<typeof ledger.columns>;
export type PropositionRow = RowObject<typeof propositions.columns>;
export type BeliefRow = RowObject<typeof beliefs.columns>;
export type CoupleRow = RowObject<typeof couples.columns>;
export type CliqueRow = RowObject<typeof cliques.columns>;
export type CliqueMemberRow = RowObject<typeof cliqueMembers.columns>;
export type RelationshipRow = RowObject<typeof relationships.columns>;
export type StaffRow = RowObject<typeof staff.columns>;
