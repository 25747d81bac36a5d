/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Small helpers for building the page: elements from a tag, attributes and children (HTML and
 * SVG), links the router follows, and the formats every page shares for numbers and dates.
 */
import { within } from './base.js';

export type Child = Node | string | number | null | undefined | false | Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

function apply(el: Element, attrs: Attrs | null | undefined, children: Child[]): void {
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
      // Addresses are written from the root; on the second world's pages they move under /b.
      else if ((k === 'href' || k === 'src') && typeof v === 'string') el.setAttribute(k, within(v));
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
}

/** Appends children, flattening arrays and skipping empty ones. */
export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else
      el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/**
 * An HTML element.
 * @example h('a', { href: '/people/3' }, 'Kathy H.')
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, attrs, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element. */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs, children);
  return el;
}

/** A link inside the explorer; the router follows it without reloading the page. */
export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return h('a', { href }, ...children);
}

export function personLink(p: { id: number; name: string } | null | undefined): Child {
  return p ? link(`/people/${p.id}`, p.name) : null;
}

/**
 * A life's lasting address (src/address) as a link: it opens the same life in any run, seed or
 * what-if of the scenario, so it is the one to keep or share.
 * @example addressLink('hailsham-1968-01') // <a href="/p/hailsham-1968-01"><code>/p/hailsham-1968-01</code></a>
 */
export function addressLink(address: string): HTMLAnchorElement {
  return h(
    'a',
    {
      href: `/p/${address}`,
      class: 'address',
      title: 'the address of this life in any run, seed or what-if of the scenario',
    },
    h('code', null, `/p/${address}`),
  );
}

export function placeLink(p: { id: number; name: string } | null | undefined): Child {
  return p ? link(`/places/${p.id}`, p.name) : null;
}

/** Builds a query string from the values that are set. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const text = q.toString();
  return text ? `?${text}` : '';
}

const numberFormat = new Intl.NumberFormat('en-GB');

/** A count with thousands separated: 924,141. */
export function fmt(n: number): string {
  return numberFormat.format(n);
}

/** A share as a percentage: 0.361 → "36.1%". */
export function pct(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** An ISO date as people write it: "2 April 1968". */
export function longDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** An ISO date shortly: "Apr 1968". */
export function monthYear(iso: string): string {
  const [y, m] = iso.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1]!.slice(0, 3)} ${y}`;
}

/** "1 donation", "3 donations". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${fmt(n)} ${n === 1 ? one : many}`;
}

/** Words for a phase, as a sentence would use them. */
export const PHASE_WORDS: Record<string, { one: string; many: string }> = {
  student: { one: 'student', many: 'students' },
  resident: { one: 'resident', many: 'residents' },
  carer: { one: 'carer', many: 'carers' },
  donor: { one: 'donor', many: 'donors' },
  completed: { one: 'completed', many: 'completed' },
};

/** A section with a heading, left out when it has nothing in it. */
export function section(title: string, ...children: Child[]): HTMLElement | null {
  const body = children.filter((c) => c !== null && c !== undefined && c !== false);
  if (body.length === 0) return null;
  return h('section', { class: 'panel' }, h('h2', null, title), ...body);
}
