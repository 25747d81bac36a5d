/// <reference lib="dom" />
/**
 * People: a search by name with filters for school, cohort, phase (at the end or on a date)
 * and fate, and the filters the overview's charts link with; paginated, never all at once.
 */
import { get, worldInfo, type PeoplePage } from './api.js';
import { fmt, h, link, longDate } from './dom.js';
import type { Page } from './router.js';
import { navigate } from './router.js';
import { pager, peopleTable } from './views.js';

/** Filters the charts link with, and how to say them. */
const EXTRA: Record<string, (v: string) => string> = {
  kind: (v) => `kind: ${v}`,
  schoolKind: (v) => `raised at a ${v}`,
  donations: (v) => `${v} donation${v === '1' ? '' : 's'} given`,
  careerYears: (v) => `a carer for ${v} to ${Number(v) + 1} years`,
  donorAge: (v) => `a donor at ${v}`,
  completedAge: (v) => `completed at ${v}`,
  place: (v) => `at place ${v}`,
  year: (v) => `in ${v}`,
};

const FORM_FIELDS = ['name', 'school', 'cohort', 'phase', 'on', 'fate'];

export const peoplePage: Page = async ({ query: q, signal }) => {
  const world = await worldInfo();
  const params = new URLSearchParams(q);
  const res = await get<PeoplePage>(`/api/people?${params.toString()}`, signal);

  const field = (name: string) => q.get(name) ?? '';
  const select = (name: string, options: [string, string][]) =>
    h(
      'select',
      { name },
      h('option', { value: '' }, 'any'),
      options.map(([v, label]) => h('option', { value: v, selected: field(name) === v }, label)),
    );
  const form = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const data = new FormData(e.target as HTMLFormElement);
        const next = new URLSearchParams();
        for (const k of FORM_FIELDS) {
          const raw = data.get(k);
          const v = typeof raw === 'string' ? raw.trim() : '';
          if (v) next.set(k, v);
        }
        // Filters set by a chart stay until removed.
        for (const k of Object.keys(EXTRA)) {
          const v = q.get(k);
          if (v) next.set(k, v);
        }
        const text = next.toString();
        navigate(`/people${text ? `?${text}` : ''}`);
      },
    },
    h(
      'label',
      null,
      'Name begins',
      h('input', {
        type: 'search',
        name: 'name',
        value: field('name'),
        placeholder: 'Kathy',
        autocomplete: 'off',
      }),
    ),
    h(
      'label',
      null,
      'Raised at',
      select(
        'school',
        world.schools.map((sc) => [String(sc.id), sc.name]),
      ),
    ),
    h(
      'label',
      null,
      'Cohort',
      h('input', {
        type: 'number',
        name: 'cohort',
        value: field('cohort'),
        min: world.cohorts.first ?? 1900,
        max: world.cohorts.last ?? 2100,
      }),
    ),
    h(
      'label',
      null,
      'Phase',
      select(
        'phase',
        world.phases.map((p) => [p, p]),
      ),
    ),
    h(
      'label',
      null,
      'On date',
      h('input', { type: 'date', name: 'on', value: field('on'), min: world.start, max: world.end }),
    ),
    h(
      'label',
      null,
      'Fate',
      select(
        'fate',
        world.fates.map((f) => [f, f]),
      ),
    ),
    h('button', { type: 'submit' }, 'Search'),
  );

  const chips = Object.keys(EXTRA)
    .filter((k) => q.get(k))
    .map((k) => {
      const without = new URLSearchParams(q);
      without.delete(k);
      without.delete('offset');
      return h('li', null, EXTRA[k]!(q.get(k)!), ' ', link(`/people?${without.toString()}`, '(remove)'));
    });

  const offset = res.offset;
  const prevOffset = Math.max(0, offset - res.limit);
  const withOffset = (o: number) => {
    const p = new URLSearchParams(q);
    if (o > 0) p.set('offset', String(o));
    else p.delete('offset');
    return `/people?${p.toString()}`;
  };
  const on = q.get('on');
  const describe = [q.get('phase') ? `${q.get('phase')}s` : null, on ? `on ${longDate(on)}` : null].filter(
    Boolean,
  );

  const content = h(
    'div',
    null,
    h('h1', null, 'People'),
    h(
      'p',
      { class: 'lede' },
      `${fmt(world.people)} people lived in this world. Search by the start of a name, or narrow by where they were raised, their year, their phase and what became of them.`,
    ),
    form,
    chips.length ? h('ul', { class: 'legend' }, chips) : null,
    h(
      'p',
      { class: 'note' },
      `${fmt(res.total)} ${res.total === 1 ? 'person matches' : 'people match'}${describe.length ? ` (${describe.join(' ')})` : ''}${q.get('name') ? `, in order of name` : ''}.`,
    ),
    res.items.length ? peopleTable(res.items) : h('p', null, 'Nobody matches these filters.'),
    pager(
      offset,
      res.items.length,
      res.total,
      res.totalExact,
      offset > 0 ? withOffset(prevOffset) : null,
      res.next ? `/people?${res.next}` : null,
    ),
  );
  return { title: 'People', content };
};
