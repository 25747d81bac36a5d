/// <reference lib="dom" />
/**
 * Relationships: one cohort's network of friendships, couples, cliques and carers, with a year
 * slider; the cohorts with the most ties are offered first. The address keeps the cohort and
 * the year (`/relationships?school=0&cohort=1968&year=1980`), so a view can be shared.
 */
import type { NetworkCohorts, RelationshipNetwork } from '../../api/relationships.js';
import { get } from './api.js';
import { fmt, h, link, query } from './dom.js';
import { networkFigure } from './network.js';
import { navigate, type Page } from './router.js';

export const relationshipsPage: Page = async ({ query: q, signal }) => {
  const cohorts = await get<NetworkCohorts>('/api/relationships/cohorts', signal);
  const heading = h('h1', null, 'Relationships');
  if (cohorts.items.length === 0)
    return {
      title: 'Relationships',
      content: h(
        'div',
        null,
        heading,
        h(
          'p',
          { class: 'lede' },
          'This world records no friendships or couples: only schools simulated in full keep their students’ ties.',
        ),
      ),
    };
  const school = Number(q.get('school') ?? cohorts.items[0]!.school.id);
  const cohort = Number(q.get('cohort') ?? cohorts.items[0]!.cohort);
  const net = await get<RelationshipNetwork>(`/api/relationships${query({ school, cohort })}`, signal);
  const chosen = `${school}:${cohort}`;
  const select = h(
    'select',
    {
      id: 'cohort-choice',
      onchange: (e: Event) => {
        const [sc, co] = (e.currentTarget as HTMLSelectElement).value.split(':');
        navigate(`/relationships${query({ school: sc, cohort: co })}`);
      },
    },
    [...cohorts.items]
      .sort((a, b) => a.school.name.localeCompare(b.school.name) || a.cohort - b.cohort)
      .map((c) =>
        h(
          'option',
          { value: `${c.school.id}:${c.cohort}`, selected: `${c.school.id}:${c.cohort}` === chosen },
          `${c.school.name}, ${c.cohort} (${fmt(c.ties)} ties)`,
        ),
      ),
  );
  const members = net.people.filter((p) => p.member).length;
  const startYear = Number(q.get('year') ?? (net.cohort !== null ? net.cohort + 12 : (net.first ?? 0)));
  const content = h(
    'div',
    null,
    h('p', { class: 'kicker' }, 'Who was close to whom'),
    heading,
    h(
      'p',
      { class: 'lede' },
      `${net.title}: ${fmt(members)} children of the cohort and ${fmt(net.people.length - members)} others tied to them, with ${fmt(net.ties.length)} ties over the years.`,
    ),
    h(
      'form',
      { class: 'filters', onsubmit: (e: Event) => e.preventDefault() },
      h('label', { for: 'cohort-choice' }, 'Cohort '),
      select,
      ' ',
      h(
        'span',
        { class: 'note' },
        'The most tied: ',
        cohorts.items
          .slice(0, 4)
          .map((c, i) => [
            i ? ', ' : '',
            link(
              `/relationships${query({ school: c.school.id, cohort: c.cohort })}`,
              `${c.school.name} ${c.cohort}`,
            ),
          ]),
      ),
    ),
    networkFigure(net, {
      startYear,
      caption:
        'Each dot is a person (hollow: from outside the cohort; pale: not living that year), each line a tie that held that year. Select a person for their page, a line for the event that began the tie.',
    }),
  );
  return { title: `Relationships · ${net.title}`, content };
};
