/**
 * Stories in the world: the situations worth reading that the sifting patterns find in the log
 * (src/stories), rarest first, each with its people (and their lasting addresses), its events
 * and the place to read it in a chronicle.
 */
import { z } from 'zod';
import { isoDate } from '../../engine/calendar.js';
import { StoriesPage } from '../../api/stories.js';
import { PATTERNS, siftStories, type Sifted } from '../../stories/index.js';
import type { ApiContext } from '../context.js';
import { oneOrMore, paging } from '../params.js';
import { defineRoute, nextPage } from '../route.js';

const sifted = new WeakMap<ApiContext, Sifted>();

/** The world's stories, sifted on first use and kept (the world never changes). */
export function storiesOf(api: ApiContext): Sifted {
  let s = sifted.get(api);
  if (!s) {
    s = siftStories(api.world);
    sifted.set(api, s);
  }
  return s;
}

/** Takes stories sifted elsewhere (a worker thread) from the same world. */
export function installStories(api: ApiContext, s: Sifted): void {
  sifted.set(api, s);
}

const KIND_KEYS = PATTERNS.map((p) => p.key) as [string, ...string[]];

export const storyRoutes = [
  defineRoute({
    path: '/api/stories',
    operationId: 'listStories',
    tag: 'stories',
    summary: 'The situations in this world worth reading, rarest first',
    description:
      'Found by patterns over the log (a deferral applied for, a lost thing found in Norfolk, a carer who cared for an old friend, a rumour that turned out true, a love triangle, and more) and ranked by rarity in this world: -log2(times it happened / times the world gave it the chance), less log2(k) for the k-th of a kind. `kinds` lists every pattern with its counts.',
    query: z.strictObject({
      kind: oneOrMore(KIND_KEYS, 'only stories of these kinds').optional(),
      ...paging(100, 20),
    }),
    response: StoriesPage,
    handler: ({ api, query, url }) => {
      const { kinds, stories } = storiesOf(api);
      const wanted = query.kind ? new Set<string>(query.kind) : null;
      const chosen = wanted ? stories.filter((s) => wanted.has(s.kind)) : stories;
      const shown = chosen.slice(query.offset, query.offset + query.limit);
      const titles = new Map(kinds.map((k) => [k.key, k.title]));
      const rows = shown.flatMap((s) =>
        s.events.map((e) => api.world.event(e)).filter((e) => e !== undefined),
      );
      const views = new Map(api.eventViews(rows).map((v) => [v.id, v]));
      const people = api.world.all<Parameters<ApiContext['addressOf']>[0] & { name: string }>(
        `SELECT id, name, kind, key, cohort, school FROM people WHERE id IN (${[...new Set(shown.flatMap((s) => s.people))].join(',') || '-1'})`,
      );
      const byId = new Map(people.map((p) => [p.id, p]));
      const items = shown.map((s) => ({
        rank: s.rank,
        kind: s.kind,
        title: titles.get(s.kind) ?? s.kind,
        date: isoDate(s.day),
        place: api.placeRef(s.place),
        bits: s.bits,
        oneIn: s.oneIn,
        people: s.people.map((id) => {
          const p = byId.get(id);
          return { id, name: p?.name ?? `#${id}`, address: p ? api.addressOf(p) : `k-00000000` };
        }),
        events: s.events.map((e) => views.get(e)).filter((v) => v !== undefined),
        scene: `/people/${s.people[0] ?? 0}/chronicle#ev-${s.events[0]}`,
      }));
      const end = query.offset + items.length;
      return {
        kinds,
        items,
        limit: query.limit,
        offset: query.offset,
        total: chosen.length,
        totalExact: true,
        next: end < chosen.length ? nextPage(url, { offset: String(end) }) : null,
      };
    },
  }),
];
