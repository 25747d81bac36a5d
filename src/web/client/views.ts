/// <reference lib="dom" />
/**
 * Pieces several pages share: an event's label with its names linked, a timeline of events,
 * a table of people, a pager, and the generic view of a module's records (a table, or a wall
 * of pictures for works).
 */
import type { Cell, EventView, PersonSummary, Section } from './api.js';
import { fmt, h, link, longDate, type Child } from './dom.js';

/** An event's one-line label with every person and place a link (but the page's own person, `self`). */
export function eventLabel(e: Pick<EventView, 'parts' | 'label'>, self?: number): Child[] {
  return e.parts.map((p) =>
    p.person !== undefined
      ? p.person === self
        ? h('span', { class: 'self' }, p.text)
        : link(`/people/${p.person}`, p.text)
      : p.place !== undefined
        ? link(`/places/${p.place}`, p.text)
        : p.text,
  );
}

/** A vertical timeline of events: date, what happened, and a link to the event itself. */
export function timeline(
  events: EventView[],
  opts: { here?: number; cls?: string; self?: number } = {},
): HTMLOListElement {
  return h(
    'ol',
    { class: `timeline${opts.cls ? ` ${opts.cls}` : ''}` },
    events.map((e) =>
      h(
        'li',
        { class: `t-${e.type}${e.id === opts.here ? ' here' : ''}` },
        h('span', { class: 'date' }, longDate(e.date)),
        h('span', null, ...eventLabel(e, opts.self)),
        h('span', { class: 'id' }, link(`/events/${e.id}`, `#${e.id}`)),
      ),
    ),
  );
}

/** What became of someone, in a few words. */
export function fateWords(p: PersonSummary): string {
  if (p.kind !== 'clone') return p.kind === 'madame' ? 'Madame' : p.kind;
  if (p.completedOn)
    return `completed ${p.completedOn.slice(0, 4)}, after ${p.donations === 1 ? 'one donation' : `${p.donations} donations`}`;
  if (p.fate === 'spared') return `spared after ${p.donations} donations`;
  return p.phase === 'donor' ? `a donor (${p.donations} given)` : `a ${p.phase}`;
}

/** A table of people with their school, cohort and what became of them. */
export function peopleTable(items: PersonSummary[]): HTMLTableElement {
  return h(
    'table',
    { class: 'list' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, 'Name'),
        h('th', null, 'Raised at'),
        h('th', { class: 'num' }, 'Cohort'),
        h('th', null, 'Born'),
        h('th', null, 'At the end'),
      ),
    ),
    h(
      'tbody',
      null,
      items.map((p) =>
        h(
          'tr',
          null,
          h('td', null, link(`/people/${p.id}`, p.name)),
          h(
            'td',
            null,
            p.school ? link(`/places/${p.school.id}`, p.school.name) : h('span', { class: 'muted' }, '—'),
          ),
          h('td', { class: 'num' }, p.cohort ?? ''),
          h('td', { class: 'date' }, p.born),
          h('td', null, h('span', { class: `phase ${p.phase}` }, fateWords(p))),
        ),
      ),
    ),
  );
}

/**
 * "1–50 of 9,229" with links to the pages before and after; `range` replaces the count where
 * a page is reached by a cursor rather than an offset.
 */
export function pager(
  offset: number,
  count: number,
  total: number,
  exact: boolean,
  prev: string | null,
  next: string | null,
  range?: string,
): HTMLElement {
  range ??=
    count === 0
      ? 'none'
      : `${fmt(offset + 1)}–${fmt(offset + count)} of ${exact ? '' : 'at least '}${fmt(total)}`;
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    h('span', null, range),
    h('span', { class: 'spacer' }),
    prev ? link(prev, '← Earlier') : null,
    next ? link(next, 'Later →') : null,
  );
}

function cell(c: Cell): Child {
  if (c === null) return h('span', { class: 'muted' }, '—');
  if (typeof c === 'object') {
    const base = c.ref === 'person' ? '/people/' : c.ref === 'place' ? '/places/' : '/events/';
    return link(`${base}${c.id}`, c.text);
  }
  // Small whole numbers (years, counts) plainly; large ones with separators; fractions to three places.
  if (typeof c === 'number')
    return Number.isInteger(c)
      ? Math.abs(c) < 10_000
        ? String(c)
        : fmt(c)
      : String(Math.round(c * 1000) / 1000);
  return c;
}

function cellClass(c: Cell): string | null {
  if (typeof c === 'number') return 'num';
  if (typeof c === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c)) return 'date';
  if (c !== null && typeof c === 'object' && c.ref === 'event') return 'date';
  return null;
}

/** How many rows or pictures show before the rest fold away. */
const SHOWN = 10;
const SHOWN_PICTURES = 15;
const SHOWN_PICTURES_FOLDED = 6;

function picture_(p: { id: number; title: string }): HTMLElement {
  return h(
    'figure',
    null,
    h(
      'a',
      { href: `/api/works/${p.id}.svg`, target: '_blank', rel: 'noopener' },
      h('img', { src: `/api/works/${p.id}.svg`, alt: p.title, loading: 'lazy', width: 240, height: 240 }),
    ),
    h('figcaption', null, p.title),
  );
}

/** How a section is shown: with a picture of its records, and its table folded away. */
export interface SectionOptions {
  /** A picture of the records, shown above the (then folded) table. */
  picture?: Element | null;
  /** Fold the whole table (or a single record's facts) under a one-line summary. */
  fold?: boolean;
}

/**
 * A module's records about a person or place: a wall of pictures for works, a list of facts
 * for a single record, otherwise a table; long ones show their first rows and fold the rest.
 * Given a picture, or asked to fold, the table folds away whole beneath it.
 */
export function sectionView(sec: Section, opts: SectionOptions = {}): HTMLElement {
  const note = sec.truncated
    ? h('p', { class: 'note' }, `The first ${fmt(sec.rows.length)} of ${fmt(sec.total)}.`)
    : null;
  const heading = h(
    'h2',
    null,
    sec.title,
    sec.total > 1 ? h('span', { class: 'count' }, ` (${fmt(sec.total)})`) : null,
  );
  const fold = opts.fold === true || (opts.picture ?? null) !== null;
  const picture = opts.picture ? h('figure', { class: 'record-picture' }, opts.picture) : null;
  if (sec.pictures && sec.pictures.length > 0) {
    const shown = fold ? SHOWN_PICTURES_FOLDED : SHOWN_PICTURES;
    const first = sec.pictures.slice(0, shown);
    const rest = sec.pictures.slice(shown);
    return h(
      'section',
      { class: `panel${fold ? ' compact' : ''}` },
      heading,
      h('div', { class: 'gallery' }, first.map(picture_)),
      rest.length
        ? h(
            'details',
            null,
            h('summary', null, `${fmt(rest.length)} more`),
            h('div', { class: 'gallery' }, rest.map(picture_)),
          )
        : null,
      note,
    );
  }
  if (sec.rows.length === 1) {
    // One record reads better as a list of facts than as a table of one row.
    const row = sec.rows[0]!;
    const facts = h(
      'dl',
      { class: 'pairs' },
      sec.columns.map((c, i) => h('div', null, h('dt', null, c), h('dd', null, cell(row[i] ?? null)))),
    );
    return h(
      'section',
      { class: 'panel' },
      heading,
      picture,
      picture ? h('details', null, h('summary', null, 'Every figure of the record'), facts) : facts,
    );
  }
  const table = (rows: Cell[][]) =>
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'list compact' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            sec.columns.map((c) => h('th', null, c)),
          ),
        ),
        h(
          'tbody',
          null,
          rows.map((r) =>
            h(
              'tr',
              null,
              r.map((c) => h('td', { class: cellClass(c) }, cell(c))),
            ),
          ),
        ),
      ),
    );
  if (fold)
    return h(
      'section',
      { class: 'panel' },
      heading,
      picture,
      h(
        'details',
        null,
        h('summary', null, `The table (${fmt(sec.rows.length)} ${sec.rows.length === 1 ? 'row' : 'rows'})`),
        table(sec.rows),
      ),
      note,
    );
  const rest = sec.rows.slice(SHOWN);
  return h(
    'section',
    { class: 'panel' },
    heading,
    table(sec.rows.slice(0, SHOWN)),
    rest.length ? h('details', null, h('summary', null, `${fmt(rest.length)} more`), table(rest)) : null,
    note,
  );
}

/**
 * The key to a chart's lines: a round swatch in each line's colour class, then its words.
 * @example lineLegend(series, (l) => l.label)
 */
export function lineLegend<L extends { cls: string }>(
  series: readonly L[],
  words: (l: L, i: number) => Child,
): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    series.map((l, i) => h('li', null, h('span', { class: `swatch round fill-${l.cls}` }), words(l, i))),
  );
}
