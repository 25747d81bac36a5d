// @ts-check
/**
 * `node bench/determinism.js`: determinism everywhere. Runs each seed of a scenario (default:
 * 100 seeds of examples/small.yaml) in every way Hailsham can run it and checks that the log's
 * SHA-256 (`summary.logSha256`, a digest of the whole event log in its canonical byte form) is
 * the same every time:
 *
 * - `process`: `simulate()` twice per seed in this process, one run straight after the other;
 * - `file`: `runScenario()` into a world database for the first few seeds (`--file-seeds`),
 *   reading `log_sha256` back from the file's meta;
 * - `thread`: an ensemble in this thread (`--workers 0`), hashes from its runs.csv;
 * - `workers`: an ensemble in worker threads (`--workers N`, default 2);
 * - `shards`: `hailsham ensemble --shard k/n` as n separate processes (default 4, two at a
 *   time), then `hailsham merge`; hashes from the merged runs.csv, whose bytes must also equal
 *   the runs.csv and cohorts.csv of the one-process sweeps.
 *
 * Prints one summary line per mode, then `mismatches: N`; exits 1 on any mismatch. It also
 * checks the comparison is not vacuous: every hash is 64 hex digits and distinct seeds give
 * distinct logs. Options: --seeds N or a list (1..100, 1,5,9; default 100), --scenario FILE,
 * --workers N, --shards N, --file-seeds N (default 5), --modes process,file,thread,workers,shards.
 * Run `npm run build` first.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { parseCsv, parseSeeds, runEnsemble } from '../dist/ensemble/index.js';
import { runScenario, simulate } from '../dist/run/index.js';
import { loadScenario } from '../dist/scenario/load.js';
import { openWorld } from '../dist/store/reader.js';

const ALL_MODES = ['process', 'file', 'thread', 'workers', 'shards'];
const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: fileURLToPath(new URL('../examples/small.yaml', import.meta.url)) },
    seeds: { type: 'string', default: '100' },
    workers: { type: 'string', default: '2' },
    shards: { type: 'string', default: '4' },
    'file-seeds': { type: 'string', default: '5' },
    modes: { type: 'string', default: ALL_MODES.join(',') },
    keep: { type: 'boolean', default: false },
  },
});
const seedList = parseSeeds(/^\d+$/.test(values.seeds) ? `1..${values.seeds}` : values.seeds);
const seeds = seedList.seeds;
const workers = Math.max(1, Number(values.workers));
const shards = Math.max(1, Number(values.shards));
const fileSeeds = Math.max(0, Number(values['file-seeds']));
const modes = values.modes.split(',').map((m) => m.trim());
for (const m of modes) {
  if (!ALL_MODES.includes(m)) {
    console.error(`bench/determinism: unknown mode '${m}'; the modes are ${ALL_MODES.join(', ')}`);
    process.exit(2);
  }
}
const bin = fileURLToPath(new URL('../bin/hailsham.js', import.meta.url));
const run = promisify(execFile);
const loaded = loadScenario(values.scenario);
const dir = mkdtempSync(join(tmpdir(), 'hailsham-determinism-'));

/** The reference: the first in-process run of each seed. @type {Map<number, string>} */
const reference = new Map();
let mismatches = 0;
/** @type {string[]} */
const problems = [];

/**
 * Compares a mode's hashes with the reference (filling it if empty) and prints the mode's line.
 * @param {string} mode @param {Map<number, string>} hashes @param {number} expected @param {number} t0
 * @param {string} detail @param {number} [found] mismatches the mode found itself
 */
function check(mode, hashes, expected, t0, detail, found = 0) {
  let bad = found;
  if (hashes.size !== expected) {
    bad += Math.abs(expected - hashes.size);
    problems.push(`${mode}: ${hashes.size} seeds answered, expected ${expected}`);
  }
  for (const [seed, hash] of hashes) {
    if (!/^[0-9a-f]{64}$/.test(hash)) {
      bad++;
      problems.push(`${mode}: seed ${seed} has no log hash ('${hash}')`);
      continue;
    }
    const ref = reference.get(seed);
    if (ref === undefined) reference.set(seed, hash);
    else if (ref !== hash) {
      bad++;
      problems.push(
        `${mode}: seed ${seed} logged ${hash.slice(0, 16)}…, the process run ${ref.slice(0, 16)}…`,
      );
    }
  }
  mismatches += bad;
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`${mode}: ${hashes.size} seeds, ${detail}, ${bad} mismatches, ${s} s`);
}

/** Seed → log_sha256 from an ensemble's runs.csv. @param {string} out */
function hashesOf(out) {
  const { header, rows } = parseCsv(readFileSync(join(out, 'runs.csv'), 'utf8'));
  const s = header.indexOf('seed');
  const h = header.indexOf('log_sha256');
  if (s < 0 || h < 0) throw new Error(`${out}/runs.csv has no seed or log_sha256 column`);
  return new Map(rows.map((r) => [Number(r[s]), String(r[h])]));
}

/** @param {string} f */
const sha = (f) => createHash('sha256').update(readFileSync(f)).digest('hex');
/** The bytes of each sweep's rows, by mode, to check they do not depend on the split. @type {Map<string, string>} */
const rowBytes = new Map();

console.log(`scenario: ${loaded.scenario.name} (${values.scenario})`);
console.log(`seeds: ${seedList.spec} (${seeds.length})`);
console.log(`cores: ${availableParallelism()}`);

if (modes.includes('process')) {
  const t0 = performance.now();
  /** @type {Map<number, string>} */
  const first = new Map();
  /** @type {Map<number, string>} */
  const second = new Map();
  let events = 0;
  for (const seed of seeds) {
    const a = simulate(loaded, seed).summary;
    const b = simulate(loaded, seed).summary;
    first.set(seed, a.logSha256);
    second.set(seed, b.logSha256);
    events += a.events;
  }
  let again = 0;
  for (const [seed, hash] of second) {
    if (first.get(seed) !== hash) {
      again++;
      problems.push(
        `process: seed ${seed} logged ${hash.slice(0, 16)}… the second time, ${String(first.get(seed)).slice(0, 16)}… the first`,
      );
    }
  }
  check('process', first, seeds.length, t0, `each seed run twice (${events} events per pass)`, again);
  const distinct = new Set(first.values()).size;
  console.log(`distinct_logs: ${distinct} of ${seeds.length}`);
  if (distinct !== seeds.length) {
    mismatches++;
    problems.push(
      `only ${distinct} distinct logs for ${seeds.length} seeds: the hash does not cover the log`,
    );
  }
}

if (modes.includes('file')) {
  const t0 = performance.now();
  /** @type {Map<number, string>} */
  const hashes = new Map();
  const some = seeds.slice(0, fileSeeds);
  for (const seed of some) {
    const out = join(dir, `seed-${seed}.db`);
    runScenario(loaded, { seed, out, force: true });
    const w = openWorld(out);
    hashes.set(seed, w.meta.logSha256);
    w.close();
    rmSync(out, { force: true });
  }
  check('file', hashes, some.length, t0, 'written to a world database by runScenario()');
}

for (const [mode, n] of /** @type {const} */ ([
  ['thread', 0],
  ['workers', workers],
])) {
  if (!modes.includes(mode)) continue;
  const t0 = performance.now();
  const out = join(dir, mode);
  await runEnsemble({ loaded, seeds: seedList, workers: n, out, force: true, parquet: false });
  rowBytes.set(mode, `${sha(join(out, 'runs.csv'))} ${sha(join(out, 'cohorts.csv'))}`);
  check(mode, hashesOf(out), seeds.length, t0, `ensemble with --workers ${n}`);
}

if (modes.includes('shards')) {
  const t0 = performance.now();
  const dirs = Array.from({ length: shards }, (_, i) => join(dir, `shard-${i + 1}`));
  // Each shard in its own process, as on a cluster; as many at a time as there are cores.
  const queue = dirs.map(
    (d, i) => () =>
      run(process.execPath, [
        bin,
        'ensemble',
        values.scenario,
        '--seeds',
        seedList.spec,
        '--workers',
        '1',
        '--shard',
        `${i + 1}/${shards}`,
        '--out',
        d,
        '--no-parquet',
        '--quiet',
        '--force',
      ]),
  );
  const lanes = Array.from({ length: Math.min(availableParallelism(), shards) }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  });
  await Promise.all(lanes);
  const merged = join(dir, 'merged');
  await run(process.execPath, [bin, 'merge', ...dirs, '--out', merged, '--no-parquet', '--quiet', '--force']);
  rowBytes.set('shards', `${sha(join(merged, 'runs.csv'))} ${sha(join(merged, 'cohorts.csv'))}`);
  check('shards', hashesOf(merged), seeds.length, t0, `${shards} shard processes, merged`);
}

if (rowBytes.size > 1) {
  const distinct = new Set(rowBytes.values());
  console.log(
    `rows_identical: ${distinct.size === 1} (runs.csv and cohorts.csv of ${[...rowBytes.keys()].join(', ')})`,
  );
  if (distinct.size !== 1) {
    mismatches++;
    for (const [mode, hashes] of rowBytes) problems.push(`${mode}: runs.csv, cohorts.csv sha256 ${hashes}`);
  }
}

for (const p of problems.slice(0, 20)) console.log(`problem: ${p}`);
console.log(`mismatches: ${mismatches}`);
if (values.keep) console.log(`kept: ${dir}`);
else rmSync(dir, { recursive: true, force: true });
process.exit(mismatches === 0 ? 0 : 1);
