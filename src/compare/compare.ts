/**
 * A comparison of two scenarios over one seed or many: for the first seed, every life that
 * diverged and how; for every seed, the declared run metrics of both worlds and their paired
 * differences; across seeds, the mean difference of each metric with its confidence interval.
 */
import { resolve } from 'node:path';
import { scenarioSha256, type ColumnInfo } from '../ensemble/manifest.js';
import { standardReporters, type Value } from '../ensemble/metrics.js';
import type { SeedList } from '../ensemble/seeds.js';
import type { LoadedScenario } from '../scenario/load.js';
import { SOFTWARE_VERSION } from '../version.js';
import { castLives, compareCast, type CastComparison, type CastLife } from './cast.js';
import { compareWorlds, runForComparison, type SeedComparison } from './pair.js';
import { CI_METHOD, pairedInterval, type PairedInterval } from './stats.js';

export const COMPARE_FORMAT = 'hailsham-compare';

/** One metric across the seeds: the two worlds' means and the paired difference. */
export interface MetricComparison {
  name: string;
  describe: string;
  base: number;
  whatif: number;
  /** What-if minus base, per seed, summarised. */
  diff: PairedInterval;
  /** Seeds on which the metric differs at all. */
  seedsChanged: number;
}

/** What `hailsham compare` reports (and writes as JSON). */
export interface CompareReport {
  format: typeof COMPARE_FORMAT;
  formatVersion: 1;
  software: string;
  base: { name: string; title: string | null; file: string; sha256: string };
  whatif: { name: string; title: string | null; file: string; sha256: string };
  seeds: { spec: string; count: number; list: number[] };
  level: number;
  method: string;
  /** The first seed, life by life. */
  detail: SeedComparison;
  /** Every seed in brief. */
  perSeed: {
    seed: number;
    diverged: number;
    touched: number;
    onlyBase: number;
    onlyWhatif: number;
    logSha256: { base: string; whatif: string };
  }[];
  metrics: MetricComparison[];
  /** What the policy changed for the storyline's named people across the seeds (empty without a cast). */
  cast: CastComparison[];
  /** Both worlds' run rows per seed, for plots and further analysis. */
  runs: { columns: ColumnInfo[]; base: Value[][]; whatif: Value[][] };
}

export interface CompareOptions {
  base: LoadedScenario;
  whatif: LoadedScenario;
  seeds: SeedList;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
  /** Examples kept of lives that exist in one world only. */
  examples?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs the base and what-if worlds on each seed and compares them.
 * @example compareScenarios({ base: loadScenario('small.yaml'), whatif: loadScenario('whatif/fewer-donations.yaml'), seeds: parseSeeds('7') })
 */
export async function compareScenarios(opts: CompareOptions): Promise<CompareReport> {
  const level = opts.level ?? 0.95;
  const max = Math.max(
    opts.base.scenario.policy.donation.completionRisk.length,
    opts.whatif.scenario.policy.donation.completionRisk.length,
  );
  // Reporters read the scenario from the world they measure, so one set serves both worlds and
  // their rows line up column by column.
  const reporters = standardReporters(opts.base.scenario, max);
  const columns: ColumnInfo[] = reporters.run.map((r) => ({
    name: r.name,
    type: r.type,
    describe: r.describe,
  }));
  const seeds = opts.seeds.seeds;
  let detail: SeedComparison | null = null;
  const perSeed: CompareReport['perSeed'] = [];
  const baseRows: Value[][] = [];
  const whatifRows: Value[][] = [];
  const castBase: CastLife[][] = [];
  const castWhatif: CastLife[][] = [];
  for (let i = 0; i < seeds.length; i++) {
    const seed = seeds[i]!;
    const b = runForComparison(opts.base.scenario, seed);
    const w = runForComparison(opts.whatif.scenario, seed);
    const c = compareWorlds(b, w, seed, reporters, opts.examples ?? 20);
    castBase.push(castLives(b));
    castWhatif.push(castLives(w));
    if (i === 0) detail = c;
    perSeed.push({
      seed,
      diverged: c.diverged.length,
      touched: c.touched.length,
      onlyBase: c.onlyBase.count,
      onlyWhatif: c.onlyWhatif.count,
      logSha256: c.logSha256,
    });
    baseRows.push(c.runs.base);
    whatifRows.push(c.runs.whatif);
    opts.onProgress?.(i + 1, seeds.length);
    if (i % 4 === 3) await new Promise((r) => setImmediate(r));
  }
  const metrics: MetricComparison[] = [];
  columns.forEach((col, j) => {
    if (col.type === 'text' || col.name === 'seed') return;
    const diffs: number[] = [];
    let sb = 0;
    let sw = 0;
    let changed = 0;
    for (let i = 0; i < seeds.length; i++) {
      const vb = baseRows[i]![j];
      const vw = whatifRows[i]![j];
      if (typeof vb !== 'number' || typeof vw !== 'number') continue;
      diffs.push(vw - vb);
      sb += vb;
      sw += vw;
      if (vw !== vb) changed++;
    }
    metrics.push({
      name: col.name,
      describe: col.describe,
      base: diffs.length ? sb / diffs.length : NaN,
      whatif: diffs.length ? sw / diffs.length : NaN,
      diff: pairedInterval(diffs, level),
      seedsChanged: changed,
    });
  });
  const info = (l: LoadedScenario) => ({
    name: l.scenario.name,
    title: l.scenario.title ?? null,
    file: l.files[0] ? resolve(l.files[0]) : '',
    sha256: scenarioSha256(l),
  });
  return {
    format: COMPARE_FORMAT,
    formatVersion: 1,
    software: SOFTWARE_VERSION,
    base: info(opts.base),
    whatif: info(opts.whatif),
    seeds: { spec: opts.seeds.spec, count: seeds.length, list: [...seeds] },
    level,
    method: CI_METHOD,
    detail: detail!,
    perSeed,
    metrics,
    cast: compareCast(castBase, castWhatif),
    runs: { columns, base: baseRows, whatif: whatifRows },
  };
}
