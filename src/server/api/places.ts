/**
 * Places: every school, home, residence and recovery centre, and one place's page with its
 * roster by year and the records the world's modules keep about it (a school's Gallery).
 */
import { z } from 'zod';
import { HttpError } from '../../errors.js';
import { idParam, oneOrMore } from '../params.js';
import { defineRoute } from '../route.js';
import { PlaceDetail, PlacesList } from '../../api/schemas.js';
import { sectionOf } from '../side-tables.js';

const PLACE_KINDS = [
  'school',
  'home',
  'residence',
  'recovery-centre',
  'town',
  'landmark',
  'home-of-madame',
] as const;

export const placeRoutes = [
  defineRoute({
    path: '/api/places',
    operationId: 'listPlaces',
    tag: 'places',
    summary: 'Every place in the world, with how many clones passed through it',
    query: z.strictObject({ kind: oneOrMore(PLACE_KINDS, 'kinds of place').optional() }),
    response: PlacesList,
    handler: ({ api, query }) => {
      const kinds = query.kind ? new Set<string>(query.kind) : null;
      const items = api.places.filter((p) => !kinds || kinds.has(p.kind)).map((p) => api.placeSummary(p));
      return { items, total: items.length };
    },
  }),
  defineRoute({
    path: '/api/places/{id}',
    operationId: 'getPlace',
    tag: 'places',
    summary: "A place's page: who was there in each year, and what the world's modules recorded there",
    description:
      "A school's roster counts its students, a residence's its residents, a recovery centre's its donors. The people behind a year are /api/people?place={id}&year={year}; the events there are /api/events?place={id}.",
    params: z.strictObject({ id: idParam }),
    response: PlaceDetail,
    errors: { 404: 'no place has this id' },
    handler: ({ api, params }) => {
      const place = api.placeById.get(params.id);
      if (!place) throw new HttpError(404, `no place has the id ${params.id}`);
      const roster = api.index.rosterByYear(place.id);
      const years = roster.years;
      // Only the years in which anything happened, so a centre opened late is not all zeros.
      const firstBusy = years.findIndex((y) => y.present + y.arrived + y.completed > 0);
      let lastBusy = years.length - 1;
      while (
        lastBusy >= 0 &&
        years[lastBusy]!.present + years[lastBusy]!.arrived + years[lastBusy]!.completed === 0
      )
        lastBusy--;
      return {
        place: api.placeSummary(place),
        role: roster.role,
        rosterByYear: firstBusy < 0 ? [] : years.slice(firstBusy, lastBusy + 1),
        sections: api.sideTables
          .map((t) => sectionOf(api.world, t, 'place', place.id, api.names))
          .filter((s) => s !== null),
      };
    },
  }),
];
