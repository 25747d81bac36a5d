/**
 * People: the search with its filters, and one person's page (their phases, timeline, carers
 * and donors, and whatever the world's modules recorded about them).
 */
import { z } from 'zod';
import { DAYS_PER_YEAR, isoDate } from '../../engine/calendar.js';
import { HttpError } from '../../errors.js';
import type { EventRow, PersonRow } from '../../store/reader.js';
import { EVENT_CODES } from '../../world/event-types.js';
import { PERSON_KINDS } from '../../world/phases.js';
import type { ApiContext } from '../context.js';
import { dateParam, idParam, oneOf, oneOrMore, paging, wholeNumber } from '../params.js';
import { defineRoute, nextPage } from '../route.js';
import { ADDRESS_PATTERN } from '../../address/index.js';
import {
  EventsPage,
  FATES,
  LIFE_PHASES,
  PeoplePage,
  PersonDetail,
  PersonSummary,
  type LifePhase,
} from '../../api/schemas.js';
import { sectionOf } from '../side-tables.js';
import { holdersOf } from './beliefs.js';
import type { PeopleFilter } from '../world-index.js';

const PeopleQuery = z.strictObject({
  name: z
    .string()
    .min(1, { error: 'expected the start of a name' })
    .max(100, { error: 'expected at most 100 characters' })
    .optional()
    .meta({ description: 'the start of a name, any case (`kath` finds every Kathy)' }),
  kind: oneOf(PERSON_KINDS, 'clone, guardian, madame or original').optional(),
  school: wholeNumber(0, 1_000_000, 'id of the school or home they were raised at').optional(),
  schoolKind: oneOf(['school', 'home'], 'raised at a school or at a home').optional(),
  cohort: wholeNumber(1800, 2200, 'cohort year').optional(),
  phase: oneOrMore(LIFE_PHASES, 'phase when the world ends, or on the date `on`').optional(),
  on: dateParam('the date `phase` refers to; alone, everyone living in the programme then').optional(),
  fate: oneOrMore(FATES, 'how their story stood when the world ended').optional(),
  donations: wholeNumber(0, 255, 'donations given').optional(),
  careerYears: wholeNumber(0, 100, 'whole years as a carer before becoming a donor').optional(),
  donorAge: wholeNumber(0, 150, 'age in whole years on becoming a donor').optional(),
  completedAge: wholeNumber(0, 150, 'age in whole years at completion').optional(),
  belief: z
    .string()
    .regex(/^[\w .'-]{1,80}(:[\w .'-]{1,80})?$/, { error: 'expected a proposition, or proposition:version' })
    .optional()
    .meta({
      description:
        'people who held a belief (`proposition` or `proposition:version`): on the date `on`, or ever',
    }),
  place: wholeNumber(0, 1_000_000, 'with `year`: people at this place that year').optional(),
  year: wholeNumber(1800, 2200, 'with `place`: the year').optional(),
  ...paging(200, 50),
});

/** The upper bound of a case-insensitive prefix range: the prefix with its last character moved on by one. */
function prefixEnd(prefix: string): string {
  const chars = [...prefix.toLowerCase()];
  const last = chars.pop()!;
  return chars.join('') + String.fromCodePoint(last.codePointAt(0)! + 1);
}

function rowsByIds(api: ApiContext, ids: readonly number[]): PersonRow[] {
  if (ids.length === 0) return [];
  const rows = api.world.all<PersonRow>(
    `SELECT * FROM people WHERE id IN (${ids.map(() => '?').join(',')})`,
    ...ids,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is PersonRow => r !== undefined);
}

const MAX_TIMELINE = 500;

export const peopleRoutes = [
  defineRoute({
    path: '/api/people',
    operationId: 'listPeople',
    tag: 'people',
    summary: 'Search people by name, and filter by school, cohort, phase, fate and more',
    description:
      'Every filter narrows the list; with `name` the list is in name order, otherwise in id (birth) order. `total` is always exact.',
    query: PeopleQuery,
    dependentRequired: { place: ['year'], year: ['place'] },
    response: PeoplePage,
    handler: ({ api, query: q, url }) => {
      if ((q.place === undefined) !== (q.year === undefined)) {
        const missing = q.place === undefined ? 'place' : 'year';
        throw Object.assign(
          new HttpError(
            400,
            `query parameter '${missing}': is required with '${missing === 'place' ? 'year' : 'place'}'`,
          ),
          {
            field: missing,
          },
        );
      }
      const filter: PeopleFilter = {
        kind: q.kind === undefined ? undefined : PERSON_KINDS.indexOf(q.kind),
        school: q.school,
        schoolKind: q.schoolKind,
        cohort: q.cohort,
        phase: q.phase,
        on: q.on,
        fate: q.fate,
        donations: q.donations,
        careerYears: q.careerYears,
        donorAge: q.donorAge,
        completedAge: q.completedAge,
        at: q.place !== undefined && q.year !== undefined ? { place: q.place, year: q.year } : undefined,
      };
      let among: number[] | undefined;
      if (q.belief !== undefined) {
        const holders = holdersOf(api, q.belief, q.on);
        if (holders === null)
          throw Object.assign(new HttpError(400, "query parameter 'belief': this world records no beliefs"), {
            field: 'belief',
          });
        among = holders;
      }
      if (q.name !== undefined) {
        const holders = among ? new Set(among) : null;
        among = api.world.db
          .prepare(
            'SELECT id FROM people WHERE name >= ? COLLATE NOCASE AND name < ? COLLATE NOCASE ORDER BY name COLLATE NOCASE, id',
          )
          .pluck()
          .all(q.name, prefixEnd(q.name)) as number[];
        if (holders) among = among.filter((id) => holders.has(id));
      }
      const { ids, total } = api.index.select(filter, q.offset, q.limit, among);
      const items = rowsByIds(api, ids).map((r) => api.personSummary(r));
      const end = q.offset + items.length;
      return {
        items,
        limit: q.limit,
        offset: q.offset,
        total,
        totalExact: true,
        next: end < total ? nextPage(url, { offset: String(end) }) : null,
      };
    },
  }),
  defineRoute({
    path: '/api/addresses/{address}',
    operationId: 'findByAddress',
    tag: 'people',
    summary: 'The person at an address: the same life in any run, seed or what-if of the scenario',
    description:
      'An address is made from the stable key: `school-cohort-place` for a clone (`hailsham-1968-01`), `school-staff-place` for a guardian, `madame`, or `k-` and the key in hex. The page `/p/{address}` opens the person.',
    params: z.strictObject({
      address: z
        .string()
        .regex(ADDRESS_PATTERN, { error: 'expected an address such as hailsham-1968-01' })
        .meta({ description: 'the address, e.g. hailsham-1968-01' }),
    }),
    response: PersonSummary,
    errors: { 404: 'nobody in this world is at the address' },
    handler: ({ api, params }) => {
      const id = api.findByAddress(params.address);
      const row = id === undefined ? undefined : api.world.person(id);
      if (!row) throw new HttpError(404, `nobody in this world is at the address '${params.address}'`);
      return api.personSummary(row);
    },
  }),
  defineRoute({
    path: '/api/people/{id}',
    operationId: 'getPerson',
    tag: 'people',
    summary: "A person's page: phases, timeline, carers and donors, and the records of the world's modules",
    description: `The timeline holds the first ${MAX_TIMELINE} events; /api/people/{id}/events pages through the rest.`,
    params: z.strictObject({ id: idParam }),
    response: PersonDetail,
    errors: { 404: 'no person has this id' },
    handler: ({ api, params }) => {
      const row = api.world.person(params.id);
      if (!row) throw new HttpError(404, `no person has the id ${params.id}`);
      const events = api.world.eventsOfPerson(row.id);
      const assignments = events.filter((e) => e.type === EVENT_CODES.carer_assigned);
      const care = (e: EventRow, who: number | null) => ({
        person: api.personRef(who) ?? { id: -1, name: 'unknown' },
        from: isoDate(e.day),
        event: e.id,
      });
      const carers = assignments
        .filter((e) => e.person === row.id && e.other !== null)
        .map((e) => care(e, e.other));
      const donors = assignments
        .filter((e) => e.other === row.id && e.person !== null)
        .map((e) => care(e, e.person));
      const summary = api.personSummary(row);
      const spans: PersonDetail['phases'] = [];
      const starts: [LifePhase, number | null][] = [
        ['student', row.kind === 'clone' ? row.born : null],
        ['resident', row.resident_on],
        ['carer', row.carer_on],
        ['donor', row.donor_on],
        ['completed', row.completed_on],
      ];
      const present = starts.filter((s): s is [LifePhase, number] => s[1] !== null);
      present.forEach(([phase, from], i) => {
        const next = present[i + 1];
        spans.push({ phase, from: isoDate(from), to: next ? isoDate(next[1]) : null });
      });
      const endOrCompletion = row.completed_on ?? api.world.meta.endDay;
      const sections = api.sideTables
        .map((t) => sectionOf(api.world, t, 'person', row.id, api.names))
        .filter((s) => s !== null);
      const residence = api.index.has(row.id) ? api.index.residence[row.id]! : -1;
      const shown = events.slice(0, MAX_TIMELINE);
      return {
        person: {
          ...summary,
          centre: api.placeRef(row.centre),
          carer: api.personRef(row.carer),
          residence: api.placeRef(residence),
          age: row.kind === 'clone' ? Math.floor((endOrCompletion - row.born) / DAYS_PER_YEAR) : null,
        },
        phases: spans,
        timeline: {
          items: api.eventViews(shown),
          limit: MAX_TIMELINE,
          offset: 0,
          total: events.length,
          totalExact: true,
          next: events.length > MAX_TIMELINE ? `offset=${MAX_TIMELINE}` : null,
        },
        carers,
        donors,
        sections,
      };
    },
  }),
  defineRoute({
    path: '/api/people/{id}/events',
    operationId: 'listPersonEvents',
    tag: 'people',
    summary: "A person's events (as subject, other party or participant), in order",
    params: z.strictObject({ id: idParam }),
    query: z.strictObject({ ...paging(500, 100) }),
    response: EventsPage,
    errors: { 404: 'no person has this id' },
    handler: ({ api, params, query, url }) => {
      if (!api.index.has(params.id) && !api.world.person(params.id))
        throw new HttpError(404, `no person has the id ${params.id}`);
      const events = api.world.eventsOfPerson(params.id);
      const rows = events.slice(query.offset, query.offset + query.limit);
      const end = query.offset + rows.length;
      return {
        items: api.eventViews(rows),
        limit: query.limit,
        offset: query.offset,
        total: events.length,
        totalExact: true,
        next: end < events.length ? nextPage(url, { offset: String(end) }) : null,
      };
    },
  }),
];
