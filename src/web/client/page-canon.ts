/// <reference lib="dom" />
/**
 * The canon: the storyline's beats in order on a timeline, each with its people, place and
 * event, for worlds that record them; other worlds get a plain note saying why there are none.
 */
import { get, worldInfo, type Canon } from './api.js';
import { h, link, longDate, personLink, placeLink, s } from './dom.js';
import type { Page } from './router.js';

/** Where a beat is told: its scene in the narrator's memoir, or else its event. */
function sceneHref(b: Canon['beats'][number]): string | null {
  if (b.told && b.event !== null) return `/people/${b.told.person.id}/chronicle#ev-${b.event}`;
  return b.event !== null ? `/events/${b.event}` : null;
}

/** The beats as dots along the years, each a link to its scene (or its event). */
function beatStrip(canon: Canon): SVGSVGElement | null {
  const dated = canon.beats.filter((b) => b.date !== null);
  if (dated.length < 2) return null;
  const year = (iso: string) =>
    Number(iso.slice(0, 4)) + (Number(iso.slice(5, 7)) - 1) / 12 + (Number(iso.slice(8, 10)) - 1) / 365;
  const first = Math.floor(year(dated[0]!.date!));
  const last = Math.ceil(year(dated[dated.length - 1]!.date!));
  const W = 1000;
  const x = (y: number) => 20 + ((y - first) / Math.max(1, last - first)) * (W - 40);
  const svg = s('svg', {
    class: 'chart',
    viewBox: `0 0 ${W} 70`,
    role: 'img',
    'aria-label': 'The beats along the years',
  });
  svg.appendChild(s('line', { class: 'gridline', x1: 20, x2: W - 20, y1: 30, y2: 30 }));
  const step = last - first > 20 ? 5 : 1;
  for (let y = Math.ceil(first / step) * step; y <= last; y += step) {
    svg.appendChild(s('line', { class: 'gridline', x1: x(y), x2: x(y), y1: 26, y2: 34 }));
    svg.appendChild(s('text', { x: x(y), y: 54, 'text-anchor': 'middle' }, String(y)));
  }
  // Beats on the same day stack upwards so each stays visible.
  const seen = new Map<string, number>();
  for (const b of dated) {
    const k = seen.get(b.date!) ?? 0;
    seen.set(b.date!, k + 1);
    const dot = s('circle', { class: 'dot fill-2', cx: x(year(b.date!)), cy: 30 - k * 9, r: 4.5 });
    const href = sceneHref(b);
    svg.appendChild(
      href !== null
        ? s('a', { href, 'data-tip': `${longDate(b.date)}: ${b.title}` }, dot)
        : s('g', { 'data-tip': `${longDate(b.date)}: ${b.title}` }, dot),
    );
  }
  return svg;
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
