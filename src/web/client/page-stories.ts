/// <reference lib="dom" />
/**
 * Stories in the world: the situations the log holds that are worth reading (a couple asking
 * for a deferral, a lost thing found in Norfolk, a carer who once loved their donor), rarest
 * first, each with its people, its events and a link to read it in a chronicle at that scene.
 * The kinds come first, with how often the world produced each and how often it could have.
 */
import type { StoriesPage, Story, StoryKind } from '../../api/stories.js';
import { get } from './api.js';
import { fmt, h, link, longDate, placeLink, query } from './dom.js';
import type { Page } from './router.js';
import { eventLabel, pager } from './views.js';

function rarity(bits: number | null): string {
  return bits === null ? '—' : `${bits.toFixed(1)}\u00a0bits`;
}

function kindsTable(kinds: StoryKind[], chosen: string | null): HTMLTableElement {
  return h(
    'table',
    { class: 'data' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, 'Kind of story'),
        h('th', { class: 'num' }, 'Happened'),
        h('th', { class: 'num' }, 'Chances'),
        h('th', { class: 'num' }, 'Rarity'),
      ),
    ),
    h(
      'tbody',
      null,
      ...kinds.map((k) =>
        h(
          'tr',
          k.key === chosen ? { 'aria-current': 'true' } : null,
          h(
            'td',
            null,
            k.count > 0 ? link(`/stories${query({ kind: k.key })}`, k.title) : k.title,
            h('div', { class: 'muted' }, k.description),
          ),
          h('td', { class: 'num' }, fmt(k.count)),
          h('td', { class: 'num' }, fmt(k.opportunities)),
          h('td', { class: 'num' }, rarity(k.bits)),
        ),
      ),
    ),
  );
}

function storyItem(s: Story): HTMLLIElement {
  const who = s.people.flatMap((p, i) => [
    i > 0 ? ', ' : '',
    link(`/people/${p.id}`, p.name),
    ' ',
    // A full load: the server turns the lasting address into this world's person.
    h(
      'a',
      {
        href: `/p/${p.address}`,
        target: '_self',
        class: 'muted',
        title: 'an address that opens the same person in any run of this scenario',
      },
      `(${p.address})`,
    ),
  ]);
  return h(
    'li',
    { class: 'story', value: String(s.rank) },
    h('h2', null, s.title),
    h(
      'p',
      { class: 'muted' },
      `${longDate(s.date)}`,
      s.place ? ' · ' : '',
      placeLink(s.place),
      ` · once in ${fmt(s.oneIn)} chances · ${rarity(s.bits)}`,
    ),
    h('p', null, ...who),
    h(
      'ul',
      null,
      ...s.events.map((e) =>
        h('li', null, link(`/events/${e.id}`, longDate(e.date)), ': ', ...eventLabel(e)),
      ),
    ),
    h('p', null, link(s.scene, 'Read it in the chronicle →')),
  );
}

export const storiesPage: Page = async ({ query: q, signal }) => {
  const kind = q.get('kind');
  const offset = Number(q.get('offset') ?? 0) || 0;
  const page = await get<StoriesPage>(
    `/api/stories${query({ kind, offset: offset || null, limit: 20 })}`,
    signal,
  );
  const prev =
    offset > 0 ? `/stories${query({ kind, offset: Math.max(0, offset - page.limit) || null })}` : null;
  const next = page.next ? `/stories?${page.next.replace(/(^|&)limit=\d+/, '')}` : null;
  const content = h(
    'div',
    null,
    h('h1', null, 'Stories in this world'),
    h(
      'p',
      { class: 'lede' },
      'The situations this world produced that are worth reading, rarest first. A story is rarer the fewer times it happened among the chances the world gave it (in bits: one bit is once in two chances, ten bits once in a thousand); each further story of a kind counts for a little less.',
    ),
    kindsTable(page.kinds, kind),
    kind ? h('p', null, link('/stories', 'Every kind of story')) : null,
    pager(page.offset, page.items.length, page.total, true, prev, next),
    h('ol', { class: 'stories' }, ...page.items.map(storyItem)),
    pager(page.offset, page.items.length, page.total, true, prev, next),
  );
  return { title: 'Stories', content };
};
