/**
 * The log: events filtered by type, person, place and dates, and one event with its chain of
 * causes and its effects. Every query is shaped to walk one of the log's indexes in order and
 * stop at the page's end, so a national log of millions of events answers as fast as a small
 * one; counts stop at 10,000 and say so.
 */
import { z } from 'zod';
import { HttpError } from '../../errors.js';
import type { EventRow } from '../../store/reader.js';
import { EVENT_TYPE_NAMES, EVENT_TYPES, T, type EventTypeName } from '../../world/event-types.js';
import type { ApiContext } from '../context.js';
import { dateParam, idParam, oneOrMore, paging, wholeNumber } from '../params.js';
import { defineRoute, nextPage } from '../route.js';
import { EventDetail, EventsPage } from '../../api/schemas.js';

/** Counting stops here: beyond it a total is a lower bound. */
const COUNT_CAP = 10_000;
/** Offsets go this deep; further pages use the `after` cursor the responses give. */
const MAX_OFFSET = 10_000;
const MAX_CHAIN = 100;
const MAX_EFFECTS = 200;

const EventsQuery = z.strictObject({
  type: oneOrMore(EVENT_TYPE_NAMES, 'event types').optional(),
  person: wholeNumber(
    0,
    2_147_483_647,
    'a person taking part (as subject, other party or participant)',
  ).optional(),
  place: wholeNumber(0, 1_000_000, 'where it happened').optional(),
  from: dateParam('first day').optional(),
  to: dateParam('last day').optional(),
  after: wholeNumber(0, 2_147_483_647, 'continue after this event id (the cursor in `next`)').optional(),
  limit: paging(200, 50).limit,
  offset: wholeNumber(0, MAX_OFFSET, `how many to skip (at most ${MAX_OFFSET}; use \`after\` beyond)`)
    .optional()
    .transform((v) => v ?? 0),
});
type EventsQuery = z.output<typeof EventsQuery>;

const ids = new WeakMap<ApiContext, { first: number; last: number; hasCauseIndex: boolean }>();

function logShape(api: ApiContext) {
  let s = ids.get(api);
  if (!s) {
    // Two queries, because SQLite answers a lone min() or max() from the end of the index at once.
    const first = api.world.get<{ a: number | null }>('SELECT min(id) AS a FROM events')?.a;
    const last = api.world.get<{ b: number | null }>('SELECT max(id) AS b FROM events')?.b;
    const hasCauseIndex = api.world
      .all<{ name: string }>("SELECT name FROM pragma_index_list('events')")
      .some(
        (i) =>
          api.world.get<{ name: string }>('SELECT name FROM pragma_index_info(?) WHERE seqno = 0', i.name)
            ?.name === 'cause',
      );
    s = { first: first ?? 1, last: last ?? 0, hasCauseIndex };
    ids.set(api, s);
  }
  return s;
}

/**
 * The first event id on or after a day. Ids are given in the order events happen (the engine's
 * queue is ordered by day), so a binary search over ids finds a day's place in the log.
 */
function firstIdOnOrAfter(api: ApiContext, day: number): number {
  const { first, last } = logShape(api);
  const dayAt = api.world.db.prepare('SELECT day FROM events WHERE id >= ? ORDER BY id LIMIT 1').pluck();
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
function bounds(q: EventsQuery, api: ApiContext): Plan {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.from !== undefined) {
    where.push('day >= ?');
    params.push(q.from);
  }
  if (q.to !== undefined) {
    where.push('day <= ?');
    params.push(q.to);
  }
  if (q.after !== undefined) {
    // The day bound lets an index on (…, day) start at the cursor instead of scanning to it.
    const d = api.world.get<{ day: number }>('SELECT day FROM events WHERE id = ?', q.after)?.day;
    if (d !== undefined) {
      where.push('day >= ?');
      params.push(d);
    }
    where.push('id > ?');
    params.push(q.after);
  }
  return { where, params };
}

function sqlWhere(where: string[]): string {
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

/** A page of events and a (possibly capped) count, choosing the index that serves the filters. */
function findEvents(api: ApiContext, q: EventsQuery): { rows: EventRow[]; total: number; exact: boolean } {
  const w = api.world;
  const codes = q.type?.map((t) => EVENT_TYPES[t].code);
  const b = bounds(q, api);
  const count = (sql: string, params: unknown[]) =>
    w.get<{ n: number }>(`SELECT count(*) AS n FROM (${sql} LIMIT ${COUNT_CAP + 1})`, ...params)!.n;

  if (q.person !== undefined) {
    // A life has at most a few thousand events: take them all and filter here.
    const types = codes ? new Set(codes) : null;
    const all = w
      .eventsOfPerson(q.person)
      .filter(
        (e) =>
          (!types || types.has(e.type)) &&
          (q.place === undefined || e.place === q.place) &&
          (q.from === undefined || e.day >= q.from) &&
          (q.to === undefined || e.day <= q.to) &&
          (q.after === undefined || e.id > q.after),
      );
    return { rows: all.slice(q.offset, q.offset + q.limit), total: all.length, exact: true };
  }

  if (q.place !== undefined || (codes && codes.length === 1)) {
    // One index on (place, day) or (type, day), walked in order.
    const where = [...b.where];
    const params = [...b.params];
    if (q.place !== undefined) {
      where.unshift('place = ?');
      params.unshift(q.place);
    }
    if (codes) {
      where.push(`type IN (${codes.map(() => '?').join(',')})`);
      params.push(...codes);
    }
    const sql = `SELECT * FROM events ${sqlWhere(where)} ORDER BY day, id`;
    const rows = w.all<EventRow>(`${sql} LIMIT ? OFFSET ?`, ...params, q.limit, q.offset);
    const n = count(`SELECT 1 FROM events ${sqlWhere(where)}`, params);
    return { rows, total: n, exact: n <= COUNT_CAP };
  }

  if (codes) {
    // Several types: each type's index yields its first rows in order, and the pieces are merged.
    const k = q.offset + q.limit;
    const parts = codes.map(
      () =>
        `SELECT * FROM (SELECT * FROM events ${sqlWhere(['type = ?', ...b.where])} ORDER BY day, id LIMIT ${k})`,
    );
    const params = codes.flatMap((c) => [c, ...b.params]);
    const rows = w.all<EventRow>(
      `${parts.join(' UNION ALL ')} ORDER BY day, id LIMIT ? OFFSET ?`,
      ...params,
      q.limit,
      q.offset,
    );
    let n = 0;
    for (const c of codes)
      n += count(`SELECT 1 FROM events ${sqlWhere(['type = ?', ...b.where])}`, [c, ...b.params]);
    return { rows, total: n, exact: n <= COUNT_CAP };
  }

  // No filter but dates: the log itself, from the first id of the first day.
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.from !== undefined) {
    where.push('id >= ?');
    params.push(firstIdOnOrAfter(api, q.from));
  }
  if (q.to !== undefined) {
    where.push('id < ?');
    params.push(firstIdOnOrAfter(api, q.to + 1));
  }
  if (q.after !== undefined) {
    where.push('id > ?');
    params.push(q.after);
  }
  const sql = `SELECT * FROM events ${sqlWhere(where)} ORDER BY id`;
  const rows = w.all<EventRow>(`${sql} LIMIT ? OFFSET ?`, ...params, q.limit, q.offset);
  if (where.length === 0) return { rows, total: w.meta.events, exact: true };
  const n = count(`SELECT 1 FROM events ${sqlWhere(where)}`, params);
  return { rows, total: n, exact: n <= COUNT_CAP };
}

/** Events an event caused: exact with an index on `cause`, otherwise those of the same person or day. */
function effectsOf(api: ApiContext, e: EventRow): { rows: EventRow[] } {
  const w = api.world;
  if (logShape(api).hasCauseIndex)
    return {
      rows: w.all<EventRow>(`SELECT * FROM events WHERE cause = ? ORDER BY id LIMIT ${MAX_EFFECTS}`, e.id),
    };
  const seen = new Map<number, EventRow>();
  if (e.person !== null)
    for (const r of w.all<EventRow>(
      'SELECT * FROM events WHERE person = ? AND day >= ? AND cause = ? LIMIT ?',
      e.person,
      e.day,
      e.id,
      MAX_EFFECTS,
    ))
      seen.set(r.id, r);
  const codes = EVENT_TYPE_NAMES.map((n) => EVENT_TYPES[n].code);
  for (const r of w.all<EventRow>(
    `SELECT * FROM events WHERE type IN (${codes.join(',')}) AND day = ? AND cause = ? LIMIT ?`,
    e.day,
    e.id,
    MAX_EFFECTS,
  ))
    seen.set(r.id, r);
  return { rows: [...seen.values()].sort((a, b) => a.id - b.id).slice(0, MAX_EFFECTS) };
}

export const eventRoutes = [
  defineRoute({
    path: '/api/events',
    operationId: 'listEvents',
    tag: 'events',
    summary: 'Events, filtered by type, person, place and dates, in the order they happened',
    description: `Counts stop at ${COUNT_CAP} (\`totalExact\` is then false). Offsets go to ${MAX_OFFSET}; \`next\` continues with the \`after\` cursor.`,
    query: EventsQuery,
    response: EventsPage,
    handler: ({ api, query, url }) => {
      const { rows, total, exact } = findEvents(api, query);
      const last = rows[rows.length - 1];
      const more = rows.length === query.limit && (!exact || query.offset + rows.length < total);
      return {
        items: api.eventViews(rows),
        limit: query.limit,
        offset: query.offset,
        total,
        totalExact: exact,
        next: more && last ? nextPage(url, { after: String(last.id), offset: null }) : null,
      };
    },
  }),
  defineRoute({
    path: '/api/events/{id}',
    operationId: 'getEvent',
    tag: 'events',
    summary: 'An event with the chain of events that caused it, what it caused, and who and where',
    params: z.strictObject({ id: idParam }),
    response: EventDetail,
    errors: { 404: 'no event has this id' },
    handler: ({ api, params }) => {
      const w = api.world;
      const row = w.event(params.id);
      if (!row) throw new HttpError(404, `no event has the id ${params.id}`);
      const chain: EventRow[] = [];
      let cause = row.cause;
      while (cause !== null && chain.length < MAX_CHAIN) {
        const c = w.event(cause);
        if (!c) break;
        chain.push(c);
        cause = c.cause;
      }
      const { rows: effects } = effectsOf(api, row);
      const participants = w.all<{ person: number; role: number }>(
        'SELECT person, role FROM event_people WHERE event = ? ORDER BY rowid',
        row.id,
      );
      const named = [row.person, row.other, ...participants.map((p) => p.person)].filter(
        (x): x is number => x !== null,
      );
      const names = api.peopleNames(named);
      const ref = (id: number) => ({ id, name: names.get(id) ?? `#${id}` });
      const [view] = api.eventViews([row]);
      const typeName: EventTypeName = view!.type;
      const def = EVENT_TYPES[typeName] as { description: string; roles: Record<string, string> } | undefined;
      const place = row.place !== null ? api.placeById.get(row.place) : undefined;
      return {
        event: view!,
        typeDescription:
          row.type in codeNames ? (def?.description ?? '') : `an event of unknown type ${row.type}`,
        roles: def?.roles ?? {},
        causes: api.eventViews(chain),
        effects: api.eventViews(effects),
        participants: participants.map((p) => ({ person: ref(p.person), role: p.role })),
        people: [...new Set(named)].map(ref),
        place: place ? api.placeSummary(place) : null,
      };
    },
  }),
];

const codeNames: Record<number, true> = Object.fromEntries(Object.values(T).map((c) => [c, true]));
