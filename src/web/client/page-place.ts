/// <reference lib="dom" />
/**
 * A place's page: where it is, who was there in each year (each year's bar lists them), the
 * records the world's modules keep about it (a school's Gallery of chosen works), and the
 * events recorded there, filterable by type.
 */
import { allPlaces, get, worldInfo, type EventsPage, type PlaceDetail } from './api.js';
import { bars } from './charts.js';
import { fmt, h, link, longDate, placeLink, query, section } from './dom.js';
import { drawMap, mapGeo, kindWord } from './map.js';
import type { Page } from './router.js';
import { navigate } from './router.js';
import { pager, sectionView, timeline } from './views.js';

const WHO: Record<PlaceDetail['role'], string> = {
  school: 'students',
  residence: 'residents',
  centre: 'donors',
  other: 'people',
};

export const placePage: Page = async ({ params, query: q, signal }) => {
  const id = Number(params.id);
  const type = q.get('type') ?? '';
  const eventsQuery = query({ place: id, type: type || null, limit: 25, after: q.get('after') });
  const [d, map, places, world, events] = await Promise.all([
    get<PlaceDetail>(`/api/places/${id}`, signal),
    mapGeo(),
    allPlaces(),
    worldInfo(),
    get<EventsPage>(`/api/events${eventsQuery}`, signal),
  ]);
  const p = d.place;
  const who = WHO[d.role];
  const roster = d.rosterByYear.length
    ? bars(
        d.rosterByYear.map((y) => ({
          label: String(y.year),
          value: y.present,
          cls: d.role === 'school' ? 'fill-student' : d.role === 'residence' ? 'fill-resident' : 'fill-donor',
          href: `/people${query({ place: id, year: y.year })}`,
          tip: `${y.year}: ${fmt(y.present)} ${who}${y.arrived ? `, ${fmt(y.arrived)} arrived` : ''}${y.completed ? `, ${fmt(y.completed)} completed` : ''}`,
        })),
        'year',
        { values: false, height: 220 },
      )
    : null;
  const typeSelect = h(
    'select',
    {
      name: 'type',
      'aria-label': 'Kind of event',
      onchange: (e: Event) =>
        navigate(`/places/${id}${query({ type: (e.target as HTMLSelectElement).value || null })}`),
    },
    h('option', { value: '' }, 'every kind'),
    world.eventTypes.map((t) =>
      h('option', { value: t.name, selected: t.name === type }, t.name.replace(/_/g, ' ')),
    ),
  );
  const facts = [
    [
      'Kind',
      `${kindWord(p.kind)}${p.fictional ? ', fictional' : ''}${p.generated ? ', set in a town when the world was made' : ''}`,
    ],
    ['Where', `${p.lat.toFixed(3)}° N, ${Math.abs(p.lon).toFixed(3)}° ${p.lon < 0 ? 'W' : 'E'}`],
    p.detail
      ? ['Simulated', p.detail === 'full' ? 'in full: its school life too' : 'its lifecycle only']
      : null,
    p.opened ? ['Opened', longDate(p.opened)] : null,
    p.closes ? ['Closes', longDate(p.closes)] : null,
    p.residence ? ['Leavers go to', placeLink(p.residence)] : null,
    p.people
      ? [
          'People here, ever',
          link(`/people${query({ place: id, year: world.end.slice(0, 4) })}`, fmt(p.people)),
        ]
      : null,
  ].filter((x) => x !== null);
  const content = h(
    'div',
    null,
    h('p', { class: 'kicker' }, kindWord(p.kind)),
    h('h1', null, p.name),
    h(
      'div',
      { class: 'map-wrap' },
      h('div', null, drawMap(map, places.items, { highlight: p.id, labels: true })),
      h(
        'div',
        null,
        h(
          'dl',
          { class: 'facts' },
          facts.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
        ),
        roster
          ? section(
              `${who.charAt(0).toUpperCase()}${who.slice(1)} here, year by year`,
              h(
                'figure',
                null,
                roster,
                h(
                  'figcaption',
                  null,
                  `How many ${who} were here at some time in each year. Select a year for their names.`,
                ),
              ),
            )
          : null,
      ),
    ),
    d.sections.map((sec) => sectionView(sec)),
    section(
      'Events here',
      h('p', null, typeSelect),
      events.items.length
        ? timeline(events.items)
        : h('p', { class: 'note' }, 'No events of this kind here.'),
      pager(
        0,
        events.items.length,
        events.total,
        events.totalExact,
        q.get('after') ? `/places/${id}${query({ type: type || null })}` : null,
        events.next
          ? `/places/${id}${query({ type: type || null, after: new URLSearchParams(events.next).get('after') })}`
          : null,
        q.get('after')
          ? `${fmt(events.items.length)} more, from ${longDate(events.items[0]?.date)}`
          : undefined,
      ),
    ),
  );
  return { title: p.name, content };
};
