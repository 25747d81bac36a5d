/// <reference lib="dom" />
/**
 * The overview: what the world is, its main figures, and the charts of the programme over
 * time, of when lives end and of careers; every bar, band and point leads to its people.
 */
import { get, worldInfo, type Overview } from './api.js';
import { bars, lines, stackedArea, type Line } from './charts.js';
import { fmt, h, link, pct, PHASE_WORDS, query, section } from './dom.js';
import type { Page } from './router.js';

const LIVING = ['student', 'resident', 'carer', 'donor'];

function histogram(
  counts: Record<string, number>,
  href: (k: string) => string,
  tip: (k: string, n: number) => string,
  cls: string,
) {
  const keys = Object.keys(counts)
    .map(Number)
    .sort((a, b) => a - b);
  if (keys.length === 0) return [];
  const out = [];
  for (let k = keys[0]!; k <= keys[keys.length - 1]!; k++) {
    const n = counts[String(k)] ?? 0;
    out.push({ label: String(k), value: n, href: href(String(k)), tip: tip(String(k), n), cls });
  }
  return out;
}

export const overviewPage: Page = async ({ signal }) => {
  const [world, o] = await Promise.all([worldInfo(), get<Overview>('/api/overview', signal)]);
  const st = o.stats;
  const clones = Object.values(st.byPhase).reduce((a, b) => a + b, 0);
  const completions = Object.values(st.completionsByDonation).reduce((a, b) => a + b, 0);
  const startYear = world.start.slice(0, 4);
  const endYear = world.end.slice(0, 4);

  const legend = h(
    'ul',
    { class: 'legend' },
    LIVING.map((p) => h('li', null, h('span', { class: `swatch fill-${p}` }), PHASE_WORDS[p]!.many)),
  );
  const area = stackedArea(
    o.phasesOverTime.map((r) => ({ x: r.date, values: r.counts })),
    LIVING,
    (key, row) => ({
      href: `/people${query({ phase: key, on: row.x })}`,
      tip: `${row.x.slice(0, 4)}: ${fmt(row.values[key] ?? 0)} ${PHASE_WORDS[key]!.many}`,
    }),
    (row) => row.x.slice(0, 4),
    'wide',
  );

  const completionBars = Object.entries(st.completionsByDonation).map(([k, n]) => ({
    label: k,
    value: n,
    cls: 'fill-donor',
    href: `/people${query({ fate: 'completed', donations: k })}`,
    tip: `${fmt(n)} completed at donation ${k} (${pct(n / Math.max(1, completions))})`,
  }));

  const survivalLines: Line[] = o.survival.map((g, i) => ({
    label: g.label,
    cls: String(i),
    points: g.points
      .filter((p) => p.age >= 14)
      .map((p) => ({
        x: p.age,
        y: p.surviving,
        href: `/people${query({ ...g.filter, completedAge: p.age })}`,
        tip: `${g.label}, age ${p.age}: ${pct(p.surviving)} still living; ${fmt(p.completed)} completed at this age`,
      })),
  }));

  const careers = histogram(
    st.carerCareers.byYears,
    (k) => `/people${query({ careerYears: k })}`,
    (k, n) => `${fmt(n)} carers for ${k} to ${Number(k) + 1} years`,
    'fill-carer',
  );
  const ages = histogram(
    st.donorAge.byYears,
    (k) => `/people${query({ donorAge: k })}`,
    (k, n) => `${fmt(n)} became donors at ${k}`,
    'fill-donor',
  );

  // Beliefs: one small chart per proposition, a line for each version of it.
  const beliefCharts = (o.beliefs ?? [])
    .map((b) => ({ b, peak: Math.max(0, ...b.versions.flatMap((v) => v.points.map((p) => p.holders))) }))
    .filter((x) => x.peak > 0)
    .sort((a, b) => b.peak - a.peak)
    .map(({ b }) => {
      const versions = b.versions.filter((v) => v.points.some((p) => p.holders > 0));
      const firstYear = Math.min(...versions.map((v) => v.points.find((p) => p.holders > 0)!.year));
      const chartLines: Line[] = versions.map((v, i) => ({
        label: v.version ?? b.proposition,
        cls: String(i % 5),
        points: v.points
          .filter((p) => p.year >= firstYear - 1)
          .map((p) => ({
            x: p.year,
            y: p.holders,
            href: `/people${query({ belief: v.version ? `${b.proposition}:${v.version}` : b.proposition, on: `${p.year}-12-31` })}`,
            tip: `${p.year}: ${fmt(p.holders)} held “${v.text ?? v.version ?? b.proposition}”`,
          })),
      }));
      return h(
        'figure',
        { class: 'small-multiple' },
        h('h3', null, b.about ?? b.proposition.replace(/-/g, ' ')),
        lines(chartLines, { xTitle: '', yFormat: (v) => fmt(Math.round(v)), width: 'small' }),
        h(
          'ul',
          { class: 'legend' },
          chartLines.map((l, i) =>
            h(
              'li',
              { 'data-tip': versions[i]!.text ?? '' },
              h('span', { class: `swatch round fill-${l.cls}` }),
              l.label.replace(/-/g, ' '),
            ),
          ),
        ),
      );
    });
  const beliefs = beliefCharts.length ? h('div', { class: 'multiples' }, beliefCharts) : null;

  const schools = st.schools;
  const content = h(
    'div',
    null,
    h('p', { class: 'kicker' }, `A world of the programme · ${world.scenario}, seed ${world.seed}`),
    h('h1', null, world.title ?? world.scenario),
    h('p', { class: 'lede' }, world.description ?? `A simulated programme from ${startYear} to ${endYear}.`),
    h(
      'ul',
      { class: 'figures' },
      h(
        'li',
        null,
        h('span', { class: 'n' }, fmt(clones)),
        h('span', { class: 'label' }, link('/people?kind=clone', 'lives followed')),
      ),
      h(
        'li',
        null,
        h('span', { class: 'n' }, fmt(world.events)),
        h('span', { class: 'label' }, link('/events', 'events recorded')),
      ),
      h(
        'li',
        null,
        h('span', { class: 'n' }, fmt(st.donations.total)),
        h('span', { class: 'label' }, 'donations given'),
      ),
      h(
        'li',
        null,
        h('span', { class: 'n' }, fmt(completions)),
        h('span', { class: 'label' }, link('/people?fate=completed', 'completions')),
      ),
      h(
        'li',
        null,
        h('span', { class: 'n' }, `${st.carerCareers.medianYears} years`),
        h('span', { class: 'label' }, 'median carer career'),
      ),
      h(
        'li',
        null,
        h('span', { class: 'n' }, `${st.donorAge.medianYears}`),
        h('span', { class: 'label' }, 'median age on becoming a donor'),
      ),
    ),
    section(
      'The programme year by year',
      h(
        'figure',
        null,
        area,
        legend,
        h(
          'figcaption',
          null,
          `Clones living in each phase on 1 July of each year, ${startYear} to ${endYear}. Select a band to see who was in that phase then.`,
        ),
      ),
    ),
    h(
      'div',
      { class: 'grid' },
      section(
        'When lives end',
        h(
          'figure',
          null,
          bars(completionBars, 'donation at which they completed'),
          h('figcaption', null, 'Completions by donation number. Select a bar for the people.'),
        ),
      ),
      section(
        'Survival by age',
        h(
          'figure',
          null,
          lines(survivalLines, { xTitle: 'age in years', yMax: 1, yFormat: (v) => pct(v, 0), xMin: 14 }),
          survivalLines.length > 1
            ? h(
                'ul',
                { class: 'legend' },
                survivalLines.map((l) =>
                  h('li', null, h('span', { class: `swatch round fill-${l.cls}` }), l.label),
                ),
              )
            : null,
          h(
            'figcaption',
            null,
            'Share still living at each age (Kaplan–Meier, with lives that run past the end of the world counted until then). Each point lists those who completed at that age.',
          ),
        ),
      ),
      section(
        'Carer careers',
        h(
          'figure',
          null,
          bars(careers, 'years from training to notice'),
          h(
            'figcaption',
            null,
            `${fmt(st.carerCareers.count)} finished careers; median ${st.carerCareers.medianYears} years, longest ${st.carerCareers.maxYears}.`,
          ),
        ),
      ),
      section(
        'Age on becoming a donor',
        h(
          'figure',
          null,
          bars(ages, 'age in years'),
          h(
            'figcaption',
            null,
            `Median ${st.donorAge.medianYears} years, over ${fmt(st.donorAge.count)} donors.`,
          ),
        ),
      ),
    ),
    beliefs
      ? section(
          'What they believed',
          h(
            'p',
            { class: 'note' },
            'People holding each version of each belief at the end of every year. Select a point for who held it then.',
          ),
          beliefs,
        )
      : null,
    section(
      'Schools and homes',
      h(
        'table',
        { class: 'list' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', null, 'Name'),
            h('th', null, 'Kind'),
            h('th', { class: 'num' }, 'Clones raised'),
            h('th', null, 'Cohorts'),
          ),
        ),
        h(
          'tbody',
          null,
          schools.map((sc) =>
            h(
              'tr',
              null,
              h('td', null, link(`/places/${sc.id}`, sc.name)),
              h('td', { class: 'muted' }, `${sc.kind}${sc.detail === 'full' ? ', simulated in full' : ''}`),
              h('td', { class: 'num' }, link(`/people${query({ school: sc.id })}`, fmt(sc.clones))),
              h('td', { class: 'date' }, sc.firstCohort === null ? '' : `${sc.firstCohort}–${sc.lastCohort}`),
            ),
          ),
        ),
      ),
    ),
  );
  return { title: world.title ?? world.scenario, content };
};
