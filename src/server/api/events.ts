/**
 * The log: events filtered by type, person, place and dates, and one event with its chain of
 * causes and its effects. The store pages the log (src/store/event-pages.ts), each query walking
 * one of the log's indexes in order and stopping at the page's end, so a national log of millions
 * of events answers as fast as a small one; counts stop at 10,000 and say so.
 */
import { z } from 'zod';
import { HttpError } from '../../errors.js';
import { eventEffects, eventPage, type EventPage } from '../../store/event-pages.js';
import { participants as participantsOf } from '../../store/queries.js';
import type { EventRow } from '../../store/reader.js';
import { EVENT_TYPE_NAMES, EVENT_TYPES, EVENT_CODES, type EventTypeName } from '../../world/event-types.js';
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

/** A page of events and a (possibly capped) count, through the store's index-shaped paging. */
function findEvents(api: ApiContext, q: EventsQuery): EventPage {
  const { type, limit, offset, ...rest } = q;
  return eventPage(
    api.world,
    { ...rest, ...(type ? { types: type.map((t) => EVENT_TYPES[t].code) } : {}) },
    { limit, offset },
    COUNT_CAP,
  );
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
      const effects = eventEffects(w, row, MAX_EFFECTS);
      const participants = participantsOf(w, row.id);
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

const codeNames: Record<number, true> = Object.fromEntries(Object.values(EVENT_CODES).map((c) => [c, true]));
