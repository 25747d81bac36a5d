/// <reference lib="dom" />
/**
 * A life's events, year by year. The events that tell the story stand one to a line; the
 * routine ones (a carer's monthly rounds, the Exchanges, the Sales, months of art) fold into
 * one line a year that gives their totals for this person, and open to show each of them.
 */
import type { EventView } from './api.js';
import { fmt, h, plural } from './dom.js';
import { timeline } from './views.js';

/** The routine kinds of event, in the order their lines come within a year. */
const ROUTINE = ['exchange_held', 'sale_held', 'works_made', 'carer_round'] as const;
type Routine = (typeof ROUTINE)[number];

function isRoutine(type: string): type is Routine {
  return (ROUTINE as readonly string[]).includes(type);
}

function tuples(data: unknown, key: string): number[][] {
  const list = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[key] : null;
  return Array.isArray(list) ? list.filter((t): t is number[] => Array.isArray(t)) : [];
}

/** One line for a year's routine events of one kind, with this person's totals. */
export function routineSummary(type: Routine, events: readonly EventView[], self: number): string {
  const n = events.length;
  switch (type) {
    case 'carer_round': {
      let km = 0;
      let trips = 0;
      const donors = new Set<number>();
      for (const e of events) {
        km += typeof e.value === 'number' ? e.value : 0;
        const d = (e.data ?? {}) as { trips?: unknown; donors?: unknown };
        if (typeof d.trips === 'number') trips += d.trips;
        if (Array.isArray(d.donors)) for (const x of d.donors) if (typeof x === 'number') donors.add(x);
      }
      return `${plural(n, 'monthly round')}: ${fmt(Math.round(km))} km on ${plural(trips, 'drive')} to ${plural(donors.size, 'donor')}`;
    }
    case 'exchange_held': {
      let offered = 0;
      let accepted = 0;
      let earned = 0;
      let bought = 0;
      let spent = 0;
      for (const e of events)
        for (const [, maker, paid, buyer, price] of tuples(e.data, 'offered')) {
          if (maker === self) {
            offered++;
            if ((paid ?? 0) > 0) accepted++;
            earned += paid ?? 0;
          }
          if (buyer === self) {
            bought++;
            spent += price ?? 0;
          }
        }
      const bits = [`${plural(offered, 'work')} offered`];
      if (offered) bits.push(`${fmt(accepted)} accepted for ${plural(earned, 'token')}`);
      if (bought) bits.push(`${plural(bought, 'work')} bought for ${plural(spent, 'token')}`);
      return `${plural(n, 'Exchange')}: ${bits.join(', ')}`;
    }
    case 'sale_held': {
      let bought = 0;
      let spent = 0;
      for (const e of events)
        for (const [, buyer, price] of tuples(e.data, 'items'))
          if (buyer === self) {
            bought++;
            spent += price ?? 0;
          }
      return `${plural(n, 'Sale')}: ${bought ? `${plural(bought, 'thing')} bought for ${plural(spent, 'token')}` : 'nothing bought'}`;
    }
    case 'works_made':
      return `${plural(n, 'month')} of art at school`;
  }
}

/**
 * The events grouped by year, routine ones folded (see the module's note).
 * @example lifeByYear(detail.timeline.items, detail.person.id)
 */
export function lifeByYear(events: readonly EventView[], self: number): HTMLElement {
  const years = new Map<string, EventView[]>();
  for (const e of events) {
    const y = e.date.slice(0, 4);
    const list = years.get(y) ?? [];
    list.push(e);
    years.set(y, list);
  }
  return h(
    'div',
    { class: 'life-years' },
    [...years].map(([year, list]) => {
      const story = list.filter((e) => !isRoutine(e.type));
      const routine = ROUTINE.map((type) => ({ type, events: list.filter((e) => e.type === type) })).filter(
        (r) => r.events.length > 0,
      );
      return h(
        'section',
        { class: 'life-year', 'aria-label': year },
        h('h3', { class: 'year' }, year),
        h(
          'div',
          null,
          story.length ? timeline(story, { self }) : null,
          routine.map((r) =>
            h(
              'details',
              { class: `routine t-${r.type}` },
              h('summary', null, routineSummary(r.type, r.events, self)),
              timeline(r.events, { self }),
            ),
          ),
        ),
      );
    }),
  );
}
