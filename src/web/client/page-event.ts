/// <reference lib="dom" />
/**
 * An event's page: what happened, when and where, what each of its columns means for its
 * type, the chain of events that led to it, what it led to, and everyone it names.
 */
import { get, allPlaces, type EventDetail } from './api.js';
import { h, link, longDate, personLink, placeLink, section, type Child } from './dom.js';
import { drawMap, mapGeo, kindWord } from './map.js';
import type { Page } from './router.js';
import { eventLabel, timeline } from './views.js';

const ROLE_WORDS: Record<string, string> = {
  person: 'Person',
  other: 'Other party',
  place: 'Place',
  value: 'Value',
};

export const eventPage: Page = async ({ params, signal }) => {
  const [d, map, places] = await Promise.all([
    get<EventDetail>(`/api/events/${params.id}`, signal),
    mapGeo(),
    allPlaces(),
  ]);
  const e = d.event;
  const names = new Map(d.people.map((p) => [p.id, p]));
  const roleValue = (role: string): Child => {
    if (role === 'person' && e.person !== null)
      return personLink(names.get(e.person) ?? { id: e.person, name: `#${e.person}` });
    if (role === 'other' && e.other !== null)
      return personLink(names.get(e.other) ?? { id: e.other, name: `#${e.other}` });
    if (role === 'place' && d.place) return placeLink(d.place);
    if (role === 'value' && e.value !== null) return String(e.value);
    return null;
  };
  const roles = Object.entries(d.roles)
    .map(([role, meaning]) => [role, meaning, roleValue(role)] as const)
    .filter(([, , v]) => v !== null);
  // Oldest cause first, so the chain reads as a story down to this event.
  const chain = [...d.causes].reverse().concat([e]);
  const content = h(
    'div',
    null,
    h('p', { class: 'kicker' }, `Event #${e.id} · ${e.type.replace(/_/g, ' ')}`),
    h('h1', null, ...eventLabel(e)),
    h(
      'p',
      { class: 'subtitle' },
      longDate(e.date),
      d.place ? [' · ', placeLink(d.place), ` (${kindWord(d.place.kind)})`] : null,
    ),
    h(
      'div',
      { class: 'map-wrap' },
      h(
        'div',
        null,
        h('p', null, d.typeDescription ? `${d.typeDescription}.` : ''),
        h(
          'dl',
          { class: 'facts' },
          roles.map(([role, meaning, v]) => [
            h('dt', null, ROLE_WORDS[role] ?? role),
            h('dd', null, v, h('span', { class: 'muted' }, ` — ${meaning}`)),
          ]),
          e.data !== null && e.data !== undefined
            ? [h('dt', null, 'Details'), h('dd', null, h('code', null, JSON.stringify(e.data)))]
            : null,
        ),
        d.participants.length
          ? section(
              'Also taking part',
              h(
                'ul',
                null,
                d.participants.map((p) => h('li', null, personLink(p.person))),
              ),
            )
          : null,
      ),
      d.place
        ? h('div', null, drawMap(map, places.items, { highlight: d.place.id, zoom: 260, labels: true }))
        : null,
    ),
    section(
      'How it came about',
      chain.length > 1
        ? timeline(chain, { here: e.id, cls: 'causes' })
        : h('p', { class: 'note' }, 'Nothing recorded led to this event: it begins a chain.'),
    ),
    section(
      'What followed from it',
      d.effects.length
        ? timeline(d.effects)
        : h('p', { class: 'note' }, 'No recorded event names this one as its cause.'),
    ),
    h('p', null, e.person !== null ? link(`/events?person=${e.person}`, 'All events of this person') : null),
  );
  return { title: `${e.label} (${e.date.slice(0, 4)})`, content };
};
