/// <reference lib="dom" />
/**
 * Places: the map of England with every school, home, residence and recovery centre, and the
 * same places listed by kind with how many passed through each. For a chosen year the map
 * draws the carers' busiest routes between recovery centres, each as wide as it was busy.
 */
import { allPlaces, get, type PlaceSummary, type RoutesMap } from './api.js';
import { fmt, h, link, plural, query, section } from './dom.js';
import { drawMap, mapGeo, kindWord, type MapGeo, type RouteLine } from './map.js';
import type { Page } from './router.js';

/** The busiest routes drawn on the map of a year. */
const ROUTES_SHOWN = 60;

/** Lines for the map, each leading to that year's rounds from one end of the road. */
function routeLines(r: RoutesMap): RouteLine[] {
  return r.routes.map((x) => ({
    from: x.from.id,
    to: x.to.id,
    trips: x.trips,
    tip: `${x.from.name} – ${x.to.name}: ${fmt(Math.round(x.trips))} drives by ${plural(x.carers, 'carer')} in ${r.year}`,
    href: `/events${query({ type: 'carer_round', place: x.from.id, from: `${r.year}-01-01`, to: `${r.year}-12-31` })}`,
  }));
}

/** What the routes of a year stand for: how many carers' rounds the world logs. */
function routesNote(r: RoutesMap): HTMLElement {
  if (r.years === null)
    return h('p', { class: 'note' }, 'This world logs no carers’ rounds, so there are no routes to draw.');
  const which =
    r.routes.length < r.totalRoutes
      ? `the ${fmt(r.routes.length)} busiest of ${plural(r.totalRoutes, 'road')}`
      : r.totalRoutes === 1
        ? 'the one road'
        : `all ${plural(r.totalRoutes, 'road')}`;
  const roads = `${r.year ?? ''}: ${which} between centres, driven on ${plural(r.logged.months, 'monthly round')}`;
  return h(
    'p',
    { class: 'note routes-note' },
    r.fullDetailOnly
      ? `${roads} by ${plural(r.logged.carers, 'carer')}, of the ${fmt(r.carersAtWork)} at work that year: this world logs rounds only for carers raised at schools simulated in full, so the roads of the rest of the programme are not drawn. `
      : `${roads} by ${fmt(r.logged.carers)} of the ${fmt(r.carersAtWork)} carers at work that year (the others had no donor to visit). `,
    'A line’s width follows its drives, either way.',
  );
}

const ORDER = ['school', 'home', 'residence', 'recovery-centre', 'home-of-madame', 'landmark', 'town'];
const SHAPES: Record<string, string> = {
  school: 'square',
  home: 'square',
  residence: 'triangle',
  'recovery-centre': 'round',
};

function kindTable(kind: string, items: PlaceSummary[]): HTMLElement | null {
  if (items.length === 0) return null;
  const plural =
    kind === 'recovery-centre'
      ? 'Recovery centres'
      : kind === 'home-of-madame'
        ? "Madame's house"
        : `${kindWord(kind).charAt(0).toUpperCase()}${kindWord(kind).slice(1)}s`;
  return section(
    `${plural} (${items.length})`,
    h(
      'ul',
      { class: 'place-list' },
      items.map((p) =>
        h(
          'li',
          { 'data-tip': `${p.fictional ? 'fictional; ' : ''}${fmt(p.people)} people passed through` },
          link(`/places/${p.id}`, p.name),
          h('span', { class: 'num' }, p.people ? fmt(p.people) : ''),
        ),
      ),
    ),
  );
}

export const placesPage: Page = async ({ query: q, replaceQuery, signal }) => {
  const wanted = /^\d{4}$/.test(q.get('routes') ?? '') ? Number(q.get('routes')) : null;
  const [map, places, routes] = await Promise.all([
    mapGeo(),
    allPlaces(),
    get<RoutesMap>(`/api/routes${query({ year: wanted, limit: ROUTES_SHOWN })}`, signal),
  ]);
  const byKind = new Map<string, PlaceSummary[]>();
  for (const p of places.items) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p]);
  const kinds = [...byKind.keys()].sort(
    (a, b) => ((ORDER.indexOf(a) + 99) % 99) - ((ORDER.indexOf(b) + 99) % 99),
  );
  const legend = h(
    'ul',
    { class: 'legend' },
    kinds.map((k) =>
      h(
        'li',
        null,
        h('span', { class: `swatch${SHAPES[k] === 'round' ? ' round' : ''} fill-k-${k}` }),
        kindWord(k),
        ` (${byKind.get(k)!.length})`,
      ),
    ),
  );
  const mapBox = h('div', { class: 'map-box' });
  const note = h('div');
  const draw = (r: RoutesMap | null, m: MapGeo) => {
    mapBox.replaceChildren(drawMap(m, places.items, { labels: true, routes: r ? routeLines(r) : undefined }));
    note.replaceChildren(r ? routesNote(r) : '');
    mapBox.dataset.routes = r ? String(r.year) : '';
  };
  draw(wanted !== null ? routes : null, map);
  const years = routes.years;
  const picker = years
    ? h(
        'label',
        { class: 'route-picker' },
        'Carers’ routes in ',
        h(
          'select',
          {
            name: 'routes',
            onchange: (e: Event) => {
              const value = (e.currentTarget as HTMLSelectElement).value;
              const next = new URLSearchParams(location.search);
              if (value) next.set('routes', value);
              else next.delete('routes');
              replaceQuery(next);
              if (!value) return draw(null, map);
              void get<RoutesMap>(`/api/routes${query({ year: value, limit: ROUTES_SHOWN })}`).then((r) =>
                draw(r, map),
              );
            },
          },
          h('option', { value: '' }, 'no year (hidden)'),
          Array.from({ length: years.last - years.first + 1 }, (_, i) => years.last - i).map((y) =>
            h('option', { value: y, selected: y === wanted }, String(y)),
          ),
        ),
      )
    : null;
  const content = h(
    'div',
    null,
    h('h1', null, 'Places'),
    h(
      'p',
      { class: 'lede' },
      `The ${fmt(places.total)} places of this world, where its people were raised, waited, recovered and completed. Named places are labelled; the rest were set in English towns when the world was made.`,
    ),
    h(
      'div',
      { class: 'map-wrap' },
      h(
        'figure',
        { class: 'sticky' },
        mapBox,
        legend,
        picker ? h('div', { class: 'route-controls' }, picker, note) : null,
        h(
          'figcaption',
          null,
          'Select a place for its roster by year and its events; the figures count the clones who passed through each.',
        ),
      ),
      h(
        'div',
        null,
        kinds.map((k) => kindTable(k, byKind.get(k)!)),
      ),
    ),
  );
  return { title: 'Places', content };
};
