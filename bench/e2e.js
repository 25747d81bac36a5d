// @ts-check
/**
 * `npm run bench:e2e`: a national run end to end beside the simulation alone, in one invocation.
 * Prints `name: value` lines.
 *
 * - `simulate_s`: `simulate()` (src/run/index.ts): the world built and run with every rule and
 *   the log's digest, but no sink, so nothing is written; each in a child process of its own.
 * - `end_to_end_s`: `runScenario()` into a fresh file, from the call to its return: the
 *   simulation, the events streamed into SQLite, people and side tables, indexes, the summary, the
 *   sync and the rename that publishes the file; each in another child process, so its peak
 *   memory is its own.
 * - `ratio`: each whole run's time over the mean of the simulations alone run just before and
 *   just after it (the machine this is measured on is shared, and its speed drifts by more than
 *   the margin between the two over a minute); the median of the rounds' ratios, with each
 *   round's (`ratio_round_<n>`) and the largest (`ratio_max`).
 *
 * The order is simulation, then `--rounds` times (default 3) a whole run and a simulation;
 * `simulate_s` and `end_to_end_s` are the medians. The scenario is loaded (and the children
 * started) outside every timing. Extra lines: the seconds of each stage of the write in the
 * median whole run as `runScenario` reports them (`stage_<name>_s`, from the moment the stage
 * begins to the next), the peak memory of each kind of child (`peak_rss_mb`), the events, the
 * log's digest (its first 16 hex digits, equal in every child or the bench fails), and the
 * file's size. Each round is told on standard error as it ends.
 *
 * Options: --scenario FILE (default examples/england.yaml), --seed N (default the scenario's),
 * --rounds N (1 to 50), --keep (keep the last written world and print its path; otherwise it is
 * deleted).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from './stats.js';

const { values } = parseArgs({
  options: {
    scenario: {
      type: 'string',
      default: fileURLToPath(new URL('../examples/england.yaml', import.meta.url)),
    },
    seed: { type: 'string' },
    keep: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    child: { type: 'string' },
    out: { type: 'string' },
  },
});

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (values.child) {
  // One measurement in a process of its own; the result is one JSON line on stdout.
  const { loadScenario } = await import('../dist/scenario/load.js');
  const { runScenario, simulate } = await import('../dist/run/index.js');
  const loaded = loadScenario(values.scenario);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (values.child === 'simulate') {
    const t0 = performance.now();
    const { summary } = simulate(loaded, seed);
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      JSON.stringify({ seconds, events: summary.events, sha: summary.logSha256, rss: peakRssMb() }),
    );
  } else {
    /** @type {[string, number][]} */
    const marks = [['simulate', 0]];
    const t0 = performance.now();
    const result = runScenario(loaded, {
      ...(seed === undefined ? {} : { seed }),
      out: /** @type {string} */ (values.out),
      onStage: (stage) => marks.push([stage, (performance.now() - t0) / 1000]),
    });
    const seconds = (performance.now() - t0) / 1000;
    /** @type {Record<string, number>} */
    const stages = {};
    for (let i = 0; i < marks.length; i++) {
      const [name, at] = /** @type {[string, number]} */ (marks[i]);
      const next = i + 1 < marks.length ? /** @type {[string, number]} */ (marks[i + 1])[1] : seconds;
      stages[name] = (stages[name] ?? 0) + next - at;
    }
    console.log(
      JSON.stringify({
        seconds,
        stages,
        simulateSeconds: result.simulateSeconds,
        finishSeconds: result.finishSeconds,
        events: result.summary.events,
        sha: result.summary.logSha256,
        rss: peakRssMb(),
      }),
    );
  }
  process.exit(0);
}

const self = fileURLToPath(import.meta.url);
const common = ['--scenario', values.scenario, ...(values.seed === undefined ? [] : ['--seed', values.seed])];

/**
 * @typedef {{ seconds: number, events: number, sha: string, rss: number, stages: Record<string, number> }} Measured
 * What a child prints (`stages` only from a whole run).
 */

/**
 * Runs one measurement in a child process and returns its JSON line.
 * @returns {Measured}
 */
function child(/** @type {string[]} */ args) {
  const r = spawnSync(process.execPath, [self, ...common, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) {
    console.error(`bench/e2e.js: the child '${args.join(' ')}' failed (exit ${r.status})`);
    process.exit(1);
  }
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last);
}

const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 50) {
  console.error(`bench/e2e.js: --rounds takes a whole number from 1 to 50, not '${values.rounds}'`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'hailsham-e2e-'));
const out = join(dir, 'world.db');
try {
  // Simulation alone, then each whole run followed by the simulation alone again: every whole
  // run is compared with the mean of the two simulations on either side of it, so a machine
  // that speeds up or slows down over the minutes of the bench moves both alike.
  const sims = [child(['--child', 'simulate'])];
  /** @type {Measured[]} */
  const runs = [];
  /** @type {number[]} */
  const ratios = [];
  for (let r = 0; r < rounds; r++) {
    rmSync(out, { force: true });
    const e2e = child(['--child', 'e2e', '--out', out]);
    const sim = child(['--child', 'simulate']);
    for (const x of [e2e, sim])
      if (x.sha !== sims[0].sha) {
        console.error(
          `bench/e2e.js: the log's digest differs: ${sims[0].sha} alone, ${x.sha} in round ${r + 1}`,
        );
        process.exit(1);
      }
    const before = /** @type {Measured} */ (sims[sims.length - 1]);
    const around = (before.seconds + sim.seconds) / 2;
    sims.push(sim);
    runs.push(e2e);
    ratios.push(e2e.seconds / around);
    console.error(
      `round ${r + 1}/${rounds}: end to end ${e2e.seconds.toFixed(2)} s, simulation alone ${around.toFixed(2)} s on either side, ratio ${(e2e.seconds / around).toFixed(2)}`,
    );
  }
  // The stages of the whole run whose time is the median (the lower middle for an even count).
  const byTime = [...runs].sort((a, b) => a.seconds - b.seconds);
  const middle = /** @type {Measured} */ (byTime[(byTime.length - 1) >> 1]);
  const lines = [
    ['scenario', values.scenario],
    ['rounds', rounds],
    ['events', middle.events],
    ['log_sha256', middle.sha.slice(0, 16)],
    ['simulate_s', median(sims.map((x) => x.seconds)).toFixed(2)],
    ['end_to_end_s', median(runs.map((x) => x.seconds)).toFixed(2)],
    ['ratio', median(ratios).toFixed(2)],
    ['ratio_max', Math.max(...ratios).toFixed(2)],
    ...ratios.map((x, i) => [`ratio_round_${i + 1}`, x.toFixed(2)]),
    ...Object.entries(middle.stages).map(([k, v]) => [`stage_${k}_s`, Number(v).toFixed(2)]),
    ['simulate_peak_rss_mb', Math.max(...sims.map((x) => x.rss))],
    ['peak_rss_mb', Math.max(...runs.map((x) => x.rss))],
    ['db_mb', Math.round(statSync(out).size / 1e6)],
  ];
  if (values.keep) lines.push(['kept', out]);
  for (const [k, v] of lines) console.log(`${k}: ${v}`);
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
