/**
 * Declared metrics: named reporters that turn one finished world into one flat row per run and
 * one per cohort, after Mesa's DataCollector (model and agent reporters) and batch_run. The
 * ensemble writes these rows to CSV and Parquet, the comparison differences them, and the plots
 * draw them, so every figure in those places is computed here and only here.
 *
 * A reporter is a name, a column type, a sentence saying what it measures, and a function of
 * the run (or cohort) context. Reporters read precomputed facts (one pass over the people)
 * rather than each scanning the world again; a custom reporter may read `ctx.world` directly.
 */
import { DAYS_PER_YEAR } from '../engine/calendar.js';
import { NONE } from '../engine/recorder.js';
import type { Scenario } from '../scenario/schema.js';
import { EVENT_TYPE_NAMES, EVENT_TYPES } from '../world/event-types.js';
import { KIND_CLONE, PHASE_COMPLETED, PHASES } from '../world/phases.js';
import type { Place } from '../world/places.js';
import type { World, WorldSummary } from '../world/world.js';
import type { LifeSink } from './lives.js';

/** A cell: a number, a text, or nothing (an empty CSV cell, a Parquet NULL). */
export type Value = number | string | null;

/** Column types, as CSV readers and Parquet should type them. */
export type ColumnType = 'int' | 'float' | 'text';

/** A named measurement of a context, one column of the rows. */
export interface Reporter<C> {
  readonly name: string;
  readonly type: ColumnType;
  readonly describe: string;
  value(ctx: C): Value;
}

/** Aggregates of a group of lives (a whole run or one cohort), computed in one pass. */
export interface LifeFacts {
  size: number;
  byPhase: number[];
  /** completedAt[n]: lives that completed at donation n (1..max). */
  completedAt: number[];
  /** gave[n]: lives that gave at least n donations. */
  gave: number[];
  donationsTotal: number;
  donors: number;
  carers: number;
  /** Ages in years at completion, ascending. */
  completionAges: number[];
  /** Donations given by those who completed, summed. */
  donationsOfCompleted: number;
  /** Ages in years on becoming a donor, ascending. */
  donorAges: number[];
  /** Finished carer careers in years (training to notice), ascending. */
  careers: number[];
}

/** What a run reporter sees. */
export interface RunContext {
  seed: number;
  world: World;
  summary: WorldSummary;
  lives: LifeSink;
  facts: LifeFacts;
}

/** What a cohort reporter sees: the clones of one school born in one year. */
export interface CohortContext {
  seed: number;
  world: World;
  school: Place;
  year: number;
  members: readonly number[];
  lives: LifeSink;
  facts: LifeFacts;
}

/** Rounds to six decimals so rows print the same everywhere; NaN (no data) becomes null. */
export function round6(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  const r = Math.round(x * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}

function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Median of ascending numbers (NaN when empty). */
export function medianOfSorted(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const m = xs.length >> 1;
  return xs.length % 2 === 1 ? xs[m]! : (xs[m - 1]! + xs[m]!) / 2;
}

/** Folds the lives `ids` (clones only) into facts. */
export function lifeFacts(world: World, lives: LifeSink, ids: Iterable<number>): LifeFacts {
  const p = world.people;
  const max = world.maxDonations;
  const f: LifeFacts = {
    size: 0,
    byPhase: new Array<number>(PHASES.length).fill(0),
    completedAt: new Array<number>(max + 1).fill(0),
    gave: new Array<number>(max + 1).fill(0),
    donationsTotal: 0,
    donors: 0,
    carers: 0,
    completionAges: [],
    donationsOfCompleted: 0,
    donorAges: [],
    careers: [],
  };
  for (const id of ids) {
    if (p.kind(id) !== KIND_CLONE) continue;
    f.size++;
    const phase = p.phase(id);
    f.byPhase[phase]! += 1;
    const n = p.donations(id);
    f.donationsTotal += n;
    for (let k = 1; k <= n && k <= max; k++) f.gave[k]! += 1;
    const born = p.born(id);
    if (phase === PHASE_COMPLETED) {
      if (n <= max) f.completedAt[n]! += 1;
      f.completionAges.push((p.phaseDay(id) - born) / DAYS_PER_YEAR);
      f.donationsOfCompleted += n;
    }
    const donorDay = lives.donor(id);
    const carerDay = lives.carer(id);
    if (donorDay !== NONE) {
      f.donors++;
      f.donorAges.push((donorDay - born) / DAYS_PER_YEAR);
      if (carerDay !== NONE) f.careers.push((donorDay - carerDay) / DAYS_PER_YEAR);
    }
    if (carerDay !== NONE) f.carers++;
  }
  const asc = (a: number, b: number) => a - b;
  f.completionAges.sort(asc);
  f.donorAges.sort(asc);
  f.careers.sort(asc);
  return f;
}

type WithFacts = { facts: LifeFacts };

/** Reporters every group of lives has (runs and cohorts alike). */
function lifeReporters<C extends WithFacts>(maxDonations: number): Reporter<C>[] {
  const out: Reporter<C>[] = [];
  for (let n = 1; n <= maxDonations; n++) {
    out.push({
      name: `completed_at_${n}`,
      type: 'int',
      describe: `lives that completed at donation ${n}`,
      value: (c) => c.facts.completedAt[n] ?? 0,
    });
  }
  for (let n = 1; n <= maxDonations; n++) {
    out.push({
      name: `gave_${n}`,
      type: 'int',
      describe: `lives that gave at least ${n} donation${n > 1 ? 's' : ''} (the number at risk at donation ${n})`,
      value: (c) => c.facts.gave[n] ?? 0,
    });
  }
  out.push(
    {
      name: 'donors',
      type: 'int',
      describe: 'lives that became donors',
      value: (c) => c.facts.donors,
    },
    {
      name: 'carers',
      type: 'int',
      describe: 'lives that trained as carers',
      value: (c) => c.facts.carers,
    },
    {
      name: 'donations_total',
      type: 'int',
      describe: 'donations given',
      value: (c) => c.facts.donationsTotal,
    },
    {
      name: 'mean_donations',
      type: 'float',
      describe: 'mean donations given by those who completed',
      value: (c) =>
        round6(
          c.facts.completionAges.length ? c.facts.donationsOfCompleted / c.facts.completionAges.length : NaN,
        ),
    },
    {
      name: 'mean_donations_donors',
      type: 'float',
      describe: 'mean donations given by everyone who became a donor (finished or not)',
      value: (c) => round6(c.facts.donors ? c.facts.donationsTotal / c.facts.donors : NaN),
    },
    {
      name: 'mean_age_at_completion',
      type: 'float',
      describe: 'mean years lived by those who completed',
      value: (c) => round6(mean(c.facts.completionAges)),
    },
    {
      name: 'median_age_at_completion',
      type: 'float',
      describe: 'median years lived by those who completed',
      value: (c) => round6(medianOfSorted(c.facts.completionAges)),
    },
    {
      name: 'mean_age_became_donor',
      type: 'float',
      describe: 'mean age in years on becoming a donor',
      value: (c) => round6(mean(c.facts.donorAges)),
    },
    {
      name: 'carer_career_median_years',
      type: 'float',
      describe: 'median length in years of finished carer careers (training to notice)',
      value: (c) => round6(medianOfSorted(c.facts.careers)),
    },
    {
      name: 'carer_career_mean_years',
      type: 'float',
      describe: 'mean length in years of finished carer careers',
      value: (c) => round6(mean(c.facts.careers)),
    },
  );
  return out;
}

/**
 * The standard run reporters for a scenario (the donation columns follow its most donations).
 * @example standardRunReporters(scenario).map((r) => r.name) // ['seed', 'scenario', 'log_sha256', …]
 */
export function standardRunReporters(
  scenario: Scenario,
  max = scenario.policy.donation.completionRisk.length,
): Reporter<RunContext>[] {
  const phases = PHASES.filter((p) => p !== 'none');
  return [
    { name: 'seed', type: 'int', describe: 'the random seed', value: (c) => c.seed },
    { name: 'scenario', type: 'text', describe: 'the scenario name', value: (c) => c.world.scenario.name },
    {
      name: 'log_sha256',
      type: 'text',
      describe: 'SHA-256 of the event log (the same for the same scenario and seed)',
      value: (c) => c.summary.logSha256,
    },
    {
      name: 'people',
      type: 'int',
      describe: 'people in the world, staff included',
      value: (c) => c.summary.people,
    },
    { name: 'lives', type: 'int', describe: 'clones born', value: (c) => c.facts.size },
    { name: 'events', type: 'int', describe: 'events in the log', value: (c) => c.summary.events },
    ...phases.map((ph): Reporter<RunContext> => ({
      name: `phase_${ph}`,
      type: 'int',
      describe: `clones in phase ${ph} at the end`,
      value: (c) => c.facts.byPhase[PHASES.indexOf(ph)] ?? 0,
    })),
    ...lifeReporters<RunContext>(max),
    ...EVENT_TYPE_NAMES.map((t): Reporter<RunContext> => ({
      name: `events_${t}`,
      type: 'int',
      describe: `events of type ${t} (${EVENT_TYPES[t].description})`,
      value: (c) => c.world.rec.countsByType[EVENT_TYPES[t].code] ?? 0,
    })),
  ];
}

/** The standard cohort reporters for a scenario. */
export function standardCohortReporters(
  scenario: Scenario,
  max = scenario.policy.donation.completionRisk.length,
): Reporter<CohortContext>[] {
  return [
    { name: 'seed', type: 'int', describe: 'the random seed', value: (c) => c.seed },
    { name: 'school', type: 'text', describe: 'the school or home (its id)', value: (c) => c.school.slug },
    { name: 'school_kind', type: 'text', describe: 'school or home', value: (c) => c.school.kind },
    { name: 'cohort', type: 'int', describe: 'the birth year of the cohort', value: (c) => c.year },
    { name: 'size', type: 'int', describe: 'clones born in the cohort', value: (c) => c.facts.size },
    {
      name: 'completed',
      type: 'int',
      describe: 'of them, completed by the end',
      value: (c) => c.facts.byPhase[PHASE_COMPLETED] ?? 0,
    },
    {
      name: 'alive_at_end',
      type: 'int',
      describe: 'of them, not completed at the end',
      value: (c) => c.facts.size - (c.facts.byPhase[PHASE_COMPLETED] ?? 0),
    },
    ...lifeReporters<CohortContext>(max),
  ];
}

/** The reporters a sweep uses, with their column names. */
export interface ReporterSet {
  run: Reporter<RunContext>[];
  cohort: Reporter<CohortContext>[];
}

/**
 * The standard reporter set for a scenario. `maxDonations` widens the donation columns (a
 * comparison gives both worlds the columns of the one that allows more).
 */
export function standardReporters(
  scenario: Scenario,
  maxDonations = scenario.policy.donation.completionRisk.length,
): ReporterSet {
  return {
    run: standardRunReporters(scenario, maxDonations),
    cohort: standardCohortReporters(scenario, maxDonations),
  };
}

/** One run measured: its row, and a row per cohort (ordered by school id, then year). */
export interface Measured {
  run: Value[];
  cohorts: Value[][];
}

/**
 * Measures a finished world with a reporter set.
 * @example measure(7, world, summary, lives, standardReporters(world.scenario))
 */
export function measure(
  seed: number,
  world: World,
  summary: WorldSummary,
  lives: LifeSink,
  reporters: ReporterSet,
): Measured {
  const p = world.people;
  const all: number[] = [];
  const groups = new Map<number, number[]>();
  for (let id = 0; id < p.count; id++) {
    if (p.kind(id) !== KIND_CLONE) continue;
    all.push(id);
    // School ids fit 16 bits and years 12, so one number orders groups by school, then year.
    const g = p.school(id) * 4096 + p.cohort(id);
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(id);
  }
  const runCtx: RunContext = { seed, world, summary, lives, facts: lifeFacts(world, lives, all) };
  const run = reporters.run.map((r) => r.value(runCtx));
  const cohorts: Value[][] = [];
  for (const g of [...groups.keys()].sort((a, b) => a - b)) {
    const members = groups.get(g)!;
    const school = world.places[Math.floor(g / 4096)]!;
    const ctx: CohortContext = {
      seed,
      world,
      school,
      year: g % 4096,
      members,
      lives,
      facts: lifeFacts(world, lives, members),
    };
    cohorts.push(reporters.cohort.map((r) => r.value(ctx)));
  }
  return { run, cohorts };
}
