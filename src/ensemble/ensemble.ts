/**
 * A sweep from start to finish: the seeds of a shard (or all of them), run in this thread or in
 * workers, measured, and written to an ensemble directory with its manifest.
 */
import { resolve } from 'node:path';
import type { LoadedScenario } from '../scenario/load.js';
import { SOFTWARE_VERSION } from '../version.js';
import { buildFingerprint, scenarioSha256, SHARD_RULE, type ColumnInfo, type Manifest } from './manifest.js';
import { standardReporters, type Reporter, type ReporterSet } from './metrics.js';
import { EnsembleWriter, prepareDir } from './output.js';
import { sweep } from './pool.js';
import { shardSeeds, type SeedList, type Shard } from './seeds.js';

export interface EnsembleOptions {
  loaded: LoadedScenario;
  seeds: SeedList;
  shard?: Shard | null;
  workers: number;
  out: string;
  force?: boolean;
  parquet?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Custom reporters (in-thread sweeps only). */
  reporters?: ReporterSet;
  /** The wall-clock time to stamp the manifest with, given by the front end (the library reads no clock). */
  finishedAt?: () => string;
}

export interface EnsembleResult {
  manifest: Manifest;
  dir: string;
  seconds: number;
}

function columnsOf<C>(reporters: readonly Reporter<C>[]): ColumnInfo[] {
  const seen = new Set<string>();
  return reporters.map((r) => {
    if (seen.has(r.name)) throw new Error(`two reporters are both called '${r.name}'`);
    seen.add(r.name);
    return { name: r.name, type: r.type, describe: r.describe };
  });
}

/**
 * Runs a sweep (or one shard of it) and writes its directory.
 * @example await runEnsemble({ loaded, seeds: parseSeeds('1..100'), workers: 4, out: 'sweep' })
 */
export async function runEnsemble(opts: EnsembleOptions): Promise<EnsembleResult> {
  const t0 = performance.now();
  const shard = opts.shard ?? null;
  const seeds = shard ? shardSeeds(opts.seeds.seeds, shard) : opts.seeds.seeds;
  const reporters = opts.reporters ?? standardReporters(opts.loaded.scenario);
  const columns = { runs: columnsOf(reporters.run), cohorts: columnsOf(reporters.cohort) };
  const claim = prepareDir(opts.out, opts.force ?? false);
  const writer = new EnsembleWriter(opts.out, columns, claim);
  try {
    await sweep({
      scenario: opts.loaded.scenario,
      seeds,
      workers: opts.workers,
      onResult: (i, m) => writer.add(i, m),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      ...(opts.reporters ? { reporters: opts.reporters } : {}),
    });
    const seconds = (performance.now() - t0) / 1000;
    const manifest = await writer.finish(
      {
        software: SOFTWARE_VERSION,
        build: buildFingerprint(),
        scenario: {
          name: opts.loaded.scenario.name,
          sha256: scenarioSha256(opts.loaded),
          files: opts.loaded.files.map((f) => resolve(f)),
        },
        seeds: { spec: opts.seeds.spec, count: opts.seeds.seeds.length },
        shard: shard ? { k: shard.k, n: shard.n, rule: SHARD_RULE, seeds: seeds.length } : null,
        run: {
          workers: opts.workers,
          seconds: Math.round(seconds * 1000) / 1000,
          finishedAt: opts.finishedAt?.() ?? null,
        },
      },
      opts.parquet ?? true,
    );
    return { manifest, dir: opts.out, seconds: (performance.now() - t0) / 1000 };
  } catch (e) {
    writer.abort();
    throw e;
  }
}
