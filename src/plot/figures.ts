/**
 * The figures `hailsham plot` makes, from the rows the ensemble and the comparison write:
 * survival by donation number with bands across seeds, distributions of run metrics, cohort
 * box plots, and the forest plot of paired differences. Each figure is a name and an SVG.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompareReport } from '../compare/compare.js';
import { parseCsv } from '../ensemble/csv.js';
import type { Manifest } from '../ensemble/manifest.js';
import type { Value } from '../ensemble/metrics.js';
import {
  bandChart,
  boxPlot,
  fmtStat,
  forestPlot,
  histogram,
  type BandPoint,
  type BandSeries,
} from './charts.js';
import { COLOURS, quantile } from './svg.js';

export interface Figure {
  /** File name without extension, e.g. 'survival'. */
  name: string;
  svg: string;
}

/** Rows by column name, numbers parsed (empty cells are NaN). */
export class Rows {
  private readonly at: Map<string, number>;
  constructor(
    readonly header: readonly string[],
    readonly rows: readonly (readonly Value[])[],
  ) {
    this.at = new Map(header.map((h, i) => [h, i]));
  }

  static fromCsv(text: string): Rows {
    const { header, rows } = parseCsv(text);
    return new Rows(
      header,
      rows.map((r) =>
        r.map((c) => (c === '' ? null : /^-?\d/.test(c) && Number.isFinite(Number(c)) ? Number(c) : c)),
      ),
    );
  }

  has(name: string): boolean {
    return this.at.has(name);
  }

  /** A column as numbers (NaN where empty or not a number). */
  num(name: string): number[] {
    const i = this.at.get(name);
    if (i === undefined) return [];
    return this.rows.map((r) => (typeof r[i] === 'number' ? r[i] : NaN));
  }

  text(name: string): string[] {
    const i = this.at.get(name);
    if (i === undefined) return [];
    return this.rows.map((r) => String(r[i] ?? ''));
  }

  /** Highest n with a `completed_at_n` column. */
  get maxDonations(): number {
    let n = 0;
    while (this.at.has(`completed_at_${n + 1}`)) n++;
    return n;
  }
}

/**
 * Survival by donation number for each run: S(0) = 1, and S(n) = S(n − 1) × (1 − completed at
 * n / gave at least n). A Kaplan–Meier estimate in which those still waiting for their next
 * donation at the end count as at risk only for the donations they gave.
 * @returns survival[run][n] for n = 0..max
 */
export function survivalByDonation(rows: Rows): number[][] {
  const max = rows.maxDonations;
  const completed = Array.from({ length: max + 1 }, (_, n) => (n ? rows.num(`completed_at_${n}`) : []));
  const gave = Array.from({ length: max + 1 }, (_, n) => (n ? rows.num(`gave_${n}`) : []));
  return rows.rows.map((_, r) => {
    const s = [1];
    for (let n = 1; n <= max; n++) {
      const atRisk = gave[n]![r]!;
      // Nobody gave donation n (the policy stops earlier): the curve ends.
      if (!(atRisk > 0)) break;
      s.push(s[n - 1]! * (1 - completed[n]![r]! / atRisk));
    }
    return s;
  });
}

/** Median, 50% and 95% bands of curves across runs, point by point. */
export function bands(curves: readonly (readonly number[])[]): BandPoint[] {
  const len = Math.max(0, ...curves.map((c) => c.length));
  const out: BandPoint[] = [];
  for (let i = 0; i < len; i++) {
    const v = curves
      .map((c) => c[i] ?? NaN)
      .filter((x) => Number.isFinite(x))
      .sort((a, b) => a - b);
    // A point only where most runs reach it.
    if (v.length * 2 <= curves.length) break;
    out.push({
      x: i,
      mid: quantile(v, 0.5),
      low: quantile(v, 0.025),
      high: quantile(v, 0.975),
      innerLow: quantile(v, 0.25),
      innerHigh: quantile(v, 0.75),
    });
  }
  return out;
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** The survival chart of one or more sets of runs (e.g. base and what-if). */
export function survivalFigure(sets: readonly { label: string; rows: Rows }[], note: string): Figure {
  const max = Math.max(...sets.map((s) => s.rows.maxDonations));
  const series: BandSeries[] = sets.map((s, k) => ({
    label: s.label,
    colour: COLOURS[k % COLOURS.length]!,
    points: bands(survivalByDonation(s.rows)),
  }));
  const runs = [...new Set(sets.map((s) => s.rows.rows.length.toLocaleString('en-GB')))];
  return {
    name: 'survival',
    svg: bandChart({
      title: 'Donors still living after each donation',
      subtitle: `Kaplan–Meier by donation number: the median of ${runs.join(' and ')} seeds; shaded, the middle 50% and 95% of seeds.`,
      series,
      step: true,
      xLabel: 'donations given',
      yLabel: 'share of donors still living',
      xTicks: Array.from({ length: max + 1 }, (_, i) => i),
      yDomain: [0, 1],
      yFormat: pct,
      bandLabel: 'spread across seeds',
      note,
    }),
  };
}

const METRIC_TITLES: Record<string, { title: string; x: string }> = {
  mean_age_at_completion: {
    title: 'Years lived by those who completed (mean per run)',
    x: 'mean age at completion (years)',
  },
  mean_donations: {
    title: 'Donations given before completing (mean per run)',
    x: 'mean donations of those who completed',
  },
  carer_career_median_years: {
    title: 'Length of carer careers (median per run)',
    x: 'median career (years)',
  },
  phase_completed: { title: 'Lives completed by the end of the run', x: 'clones completed' },
};

/** Figures of one ensemble directory (and, given more, survival curves of them all together). */
export function ensembleFigures(dirs: readonly { dir: string; manifest: Manifest }[]): Figure[] {
  const sets = dirs.map((d) => ({
    label: d.manifest.scenario.name,
    manifest: d.manifest,
    runs: Rows.fromCsv(readFileSync(join(d.dir, 'runs.csv'), 'utf8')),
    cohorts: Rows.fromCsv(readFileSync(join(d.dir, 'cohorts.csv'), 'utf8')),
  }));
  const first = sets[0]!;
  const src = (s: (typeof sets)[number]) =>
    `${s.manifest.scenario.name}, seeds ${s.manifest.seeds.spec}, Hailsham ${s.manifest.software}`;
  const note = `Source: ${sets.map(src).join('; ')}.`;
  const figures: Figure[] = [
    survivalFigure(
      sets.map((s) => ({ label: s.label, rows: s.runs })),
      note,
    ),
  ];

  for (const [metric, t] of Object.entries(METRIC_TITLES)) {
    if (!first.runs.has(metric)) continue;
    figures.push({
      name: metric.replace(/_/g, '-'),
      svg: histogram({
        values: first.runs.num(metric),
        title: t.title,
        xLabel: t.x,
        note: `Source: ${src(first)}.`,
      }),
    });
  }

  // Where completions come: the share at each donation number, a box per number.
  const max = first.runs.maxDonations;
  const totals = first.runs.num('phase_completed');
  figures.push({
    name: 'completions-by-donation',
    svg: boxPlot({
      title: 'At which donation lives complete',
      subtitle: `Share of each run's completions that came at each donation; a box per donation number across ${first.runs.rows.length.toLocaleString('en-GB')} seeds.`,
      categories: Array.from({ length: max }, (_, i) => String(i + 1)),
      series: sets.map((s, k) => ({
        label: s.label,
        colour: COLOURS[k % COLOURS.length]!,
        values: Array.from({ length: max }, (_, i) => {
          const tot = s.runs.num('phase_completed');
          return s.runs.num(`completed_at_${i + 1}`).map((c, r) => (tot[r]! > 0 ? c / tot[r]! : NaN));
        }),
      })),
      xLabel: 'donation number',
      yLabel: 'share of completions',
      yFormat: pct,
      note,
    }),
  });
  void totals;

  // Cohorts: years lived by birth year, across seeds.
  const years = [...new Set(first.cohorts.num('cohort'))].filter(Number.isFinite).sort((a, b) => a - b);
  if (years.length > 0 && first.cohorts.has('mean_age_at_completion')) {
    figures.push({
      name: 'cohort-age-at-completion',
      svg: boxPlot({
        title: 'Years lived, by year of birth',
        subtitle: `Mean age at completion of each cohort, a box per birth year across seeds (all schools together).`,
        categories: years.map(String),
        series: sets.map((s, k) => {
          const cohort = s.cohorts.num('cohort');
          const age = s.cohorts.num('mean_age_at_completion');
          return {
            label: s.label,
            colour: COLOURS[k % COLOURS.length]!,
            values: years.map((y) => age.filter((_, i) => cohort[i] === y)),
          };
        }),
        xLabel: 'cohort (year of birth)',
        yLabel: 'mean age at completion (years)',
        note,
      }),
    });
  }
  return figures;
}

/** The metrics a forest plot shows, in order, with their labels. */
const FOREST_METRICS: [string, string][] = [
  ['phase_completed', 'lives completed'],
  ['phase_donor', 'donors alive at the end'],
  ['mean_donations', 'donations before completing'],
  ['mean_donations_donors', 'donations per donor'],
  ['mean_age_at_completion', 'years lived (mean)'],
  ['median_age_at_completion', 'years lived (median)'],
  ['mean_age_became_donor', 'age on becoming a donor'],
  ['carer_career_median_years', 'carer career (median years)'],
  ['donations_total', 'donations given'],
];

/** Figures of a comparison report: the forest plot, survival of both worlds, divergences per seed. */
export function compareFigures(r: CompareReport): Figure[] {
  const note = `Base ${r.base.name}, what-if ${r.whatif.name}; seeds ${r.seeds.spec}; Hailsham ${r.software}.`;
  const figures: Figure[] = [];
  const rows: { label: string; mean: number; low: number; high: number; detail: string }[] = [];
  const byName = new Map(r.metrics.map((m) => [m.name, m]));
  const wanted: [string, string][] = [...FOREST_METRICS];
  const unchanged: string[] = [];
  for (let n = 1; byName.has(`completed_at_${n}`); n++)
    wanted.push([`completed_at_${n}`, `completed at donation ${n}`]);
  for (const [name, label] of wanted) {
    const m = byName.get(name);
    if (!m || !(Math.abs(m.base) > 0)) continue;
    if (m.seedsChanged === 0) {
      unchanged.push(label);
      continue;
    }
    // Relative to the base mean, so metrics of different units share one axis.
    const rel = (v: number) => (100 * v) / Math.abs(m.base);
    const ci = Number.isFinite(m.diff.low) ? ` [${fmtStat(m.diff.low)}, ${fmtStat(m.diff.high)}]` : '';
    rows.push({
      label,
      mean: rel(m.diff.mean),
      low: rel(m.diff.low),
      high: rel(m.diff.high),
      detail: `${fmtStat(m.base)} → ${fmtStat(m.whatif)}  (${m.diff.mean >= 0 ? '+' : ''}${fmtStat(m.diff.mean)}${ci})`,
    });
  }
  // Where the programme's measures did not move, show the kinds of event that did.
  if (rows.length < 3) {
    const events = r.metrics
      .filter((m) => m.name.startsWith('events_') && m.seedsChanged > 0 && Math.abs(m.base) > 0)
      .sort((a, b) => Math.abs(b.diff.mean / b.base) - Math.abs(a.diff.mean / a.base))
      .slice(0, 12 - rows.length);
    for (const m of events) {
      const rel = (v: number) => (100 * v) / Math.abs(m.base);
      const ci = Number.isFinite(m.diff.low) ? ` [${fmtStat(m.diff.low)}, ${fmtStat(m.diff.high)}]` : '';
      rows.push({
        label: `events: ${m.name.slice('events_'.length).replace(/_/g, ' ')}`,
        mean: rel(m.diff.mean),
        low: rel(m.diff.low),
        high: rel(m.diff.high),
        detail: `${fmtStat(m.base)} → ${fmtStat(m.whatif)}  (${m.diff.mean >= 0 ? '+' : ''}${fmtStat(m.diff.mean)}${ci})`,
      });
    }
  }
  const many = r.seeds.count > 1;
  figures.push({
    name: 'forest',
    svg: forestPlot({
      title: `What changes: ${r.whatif.name} against ${r.base.name}`,
      subtitle: many
        ? `Mean paired difference over ${r.seeds.count} seeds, as % of the base mean, with ${Math.round(r.level * 100)}% intervals (paired t). Right: base → what-if (difference [interval]).`
        : `Difference on seed ${r.seeds.spec}, as % of the base value (one seed: no interval). Right: base → what-if (difference).`,
      rows,
      xLabel: rows.some((x) => Math.abs(x.mean) > 100)
        ? 'difference, % of the base mean (arrows: beyond ±100%)'
        : 'difference, % of the base mean',
      xFormat: (v) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(Math.round(v * 10) / 10)}%`,
      limit: 100,
      note: unchanged.length ? `${note} Unchanged: ${unchanged.join(', ')}.` : note,
    }),
  });
  const asRows = (vals: Value[][]) =>
    new Rows(
      r.runs.columns.map((c) => c.name),
      vals,
    );
  figures.push(
    survivalFigure(
      [
        { label: `base: ${r.base.name}`, rows: asRows(r.runs.base) },
        { label: `what-if: ${r.whatif.name}`, rows: asRows(r.runs.whatif) },
      ],
      note,
    ),
  );
  if (many) {
    figures.push({
      name: 'diverged-lives',
      svg: histogram({
        values: r.perSeed.map((s) => s.diverged),
        title: 'Lives that diverged, per seed',
        xLabel: 'lives whose own events differ between the worlds',
        colour: COLOURS[1],
        note,
      }),
    });
  }
  return figures;
}
