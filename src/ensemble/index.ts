/**
 * Ensembles: many seeds of one scenario, run in this thread, in worker threads or in shards
 * across machines, measured by declared reporters into flat rows (per run and per cohort),
 * written as CSV and Parquet with a manifest, and merged back into one directory whose rows do
 * not depend on how the sweep was split.
 */
export {
  parseSeeds,
  parseShard,
  seedSpec,
  shardSeeds,
  MAX_SEEDS,
  type SeedList,
  type Shard,
} from './seeds.js';
export {
  measure,
  standardReporters,
  standardRunReporters,
  standardCohortReporters,
  lifeFacts,
  round6,
  medianOfSorted,
  type Reporter,
  type ReporterSet,
  type RunContext,
  type CohortContext,
  type Measured,
  type Value,
  type ColumnType,
  type LifeFacts,
} from './metrics.js';
export { LifeSink, TeeSink } from './lives.js';
export { runSeed } from './run-seed.js';
export { sweep, SweepError, workerScript, type SweepOptions } from './pool.js';
export { runEnsemble, type EnsembleOptions, type EnsembleResult } from './ensemble.js';
export { mergeEnsembles, checkManifests, type MergeOptions } from './merge.js';
export {
  readManifest,
  scenarioSha256,
  canonicalJson,
  SHARD_RULE,
  type Manifest,
  type ColumnInfo,
} from './manifest.js';
export { csvLine, parseCsv, parseCsvLine } from './csv.js';
export { ENSEMBLE_FILES } from './output.js';
