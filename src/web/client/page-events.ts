/// <reference lib="dom" />
/**
 * The log: every event of the world, filtered by type, person, place and dates, page by page
 * in the order things happened.
 */
import { allPlaces, get, worldInfo, type EventsPage } from './api.js';
import { fmt, h } from './dom.js';
import type { Page } from './router.js';
import { navigate } from './router.js';
import { pager, timeline } from './views.js';

const FIELDS = ['type', 'place', 'person', 'from', 'to'];

export const eventsPage: Page = async ({ query: q, signal }) => {
  const [world, places] = await Promise.all([worldInfo(), allPlaces()]);
  const params = new URLSearchParams();
  for (const k of [...FIELDS, 'after']) {
    const v = q.get(k);
    if (v) params.set(k, v);
  }
  const res = await get<EventsPage>(`/api/events?${params.toString()}`, signal);
  const field = (k: string) => q.get(k) ?? '';
  const form = h(
    'form',
    {
      class: 'filters',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const data = new FormData(e.target as HTMLFormElement);
        const next = new URLSearchParams();
        for (const k of FIELDS) {
          const raw = data.get(k);
          const v = typeof raw === 'string' ? raw.trim() : '';
          if (v) next.set(k, v);
        }
        navigate(`/events?${next.toString()}`);
      },
    },
    h(
      'label',
      null,
      'Kind',
      h(
        'select',
        { name: 'type' },
        h('option', { value: '' }, 'any'),
        world.eventTypes.map((t) =>
          h('option', { value: t.name, selected: field('type') === t.name }, t.name.replace(/_/g, ' ')),
        ),
      ),
    ),
    h(
      'label',
      null,
      'Place',
      h(
        'select',
        { name: 'place' },
        h('option', { value: '' }, 'anywhere'),
        places.items.map((p) =>
          h('option', { value: p.id, selected: field('place') === String(p.id) }, p.name),
        ),
      ),
    ),
    h(
      'label',
      null,
      'Person id',
      h('input', { type: 'number', name: 'person', value: field('person'), min: 0 }),
    ),
    h(
      'label',
      null,
      'From',
      h('input', { type: 'date', name: 'from', value: field('from'), min: world.start, max: world.end }),
    ),
    h(
      'label',
      null,
      'To',
      h('input', { type: 'date', name: 'to', value: field('to'), min: world.start, max: world.end }),
    ),
    h('button', { type: 'submit' }, 'Show'),
  );
  const content = h(
    'div',
    null,
    h('h1', null, 'Events'),
    h('p', { class: 'lede' }, `The world's record: ${fmt(world.events)} events in the order they happened.`),
    form,
    res.items.length ? timeline(res.items) : h('p', { class: 'note' }, 'No events match.'),
    pager(
      0,
      res.items.length,
      res.total,
      res.totalExact,
      q.get('after')
        ? `/events?${new URLSearchParams([...params].filter(([k]) => k !== 'after')).toString()}`
        : null,
      res.next ? `/events?${res.next}` : null,
      q.get('after') ? `${fmt(res.items.length)} more, from ${res.items[0]?.date ?? ''}` : undefined,
    ),
  );
  return { title: 'Events', content };
};
