/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * A small router over the History API: each address maps to a page function that builds the
 * page's content; links inside the explorer (HTML or SVG) are followed without a reload, and
 * the back button works. A page that finishes after the reader has moved on is dropped.
 */
import { ApiFailure } from './api.js';
import { BASE, local, otherWorld, within } from './base.js';
import { h, link } from './dom.js';

export interface PageContext {
  params: Record<string, string>;
  query: URLSearchParams;
  signal: AbortSignal;
  /** Changes the address's query without a new page (filters, the time scrubber). */
  replaceQuery: (q: URLSearchParams) => void;
}

export type Page = (ctx: PageContext) => Promise<{ title: string; content: Node }>;

interface Route {
  pattern: RegExp;
  keys: string[];
  page: Page;
  nav: string;
}

const routes: Route[] = [];
let current: AbortController | null = null;

/**
 * Adds a page at a path such as `/people/:id`; `nav` is the masthead link it belongs under.
 * @example route('/people/:id', personPage, '/people')
 */
export function route(path: string, page: Page, nav: string): void {
  const keys: string[] = [];
  const pattern = new RegExp(
    `^${path.replace(/:(\w+)/g, (_, k: string) => {
      keys.push(k);
      return '(\\d+)';
    })}/?$`,
  );
  routes.push({ pattern, keys, page, nav });
}

function mainElement(): HTMLElement {
  return document.getElementById('main')!;
}

function markNav(nav: string): void {
  const target = nav ? within(nav) : '';
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.nav a')) {
    if (a.getAttribute('href') === target) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function failure(e: unknown): { title: string; content: Node } {
  const status = e instanceof ApiFailure ? e.status : 0;
  const message = e instanceof Error ? e.message : String(e);
  return {
    title: status === 404 ? 'Not found' : 'Something went wrong',
    content: h(
      'div',
      null,
      h('h1', null, status === 404 ? 'Not in this world' : 'The page could not be drawn'),
      h('p', { class: 'lede' }, message.charAt(0).toUpperCase() + message.slice(1) + '.'),
      h('p', null, link('/', 'Back to the overview')),
    ),
  };
}

/** Draws the page for the current address. */
export async function render(): Promise<void> {
  current?.abort();
  const controller = (current = new AbortController());
  const path = local(location.pathname);
  const main = mainElement();
  main.dataset.ready = '0';
  const found = routes.map((r) => ({ r, m: r.pattern.exec(path) })).find((x) => x.m !== null);
  let result: { title: string; content: Node };
  if (!found) {
    result = failure(new ApiFailure(404, `there is no page at ${path}`));
    markNav('');
  } else {
    markNav(found.r.nav);
    const params: Record<string, string> = {};
    found.r.keys.forEach((k, i) => (params[k] = found.m![i + 1]!));
    try {
      result = await found.r.page({
        params,
        query: new URLSearchParams(location.search),
        signal: controller.signal,
        replaceQuery(q) {
          const text = q.toString();
          history.replaceState(history.state, '', `${location.pathname}${text ? `?${text}` : ''}`);
        },
      });
    } catch (e) {
      if (controller.signal.aborted) return;
      result = failure(e);
    }
  }
  if (controller.signal.aborted) return;
  main.replaceChildren(result.content);
  document.title = `${result.title} · Hailsham`;
  main.dataset.ready = '1';
  revealHash();
}

/**
 * Scrolls to the element the address's #fragment names, once it exists: pages may draw parts
 * after they are shown (a chronicle), so those call this again when they are in place.
 */
export function revealHash(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  for (const el of document.querySelectorAll('.cited')) el.classList.remove('cited');
  if (!id) return;
  const target = document.getElementById(id);
  if (!target) return;
  // An event's anchor in a chronicle: every sentence citing the event is marked, not only the first.
  const event = /^ev-(\d+)$/.exec(id)?.[1];
  if (event)
    for (const el of document.querySelectorAll(`[data-events~="${event}"]`)) el.classList.add('cited');
  target.closest('details')?.setAttribute('open', '');
  target.scrollIntoView({ block: 'center' });
}

/** Goes to an address inside the explorer. */
export function navigate(path: string): void {
  // Pages name addresses from the root; on the second world's pages they are under its base.
  const href = within(path);
  const samePage = href.split('#')[0] === location.pathname + location.search && href.includes('#');
  history.pushState(null, '', href);
  if (samePage) {
    revealHash();
    return;
  }
  window.scrollTo(0, 0);
  void render();
}

/** Follows in-app links and the back button. */
export function start(): void {
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest('a');
    if (!a) return;
    const href = a.getAttribute('href') ?? '';
    if (
      !href.startsWith('/') ||
      href.startsWith('//') ||
      href.startsWith('/api') ||
      href.startsWith(`${BASE}/api`) ||
      a.hasAttribute('download') ||
      // The other world's pages have their own world description and map: load them afresh.
      otherWorld(href) ||
      // A lasting address is answered by the server, with the person's page in this world.
      local(href).startsWith('/p/')
    )
      return;
    if (a.getAttribute('target')) return;
    e.preventDefault();
    navigate(href);
  });
  window.addEventListener('popstate', () => void render());
  void render();
}
