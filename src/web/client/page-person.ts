/// <reference lib="dom" />
/**
 * A person's page: who they were, a line of their life coloured by phase, their carers and
 * donors, whatever the world's modules recorded about them, and every event of their life.
 */
import {
  allPlaces,
  get,
  worldInfo,
  type CarerRoutes,
  type ChronicleView,
  type EventsPage,
  type PersonDetail,
} from './api.js';
import { chronicleProse, kindSwitch } from './chronicle.js';
import {
  addressLink,
  fmt,
  h,
  link,
  longDate,
  personLink,
  placeLink,
  plural,
  query,
  section,
  type Child,
} from './dom.js';
import type { RelationshipNetwork } from '../../api/relationships.js';
import { lifeByYear } from './life.js';
import { drawMap, mapGeo } from './map.js';
import { networkFigure, tiesOverYears } from './network.js';
import { chart, Plot } from './plot.js';
import { recordPicture } from './records.js';
import { revealHash, type Page } from './router.js';
import { sectionView } from './views.js';

/** The kind of chronicle the address asks for, if it is one there is. */
export function kindAsked(q: URLSearchParams, name = 'chronicle'): string | null {
  const k = q.get(name);
  return k === 'memoir' || k === 'biography' ? k : null;
}

/**
 * What a section drawn on arrival shows when its data could not be had: the reason, in place of
 * its body, and the section marked ready so the page does not wait on it. Nothing when the page
 * was left (the request was aborted).
 */
function failed(panel: HTMLElement, body: HTMLElement, lead: string, signal: AbortSignal) {
  return (e: unknown): void => {
    if (signal.aborted) return;
    panel.dataset.ready = '1';
    body.replaceChildren(
      h('p', { class: 'note' }, `${lead}: ${e instanceof Error ? e.message : String(e)}.`),
    );
  };
}

/**
 * A section drawn when its data arrives: its panel, marked not ready so the page's readiness
 * waits for it, and its body, saying meanwhile what is on its way.
 */
function lateSection(cls: string, title: string, waiting: string): { panel: HTMLElement; body: HTMLElement } {
  const body = h('div', null, h('p', { class: 'loading' }, waiting));
  const panel = h('section', { class: `panel ${cls}`, 'data-ready': '0' }, h('h2', null, title), body);
  return { panel, body };
}

/** Paragraphs of a chronicle shown on the person's page before the rest fold away. */
const CHRONICLE_SHOWN = 5;

/**
 * The person's chronicle, written by the server on first request (a fraction of a second, more
 * on a national world): drawn into its section when it arrives, so the rest of the page does
 * not wait for it.
 */
function chronicleSection(p: PersonDetail['person'], kind: string | null, signal: AbortSignal): HTMLElement {
  const body = h('div', { class: 'chronicle-slot' }, h('p', { class: 'loading' }, 'Writing the chronicle…'));
  const heading = h('h2', null, 'Chronicle');
  const panel = h(
    'section',
    { class: 'panel chronicle-panel', id: 'chronicle', 'data-ready': '0' },
    heading,
    body,
  );
  const q = query({ kind });
  get<ChronicleView>(`/api/people/${p.id}/chronicle${q}`, signal)
    .then((c) => {
      heading.textContent = c.kind === 'memoir' ? 'In their own words' : 'Their life, as the record tells it';
      body.replaceChildren(
        h('p', { class: 'chronicle-title' }, h('span', { class: 'title' }, c.title), ' · ', c.subtitle),
        kindSwitch(c, (k) => `/people/${p.id}${query({ chronicle: k })}#chronicle`) ?? '',
        chronicleProse(c, { fold: CHRONICLE_SHOWN }),
        h(
          'p',
          { class: 'note' },
          link(`/people/${p.id}/chronicle${q}`, 'Read it on a page of its own'),
          ' · ',
          h(
            'a',
            {
              href: `/api/people/${p.id}/chronicle${query({ kind: c.kind, format: 'html' })}`,
              target: '_blank',
              rel: 'noopener',
            },
            'as HTML',
          ),
          ` · ${plural(c.sentences, 'sentence')} resting on ${plural(c.cited, 'event')}`,
        ),
      );
      panel.dataset.ready = '1';
      revealHash();
    })
    .catch(failed(panel, body, 'The chronicle could not be written', signal));
  return panel;
}

/** A carer's roads on a small map, with the figures of their career and the busiest routes. */
function routesSection(p: PersonDetail['person'], signal: AbortSignal): HTMLElement {
  const { panel, body } = lateSection('routes-panel', 'On the road', 'Finding the roads…');
  Promise.all([get<CarerRoutes>(`/api/people/${p.id}/routes`, signal), mapGeo(), allPlaces()])
    .then(([r, map, places]) => {
      panel.dataset.ready = '1';
      if (!r.record && r.routes.length === 0) {
        panel.remove();
        return;
      }
      const ids = new Set<number>();
      for (const x of r.routes) ids.add(x.from.id).add(x.to.id);
      if (r.record?.base) ids.add(r.record.base.id);
      const base = r.record?.base?.id;
      const facts: [string, Child][] = r.record
        ? [
            ['Based at', placeLink(r.record.base)],
            ['Driven', `${fmt(Math.round(r.record.km))} km`],
            ['Drives', fmt(r.record.trips)],
            ['Donors cared for', fmt(r.record.donorsCared)],
            ['Completed in their care', fmt(r.record.completionsInCare)],
          ]
        : [];
      const mapped =
        r.routes.length > 0
          ? drawMap(
              map,
              places.items.filter((x) => ids.has(x.id)),
              {
                fit: [...ids],
                labels: true,
                highlight: base,
                routes: r.routes.map((x) => ({
                  from: x.from.id,
                  to: x.to.id,
                  trips: x.trips,
                  tip: `${x.from.name} – ${x.to.name}: ${fmt(Math.round(x.trips))} drives over ${plural(x.months, 'month')}, ${fmt(Math.round(x.km))} km each way`,
                })),
              },
            )
          : null;
      body.replaceChildren(
        h(
          'div',
          { class: 'routes-wrap' },
          mapped ? h('figure', { class: 'route-map' }, mapped) : null,
          h(
            'div',
            null,
            facts.length
              ? h(
                  'dl',
                  { class: 'pairs' },
                  facts.map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, v))),
                )
              : null,
            r.routes.length
              ? h(
                  'table',
                  { class: 'list compact' },
                  h(
                    'thead',
                    null,
                    h(
                      'tr',
                      null,
                      h('th', null, 'Road'),
                      h('th', { class: 'num' }, 'km'),
                      h('th', { class: 'num' }, 'Drives'),
                    ),
                  ),
                  h(
                    'tbody',
                    null,
                    r.routes
                      .slice(0, 8)
                      .map((x) =>
                        h(
                          'tr',
                          null,
                          h('td', null, placeLink(x.from), ' – ', placeLink(x.to)),
                          h('td', { class: 'num' }, fmt(Math.round(x.km))),
                          h('td', { class: 'num' }, fmt(Math.round(x.trips))),
                        ),
                      ),
                  ),
                )
              : null,
            h(
              'p',
              { class: 'note' },
              r.months
                ? `From ${plural(r.months, 'monthly round')} logged, ${r.first!.slice(0, 4)} to ${r.last!.slice(0, 4)}; drives count each way${r.localVisits ? `, and ${fmt(Math.round(r.localVisits))} more visits were to donors at ${r.record?.base ? 'their own centre' : 'the centre they set out from'}` : ''}.`
                : 'The world logs no rounds for this carer (a national world logs them only for carers from schools simulated in full), so only the totals are known.',
            ),
          ),
        ),
      );
    })
    .catch(failed(panel, body, 'The roads could not be drawn', signal));
  return panel;
}

const PHASE_LABEL: Record<string, string> = {
  student: 'school',
  resident: 'residence',
  carer: 'carer',
  donor: 'donor',
  completed: 'completed',
};

const PHASE_COLOURS: Record<string, string> = {
  school: '#8da17b',
  residence: '#c7a35e',
  carer: '#6f8ba5',
  donor: '#b9766a',
};

/** The line of a life: a bar across its years, one colour per phase, the completion marked. */
function lifeline(d: PersonDetail, endOfWorld: string): Element | null {
  const spans = d.phases
    .filter((p) => p.phase !== 'completed')
    .map((p) => ({
      phase: PHASE_LABEL[p.phase] ?? p.phase,
      from: new Date(p.from),
      to: new Date(p.to ?? d.person.completedOn ?? endOfWorld),
      year: p.from.slice(0, 4),
      tip: `${PHASE_LABEL[p.phase] ?? p.phase}: ${longDate(p.from)} to ${p.to ? longDate(p.to) : d.person.completedOn ? longDate(d.person.completedOn) : 'the end of the world'}`,
    }));
  if (spans.length === 0) return null;
  const phases = [...new Set(spans.map((x) => x.phase))];
  const end = d.person.completedOn ? [{ at: new Date(d.person.completedOn) }] : [];
  return chart(
    {
      width: 1000,
      height: 70,
      marginLeft: 6,
      marginRight: 6,
      marginTop: 4,
      x: { type: 'utc', label: null },
      y: { axis: null },
      color: { domain: phases, range: phases.map((p) => PHASE_COLOURS[p] ?? '#a59d92'), legend: true },
      marks: [
        Plot.barX(spans, { x1: 'from', x2: 'to', y: () => 'life', fill: 'phase', title: 'tip' }),
        Plot.ruleX(end, { x: 'at', stroke: '#2e2a25', strokeWidth: 2 }),
      ],
    },
    `The phases of this life: ${spans.map((x) => `${x.phase} from ${x.year}`).join(', ')}${d.person.completedOn ? `; completed ${d.person.completedOn.slice(0, 4)}` : ''}`,
  );
}

/**
 * The person's circle: everyone they were tied to and the ties among them, with a year
 * slider, and their own ties as bars across the years. Drawn when it arrives.
 */
function circleSection(p: PersonDetail['person'], endYear: number, signal: AbortSignal): HTMLElement {
  const { panel, body } = lateSection('circle-panel', 'Their circle', 'Finding their circle…');
  get<RelationshipNetwork>(`/api/people/${p.id}/circle`, signal)
    .then((net) => {
      panel.dataset.ready = '1';
      if (net.ties.length === 0) {
        panel.remove();
        return;
      }
      const bars = tiesOverYears(net, endYear);
      body.replaceChildren(
        h(
          'div',
          { class: 'circle-wrap' },
          networkFigure(net, {
            startYear: p.cohort !== null ? p.cohort + 14 : undefined,
            caption: `${p.name} (the larger dot) and everyone tied to them by friendship, love, a clique or caring, with the ties among those people.`,
          }),
          bars
            ? h(
                'figure',
                { class: 'ties-years' },
                bars,
                h(
                  'figcaption',
                  null,
                  'Their own ties, year by year. Select a bar for the event that began it.',
                ),
              )
            : null,
        ),
      );
    })
    .catch(failed(panel, body, 'The circle could not be drawn', signal));
  return panel;
}

function careList(items: PersonDetail['carers']): HTMLElement {
  return h(
    'ol',
    { class: 'timeline' },
    items.map((c) =>
      h(
        'li',
        null,
        h('span', { class: 'date' }, longDate(c.from)),
        h('span', null, personLink(c.person)),
        h('span', { class: 'id' }, link(`/events/${c.event}`, `#${c.event}`)),
      ),
    ),
  );
}

function subtitle(d: PersonDetail): string {
  const p = d.person;
  const bits = [`born ${longDate(p.born)}`];
  if (p.completedOn)
    bits.push(
      `completed ${longDate(p.completedOn)} after ${p.donations === 1 ? 'one donation' : `${p.donations} donations`}, aged ${p.age}`,
    );
  else if (p.kind === 'clone')
    bits.push(
      `${p.fate === 'spared' ? 'spared' : `a ${p.phase}`} when the record ends${p.donations ? `, ${plural(p.donations, 'donation')} given` : ''}`,
    );
  return bits.join(' · ');
}

export const personPage: Page = async ({ params, query: q, signal }) => {
  const [d, world] = await Promise.all([get<PersonDetail>(`/api/people/${params.id}`, signal), worldInfo()]);
  const line = lifeline(d, world.end);
  const p = d.person;
  const events = d.timeline.items.slice();
  const years = h('div', null, lifeByYear(events, p.id));
  let nextPage = d.timeline.next;
  const loadMore = async (btn: HTMLButtonElement) => {
    btn.disabled = true;
    const page = await get<EventsPage>(`/api/people/${p.id}/events?${nextPage}`);
    events.push(...page.items);
    years.replaceChildren(lifeByYear(events, p.id));
    nextPage = page.next;
    btn.disabled = false;
    if (!nextPage) btn.remove();
  };
  const more = nextPage
    ? h(
        'button',
        {
          class: 'quiet',
          onclick: (e: Event) => void loadMore(e.currentTarget as HTMLButtonElement),
        },
        `Show more (${fmt(d.timeline.total - events.length)} further events)`,
      )
    : null;

  const kicker =
    p.kind === 'clone'
      ? ['Raised at ', placeLink(p.school), p.cohort ? `, cohort of ${p.cohort}` : '']
      : [
          p.kind === 'madame' ? 'Madame' : p.kind === 'guardian' ? 'Guardian' : p.kind,
          p.school ? [' at ', placeLink(p.school)] : '',
        ];
  const facts: [string, Child][] = [
    ['Raised at', placeLink(p.school)],
    ['Cohort', p.cohort],
    ['Residence', placeLink(p.residence)],
    ['Carer from', p.carerOn ? longDate(p.carerOn) : null],
    ['Donor from', p.donorOn ? longDate(p.donorOn) : null],
    ['Recovery centre', placeLink(p.centre)],
    ['Carer at the end', personLink(p.carer)],
    ['Donations', p.kind === 'clone' ? p.donations : null],
    ['Lasting address', addressLink(p.address)],
  ];
  const endYear = Number(world.end.slice(0, 4));
  const content = h(
    'div',
    null,
    h('p', { class: 'kicker' }, ...kicker),
    h('h1', null, p.name),
    h('p', { class: 'subtitle' }, subtitle(d)),
    line ? h('figure', { class: 'lifeline' }, line) : null,
    p.kind === 'clone' || d.timeline.total > 0 ? chronicleSection(p, kindAsked(q), signal) : null,
    h(
      'dl',
      { class: 'facts' },
      facts
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
    ),
    p.kind === 'clone' ? circleSection(p, endYear, signal) : null,
    h(
      'div',
      { class: 'grid' },
      d.carers.length ? section('Cared for by', careList(d.carers)) : null,
      d.donors.length ? section(`Donors in their care (${fmt(d.donors.length)})`, careList(d.donors)) : null,
    ),
    p.carerOn ? routesSection(p, signal) : null,
    d.sections.length
      ? h(
          'div',
          { class: 'records' },
          d.sections.map((sec) =>
            sectionView(sec, { picture: recordPicture(sec, p.id, world.end), fold: true }),
          ),
        )
      : null,
    section(
      `Life, year by year (${fmt(d.timeline.total)} events)`,
      events.length ? years : h('p', { class: 'note' }, 'No events are recorded for this person.'),
      more,
    ),
  );
  return { title: p.name, content };
};
