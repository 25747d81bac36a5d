/**
 * The log a page at a time, for a reader that pages through it by hand (the explorer's API):
 * events selected by the same filter as eventQuery() in queries.ts, plus a cursor, each query
 * shaped to walk one of the log's indexes in order and stop at the page's end, so a national log
 * of millions of events pages as fast as a small one. Counts stop at a cap and say so. Also the
 * effects of an event, which need the `cause` index a world may lack.
 */
import { EVENT_TYPE_NAMES, EVENT_TYPES } from '../world/event-types.js';
import { dayConditions, eventsOfPerson, type EventFilter } from './queries.js';
import type { EventRow, WorldDb } from './reader.js';

/** An event filter with a cursor: only events after this id. */
export type EventPageFilter = EventFilter & { after?: number };

/** A page of events and how many the filter selects (a lower bound when not exact). */
export interface EventPage {
  rows: EventRow[];
  total: number;
  exact: boolean;
}

const shapes = new WeakMap<WorldDb, { first: number; last: number; hasCauseIndex: boolean }>();

/** The log's first and last ids and whether it has an index on `cause`, read once a world. */
function logShape(w: WorldDb) {
  let s = shapes.get(w);
  if (!s) {
    // Two queries, because SQLite answers a lone min() or max() from the end of the index at once.
    const first = w.get<{ a: number | null }>('SELECT min(id) AS a FROM events')?.a;
    const last = w.get<{ b: number | null }>('SELECT max(id) AS b FROM events')?.b;
    const hasCauseIndex = w
      .all<{ name: string }>("SELECT name FROM pragma_index_list('events')")
      .some(
        (i) =>
          w.get<{ name: string }>('SELECT name FROM pragma_index_info(?) WHERE seqno = 0', i.name)?.name ===
          'cause',
      );
    s = { first: first ?? 1, last: last ?? 0, hasCauseIndex };
    shapes.set(w, s);
  }
  return s;
}

/**
 * The first event id on or after a day. Ids are given in the order events happen (the engine's
 * queue is ordered by day), so a binary search over ids finds a day's place in the log.
 */
function firstIdOnOrAfter(w: WorldDb, day: number): number {
  const { first, last } = logShape(w);
  const dayAt = w.db.prepare('SELECT day FROM events WHERE id >= ? ORDER BY id LIMIT 1').pluck();
  let lo = first;
  let hi = last + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const d = dayAt.get(mid) as number | undefined;
    if (d === undefined || d >= day) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

interface Plan {
  where: string[];
  params: unknown[];
}

/** Conditions on days and the cursor, shared by every plan. */
function bounds(w: WorldDb, f: EventPageFilter): Plan {
  const { where, params } = dayConditions(f);
  if (f.after !== undefined) {
    // The day bound lets an index on (…, day) start at the cursor instead of scanning to it.
    const d = w.get<{ day: number }>('SELECT day FROM events WHERE id = ?', f.after)?.day;
    if (d !== undefined) {
      where.push('day >= ?');
      params.push(d);
    }
    where.push('id > ?');
    params.push(f.after);
  }
  return { where, params };
}

function sqlWhere(where: string[]): string {
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

/**
 * A page of the events a filter selects, in the order they happened, and their count up to
 * `cap` (beyond it `exact` is false), choosing the index that serves the filter.
 * @example eventPage(w, { types: [EVENT_CODES.donation], after: 120 }, { limit: 50, offset: 0 }, 10_000).rows
 */
export function eventPage(
  w: WorldDb,
  f: EventPageFilter,
  page: { limit: number; offset: number },
  cap: number,
): EventPage {
  const codes = f.types;
  const b = bounds(w, f);
  const count = (sql: string, params: unknown[]) =>
    w.get<{ n: number }>(`SELECT count(*) AS n FROM (${sql} LIMIT ${cap + 1})`, ...params)!.n;

  if (f.person !== undefined) {
    // A life has at most a few thousand events: take them all and filter here.
    const types = codes ? new Set(codes) : null;
    const all = eventsOfPerson(w, f.person).filter(
      (e) =>
        (!types || types.has(e.type)) &&
        (f.place === undefined || e.place === f.place) &&
        (f.from === undefined || e.day >= f.from) &&
        (f.to === undefined || e.day <= f.to) &&
        (f.after === undefined || e.id > f.after),
    );
    return { rows: all.slice(page.offset, page.offset + page.limit), total: all.length, exact: true };
  }

  if (f.place !== undefined || (codes && codes.length === 1)) {
    // One index on (place, day) or (type, day), walked in order.
    const where = [...b.where];
    const params = [...b.params];
    if (f.place !== undefined) {
      where.unshift('place = ?');
      params.unshift(f.place);
    }
    if (codes) {
      where.push(`type IN (${codes.map(() => '?').join(',')})`);
      params.push(...codes);
    }
    const sql = `SELECT * FROM events ${sqlWhere(where)} ORDER BY day, id`;
    const rows = w.all<EventRow>(`${sql} LIMIT ? OFFSET ?`, ...params, page.limit, page.offset);
    const n = count(`SELECT 1 FROM events ${sqlWhere(where)}`, params);
    return { rows, total: n, exact: n <= cap };
  }

  if (codes) {
    // Several types: each type's index yields its first rows in order, and the pieces are merged.
    const k = page.offset + page.limit;
    const parts = codes.map(
      () =>
        `SELECT * FROM (SELECT * FROM events ${sqlWhere(['type = ?', ...b.where])} ORDER BY day, id LIMIT ${k})`,
    );
    const params = codes.flatMap((c) => [c, ...b.params]);
    const rows = w.all<EventRow>(
      `${parts.join(' UNION ALL ')} ORDER BY day, id LIMIT ? OFFSET ?`,
      ...params,
      page.limit,
      page.offset,
    );
    let n = 0;
    for (const c of codes)
      n += count(`SELECT 1 FROM events ${sqlWhere(['type = ?', ...b.where])}`, [c, ...b.params]);
    return { rows, total: n, exact: n <= cap };
  }

  // No filter but dates: the log itself, from the first id of the first day.
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.from !== undefined) {
    where.push('id >= ?');
    params.push(firstIdOnOrAfter(w, f.from));
  }
  if (f.to !== undefined) {
    where.push('id < ?');
    params.push(firstIdOnOrAfter(w, f.to + 1));
  }
  if (f.after !== undefined) {
    where.push('id > ?');
    params.push(f.after);
  }
  const sql = `SELECT * FROM events ${sqlWhere(where)} ORDER BY id`;
  const rows = w.all<EventRow>(`${sql} LIMIT ? OFFSET ?`, ...params, page.limit, page.offset);
  if (where.length === 0) return { rows, total: w.meta.events, exact: true };
  const n = count(`SELECT 1 FROM events ${sqlWhere(where)}`, params);
  return { rows, total: n, exact: n <= cap };
}

/**
 * At most `max` events an event caused, in order: exact with an index on `cause`; in a world
 * without one, those of the same person from that day on or of the same day.
 */
export function eventEffects(w: WorldDb, e: EventRow, max: number): EventRow[] {
  if (logShape(w).hasCauseIndex)
    return w.all<EventRow>(`SELECT * FROM events WHERE cause = ? ORDER BY id LIMIT ${max}`, e.id);
  const seen = new Map<number, EventRow>();
  if (e.person !== null)
    for (const r of w.all<EventRow>(
      'SELECT * FROM events WHERE person = ? AND day >= ? AND cause = ? LIMIT ?',
      e.person,
      e.day,
      e.id,
      max,
    ))
      seen.set(r.id, r);
  const codes = EVENT_TYPE_NAMES.map((n) => EVENT_TYPES[n].code);
  for (const r of w.all<EventRow>(
    `SELECT * FROM events WHERE type IN (${codes.join(',')}) AND day = ? AND cause = ? LIMIT ?`,
    e.day,
    e.id,
    max,
  ))
    seen.set(r.id, r);
  return [...seen.values()].sort((a, b) => a.id - b.id).slice(0, max);
}
