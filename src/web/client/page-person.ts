/// <reference lib="dom" />
/**
 * A person's page: who they were, a line of their life coloured by phase, their carers and
 * donors, whatever the world's modules recorded about them, and every event of their life.
 */
import {
  allPlaces,
  get,
  mapData,
  worldInfo,
  type CarerRoutes,
  type ChronicleView,
  type EventsPage,
  type PersonDetail,
  type Section,
} from './api.js';
import { chronicleProse, kindSwitch } from './chronicle.js';
import {
  fmt,
  h,
  link,
  longDate,
  personLink,
  placeLink,
  plural,
  query,
  s,
  section,
  type Child,
} from './dom.js';
import { lines, type Line } from './charts.js';
import { drawMap } from './map.js';
import { revealHash, type Page } from './router.js';
import { lineLegend, sectionView, timeline } from './views.js';

/** The kind of chronicle the address asks for, if it is one there is. */
export function kindAsked(q: URLSearchParams, name = 'chronicle'): string | null {
  const k = q.get(name);
  return k === 'memoir' || k === 'biography' ? k : null;
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
    .catch((e: unknown) => {
      if (signal.aborted) return;
      body.replaceChildren(
        h(
          'p',
          { class: 'note' },
          `The chronicle could not be written: ${e instanceof Error ? e.message : String(e)}.`,
        ),
      );
      panel.dataset.ready = '1';
    });
  return panel;
}

/** A carer's roads on a small map, with the figures of their career and the busiest routes. */
function routesSection(p: PersonDetail['person'], signal: AbortSignal): HTMLElement {
  const body = h('div', null, h('p', { class: 'loading' }, 'Finding the roads…'));
  const panel = h(
    'section',
    { class: 'panel routes-panel', 'data-ready': '0' },
    h('h2', null, 'On the road'),
    body,
  );
  Promise.all([get<CarerRoutes>(`/api/people/${p.id}/routes`, signal), mapData(), allPlaces()])
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
    .catch((e: unknown) => {
      if (signal.aborted) return;
      panel.dataset.ready = '1';
      body.replaceChildren(
        h(
          'p',
          { class: 'note' },
          `The roads could not be drawn: ${e instanceof Error ? e.message : String(e)}.`,
        ),
      );
    });
  return panel;
}

const PHASE_LABEL: Record<string, string> = {
  student: 'school',
  resident: 'residence',
  carer: 'carer',
  donor: 'donor',
  completed: 'completed',
};

/** A bar across the life's years, one colour per phase. */
function lifeline(d: PersonDetail, endOfWorld: string): SVGSVGElement | null {
  if (d.phases.length === 0) return null;
  const toDay = (iso: string) =>
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  const spans = d.phases.filter((p) => p.phase !== 'completed');
  const start = toDay(spans[0]?.from ?? d.phases[0]!.from);
  const endIso = d.person.completedOn ?? endOfWorld;
  const end = toDay(endIso);
  const W = 1000;
  const x = (iso: string) => 8 + ((toDay(iso) - start) / Math.max(1, end - start)) * (W - 16);
  const svg = s('svg', { viewBox: `0 0 ${W} 44`, role: 'img', 'aria-label': 'Phases of this life' });
  // Labels go under their phase when there is room; about 7 units a character at this size.
  // The completion's label is placed first; the phases' labels fit in before it.
  const endText = d.person.completedOn ? `completed ${d.person.completedOn.slice(0, 4)}` : '';
  const limit = d.person.completedOn ? x(d.person.completedOn) - endText.length * 7 - 10 : W;
  let free = 0;
  const label = (at: number, text: string, anchor: 'start' | 'end' = 'start') => {
    const width = text.length * 7;
    const from = anchor === 'start' ? at : at - width;
    if (anchor === 'start' && (from < free || from + width > limit)) return;
    svg.appendChild(s('text', { x: at, y: 36, 'text-anchor': anchor }, text));
    free = from + width + 10;
  };
  for (const p of spans) {
    const x0 = x(p.from);
    const x1 = x(p.to ?? endIso);
    svg.appendChild(
      s('rect', {
        class: `fill-${p.phase}`,
        x: x0,
        y: 6,
        width: Math.max(1, x1 - x0),
        height: 14,
        'data-tip': `${PHASE_LABEL[p.phase]}: ${longDate(p.from)} to ${p.to ? longDate(p.to) : 'the end of the world'}`,
      }),
    );
    label(x0 + 2, `${PHASE_LABEL[p.phase]} ${p.from.slice(0, 4)}`);
  }
  if (d.person.completedOn) {
    const xe = x(d.person.completedOn);
    svg.appendChild(
      s('line', { x1: xe, x2: xe, y1: 2, y2: 24, stroke: 'currentColor', 'stroke-width': 1.5 }),
    );
    label(xe, endText, 'end');
  }
  return svg;
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
  const tl = timeline(events, { self: p.id });
  let nextPage = d.timeline.next;
  const loadMore = async (btn: HTMLButtonElement) => {
    btn.disabled = true;
    const page = await get<EventsPage>(`/api/people/${p.id}/events?${nextPage}`);
    for (const li of timeline(page.items, { self: p.id }).children) tl.appendChild(li.cloneNode(true));
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
  ];
  const content = h(
    'div',
    null,
    h('p', { class: 'kicker' }, ...kicker),
    h('h1', null, p.name),
    h('p', { class: 'subtitle' }, subtitle(d)),
    line ? h('div', { class: 'lifeline' }, line) : null,
    h(
      'dl',
      { class: 'facts' },
      facts
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
    ),
    h(
      'div',
      { class: 'grid' },
      d.carers.length ? section('Cared for by', careList(d.carers)) : null,
      d.donors.length ? section(`Donors in their care (${fmt(d.donors.length)})`, careList(d.donors)) : null,
    ),
    p.kind === 'clone' || d.timeline.total > 0 ? chronicleSection(p, kindAsked(q), signal) : null,
    p.carerOn ? routesSection(p, signal) : null,
    d.sections.map((sec) =>
      sec.key === 'relationships' ? [relationshipsChart(sec, p.id), sectionView(sec)] : sectionView(sec),
    ),
    section(
      `Life, event by event (${fmt(d.timeline.total)})`,
      events.length ? tl : h('p', { class: 'note' }, 'No events are recorded for this person.'),
      more,
    ),
  );
  return { title: p.name, content };
};

/** People drawn on a person's relationships chart: their closest, by their best year. */
const CLOSEST = 5;

/**
 * A person's closest friendships year by year, as lines: the relationships table's rows from
 * this person's side, for the five people they were ever fondest of over more than one year.
 * Null when there is nothing to draw.
 */
function relationshipsChart(sec: Section, self: number): HTMLElement | null {
  const col = (name: string) => sec.columns.findIndex((c) => c.toLowerCase() === name);
  const [iPerson, iOther, iYear, iFriend, iRomance] = [
    'person',
    'other',
    'year',
    'friendship',
    'romance',
  ].map(col);
  if (iOther === undefined || iOther < 0 || iYear! < 0 || iFriend! < 0) return null;
  const byOther = new Map<number, { name: string; points: { year: number; f: number; r: number }[] }>();
  for (const row of sec.rows) {
    // Rows seen from the other side (their fondness for this person) are left to their page.
    const who = iPerson! >= 0 ? row[iPerson!] : null;
    if (who && typeof who === 'object' && who.id !== self) continue;
    const other = row[iOther];
    const year = row[iYear!];
    const f = row[iFriend!];
    if (!other || typeof other !== 'object' || typeof year !== 'number' || typeof f !== 'number') continue;
    const romance = iRomance! >= 0 ? row[iRomance!] : null;
    const entry = byOther.get(other.id) ?? { name: other.text, points: [] };
    entry.points.push({ year, f, r: typeof romance === 'number' ? romance : 0 });
    byOther.set(other.id, entry);
  }
  const closest = [...byOther]
    .map(([id, e]) => ({ id, ...e, best: Math.max(...e.points.map((x) => x.f)) }))
    .filter((e) => e.best > 0 && e.points.length > 1)
    .sort((a, b) => b.best - a.best || a.id - b.id)
    .slice(0, CLOSEST);
  if (closest.length === 0) return null;
  const series: Line[] = closest.map((e, i) => ({
    label: e.name,
    cls: String(i),
    points: e.points
      .sort((a, b) => a.year - b.year)
      .map((x) => ({
        x: x.year,
        y: Math.max(0, x.f),
        href: `/people/${e.id}`,
        tip: `${e.name}, ${x.year}: friendship ${x.f.toFixed(2)}${x.r > 0.05 ? `, romance ${x.r.toFixed(2)}` : ''}`,
      })),
  }));
  return h(
    'section',
    { class: 'panel' },
    h('h2', null, 'Closest friendships'),
    h(
      'figure',
      null,
      lines(series, { xTitle: 'year', yMax: 1, yFormat: (v) => v.toFixed(2), width: 'narrow' }),
      lineLegend(series, (l, i) => link(`/people/${closest[i]!.id}`, l.label)),
    ),
    h(
      'p',
      { class: 'note' },
      'Fondness from 0 to 1 at the end of each year, for the people they were ever fondest of; the table below has every year and everyone.',
    ),
  );
}
