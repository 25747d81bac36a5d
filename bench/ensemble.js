// @ts-check
/**
 * `node bench/ensemble.js`: the time of a sweep (default: 1,000 seeds of examples/small.yaml)
 * with each worker count asked for, and the hash of its rows, which must not depend on the
 * worker count. Prints `name: value` lines. Run `npm run build` first.
 * Options: --scenario FILE, --seeds LIST (default 1..1000), --workers N[,N…] (default 2),
 * --out DIR (default: a temporary directory), --no-parquet.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseSeeds, runEnsemble } from '../dist/ensemble/index.js';
import { loadScenario } from '../dist/scenario/load.js';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: fileURLToPath(new URL('../examples/small.yaml', import.meta.url)) },
    seeds: { type: 'string', default: '1..1000' },
    workers: { type: 'string', default: '2' },
    out: { type: 'string' },
    'no-parquet': { type: 'boolean', default: false },
  },
});

const loaded = loadScenario(values.scenario);
const seeds = parseSeeds(values.seeds);
const base = values.out ?? mkdtempSync(join(tmpdir(), 'hailsham-bench-ensemble-'));
console.log(`scenario: ${loaded.scenario.name}`);
console.log(`seeds: ${seeds.spec} (${seeds.seeds.length})`);
console.log(`cores: ${availableParallelism()} (${cpus()[0]?.model ?? 'unknown'})`);
const hashes = new Set();
for (const w of values.workers.split(',').map(Number)) {
  const out = join(base, `workers-${w}`);
  const t0 = performance.now();
  const r = await runEnsemble({
    loaded,
    seeds,
    workers: w,
    out,
    force: true,
    parquet: !values['no-parquet'],
  });
  const s = (performance.now() - t0) / 1000;
  console.log(`workers_${w}_seconds: ${s.toFixed(2)}`);
  console.log(`workers_${w}_runs_per_s: ${(seeds.seeds.length / s).toFixed(1)}`);
  console.log(`workers_${w}_run_rows: ${r.manifest.rows.runs}`);
  console.log(`workers_${w}_cohort_rows: ${r.manifest.rows.cohorts}`);
  console.log(`workers_${w}_runs_csv_sha256: ${r.manifest.sha256['runs.csv']}`);
  console.log(`workers_${w}_cohorts_csv_sha256: ${r.manifest.sha256['cohorts.csv']}`);
  hashes.add(`${r.manifest.sha256['runs.csv']} ${r.manifest.sha256['cohorts.csv']}`);
}
console.log(`rows_identical_across_worker_counts: ${hashes.size === 1}`);
if (!values.out) rmSync(base, { recursive: true, force: true });
