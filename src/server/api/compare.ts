/**
 * Two worlds side by side, when the explorer was started with a second one (`hailsham serve
 * a.db --compare b.db`): their figures and series, and the lives that went differently. Both
 * worlds answer these routes alike (under /api and /b/api), always with the first world as `a`.
 */
import { z } from 'zod';
import { HttpError } from '../../errors.js';
import { comparisonOf, divergedPage, pairLives, type Pairing } from '../compare.js';
import type { ApiContext } from '../context.js';
import { oneOrMore, paging, wholeNumber } from '../params.js';
import { defineRoute, nextPage } from '../route.js';
import { Comparison, DIVERGENCES, DivergedPage } from '../../api/schemas.js';

interface Pair {
  a: ApiContext;
  b: ApiContext;
  pairing: Pairing;
  comparison: Comparison;
}

const pairs = new WeakMap<ApiContext, Pair>();

/**
 * Makes two worlds' contexts answer the comparison routes, `a` the first world given. The lives
 * are paired now, not on the first visit.
 */
export function pairWorlds(a: ApiContext, b: ApiContext): void {
  const pairing = pairLives(a, b);
  const pair: Pair = { a, b, pairing, comparison: comparisonOf(a, b, pairing) };
  pairs.set(a, pair);
  pairs.set(b, pair);
}

const NOT_COMPARING =
  'this explorer shows one world: start it with a second to compare (hailsham serve a.db --compare b.db)';

function pairOf(api: ApiContext): Pair {
  const pair = pairs.get(api);
  if (!pair) throw new HttpError(404, NOT_COMPARING);
  return pair;
}

export const compareRoutes = [
  defineRoute({
    path: '/api/compare',
    operationId: 'getComparison',
    tag: 'compare',
    summary: "Two worlds' figures and series side by side, and how many lives went differently",
    description:
      'Only when the explorer was started with a second world; 404 otherwise. Lives are paired by cohort and stable key, as `hailsham compare` pairs them (see `matching.note`).',
    response: Comparison,
    errors: { 404: 'the explorer was started with one world' },
    handler: ({ api }) => pairOf(api).comparison,
  }),
  defineRoute({
    path: '/api/compare/lives',
    operationId: 'listDivergedLives',
    tag: 'compare',
    summary: 'The lives whose phase at the end, donations or completion date differ between the two worlds',
    description:
      'In order of cohort and stable key; each with its id and address in both worlds (the second world’s pages are under /b).',
    query: z.strictObject({
      differs: oneOrMore(DIVERGENCES, 'what differs (any of them)').optional(),
      cohort: wholeNumber(1800, 2200, 'cohort year').optional(),
      ...paging(200, 50),
    }),
    response: DivergedPage,
    errors: { 404: 'the explorer was started with one world' },
    handler: ({ api, query, url }) => {
      const pair = pairOf(api);
      const { items, total } = divergedPage(
        pair.a,
        pair.b,
        pair.pairing,
        { differs: query.differs, cohort: query.cohort },
        query.offset,
        query.limit,
      );
      const end = query.offset + items.length;
      return {
        items,
        limit: query.limit,
        offset: query.offset,
        total,
        totalExact: true,
        next: end < total ? nextPage(url, { offset: String(end) }) : null,
      };
    },
  }),
];
