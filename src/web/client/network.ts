/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Relationships as pictures: a network laid out by d3-force, every person a node that opens
 * their page and every tie a line that opens the event that began it; a year slider shows the
 * ties of one year over a layout fixed for all years, so nobody moves while the years pass.
 * Also the ties of a circle as bars across the years (Observable Plot), and the small
 * triangles of three people year by year that show a story's shape at a glance.
 */
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
} from 'd3-force';
import type { SimulationLinkDatum, SimulationNodeDatum } from 'd3-force';
import type { NetworkPerson, RelationshipNetwork, Tie, TieKind } from '../../api/relationships.js';
import { h, s } from './dom.js';
import { chart, Plot } from './plot.js';

export type { NetworkPerson, RelationshipNetwork, Tie, TieKind };

/** Words for each kind of tie, as a legend and a sentence use them. */
export const TIE_WORDS: Record<TieKind, string> = {
  friends: 'friends',
  couple: 'a couple',
  clique: 'in a clique',
  carer: 'carer and donor',
};

/** The colours of the kinds of tie, shared by the network, the bars and the triangles. */
export const TIE_COLOURS: Record<TieKind, string> = {
  friends: '#6f8ba5',
  couple: '#a8413a',
  clique: '#8a6fa5',
  carer: '#5f8a52',
};

const KINDS = Object.keys(TIE_WORDS) as TieKind[];

const year = (iso: string) => Number(iso.slice(0, 4));

/** Whether a tie held at some time in a year. */
export function tieIn(t: Tie, y: number): boolean {
  return year(t.from) <= y && (t.to === null || year(t.to) >= y);
}

function alive(p: NetworkPerson, y: number): boolean {
  return year(p.born) <= y && (p.completedOn === null || year(p.completedOn) >= y);
}

function span(t: Tie): string {
  const from = year(t.from);
  if (t.to === null) return `from ${from}`;
  const to = year(t.to);
  return to === from ? `in ${from}` : `${from} to ${to}`;
}

/** A tie in words: "Kathy H. and Ruth: friends, 1975 to 1996 (ended: completed)". */
export function tieWords(t: Tie, name: (id: number) => string): string {
  const who =
    t.kind === 'carer'
      ? `${name(t.a)} cared for ${name(t.b)}`
      : t.kind === 'clique'
        ? `${name(t.b)} in ${name(t.a)}’s clique`
        : `${name(t.a)} and ${name(t.b)}: ${TIE_WORDS[t.kind]}`;
  return `${who}, ${span(t)}${t.why ? ` (${t.why})` : ''}`;
}

/** The key to the kinds of tie. */
export function tieLegend(kinds: readonly TieKind[] = KINDS): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    kinds.map((k) => h('li', null, h('span', { class: `swatch tie-swatch tie-${k}` }), TIE_WORDS[k])),
  );
}

interface Node extends SimulationNodeDatum {
  id: number;
}

interface Link extends SimulationLinkDatum<Node> {
  weight: number;
}

/** A drawn network and the control that chooses its year. */
export interface NetworkView {
  element: SVGSVGElement;
  /** Shows the ties of one year (and dims those not living then); null shows every year. */
  setYear(y: number | null): void;
}

/**
 * Lays out and draws a network. The layout is computed once over every tie of every year with
 * a fixed number of steps from d3-force's own deterministic start, so the same network is
 * always drawn the same way.
 * @example const view = drawNetwork(net); view.setYear(1980)
 */
export function drawNetwork(net: RelationshipNetwork, opts: { labels?: boolean } = {}): NetworkView {
  const byId = new Map(net.people.map((p) => [p.id, p]));
  const nodes: Node[] = net.people.map((p) => ({ id: p.id }));
  const index = new Map(nodes.map((n) => [n.id, n]));
  const pairs = new Map<string, Link>();
  for (const t of net.ties) {
    const key = t.a < t.b ? `${t.a}-${t.b}` : `${t.b}-${t.a}`;
    const weight = t.kind === 'couple' ? 3 : t.kind === 'friends' ? 2 : 1;
    const link = pairs.get(key);
    if (link) link.weight += weight;
    else pairs.set(key, { source: index.get(t.a)!, target: index.get(t.b)!, weight });
  }
  const links = [...pairs.values()];
  const focus = net.focus !== null ? index.get(net.focus) : undefined;
  if (focus) {
    focus.fx = 0;
    focus.fy = 0;
  }
  const sim = forceSimulation<Node>(nodes)
    .force(
      'link',
      forceLink<Node, Link>(links)
        .distance((l) => 20 + 90 / Math.sqrt(l.weight))
        .strength((l) => Math.min(1, 0.25 * l.weight)),
    )
    .force('charge', forceManyBody<Node>().strength(-110))
    .force('x', forceX<Node>(0).strength(0.06))
    .force('y', forceY<Node>(0).strength(0.08))
    .force('collide', forceCollide<Node>(13))
    .force('center', focus ? null : forceCenter<Node>(0, 0))
    .stop();
  sim.tick(300);

  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const pad = 60;
  // Small circles keep the scale of large networks: the box is never smaller than this.
  const [minX, maxX] = [Math.min(...xs) - pad, Math.max(...xs) + pad];
  const [minY, maxY] = [Math.min(...ys) - pad / 2, Math.max(...ys) + pad / 2];
  const w = Math.max(380, maxX - minX);
  const ht = Math.max(250, maxY - minY);
  const x0 = (minX + maxX) / 2 - w / 2;
  const y0 = (minY + maxY) / 2 - ht / 2;
  const name = (id: number) => byId.get(id)?.name ?? `#${id}`;
  const svg = s('svg', {
    class: 'network',
    viewBox: `${x0.toFixed(1)} ${y0.toFixed(1)} ${w.toFixed(1)} ${ht.toFixed(1)}`,
    role: 'group',
    'aria-label': `${net.title}: ${net.people.length} people, ${net.ties.length} ties`,
  });
  const edges = s('g', { class: 'ties' });
  const seen = new Map<string, number>();
  const tieEls: { t: Tie; el: SVGElement }[] = [];
  for (const t of net.ties) {
    const a = index.get(t.a);
    const b = index.get(t.b);
    if (!a || !b) continue;
    // Several ties between the same two people lie side by side.
    const key = t.a < t.b ? `${t.a}-${t.b}` : `${t.b}-${t.a}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const dx = (b.x ?? 0) - (a.x ?? 0);
    const dy = (b.y ?? 0) - (a.y ?? 0);
    const len = Math.hypot(dx, dy) || 1;
    const off = (k % 2 ? -1 : 1) * Math.ceil(k / 2) * 3;
    const ox = (-dy / len) * off;
    const oy = (dx / len) * off;
    const words = tieWords(t, name);
    const line = s('line', {
      class: `tie tie-${t.kind}`,
      x1: ((a.x ?? 0) + ox).toFixed(1),
      y1: ((a.y ?? 0) + oy).toFixed(1),
      x2: ((b.x ?? 0) + ox).toFixed(1),
      y2: ((b.y ?? 0) + oy).toFixed(1),
    });
    const href = t.began !== null ? `/events/${t.began}` : `/people/${t.b}`;
    const el = s('a', { href, 'data-tip': words, 'aria-label': words }, line);
    edges.appendChild(el);
    tieEls.push({ t, el });
  }
  svg.appendChild(edges);
  const people = s('g', { class: 'people' });
  const nodeEls: { p: NetworkPerson; el: SVGElement }[] = [];
  const many = net.people.length > 70;
  for (const n of nodes) {
    const p = byId.get(n.id)!;
    const ties = net.ties.filter((t) => t.a === p.id || t.b === p.id).length;
    const words = `${p.name}, born ${year(p.born)}${p.completedOn ? `, completed ${year(p.completedOn)}` : ''}${p.member ? '' : p.school ? ` (${p.school.name}, ${p.cohort ?? ''})` : ''}: ${ties} ${ties === 1 ? 'tie' : 'ties'}`;
    const r = p.id === net.focus ? 9 : 4 + Math.min(4, Math.sqrt(ties) * 1.3);
    const el = s(
      'a',
      {
        href: `/people/${p.id}`,
        'data-tip': words,
        'aria-label': words,
        class: `person${p.member ? '' : ' outsider'}${p.id === net.focus ? ' focus' : ''}`,
      },
      s('circle', { cx: (n.x ?? 0).toFixed(1), cy: (n.y ?? 0).toFixed(1), r: r.toFixed(1) }),
      (opts.labels ?? !many) || p.id === net.focus
        ? s(
            'text',
            { x: ((n.x ?? 0) + r + 2).toFixed(1), y: ((n.y ?? 0) + 4).toFixed(1) },
            p.name.replace(/ [A-Z]\.$/, ''),
          )
        : null,
    );
    people.appendChild(el);
    nodeEls.push({ p, el });
  }
  svg.appendChild(people);
  const setYear = (y: number | null) => {
    const active = new Set<number>();
    for (const { t, el } of tieEls) {
      const on = y === null || tieIn(t, y);
      el.classList.toggle('off', !on);
      if (on) active.add(t.a).add(t.b);
    }
    for (const { p, el } of nodeEls) {
      el.classList.toggle('gone', y !== null && !alive(p, y));
      el.classList.toggle('alone', y !== null && !active.has(p.id));
    }
  };
  setYear(null);
  return { element: svg, setYear };
}

/**
 * A network with its year slider, its legend and, folded, every tie as a list of links (the
 * same content for a reader who does not use the picture).
 */
export function networkFigure(
  net: RelationshipNetwork,
  opts: { startYear?: number; caption: string },
): HTMLElement {
  const view = drawNetwork(net);
  const first = net.first ?? year(net.people[0]?.born ?? '1970');
  const last = net.last ?? first;
  const start = Math.min(last, Math.max(first, opts.startYear ?? first));
  const output = h('output', { class: 'year-value' }, String(start));
  const all = h('input', { type: 'checkbox', id: `all-years-${net.focus ?? net.cohort ?? 0}` });
  const slider = h('input', {
    type: 'range',
    min: first,
    max: last,
    step: 1,
    value: start,
    'aria-label': 'Year',
  });
  const update = () => {
    const y = Number(slider.value);
    output.textContent = all.checked ? 'every year' : String(y);
    slider.disabled = all.checked;
    view.setYear(all.checked ? null : y);
  };
  slider.addEventListener('input', update);
  all.addEventListener('change', update);
  update();
  const kinds = KINDS.filter((k) => net.ties.some((t) => t.kind === k));
  const name = (id: number) => net.people.find((p) => p.id === id)?.name ?? `#${id}`;
  return h(
    'figure',
    { class: 'network-figure' },
    first < last
      ? h(
          'div',
          { class: 'year-control' },
          h('label', null, 'Year ', slider),
          output,
          h('label', { class: 'check' }, all, ' every year at once'),
        )
      : null,
    view.element,
    tieLegend(kinds),
    h('figcaption', null, opts.caption),
    net.ties.length
      ? h(
          'details',
          null,
          h('summary', null, `Every tie as a list (${net.ties.length})`),
          h(
            'ul',
            { class: 'tie-list' },
            net.ties.map((t) =>
              h(
                'li',
                null,
                h('span', { class: `swatch tie-swatch tie-${t.kind}` }),
                ' ',
                t.began !== null
                  ? h('a', { href: `/events/${t.began}` }, tieWords(t, name))
                  : tieWords(t, name),
              ),
            ),
          ),
        )
      : null,
  );
}

/**
 * A circle's ties across the years: one row per person, a bar for each tie from its first year
 * to its last, coloured by kind; each bar opens the event that began it.
 */
export function tiesOverYears(net: RelationshipNetwork, endYear: number): Element | null {
  const focus = net.focus;
  const own = net.ties.filter((t) => focus === null || t.a === focus || t.b === focus);
  if (own.length === 0) return null;
  const name = (id: number) => net.people.find((p) => p.id === id)?.name ?? `#${id}`;
  const rows = own.map((t) => {
    const other = t.a === focus ? t.b : t.a;
    return {
      who: name(other),
      kind: t.kind,
      x1: year(t.from),
      x2: (t.to === null ? endYear : year(t.to)) + 1,
      href: t.began !== null ? `/events/${t.began}` : `/people/${other}`,
      tip: tieWords(t, name),
    };
  });
  const order = [...new Set(rows.sort((a, b) => a.x1 - b.x1).map((r) => r.who))];
  const kinds = KINDS.filter((k) => rows.some((r) => r.kind === k));
  return chart(
    {
      width: 520,
      height: 34 + order.length * 26,
      marginLeft: 110,
      x: { label: null, tickFormat: 'd' },
      y: { domain: order, label: null },
      color: { domain: kinds, range: kinds.map((k) => TIE_COLOURS[k]) },
      marks: [
        Plot.gridX({ stroke: '#e2d8c4', strokeOpacity: 1 }),
        Plot.barX(rows, {
          x1: 'x1',
          x2: 'x2',
          y: 'who',
          fill: 'kind',
          inset: 3,
          insetTop: 4,
          insetBottom: 4,
          href: 'href',
          title: 'tip',
        }),
      ],
    },
    `${net.title}: each tie as a bar across the years it lasted`,
  );
}

/**
 * Three people's ties year by year as small triangles: each corner a person (greyed once they
 * have completed), each side drawn in the colour of the ties between those two that year.
 * Every side opens the event that began its tie.
 */
export function triangleStrip(
  net: RelationshipNetwork,
  trio: readonly [number, number, number],
): Element | null {
  const ties = net.ties.filter((t) => trio.includes(t.a) && trio.includes(t.b) && t.a !== t.b);
  if (ties.length === 0) return null;
  const people = trio.map((id) => net.people.find((p) => p.id === id));
  if (people.some((p) => !p)) return null;
  const first = Math.min(...ties.map((t) => year(t.from)));
  const last = Math.max(...ties.map((t) => (t.to === null ? year(t.from) : year(t.to))));
  const corners: [number, number][] = [
    [0.5, 0.12],
    [0.08, 0.86],
    [0.92, 0.86],
  ];
  const short = (p: NetworkPerson) => p.name.replace(/ [A-Z]\.$/, '');
  const cols = Math.min(9, last - first + 1);
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  const sides: {
    year: number;
    col: number;
    row: number;
    x1: number;
    y1: number;
    x2: number;
    y2: number;
    kind: TieKind;
    href: string;
    tip: string;
  }[] = [];
  const name = (id: number) => net.people.find((p) => p.id === id)?.name ?? `#${id}`;
  const pairsOf: [number, number][] = [
    [0, 1],
    [0, 2],
    [1, 2],
  ];
  for (const y of years) {
    const i = y - first;
    for (const [pi, pj] of pairsOf) {
      const here = ties.filter(
        (t) => tieIn(t, y) && [t.a, t.b].includes(trio[pi]!) && [t.a, t.b].includes(trio[pj]!),
      );
      here.forEach((t, k) => {
        const [ax, ay] = corners[pi]!;
        const [bx, by] = corners[pj]!;
        // Several ties between two people in one year lie side by side.
        const dx = bx - ax;
        const dy = by - ay;
        const len = Math.hypot(dx, dy);
        const off = (k - (here.length - 1) / 2) * 0.07;
        sides.push({
          year: y,
          col: i % cols,
          row: Math.floor(i / cols),
          x1: ax + (-dy / len) * off,
          y1: ay + (dx / len) * off,
          x2: bx + (-dy / len) * off,
          y2: by + (dx / len) * off,
          kind: t.kind,
          href: t.began !== null ? `/events/${t.began}` : `/people/${t.b}`,
          tip: `${y}: ${tieWords(t, name)}`,
        });
      });
    }
  }
  const dots = years.flatMap((y) =>
    people.map((p, k) => ({
      year: y,
      col: (y - first) % cols,
      row: Math.floor((y - first) / cols),
      x: corners[k]![0],
      y: corners[k]![1],
      who: short(p!),
      gone: p!.completedOn !== null && year(p!.completedOn) < y,
      href: `/people/${p!.id}`,
      tip: `${p!.name} in ${y}${p!.completedOn !== null && year(p!.completedOn) < y ? ' (completed)' : ''}`,
    })),
  );
  const labels = years.map((y) => ({
    year: y,
    col: (y - first) % cols,
    row: Math.floor((y - first) / cols),
  }));
  const kinds = KINDS.filter((k) => ties.some((t) => t.kind === k));
  const rows = Math.ceil(years.length / cols);
  const facet = { fx: 'col', fy: 'row' } as const;
  return chart(
    {
      width: 960,
      height: rows * 118 + 10,
      marginTop: 4,
      marginBottom: 4,
      marginLeft: 4,
      marginRight: 4,
      x: { domain: [-0.05, 1.05], axis: null },
      y: { domain: [-0.25, 1.05], axis: null, reverse: true },
      fx: { axis: null, padding: 0.3 },
      fy: { axis: null, padding: 0.1 },
      color: { domain: kinds, range: kinds.map((k) => TIE_COLOURS[k]) },
      marks: [
        Plot.text(labels, {
          ...facet,
          x: 0.5,
          y: -0.13,
          text: (d: { year: number }) => String(d.year),
          fontSize: 12,
        }),
        Plot.link(
          dots.filter((_, i) => i % 3 === 0),
          {
            ...facet,
            x1: () => corners[0]![0],
            y1: () => corners[0]![1],
            x2: () => corners[1]![0],
            y2: () => corners[1]![1],
            stroke: '#e2d8c4',
          },
        ),
        Plot.link(
          dots.filter((_, i) => i % 3 === 0),
          {
            ...facet,
            x1: () => corners[1]![0],
            y1: () => corners[1]![1],
            x2: () => corners[2]![0],
            y2: () => corners[2]![1],
            stroke: '#e2d8c4',
          },
        ),
        Plot.link(
          dots.filter((_, i) => i % 3 === 0),
          {
            ...facet,
            x1: () => corners[0]![0],
            y1: () => corners[0]![1],
            x2: () => corners[2]![0],
            y2: () => corners[2]![1],
            stroke: '#e2d8c4',
          },
        ),
        Plot.link(sides, {
          ...facet,
          x1: 'x1',
          y1: 'y1',
          x2: 'x2',
          y2: 'y2',
          stroke: 'kind',
          strokeWidth: (d: { kind: TieKind }) => (d.kind === 'couple' ? 3.2 : 2.2),
          href: 'href',
          title: 'tip',
        }),
        Plot.dot(dots, {
          ...facet,
          x: 'x',
          y: 'y',
          r: 4.5,
          fill: (d: { gone: boolean }) => (d.gone ? '#c9c0b2' : '#2e2a25'),
          stroke: 'white',
          href: 'href',
          title: 'tip',
        }),
        ...[true, false].map((top) =>
          Plot.text(
            dots.filter((d) => d.y < 0.5 === top),
            {
              ...facet,
              x: 'x',
              y: 'y',
              text: 'who',
              dy: top ? -9 : 12,
              fontSize: 10,
              fill: (d: { gone: boolean }) => (d.gone ? '#a59d92' : '#4a443c'),
            },
          ),
        ),
      ],
    },
    `${people.map((p) => p!.name).join(', ')}: the ties among the three, year by year from ${first} to ${last}`,
  );
}
