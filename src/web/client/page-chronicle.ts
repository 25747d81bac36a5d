/// <reference lib="dom" />
/**
 * A person's chronicle on a page of its own, set for reading: the memoir or biography with
 * every sentence linked to its events. The canon's beats open here at their scene
 * (`/people/{narrator}/chronicle#ev-{beat's event}`).
 */
import { get, type ChronicleView } from './api.js';
import { chronicleProse, kindSwitch } from './chronicle.js';
import { h, link, query } from './dom.js';
import { kindAsked } from './page-person.js';
import type { Page } from './router.js';

export const chroniclePage: Page = async ({ params, query: q, signal }) => {
  const kind = kindAsked(q, 'kind');
  const c = await get<ChronicleView>(`/api/people/${params.id}/chronicle${query({ kind })}`, signal);
  const content = h(
    'article',
    { class: 'reading' },
    h('p', { class: 'kicker' }, `The ${c.kind} of `, link(`/people/${c.person.id}`, c.person.name)),
    h('h1', null, c.title),
    h('p', { class: 'subtitle' }, c.subtitle),
    kindSwitch(c, (k) => `/people/${c.person.id}/chronicle${query({ kind: k })}`),
    chronicleProse(c),
    h(
      'p',
      { class: 'note' },
      `${c.sentences} sentences resting on ${c.cited} events; each sentence leads to the first of them. `,
      h(
        'a',
        {
          href: `/api/people/${c.person.id}/chronicle${query({ kind: c.kind, format: 'html' })}`,
          target: '_blank',
          rel: 'noopener',
        },
        'The same as a page of HTML',
      ),
      '.',
    ),
  );
  return { title: `${c.title} (${c.kind})`, content };
};
