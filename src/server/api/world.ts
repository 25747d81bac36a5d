/**
 * The world as a whole: what it is, its figures and charts, and the state of the programme on
 * any date (the time scrubber). The map's outline is served by ./outline.ts.
 */
import { z } from 'zod';
import { dayFromYmd, isoDate } from '../../engine/calendar.js';
import type { ApiContext } from '../context.js';
import { dateParam } from '../params.js';
import { defineRoute } from '../route.js';
import { Overview, Snapshot, WorldInfo, type Overview as OverviewT } from '../../api/schemas.js';
import { beliefsOverTime } from './beliefs.js';

const overviews = new WeakMap<ApiContext, OverviewT>();

/** The overview's figures, computed on first use and kept (the world never changes). */
export function overviewOf(api: ApiContext): OverviewT {
  let o = overviews.get(api);
  if (o) return o;
  const { index } = api;
  const s = api.stats;
  const groups: OverviewT['survival'] = [
    { key: 'all', label: 'All clones', filter: {}, points: index.survival(() => true) },
  ];
  const kinds = new Set(
    api.places.filter((p) => p.kind === 'school' || p.kind === 'home').map((p) => p.kind),
  );
  if (kinds.size > 1) {
    for (const kind of ['school', 'home']) {
      groups.push({
        key: kind,
        label: kind === 'school' ? 'Raised at schools' : 'Raised at homes',
        filter: { schoolKind: kind },
        points: index.survival((id) => index.kindOfPlace(index.school[id]!) === kind),
      });
    }
  }
  o = {
    stats: {
      byPhase: s.byPhase,
      completionsByDonation: s.completionsByDonation,
      donations: s.donations,
      carerCareers: s.carerCareers,
      donorAge: s.donorAge,
      schools: s.schools,
    },
    phasesOverTime: index
      .phasesOverTime()
      .map((r) => ({ date: isoDate(dayFromYmd(r.year, 7, 1)), counts: r.counts })),
    survival: groups,
    beliefs: beliefsOverTime(api),
  };
  overviews.set(api, o);
  return o;
}

/** Takes an overview computed elsewhere (a worker thread) from the same world. */
export function installOverview(api: ApiContext, overview: OverviewT): void {
  overviews.set(api, overview);
}

export const worldRoutes = [
  defineRoute({
    path: '/api/world',
    operationId: 'getWorld',
    tag: 'world',
    summary: 'The world: its scenario, dates, size, and which optional records it holds',
    response: WorldInfo,
    handler: ({ api }) => api.info,
  }),
  defineRoute({
    path: '/api/overview',
    operationId: 'getOverview',
    tag: 'world',
    summary: "The world's figures and the series behind the overview's charts",
    description:
      'The statistics `hailsham stats` prints, people per phase on 1 July of every year, and survival by age. Every figure can be turned into a people query (see each series).',
    response: Overview,
    handler: ({ api }) => overviewOf(api),
  }),
  defineRoute({
    path: '/api/snapshot',
    operationId: 'getSnapshot',
    tag: 'world',
    summary: 'The programme on one date: clones in each phase, and who is at each place',
    description:
      'Students are counted at their school, residents at the residence they went to, donors at their recovery centre; carers drive between centres and belong to no one place.',
    query: z.strictObject({ date: dateParam('the date to look at') }),
    response: Snapshot,
    handler: ({ api, query }) => {
      const day = query.date;
      const counts = api.index.placeCounts(day);
      const places = api.places
        .map((p) => ({
          id: p.id,
          students: counts.students[p.id] ?? 0,
          residents: counts.residents[p.id] ?? 0,
          donors: counts.donors[p.id] ?? 0,
        }))
        .filter((p) => p.students + p.residents + p.donors > 0);
      return {
        date: isoDate(day),
        phases: counts.phases,
        places,
        completedThisYear: counts.completedThisYear,
      };
    },
  }),
];
