/// <reference lib="dom" />
/**
 * The canon: the storyline's beats in order on a timeline, each with its people, place and
 * event, for worlds that record them; other worlds get a plain note saying why there are none.
 */
import type { RelationshipNetwork } from '../../api/relationships.js';
import { get, worldInfo, type Canon } from './api.js';
import { h, link, longDate, personLink, placeLink } from './dom.js';
import { tieLegend, triangleStrip } from './network.js';
import { chart, Plot } from './plot.js';
import type { Page } from './router.js';

/**
 * The storyline's three: its narrator and the two people the beats name most often with them
 * (in the canon, Kathy, Ruth and Tommy); null when the beats name fewer.
 */
function castOfThree(canon: Canon, narrator: number | null): [number, number, number] | null {
  const count = new Map<number, number>();
  for (const b of canon.beats) for (const p of b.people) count.set(p.id, (count.get(p.id) ?? 0) + 1);
  const first = narrator ?? [...count].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  if (first === undefined) return null;
  const others = [...count]
    .filter(([id]) => id !== first)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, 2)
    .map(([id]) => id);
  return others.length === 2 ? [first, others[0]!, others[1]!] : null;
}

/** The three's ties year by year, from the narrator's circle. */
async function triangleSection(
  canon: Canon,
  narrator: number | null,
  signal: AbortSignal,
): Promise<HTMLElement | null> {
  const trio = castOfThree(canon, narrator);
  if (!trio) return null;
  const circle = await get<RelationshipNetwork>(`/api/people/${trio[0]}/circle`, signal);
  const strip = triangleStrip(circle, trio);
  if (!strip) return null;
  const names = trio.map((id) => circle.people.find((p) => p.id === id)?.name ?? `#${id}`);
  return h(
    'section',
    { class: 'panel triangles' },
    h('h2', null, `${names[0]}, ${names[1]} and ${names[2]}, year by year`),
    h(
      'figure',
      null,
      strip,
      tieLegend(),
      h(
        'figcaption',
        null,
        'Each small triangle is one year: a side is drawn when those two were tied that year, in the colour of the tie; a grey corner has completed. Select a side for the event that began the tie, a corner for the person; ',
        link(`/people/${trio[0]}`, `${names[0]}’s page`),
        ' has the whole circle.',
      ),
    ),
  );
}

/** Where a beat is told: its scene in the narrator's memoir, or else its event. */
function sceneHref(b: Canon['beats'][number]): string | null {
  if (b.told && b.event !== null) return `/people/${b.told.person.id}/chronicle#ev-${b.event}`;
  return b.event !== null ? `/events/${b.event}` : null;
}

/** The beats as dots along the years, each a link to its scene (or its event). */
function beatStrip(canon: Canon): Element | null {
  const dated = canon.beats.filter((b) => b.date !== null);
  if (dated.length < 2) return null;
  // Beats on the same day stack upwards so each stays visible.
  const seen = new Map<string, number>();
  const dots = dated.map((b) => {
    const k = seen.get(b.date!) ?? 0;
    seen.set(b.date!, k + 1);
    return { date: new Date(b.date!), k, href: sceneHref(b), tip: `${longDate(b.date)}: ${b.title}` };
  });
  return chart(
    {
      width: 1000,
      height: 80,
      marginLeft: 20,
      marginRight: 20,
      x: { type: 'utc', label: null },
      y: { domain: [0, Math.max(3, ...dots.map((d) => d.k + 1))], axis: null },
      marks: [
        Plot.ruleY([0], { stroke: '#e2d8c4' }),
        Plot.dot(dots, {
          x: 'date',
          y: 'k',
          r: 4.5,
          fill: '#b9766a',
          stroke: '#f5f0e6',
          href: 'href',
          title: 'tip',
        }),
      ],
    },
    'The beats along the years',
  );
}

export const canonPage: Page = async ({ signal }) => {
  const world = await worldInfo();
  if (!world.features.canon) {
    return {
      title: 'Canon',
      content: h(
        'div',
        null,
        h('h1', null, 'The canon storyline'),
        h(
          'p',
          { class: 'lede' },
          `This world (${world.scenario}) does not follow the novel's storyline, so it has no beats to show.`,
        ),
        h(
          'p',
          null,
          'Worlds run from the canon scenario record each beat of the story as it happens in the simulation: open one of those with ',
          h('code', null, 'hailsham serve'),
          ' to see them here. Everything else in this world is on the ',
          link('/', 'overview'),
          '.',
        ),
      ),
    };
  }
  const canon = await get<Canon>('/api/canon', signal);
  const strip = beatStrip(canon);
  const narrator = canon.beats.find((b) => b.told)?.told?.person ?? null;
  const told = canon.beats.filter((b) => b.told).length;
  const triangle = await triangleSection(canon, narrator?.id ?? null, signal).catch(() => null);
  const content = h(
    'div',
    null,
    h('h1', null, 'The canon storyline'),
    h(
      'p',
      { class: 'lede' },
      `${canon.beats.length} beats of the story, in the order they came, as this run of the world played them.`,
    ),
    narrator
      ? h(
          'p',
          null,
          `Each beat opens its scene in `,
          link(`/people/${narrator.id}/chronicle`, `${narrator.name}’s memoir`),
          `, at the sentences that tell it (${told} of the ${canon.beats.length} beats are told there), and its event in the record.`,
        )
      : null,
    triangle,
    strip ? h('figure', { class: 'beat-strip' }, strip) : null,
    h(
      'ol',
      { class: 'beats' },
      canon.beats.map((b) =>
        h(
          'li',
          null,
          h('span', { class: 'date' }, b.date ? longDate(b.date) : '—'),
          h(
            'div',
            null,
            h('h3', null, sceneHref(b) !== null ? link(sceneHref(b)!, b.title) : b.title),
            b.text ? h('p', null, b.text) : null,
            b.told || b.event !== null
              ? h(
                  'p',
                  { class: 'scene-links' },
                  b.told && b.event !== null
                    ? link(
                        `/people/${b.told.person.id}/chronicle#ev-${b.event}`,
                        `The scene in ${b.told.person.name}’s memoir`,
                      )
                    : h('span', { class: 'muted' }, 'Not told in the memoir'),
                  b.event !== null ? [' · ', link(`/events/${b.event}`, `event #${b.event}`)] : null,
                )
              : null,
            h(
              'p',
              { class: 'muted' },
              b.people.map((p, i) => [i ? ', ' : '', personLink(p)]),
              b.place ? [b.people.length ? ' · ' : '', placeLink(b.place)] : null,
              b.scene ? h('span', { class: 'kind' }, ` · ${b.scene.replace(/-/g, ' ')}`) : null,
            ),
          ),
        ),
      ),
    ),
  );
  return { title: 'Canon', content };
};
