/// <reference lib="dom" />
/**
 * The map of England: the outline the API gives in longitude and latitude, projected by d3-geo
 * (a transverse Mercator on England's central meridian, as the national grid uses), every
 * place as a small mark in its kind's colour and shape (schools and homes square, residences
 * triangular, recovery centres round), the named places labelled, and optionally circles sized
 * by how many people are there.
 */
import { geoArea, geoPath, geoTransverseMercator } from 'd3-geo';
import type { MapOutline } from '../../api/outline.js';
import { get, type PlaceSummary } from './api.js';
import { fmt, s } from './dom.js';

/** The projected outline and the projection that places points on it. */
export interface MapGeo {
  width: number;
  height: number;
  /** The outline as an SVG path. */
  outline: string;
  /** Where a point falls on the map, in its units. */
  project(lat: number, lon: number): { x: number; y: number };
}

/** The map's canvas: England is about 1.3 times taller than wide. */
const MAP_WIDTH = 600;
const MAP_HEIGHT = 780;

let geo: Promise<MapGeo> | undefined;

/**
 * The outline, fetched once and projected to fit the canvas.
 * @example drawMap(await mapGeo(), (await allPlaces()).items)
 */
export function mapGeo(): Promise<MapGeo> {
  geo ??= get<MapOutline>('/api/map/outline').then((o) => {
    // d3-geo takes a polygon's outer ring clockwise; one drawn the other way would cover the globe.
    const shape: MapOutline = {
      type: 'MultiPolygon',
      coordinates: o.coordinates.map((poly) =>
        poly.map((ring) =>
          geoArea({ type: 'Polygon', coordinates: [ring] }) > 2 * Math.PI ? [...ring].reverse() : ring,
        ),
      ),
    };
    const margin = 0.04 * MAP_WIDTH;
    const projection = geoTransverseMercator()
      .rotate([2, 0])
      .fitExtent(
        [
          [margin, margin],
          [MAP_WIDTH - margin, MAP_HEIGHT - margin],
        ],
        shape,
      );
    const path = geoPath(projection).digits(1);
    return {
      width: MAP_WIDTH,
      height: MAP_HEIGHT,
      outline: path(shape) ?? '',
      project(lat, lon) {
        const [x, y] = projection([lon, lat]) ?? [0, 0];
        return { x, y };
      },
    };
  });
  return geo;
}

export interface Bubble {
  place: number;
  count: number;
  cls: 'students' | 'residents' | 'donors';
  tip: string;
  href?: string;
}

/** A road carers drove, drawn between two places with a width by how often. */
export interface RouteLine {
  from: number;
  to: number;
  trips: number;
  tip: string;
  href?: string;
}

export interface MapOptions {
  /** Label the places the scenario names (and, in a close-up, every place). */
  labels?: boolean;
  /** Ring one place. */
  highlight?: number;
  /** Circles whose area is proportional to a count. */
  bubbles?: Bubble[];
  /** The count a circle of the largest size stands for (keeps sizes steady while scrubbing). */
  bubbleScale?: number;
  /** Show only these kinds of place. */
  kinds?: Set<string>;
  /** Crop to a box around the highlighted place, in map units. */
  zoom?: number;
  /** Crop to the places given, with a margin (a carer's routes). */
  fit?: number[];
  /** Roads between places, each as wide as it was busy. */
  routes?: RouteLine[];
  /** The trips the widest road stands for (the busiest of `routes` unless told). */
  routeScale?: number;
}

const KIND_WORDS: Record<string, string> = {
  school: 'school',
  home: 'home',
  residence: 'residence',
  'recovery-centre': 'recovery centre',
  town: 'town',
  landmark: 'landmark',
  'home-of-madame': "Madame's house",
};

export function kindWord(kind: string): string {
  return KIND_WORDS[kind] ?? kind;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function marker(p: PlaceSummary, x: number, y: number): SVGElement {
  const cls = `marker k-${['school', 'home', 'residence', 'recovery-centre'].includes(p.kind) ? p.kind : 'other'}`;
  switch (p.kind) {
    case 'school':
      return s('rect', { class: cls, x: x - 5, y: y - 5, width: 10, height: 10 });
    case 'home':
      return s('rect', { class: cls, x: x - 3.6, y: y - 3.6, width: 7.2, height: 7.2 });
    case 'residence':
      return s('path', { class: cls, d: `M${x} ${y - 5.5}L${x + 5.2} ${y + 3.6}L${x - 5.2} ${y + 3.6}Z` });
    case 'recovery-centre':
      return s('circle', { class: cls, cx: x, cy: y, r: 3.8 });
    default:
      return s('path', { class: cls, d: `M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z` });
  }
}

/**
 * Draws the map.
 * @example drawMap(await mapGeo(), (await allPlaces()).items, { labels: true })
 */
export function drawMap(map: MapGeo, places: PlaceSummary[], opts: MapOptions = {}): SVGSVGElement {
  const pos = new Map(places.map((p) => [p.id, { id: p.id, ...map.project(p.lat, p.lon) }]));
  let viewBox = `0 0 ${map.width} ${map.height}`;
  const focus = opts.highlight !== undefined ? pos.get(opts.highlight) : undefined;
  if (opts.zoom && focus) {
    const half = opts.zoom / 2;
    const x0 = Math.min(Math.max(focus.x - half, 0), map.width - opts.zoom);
    const y0 = Math.min(Math.max(focus.y - half, 0), map.height - opts.zoom);
    viewBox = `${x0.toFixed(1)} ${y0.toFixed(1)} ${opts.zoom} ${opts.zoom}`;
  }
  let span = opts.zoom;
  let bounds: Box = { x0: 0, y0: 0, x1: map.width, y1: map.height };
  const fitted = (opts.fit ?? []).map((id) => pos.get(id)).filter((p) => p !== undefined);
  if (!opts.zoom && fitted.length > 0) {
    // A box around the places, at least 90 units across, no taller than 1.4 times its width.
    const xs = fitted.map((p) => p.x);
    const ys = fitted.map((p) => p.y);
    // Room on each side for a label beside the outermost places.
    let w = Math.max(160, Math.max(...xs) - Math.min(...xs) + 150);
    let ht = Math.max(110, Math.max(...ys) - Math.min(...ys) + 60);
    w = Math.max(w, ht / 1.1);
    ht = Math.max(ht, w * 0.62);
    const x0 = (Math.max(...xs) + Math.min(...xs)) / 2 - w / 2;
    const y0 = (Math.max(...ys) + Math.min(...ys)) / 2 - ht / 2;
    viewBox = `${x0.toFixed(1)} ${y0.toFixed(1)} ${w.toFixed(1)} ${ht.toFixed(1)}`;
    bounds = { x0, y0, x1: x0 + w, y1: y0 + ht };
    span = w;
  }
  const svg = s('svg', {
    class: span ? 'map' : 'map whole',
    viewBox,
    // A group of links, not an image: its places can be reached from the keyboard.
    role: 'group',
    'aria-label': 'Map of England',
  });
  svg.appendChild(s('path', { class: 'sea-line', d: map.outline }));
  svg.appendChild(s('path', { class: 'land', d: map.outline }));
  // In a close-up, text and marks shrink with the zoom so they keep their size on the screen.
  // A fitted map is drawn small (a third of a column), so its text is set larger for its span.
  const scale = span ? span / (opts.fit && !opts.zoom ? 330 : map.width) : 1;
  const markScale = span ? scale * (opts.fit && !opts.zoom ? 1 : 1.4) : 1;
  if (opts.routes && opts.routes.length > 0) {
    const max = opts.routeScale ?? Math.max(1, ...opts.routes.map((r) => r.trips));
    const g = s('g', { class: 'routes' });
    // Quietest first, so the busy roads are drawn over them and can be pointed at.
    for (const r of [...opts.routes].sort((a, b) => a.trips - b.trips)) {
      const a = pos.get(r.from);
      const b = pos.get(r.to);
      if (!a || !b || r.from === r.to) continue;
      const width = (0.8 + 7 * Math.sqrt(r.trips / max)) * Math.max(scale, 0.25);
      const line = s('line', {
        class: 'route',
        x1: a.x,
        y1: a.y,
        x2: b.x,
        y2: b.y,
        'stroke-width': width.toFixed(2),
      });
      g.appendChild(
        r.href
          ? s('a', { href: r.href, 'data-tip': r.tip, 'aria-label': r.tip }, line)
          : s('g', { 'data-tip': r.tip }, line),
      );
    }
    svg.appendChild(g);
  }
  if (opts.bubbles) {
    const max = opts.bubbleScale ?? Math.max(1, ...opts.bubbles.map((b) => b.count));
    const g = s('g');
    // Largest first, so small circles stay on top and can be pointed at.
    for (const b of [...opts.bubbles].sort((a, c) => c.count - a.count)) {
      const p = pos.get(b.place);
      if (!p || b.count <= 0) continue;
      const r = Math.max(2, 26 * Math.sqrt(b.count / max));
      const circle = s('circle', { class: `bubble b-${b.cls}`, cx: p.x, cy: p.y, r });
      g.appendChild(
        b.href
          ? s('a', { href: b.href, 'data-tip': b.tip, 'aria-label': b.tip }, circle)
          : s('g', { 'data-tip': b.tip }, circle),
      );
    }
    svg.appendChild(g);
  }
  const marks = s('g');
  const labels = s('g');
  const placed: Box[] = [];
  for (const p of places) {
    if (opts.kinds && !opts.kinds.has(p.kind)) continue;
    const at = pos.get(p.id);
    if (!at) continue;
    const tip = `${p.name} · ${kindWord(p.kind)}${p.people ? ` · ${fmt(p.people)} people` : ''}`;
    const m = marker(p, at.x, at.y);
    if (markScale !== 1)
      m.setAttribute(
        'transform',
        `translate(${at.x} ${at.y}) scale(${markScale}) translate(${-at.x} ${-at.y})`,
      );
    marks.appendChild(s('a', { href: `/places/${p.id}`, 'data-tip': tip, 'aria-label': p.name }, m));
    const half = 5 * markScale;
    placed.push({ x0: at.x - half, y0: at.y - half, x1: at.x + half, y1: at.y + half });
  }
  if (opts.labels) {
    // Named places first (schools before the rest), each label where it overlaps nothing drawn yet.
    const rank = (k: string) => ['school', 'residence', 'home', 'recovery-centre'].indexOf(k) >>> 0;
    const named = places
      // A close-up names every place in it; the whole country only the scenario's own.
      .filter((p) => (span !== undefined || !p.generated) && (!opts.kinds || opts.kinds.has(p.kind)))
      .sort((a, b) =>
        a.id === opts.highlight ? -1 : b.id === opts.highlight ? 1 : rank(a.kind) - rank(b.kind),
      );
    for (const p of named) {
      const at = pos.get(p.id);
      if (!at) continue;
      const small = p.kind === 'recovery-centre';
      const w = p.name.length * (small ? 6.8 : 7.8) * scale;
      const hgt = (small ? 12 : 14) * scale;
      const gap = 8 * scale;
      const options: [number, number, 'start' | 'end' | 'middle'][] = [
        [at.x + gap, at.y + hgt * 0.3, 'start'],
        [at.x - gap, at.y + hgt * 0.3, 'end'],
        [at.x, at.y - gap, 'middle'],
        [at.x, at.y + gap + hgt * 0.8, 'middle'],
      ];
      for (const [x, y, anchor] of options) {
        const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
        const box = { x0, y0: y - hgt * 0.8, x1: x0 + w, y1: y + hgt * 0.2 };
        if (
          box.x0 < bounds.x0 ||
          box.x1 > bounds.x1 ||
          box.y0 < bounds.y0 ||
          box.y1 > bounds.y1 ||
          placed.some((b) => overlaps(b, box))
        )
          continue;
        placed.push(box);
        const text = s(
          'text',
          { class: `label${small ? ' small' : ''}`, x, y, 'text-anchor': anchor },
          p.name,
        );
        if (scale !== 1) text.style.fontSize = `${(small ? 12.5 : 14) * scale}px`;
        labels.appendChild(text);
        break;
      }
    }
  }
  svg.appendChild(marks);
  svg.appendChild(labels);
  if (focus) svg.appendChild(s('circle', { class: 'here', cx: focus.x, cy: focus.y, r: 11 * markScale }));
  return svg;
}
