/**
 * The tables a world's modules add beside the core ones (works, beliefs, relationships, a
 * collection, trips, the canon's beats…). Each module chooses its own columns
 * (src/world/module.ts `ExtraTable`), so the API reads them by their column names: a column
 * called `person`, `maker` or `owner` holds a person, `place` or `school` a place, `event` or
 * `cause` an event, and `day`, `since` or anything ending in `_on` a day. A new table therefore
 * shows up on the person and place pages without a change here, as long as its columns are
 * named in these words; a module that wants a better view than a table can get one added.
 */
import { isoDate } from '../engine/calendar.js';
import type { WorldDb } from '../store/reader.js';
import type { Cell, Section } from '../api/schemas.js';

export type ColumnRole = 'person' | 'place' | 'event' | 'day' | 'plain';

export interface SideColumn {
  name: string;
  role: ColumnRole;
}

export interface SideTable {
  name: string;
  title: string;
  columns: SideColumn[];
  /** Rows, or for a rowid table its largest rowid (an upper bound read from one page). */
  rows: number;
  /** Columns an index starts with, which a lookup by value can use. */
  indexed: Set<string>;
  /** Declared WITHOUT ROWID: rows are found by their columns alone. */
  withoutRowid: boolean;
}

/** A table larger than this is looked up only through indexed columns, never scanned per request. */
const SCAN_LIMIT = 50_000;

/** Tables the explorer shows in their own way, never as sections. */
const CORE_TABLES = new Set([
  'meta',
  'event_types',
  'places',
  'people',
  'events',
  'event_people',
  'canon_beats',
]);

const PERSON_COLUMNS = new Set([
  'person',
  'other',
  'maker',
  'owner',
  'holder',
  'subject',
  'believer',
  'carer',
  'donor',
  'buyer',
  'seller',
  'giver',
  'receiver',
  'recipient',
  'partner',
  'friend',
  'teller',
  'student',
  'guardian',
  'member',
  'a',
  'b',
  'from_person',
  'to_person',
  'person_a',
  'person_b',
  'told_by',
  'heard_from',
  'possible',
  'original',
  'leader',
  'via',
  'buyer',
  'ended_by',
  'chosen_by',
]);
const PLACE_COLUMNS = new Set([
  'place',
  'school',
  'centre',
  'residence',
  'base',
  'location',
  'from_place',
  'to_place',
  'destination',
]);
const EVENT_COLUMNS = new Set(['event', 'cause', 'source_event', 'evidence']);
const DAY_COLUMNS = new Set([
  'day',
  'on',
  'since',
  'until',
  'from_day',
  'to_day',
  'until_day',
  'began',
  'ended',
  'made',
  'start_day',
  'end_day',
]);

const TITLES: Record<string, string> = {
  students: 'At school',
  staff: 'On the staff',
  works: 'Works',
  beliefs: 'Beliefs and where they came from',
  relationships: 'Relationships, year by year',
  items: 'Things bought and kept',
  holdings: 'Collection',
  ledger: 'Exchange tokens',
  couples: 'Couples',
  cliques: 'Cliques',
  clique_members: 'Clique memberships',
  collection: 'Collection',
  trips: 'Trips',
  chronicle: 'Chronicle',
  carers: 'As a carer',
};

/** Tables shown first on a page, in this order; the rest follow by name. */
const ORDER = [
  'students',
  'staff',
  'carers',
  'works',
  'couples',
  'relationships',
  'beliefs',
  'holdings',
  'items',
  'cliques',
  'clique_members',
  'ledger',
];

/** The role a column plays, from its name and declared type. */
export function columnRole(name: string, declaredType: string): ColumnRole {
  const n = name.toLowerCase();
  const t = declaredType.toUpperCase();
  const numeric = t === '' || t.includes('INT');
  if (!numeric) return 'plain';
  if (PERSON_COLUMNS.has(n) || n.endsWith('_person') || n.startsWith('person_')) return 'person';
  if (PLACE_COLUMNS.has(n) || n.endsWith('_place')) return 'place';
  if (EVENT_COLUMNS.has(n) || n.endsWith('_event') || n.startsWith('event_')) return 'event';
  if (DAY_COLUMNS.has(n) || /_(on|day|from|until)$/.test(n)) return 'day';
  return 'plain';
}

function humanize(name: string): string {
  const s = name.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Quotes an identifier that came from the database's own catalogue. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The tables beyond the core ones, with their columns' roles.
 * @example discoverSideTables(world).map((t) => t.name) // ['works', 'beliefs']
 */
export function discoverSideTables(w: WorldDb): SideTable[] {
  const names = w.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const out: SideTable[] = [];
  for (const { name } of names) {
    if (CORE_TABLES.has(name)) continue;
    const cols = w.all<{ name: string; type: string }>(`SELECT name, type FROM pragma_table_info(?)`, name);
    const indexed = new Set<string>();
    for (const c of w.all<{ name: string; pk: number; type: string }>(
      'SELECT name, pk, type FROM pragma_table_info(?)',
      name,
    ))
      if (c.pk === 1) indexed.add(c.name);
    for (const i of w.all<{ name: string }>('SELECT name FROM pragma_index_list(?)', name)) {
      const first = w.get<{ name: string }>('SELECT name FROM pragma_index_info(?) WHERE seqno = 0', i.name);
      if (first) indexed.add(first.name);
    }
    const sql =
      w.get<{ sql: string | null }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", name)
        ?.sql ?? '';
    const withoutRowid = /WITHOUT\s+ROWID/i.test(sql);
    // Only ever compared with SCAN_LIMIT: the largest rowid is one read at the table's edge,
    // where counting a big table would read all of it before the explorer's first answer.
    const rows =
      w.get<{ n: number | null }>(
        withoutRowid
          ? `SELECT count(*) AS n FROM ${quoteIdent(name)}`
          : `SELECT max(rowid) AS n FROM ${quoteIdent(name)}`,
      )?.n ?? 0;
    out.push({
      name,
      withoutRowid,
      title: TITLES[name] ?? humanize(name),
      columns: cols.map((c) => ({ name: c.name, role: columnRole(c.name, c.type) })),
      rows,
      indexed,
    });
  }
  const rank = (t: SideTable) => (ORDER.includes(t.name) ? ORDER.indexOf(t.name) : ORDER.length);
  return out.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** A row of a side table, by column name. */
export type Row = Record<string, unknown>;

/** The first of several candidate columns that has a value. */
export function pick(row: Row, names: readonly string[]): unknown {
  for (const n of names) if (row[n] !== undefined && row[n] !== null) return row[n];
  return undefined;
}

/** A value as text, or null. */
export const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
/** A value as a whole number, or null. */
export const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** Looks up names for the references in a table's rows. */
export interface NameLookup {
  people(ids: readonly number[]): Map<number, string>;
  place(id: number): string | undefined;
}

const MAX_ROWS = 200;
/** Pictures are drawn one request each; a page shows at most this many. */
const MAX_PICTURES = 48;

/**
 * The rows of a side table that name a person (or place) in a column of the given role, as a
 * section of a page; null when there are none.
 */
export function sectionOf(
  w: WorldDb,
  table: SideTable,
  role: 'person' | 'place',
  id: number,
  names: NameLookup,
): Section | null {
  let keys = table.columns.filter((c) => c.role === role);
  if (table.rows > SCAN_LIMIT) keys = keys.filter((c) => table.indexed.has(c.name));
  if (keys.length === 0) return null;
  // A school's works: the ones the Gallery took, when the table says which.
  const gallery = table.name === 'works' && role === 'place' && table.columns.some((c) => c.name === 'fate');
  const extra = gallery ? " AND fate = 'gallery'" : '';
  // One query per column, so each can use its own index; a row naming the subject twice counts once.
  const params = keys.map(() => id);
  const where =
    keys.length === 1 || table.withoutRowid
      ? `(${keys.map((c) => `${quoteIdent(c.name)} = ?`).join(' OR ')})${extra}`
      : `rowid IN (${keys.map((c) => `SELECT rowid FROM ${quoteIdent(table.name)} WHERE ${quoteIdent(c.name)} = ?${extra}`).join(' UNION ')})`;
  const total =
    w.get<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(table.name)} WHERE ${where}`, ...params)
      ?.n ?? 0;
  if (total === 0) return null;
  const pictures = table.name === 'works' && table.columns.some((c) => c.name === 'id');
  const limit = pictures ? MAX_PICTURES : MAX_ROWS;
  const firstDay = table.columns.find((c) => c.role === 'day');
  const order = [firstDay ? quoteIdent(firstDay.name) : null, table.withoutRowid ? null : 'rowid']
    .filter(Boolean)
    .join(', ');
  const raw = w.all<Record<string, unknown>>(
    `SELECT * FROM ${quoteIdent(table.name)} WHERE ${where}${order ? ` ORDER BY ${order}` : ''} LIMIT ${limit}`,
    ...params,
  );
  // The column that matched is the page's own subject; show it only if there are several.
  const shown = table.columns.filter((c) => !(keys.length === 1 && c === keys[0]));
  const personIds: number[] = [];
  for (const r of raw)
    for (const c of shown)
      if (c.role === 'person' && typeof r[c.name] === 'number') personIds.push(r[c.name] as number);
  const people = names.people(personIds);
  const rows: Cell[][] = raw.map((r) => shown.map((c) => cellOf(r[c.name], c.role, people, names)));
  const section: Section = {
    key: table.name,
    title: gallery ? 'The Gallery: works taken from here' : table.title,
    columns: shown.map((c) => humanize(c.name)),
    rows,
    total,
    truncated: total > raw.length,
  };
  if (pictures) {
    section.pictures = raw.map((r) => ({
      id: Number(r.id),
      title: typeof r.title === 'string' ? r.title : `Work ${String(r.id)}`,
    }));
  }
  return section;
}

function cellOf(v: unknown, role: ColumnRole, people: Map<number, string>, names: NameLookup): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') v = Number(v);
  if (typeof v === 'number') {
    switch (role) {
      case 'person':
        return { ref: 'person', id: v, text: people.get(v) ?? `#${v}` };
      case 'place':
        return { ref: 'place', id: v, text: names.place(v) ?? `place ${v}` };
      case 'event':
        return { ref: 'event', id: v, text: `event ${v}` };
      case 'day':
        return isoDate(v);
      default:
        return v;
    }
  }
  if (typeof v === 'string') return v.length > 400 ? `${v.slice(0, 400)}…` : v;
  if (Buffer.isBuffer(v)) return `(${v.length} bytes)`;
  return JSON.stringify(v) ?? '';
}
