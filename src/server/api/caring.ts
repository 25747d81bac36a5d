/**
 * Carers' routes, from the `carer_round` events (one a month per carer whose rounds the world
 * logs: the legs of a round, how many rounds were driven, the donors visited) and the
 * `carers` table (each carer's base and totals). A carer's own routes, and the busiest routes
 * of a year across the country, aggregated in SQL and cut to the busiest few.
 *
 * A national world logs rounds only for the carers of full-detail schools; the answers say
 * how many carers that covers, so the map does not pretend to be the whole programme.
 */
import { z } from 'zod';
import { dayFromYmd, isoDate, yearOf } from '../../engine/calendar.js';
import { HttpError } from '../../errors.js';
import { carer } from '../../store/queries.js';
import { NEVER } from '../world-index.js';
import type { ApiContext } from '../context.js';
import { idParam, wholeNumber } from '../params.js';
import { defineRoute } from '../route.js';
import { CarerRoutes, RoutesMap, type Route } from '../../api/schemas.js';

interface RoundData {
  rounds?: number;
  legs?: [number, number, number][];
  donors?: number[];
}

/** The code of `carer_round` in this world's own table, or null when it has none. */
function roundCode(api: ApiContext): number | null {
  return (
    api.world.get<{ code: number }>("SELECT code FROM event_types WHERE name = 'carer_round'")?.code ?? null
  );
}

/** Routes are undirected: the drive out and the drive back are the same road. */
function routeKey(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}

/** Whether some of the world's schools are run as lifecycle only, whose carers' rounds are not logged. */
function fullDetailOnly(api: ApiContext): boolean {
  return api.places.some((p) => (p.kind === 'school' || p.kind === 'home') && p.detail !== 'full');
}

const yearsCache = new WeakMap<ApiContext, { first: number; last: number } | null>();

function roundYears(api: ApiContext, code: number | null): { first: number; last: number } | null {
  if (yearsCache.has(api)) return yearsCache.get(api)!;
  let years: { first: number; last: number } | null = null;
  if (code !== null) {
    // Two queries, each answered from one end of the (type, day) index.
    const a = api.world.get<{ d: number | null }>('SELECT min(day) AS d FROM events WHERE type = ?', code)?.d;
    const b = api.world.get<{ d: number | null }>('SELECT max(day) AS d FROM events WHERE type = ?', code)?.d;
    if (a !== null && a !== undefined && b !== null && b !== undefined)
      years = { first: yearOf(a), last: yearOf(b) };
  }
  yearsCache.set(api, years);
  return years;
}

/** Clones who were carers at some time in a year (from the people held in memory). */
function carersDuring(api: ApiContext, from: number, to: number): number {
  const ix = api.index;
  let n = 0;
  for (let id = 0; id < ix.size; id++) {
    const start = ix.carerOn[id]!;
    if (start === NEVER || start > to || !ix.isClone(id)) continue;
    const end = Math.min(ix.donorOn[id]!, ix.completedOn[id]!);
    if (end > from) n++;
  }
  return n;
}

export const caringRoutes = [
  defineRoute({
    path: '/api/people/{id}/routes',
    operationId: 'getCarerRoutes',
    tag: 'people',
    summary:
      "A carer's routes: the roads between their base and their donors' centres, and how often they drove them",
    description:
      "From the person's `carer_round` events (the legs of each month's round, times the rounds driven) and their row of the `carers` table. Empty for people who never cared, or whose rounds the world does not log.",
    params: z.strictObject({ id: idParam }),
    response: CarerRoutes,
    errors: { 404: 'no person has this id' },
    handler: ({ api, params }) => {
      const row = api.world.person(params.id);
      if (!row) throw new HttpError(404, `no person has the id ${params.id}`);
      const rec = carer(api.world, row.id);
      const code = roundCode(api);
      const rounds =
        code === null
          ? []
          : api.world.all<{ day: number; data: string | null }>(
              'SELECT day, data FROM events WHERE person = ? AND type = ? ORDER BY day, id',
              row.id,
              code,
            );
      const byRoute = new Map<string, { a: number; b: number; km: number; trips: number; months: number }>();
      const donors = new Set<number>();
      let local = 0;
      for (const r of rounds) {
        let d: RoundData;
        try {
          d = (r.data ? JSON.parse(r.data) : {}) as RoundData;
        } catch {
          continue;
        }
        const seen = new Set<string>();
        for (const [from, to, km] of d.legs ?? []) {
          // A donor at the carer's own centre is a walk down the corridor, not a road.
          if (from === to) {
            local += d.rounds ?? 0;
            continue;
          }
          const [a, b] = routeKey(from, to);
          const key = `${a}-${b}`;
          const cur = byRoute.get(key) ?? { a, b, km, trips: 0, months: 0 };
          cur.trips += d.rounds ?? 0;
          if (!seen.has(key)) cur.months++;
          seen.add(key);
          byRoute.set(key, cur);
        }
        for (const x of d.donors ?? []) donors.add(x);
      }
      const names = api.peopleNames(donors);
      const routes: Route[] = [...byRoute.values()]
        .sort((x, y) => y.trips - x.trips || x.a - y.a || x.b - y.b)
        .map((r) => ({
          from: api.placeRef(r.a) ?? { id: r.a, name: `place ${r.a}` },
          to: api.placeRef(r.b) ?? { id: r.b, name: `place ${r.b}` },
          km: r.km,
          trips: Math.round(r.trips * 10) / 10,
          months: r.months,
          carers: 1,
        }));
      return {
        person: { id: row.id, name: row.name },
        record: rec
          ? {
              base: api.placeRef(rec.base),
              // The caring module writes every figure; a blank one in a foreign file reads as none.
              km: rec.km ?? 0,
              trips: rec.trips ?? 0,
              donorsCared: rec.donors_cared ?? 0,
              completionsInCare: rec.completions_in_care ?? 0,
              stillCaring: rec.still_caring !== 0,
            }
          : null,
        months: rounds.length,
        first: rounds.length ? isoDate(rounds[0]!.day) : null,
        last: rounds.length ? isoDate(rounds[rounds.length - 1]!.day) : null,
        routes,
        localVisits: Math.round(local * 10) / 10,
        donors: [...donors].sort((a, b) => a - b).map((id) => ({ id, name: names.get(id) ?? `#${id}` })),
      };
    },
  }),
  defineRoute({
    path: '/api/routes',
    operationId: 'getRoutes',
    tag: 'places',
    summary: "The year's busiest carers' routes between recovery centres, for the map",
    description:
      'Every leg of every logged `carer_round` of the year between two places, summed by road (either way) in SQL, busiest first. A national world logs rounds only for carers of full-detail schools: `logged` and `carersAtWork` say how much of the programme that is. Without `year`, the last year with logged rounds.',
    query: z.strictObject({
      year: wholeNumber(1900, 2100, 'the year (default: the last year with logged rounds)').optional(),
      limit: wholeNumber(1, 500, 'how many routes (default 60)')
        .optional()
        .transform((v) => v ?? 60),
    }),
    response: RoutesMap,
    handler: ({ api, query }) => {
      const code = roundCode(api);
      const years = roundYears(api, code);
      const year = query.year ?? years?.last ?? null;
      const onlyFull = fullDetailOnly(api);
      if (code === null || year === null)
        return {
          year,
          years,
          routes: [],
          totalRoutes: 0,
          logged: { months: 0, carers: 0 },
          carersAtWork: 0,
          fullDetailOnly: onlyFull,
        };
      const from = dayFromYmd(year, 1, 1);
      const to = dayFromYmd(year + 1, 1, 1) - 1;
      const legs = `SELECT e.id AS round, e.person AS carer, json_extract(e.data, '$.rounds') AS rounds,
                           min(json_extract(l.value, '$[0]'), json_extract(l.value, '$[1]')) AS a,
                           max(json_extract(l.value, '$[0]'), json_extract(l.value, '$[1]')) AS b,
                           json_extract(l.value, '$[2]') AS km
                      FROM events e, json_each(e.data, '$.legs') l
                     WHERE e.type = ? AND e.day BETWEEN ? AND ?`;
      const rows = api.world.all<{
        a: number;
        b: number;
        km: number;
        trips: number;
        months: number;
        carers: number;
      }>(
        `SELECT a, b, max(km) AS km, sum(rounds) AS trips, count(DISTINCT round) AS months,
                count(DISTINCT carer) AS carers
           FROM (${legs}) WHERE a <> b GROUP BY a, b ORDER BY trips DESC, a, b LIMIT ?`,
        code,
        from,
        to,
        query.limit,
      );
      const total =
        api.world.get<{ n: number }>(
          `SELECT count(*) AS n FROM (SELECT DISTINCT a, b FROM (${legs}) WHERE a <> b)`,
          code,
          from,
          to,
        )?.n ?? 0;
      const logged = api.world.get<{ months: number; carers: number }>(
        'SELECT count(*) AS months, count(DISTINCT person) AS carers FROM events WHERE type = ? AND day BETWEEN ? AND ?',
        code,
        from,
        to,
      ) ?? { months: 0, carers: 0 };
      return {
        year,
        years,
        routes: rows.map((r) => ({
          from: api.placeRef(r.a) ?? { id: r.a, name: `place ${r.a}` },
          to: api.placeRef(r.b) ?? { id: r.b, name: `place ${r.b}` },
          km: r.km,
          trips: Math.round(r.trips * 10) / 10,
          months: r.months,
          carers: r.carers,
        })),
        totalRoutes: total,
        logged,
        carersAtWork: carersDuring(api, from, to),
        fullDetailOnly: onlyFull,
      };
    },
  }),
];
