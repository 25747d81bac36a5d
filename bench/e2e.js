// @ts-check
/**
 * `npm run bench:e2e`: a national run end to end beside the simulation alone, in one invocation.
 * Prints `name: value` lines.
 *
 * - `simulate_s`: `simulate()` (src/run/index.ts): the world built and run with every rule and
 *   the log's digest, but no sink, so nothing is written; measured in a child process of its own.
 * - `end_to_end_s`: `runScenario()` into a fresh file, from the call to its return: the
 *   simulation, the events streamed into SQLite, people and side tables, indexes, the summary, the
 *   sync and the rename that publishes the file; measured in another child process, so its peak
 *   memory is its own.
 * - `ratio`: end_to_end_s / simulate_s.
 *
 * The scenario is loaded (and the children started) outside both timings. Extra lines: the
 * seconds of each stage of the write as `runScenario` reports them (`stage_<name>_s`, from the
 * moment the stage begins to the next), each child's `peak_rss_mb`, the events, the log's
 * digest (its first 16 hex digits, equal in both runs or the bench fails), and the file's size.
 *
 * Options: --scenario FILE (default examples/england.yaml), --seed N (default the scenario's),
 * --keep (keep the written world and print its path; otherwise it is deleted).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    scenario: {
      type: 'string',
      default: fileURLToPath(new URL('../examples/england.yaml', import.meta.url)),
    },
    seed: { type: 'string' },
    keep: { type: 'boolean', default: false },
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

/** Runs one measurement in a child process and returns its JSON line. */
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

const dir = mkdtempSync(join(tmpdir(), 'hailsham-e2e-'));
const out = join(dir, 'world.db');
try {
  const sim = child(['--child', 'simulate']);
  const e2e = child(['--child', 'e2e', '--out', out]);
  if (sim.sha !== e2e.sha) {
    console.error(`bench/e2e.js: the log's digest differs: ${sim.sha} alone, ${e2e.sha} written`);
    process.exit(1);
  }
  const lines = [
    ['scenario', values.scenario],
    ['events', e2e.events],
    ['log_sha256', e2e.sha.slice(0, 16)],
    ['simulate_s', sim.seconds.toFixed(2)],
    ['end_to_end_s', e2e.seconds.toFixed(2)],
    ['ratio', (e2e.seconds / sim.seconds).toFixed(2)],
    ...Object.entries(e2e.stages).map(([k, v]) => [`stage_${k}_s`, Number(v).toFixed(2)]),
    ['simulate_peak_rss_mb', sim.rss],
    ['peak_rss_mb', e2e.rss],
    ['db_mb', Math.round(statSync(out).size / 1e6)],
  ];
  if (values.keep) lines.push(['kept', out]);
  for (const [k, v] of lines) console.log(`${k}: ${v}`);
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
