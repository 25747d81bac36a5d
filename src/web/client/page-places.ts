/// <reference lib="dom" />
/**
 * Places: the map of England with every school, home, residence and recovery centre, and the
 * same places listed by kind with how many passed through each.
 */
import { allPlaces, mapData, type PlaceSummary } from './api.js';
import { fmt, h, link, section } from './dom.js';
import { drawMap, kindWord } from './map.js';
import type { Page } from './router.js';

const ORDER = ['school', 'home', 'residence', 'recovery-centre', 'home-of-madame', 'landmark', 'town'];
const SHAPES: Record<string, string> = {
  school: 'square',
  home: 'square',
  residence: 'triangle',
  'recovery-centre': 'round',
};

function kindTable(kind: string, items: PlaceSummary[]): HTMLElement | null {
  if (items.length === 0) return null;
  const plural =
    kind === 'recovery-centre'
      ? 'Recovery centres'
      : kind === 'home-of-madame'
        ? "Madame's house"
        : `${kindWord(kind).charAt(0).toUpperCase()}${kindWord(kind).slice(1)}s`;
  return section(
    `${plural} (${items.length})`,
    h(
      'ul',
      { class: 'place-list' },
      items.map((p) =>
        h(
          'li',
          { 'data-tip': `${p.fictional ? 'fictional; ' : ''}${fmt(p.people)} people passed through` },
          link(`/places/${p.id}`, p.name),
          h('span', { class: 'num' }, p.people ? fmt(p.people) : ''),
        ),
      ),
    ),
  );
}

export const placesPage: Page = async () => {
  const [map, places] = await Promise.all([mapData(), allPlaces()]);
  const byKind = new Map<string, PlaceSummary[]>();
  for (const p of places.items) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p]);
  const kinds = [...byKind.keys()].sort(
    (a, b) => ((ORDER.indexOf(a) + 99) % 99) - ((ORDER.indexOf(b) + 99) % 99),
  );
  const legend = h(
    'ul',
    { class: 'legend' },
    kinds.map((k) =>
      h(
        'li',
        null,
        h('span', { class: `swatch${SHAPES[k] === 'round' ? ' round' : ''} fill-k-${k}` }),
        kindWord(k),
        ` (${byKind.get(k)!.length})`,
      ),
    ),
  );
  const content = h(
    'div',
    null,
    h('h1', null, 'Places'),
    h(
      'p',
      { class: 'lede' },
      `The ${fmt(places.total)} places of this world, where its people were raised, waited, recovered and completed. Named places are labelled; the rest were set in English towns when the world was made.`,
    ),
    h(
      'div',
      { class: 'map-wrap' },
      h(
        'figure',
        { class: 'sticky' },
        drawMap(map, places.items, { labels: true }),
        legend,
        h(
          'figcaption',
          null,
          'Select a place for its roster by year and its events; the figures count the clones who passed through each.',
        ),
      ),
      h(
        'div',
        null,
        kinds.map((k) => kindTable(k, byKind.get(k)!)),
      ),
    ),
  );
  return { title: 'Places', content };
};
