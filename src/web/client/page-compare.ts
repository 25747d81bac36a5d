/// <reference lib="dom" />
/**
 * Two worlds side by side, when the explorer was started with a second one
 * (`hailsham serve a.db --compare b.db`): their figures with the difference, their charts on
 * shared scales, and the lives that went differently, page by page, each linking to the person
 * in both worlds (the second world's pages are under /b and load afresh).
 */
import {
  ApiFailure,
  get,
  type CompareSide,
  type Comparison,
  type DivergedLife,
  type DivergedPage,
} from './api.js';
import { SECOND } from './base.js';
import { bars, lines, stackedArea, type Line } from './charts.js';
import { addressLink, fmt, h, link, pct, PHASE_WORDS, query, section, type Child } from './dom.js';
import { navigate, type Page } from './router.js';
import { lineLegend, pager } from './views.js';

const LIVING = ['student', 'resident', 'carer', 'donor'];
const DIFFERENCES = [
  ['phase', 'phase at the end'],
  ['donations', 'donations'],
  ['completion', 'completion date'],
] as const;

/** A world's name as the page uses it. */
function nameOf(w: CompareSide): string {
  return w.title ?? w.scenario;
}

/** An address in one of the two worlds. */
function inWorld(w: CompareSide, path: string): string {
  return w.base ? `${SECOND}${path}` : path;
}

function signed(x: number, digits = 0): string {
  const text = digits ? Math.abs(x).toFixed(digits) : fmt(Math.abs(Math.round(x)));
  return x > 0 ? `+${text}` : x < 0 ? `−${text}` : '0';
}

/** The figures of both worlds in a table, with the second's difference from the first. */
function figuresTable(c: Comparison): HTMLElement {
  const rows: [string, number | null, number | null, number][] = [
    ['Lives followed', c.a.figures.clones, c.b.figures.clones, 0],
    ['Events recorded', c.a.figures.events, c.b.figures.events, 0],
    ['Donations given', c.a.figures.donations, c.b.figures.donations, 0],
    ['Completions', c.a.figures.completions, c.b.figures.completions, 0],
    ['Spared', c.a.figures.spared, c.b.figures.spared, 0],
    [
      'Donations at completion (mean)',
      c.a.figures.meanDonationsAtCompletion,
      c.b.figures.meanDonationsAtCompletion,
      2,
    ],
    ['Age at completion (median)', c.a.figures.medianCompletionAge, c.b.figures.medianCompletionAge, 1],
    ['Carer career, years (median)', c.a.figures.medianCareerYears, c.b.figures.medianCareerYears, 1],
    ['Age on becoming a donor (median)', c.a.figures.medianDonorAge, c.b.figures.medianDonorAge, 1],
  ];
  const show = (v: number | null, digits: number) => (v === null ? '—' : digits ? v.toFixed(digits) : fmt(v));
  return h(
    'table',
    { class: 'list compare-figures' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, ''),
        h('th', { class: 'num' }, 'First world'),
        h('th', { class: 'num' }, 'Second world'),
        h('th', { class: 'num' }, 'Difference'),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map(([label, a, b, digits]) => {
        const diff = a !== null && b !== null ? b - a : null;
        const rel = diff !== null && a ? ` (${signed((diff / a) * 100, 1)}%)` : '';
        return h(
          'tr',
          null,
          h('td', null, label),
          h('td', { class: 'num' }, show(a, digits)),
          h('td', { class: 'num' }, show(b, digits)),
          h(
            'td',
            { class: `num diff${diff ? '' : ' same'}` },
            diff === null ? '—' : diff === 0 ? 'same' : `${signed(diff, digits)}${rel}`,
          ),
        );
      }),
    ),
  );
}

/** The two worlds' phases over time, on one scale, side by side. */
function phasesCharts(c: Comparison): HTMLElement {
  const total = (w: CompareSide) =>
    Math.max(0, ...w.phasesOverTime.map((r) => LIVING.reduce((s, k) => s + (r.counts[k] ?? 0), 0)));
  const top = Math.max(total(c.a), total(c.b));
  const chart = (w: CompareSide) =>
    h(
      'figure',
      null,
      h('h3', null, nameOf(w)),
      stackedArea(
        w.phasesOverTime.map((r) => ({ x: r.date, values: r.counts })),
        LIVING,
        (key, row) => ({
          href: inWorld(w, `/people${query({ phase: key, on: row.x })}`),
          tip: `${nameOf(w)}, ${row.x.slice(0, 4)}: ${fmt(row.values[key] ?? 0)} ${PHASE_WORDS[key]!.many}`,
        }),
        (row) => row.x.slice(0, 4),
        'narrow',
        top,
      ),
    );
  return h(
    'div',
    null,
    h('div', { class: 'side-by-side' }, chart(c.a), chart(c.b)),
    h(
      'ul',
      { class: 'legend' },
      LIVING.map((p) => h('li', null, h('span', { class: `swatch fill-${p}` }), PHASE_WORDS[p]!.many)),
    ),
  );
}

/** Completions by donation number in both worlds, on one scale. */
function completionCharts(c: Comparison): HTMLElement {
  const keys = [
    ...new Set([...Object.keys(c.a.completionsByDonation), ...Object.keys(c.b.completionsByDonation)]),
  ]
    .map(Number)
    .sort((x, y) => x - y);
  const top = Math.max(
    1,
    ...Object.values(c.a.completionsByDonation),
    ...Object.values(c.b.completionsByDonation),
  );
  const chart = (w: CompareSide, cls: string) => {
    const all = Object.values(w.completionsByDonation).reduce((s, n) => s + n, 0);
    return h(
      'figure',
      null,
      h('h3', null, nameOf(w)),
      bars(
        keys.map((k) => {
          const n = w.completionsByDonation[String(k)] ?? 0;
          return {
            label: String(k),
            value: n,
            cls,
            href: inWorld(w, `/people${query({ fate: 'completed', donations: k })}`),
            tip: `${nameOf(w)}: ${fmt(n)} completed at donation ${k} (${pct(n / Math.max(1, all))})`,
          };
        }),
        'donation at which they completed',
        { width: 'narrow', yMax: top, height: 210 },
      ),
    );
  };
  return h('div', { class: 'side-by-side' }, chart(c.a, 'fill-donor'), chart(c.b, 'fill-carer'));
}

/** Clones in each phase when each world ends, with the people behind each count. */
function endTable(c: Comparison): HTMLElement {
  const phases = ['student', 'resident', 'carer', 'donor', 'completed'].filter(
    (p) => (c.a.byPhase[p] ?? 0) + (c.b.byPhase[p] ?? 0) > 0,
  );
  const cell = (w: CompareSide, p: string) =>
    h('td', { class: 'num' }, link(inWorld(w, `/people${query({ phase: p })}`), fmt(w.byPhase[p] ?? 0)));
  return h(
    'table',
    { class: 'list compare-end' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, 'Phase at the end'),
        h('th', { class: 'num' }, 'First world'),
        h('th', { class: 'num' }, 'Second world'),
      ),
    ),
    h(
      'tbody',
      null,
      phases.map((p) =>
        h(
          'tr',
          null,
          h('td', null, h('span', { class: `phase ${p}` }, PHASE_WORDS[p]!.many)),
          cell(c.a, p),
          cell(c.b, p),
        ),
      ),
      h(
        'tr',
        null,
        h('td', null, h('span', { class: 'muted' }, 'of the donors, spared')),
        h('td', { class: 'num' }, fmt(c.a.figures.spared)),
        h('td', { class: 'num' }, fmt(c.b.figures.spared)),
      ),
    ),
  );
}

/** Both worlds' survival by age on one chart. */
function survivalChart(c: Comparison): HTMLElement {
  const series: Line[] = [c.a, c.b].map((w, i) => ({
    label: nameOf(w),
    cls: i === 0 ? '2' : '1',
    points: w.survival
      .filter((p) => p.age >= 14)
      .map((p) => ({
        x: p.age,
        y: p.surviving,
        href: inWorld(w, `/people${query({ completedAge: p.age })}`),
        tip: `${nameOf(w)}, age ${p.age}: ${pct(p.surviving)} still living; ${fmt(p.completed)} completed at this age`,
      })),
  }));
  return h(
    'figure',
    null,
    lines(series, { xTitle: 'age in years', yMax: 1, yFormat: (v) => pct(v, 0), xMin: 14, width: 'narrow' }),
    lineLegend(series, (l, i) => `${i ? 'Second' : 'First'} world: ${l.label}`),
  );
}

/** A life's end in one world, in a few words, linked to the person there. */
function outcome(w: CompareSide, side: DivergedLife['a'], name: string): Child {
  const words =
    side.completedOn !== null
      ? `completed ${side.completedOn.slice(0, 7)} at ${side.age}, after ${side.donations} donation${side.donations === 1 ? '' : 's'}`
      : side.fate === 'spared'
        ? `spared, ${side.donations} donation${side.donations === 1 ? '' : 's'} given`
        : `a ${side.phase} at the end${side.donations ? `, ${side.donations} donation${side.donations === 1 ? '' : 's'} given` : ''}`;
  return [
    h('span', { class: `phase ${side.phase}` }, ''),
    link(inWorld(w, `/people/${side.id}`), words),
    h('span', { class: 'sr-only' }, ` (${name} in ${nameOf(w)})`),
  ];
}

function livesTable(c: Comparison, page: DivergedPage): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'list diverged' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, 'Name'),
          h('th', { title: 'the same life in both worlds, and in any other run of the scenario' }, 'Address'),
          h('th', { title: 'the school they were born to' }, 'School'),
          h('th', { class: 'num' }, 'Cohort'),
          h('th', null, 'In the first world'),
          h('th', null, 'In the second'),
          h('th', null, 'Differs in'),
        ),
      ),
      h(
        'tbody',
        null,
        page.items.map((l) =>
          h(
            'tr',
            null,
            h('td', null, l.name),
            h('td', null, addressLink(l.address)),
            h('td', null, l.school?.name ?? '—'),
            h('td', { class: 'num' }, l.cohort ?? ''),
            h('td', null, outcome(c.a, l.a, l.name)),
            h('td', null, outcome(c.b, l.b, l.name)),
            h(
              'td',
              { class: 'muted' },
              l.differs.map((d) => DIFFERENCES.find(([k]) => k === d)![1]).join(', '),
            ),
          ),
        ),
      ),
    ),
  );
}

function notComparing(message: string): { title: string; content: Node } {
  return {
    title: 'Compare',
    content: h(
      'div',
      null,
      h('h1', null, 'Two worlds side by side'),
      h(
        'p',
        { class: 'lede' },
        'This explorer was opened on one world, so there is nothing to compare it with.',
      ),
      h(
        'p',
        null,
        'Start it with a second world, for instance the same scenario under another policy run with the same seed, and this page shows both: ',
        h('code', null, 'hailsham serve a.db --compare b.db'),
        '.',
      ),
      h('p', { class: 'note' }, message.charAt(0).toUpperCase() + message.slice(1) + '.'),
    ),
  };
}

export const comparePage: Page = async ({ query: q, signal }) => {
  let c: Comparison;
  try {
    c = await get<Comparison>('/api/compare', signal);
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 404) return notComparing(e.message);
    throw e;
  }
  const differs = (q.get('differs') ?? '').split(',').filter((d) => DIFFERENCES.some(([k]) => k === d));
  const cohort = /^\d{4}$/.test(q.get('cohort') ?? '') ? q.get('cohort') : null;
  const offset = /^\d{1,7}$/.test(q.get('offset') ?? '') ? Number(q.get('offset')) : 0;
  const params = { differs: differs.length ? differs.join(',') : null, cohort };
  const lives = await get<DivergedPage>(
    `/api/compare/lives${query({ ...params, offset: offset || null, limit: 50 })}`,
    signal,
  );
  const m = c.matching;
  const at = (o: number) => `/compare${query({ ...params, offset: o || null })}#lives`;
  const filters = h(
    'form',
    {
      class: 'filters',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const data = new FormData(e.target as HTMLFormElement);
        const chosen = data.getAll('differs').filter((v): v is string => typeof v === 'string');
        const year = data.get('cohort');
        navigate(
          `/compare${query({ differs: chosen.join(',') || null, cohort: typeof year === 'string' ? year.trim() : null })}#lives`,
        );
      },
    },
    h(
      'fieldset',
      { class: 'checks' },
      h('legend', null, 'What differs'),
      DIFFERENCES.map(([k, words]) =>
        h(
          'label',
          null,
          h('input', { type: 'checkbox', name: 'differs', value: k, checked: differs.includes(k) }),
          ` ${words} (${fmt(m.byDifference[k] ?? 0)})`,
        ),
      ),
    ),
    h(
      'label',
      null,
      'Cohort',
      h('input', {
        type: 'number',
        name: 'cohort',
        min: 1800,
        max: 2200,
        value: cohort ?? '',
        placeholder: 'any',
      }),
    ),
    h('button', { type: 'submit' }, 'Show'),
  );
  const content = h(
    'div',
    null,
    h('p', { class: 'kicker' }, 'Two worlds side by side'),
    h('h1', null, `${nameOf(c.a)} and ${nameOf(c.b)}`),
    h(
      'p',
      { class: 'lede' },
      'The first world, ',
      link('/', nameOf(c.a)),
      ` (${c.a.file}: scenario ${c.a.scenario}, seed ${c.a.seed}), beside the second, `,
      link(`${SECOND}/`, nameOf(c.b)),
      ` (${c.b.file}: scenario ${c.b.scenario}, seed ${c.b.seed}). `,
      c.a.seed === c.b.seed
        ? 'Both ran on the same seed, so a life that differs differs because of what sets the worlds apart.'
        : 'They ran on different seeds, so lives differ by chance as well as by policy.',
    ),
    section('Figures', figuresTable(c)),
    section(
      'The programme year by year',
      phasesCharts(c),
      h(
        'p',
        { class: 'note' },
        'Clones living in each phase on 1 July of each year, on one scale for both worlds.',
      ),
    ),
    section(
      'When lives end',
      completionCharts(c),
      h('p', { class: 'note' }, 'Completions by donation number, on one scale. Select a bar for the people.'),
    ),
    h(
      'div',
      { class: 'grid' },
      section(
        'Survival by age',
        survivalChart(c),
        h('p', { class: 'note' }, 'Share still living at each age (Kaplan–Meier), both worlds on one chart.'),
      ),
      section('Where they stood at the end', endTable(c)),
    ),
    h(
      'section',
      { class: 'panel', id: 'lives' },
      h('h2', null, 'Lives that went differently'),
      h(
        'p',
        null,
        `${fmt(m.diverged)} of the ${fmt(m.matched)} lives found in both worlds went differently: ${DIFFERENCES.map(([k, words]) => `${fmt(m.byDifference[k] ?? 0)} in ${words}`).join(', ')}.`,
        m.onlyA || m.onlyB
          ? ` ${fmt(m.onlyA)} lived only in the first world and ${fmt(m.onlyB)} only in the second.`
          : '',
      ),
      h('p', { class: 'note' }, m.note),
      filters,
      lives.items.length ? livesTable(c, lives) : h('p', { class: 'note' }, 'No lives differ in this way.'),
      pager(
        offset,
        lives.items.length,
        lives.total,
        true,
        offset > 0 ? at(Math.max(0, offset - 50)) : null,
        lives.next ? at(offset + lives.items.length) : null,
      ),
    ),
  );
  return { title: 'Compare', content };
};
