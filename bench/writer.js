// @ts-check
/**
 * `npm run bench:writer`: the writer's work on the events alone, replayed in one thread, so a
 * change to how pages are made can be weighed without the noise of two busy threads sharing
 * two cores (bench/e2e.js measures the whole run). Prints `name: value` lines.
 *
 * The scenario is simulated once with a sink that keeps every batch as the recorder hands it to
 * the writer's thread (shaped payloads as shape and number). Then, `--reps` times, the batches
 * are replayed through what that thread does with them, each rep into a fresh file that is
 * deleted after:
 *
 * - `hash`: the log's digest (`LogHash`), which the writer's thread keeps;
 * - `events`: `WorldFile.writeEvents` on every batch: the events table's rows, the streamed and
 *   bucketed indexes as the events arrive, the days people entered each phase;
 * - `indexes`: `WorldFile.buildIndexes`: the table completed, the indexes' leftovers laid.
 *
 * Each is the process's CPU time (`process.cpuUsage`: this thread, and V8's helper threads that
 * compile and collect for it). The first rep compiles the code as a run does; the figures
 * without a `first_` prefix are the medians of the reps after it. The replay's digest must
 * equal the simulation's, or the bench fails.
 *
 * Options: --scenario FILE (default examples/england.yaml), --seed N (default the scenario's),
 * --reps N (2 to 50, default 5).
 */
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
    reps: { type: 'string', default: '5' },
  },
});

const reps = Number(values.reps);
if (!Number.isInteger(reps) || reps < 2 || reps > 50) {
  console.error(`bench/writer.js: --reps takes a whole number from 2 to 50, not '${values.reps}'`);
  process.exit(2);
}

const { loadScenario } = await import('../dist/scenario/load.js');
const { World } = await import('../dist/world/world.js');
const { LogHash } = await import('../dist/engine/log-hash.js');
const { WorldFile } = await import('../dist/store/writer-worker.js');

/** @typedef {import('../dist/engine/recorder.js').EventBatch} EventBatch */
/** @typedef {import('../dist/engine/recorder.js').EventColumns} EventColumns */

const loaded = loadScenario(values.scenario);
const seed = values.seed === undefined ? loaded.scenario.seed : Number(values.seed);

/** @type {EventBatch[]} */
const batches = [];
/** Fresh columns for every batch, so each one kept is the recorder's own, not a copy. */
const columns = (/** @type {number} */ size) => ({
  day: new Int32Array(size),
  type: new Int32Array(size),
  person: new Int32Array(size),
  other: new Int32Array(size),
  place: new Int32Array(size),
  value: new Float64Array(size),
  cause: new Int32Array(size),
  shape: new Uint8Array(size),
  shapeArg: new Int32Array(size),
});
/** @type {import('../dist/engine/recorder.js').EventSink} */
const sink = {
  // As the writer's thread gets them: shaped payloads as shape and number, texts only for the
  // rest. The recorder keeps the log's digest itself, for the replay's to be checked against.
  readsShapes: true,
  write(b) {
    batches.push({
      ...b,
      // The recorder reuses these two arrays; the columns are fresh for each batch.
      data: b.data.slice(0, b.count),
      participants: b.participants.slice(0, b.participantCount * 3),
      shapes: b.shapes?.slice(),
    });
  },
  nextColumns: columns,
};
const t = performance.now();
const world = new World(loaded.scenario, { seed, sink });
const summary = world.run();
const simulateSeconds = (performance.now() - t) / 1000;
console.error(
  `simulated ${summary.events} events in ${batches.length} batches in ${simulateSeconds.toFixed(2)} s`,
);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const dir = mkdtempSync(join(tmpdir(), 'hailsham-writer-'));
/** @type {{ hash: number, events: number, indexes: number, total: number, wall: number }[]} */
const measured = [];
let dbBytes = 0;
try {
  for (let r = 0; r < reps; r++) {
    const path = join(dir, `rep-${r}.db`);
    const w0 = performance.now();
    const c0 = cpu();
    const hash = new LogHash();
    for (const b of batches) hash.add(b);
    const replayed = hash.digest();
    if (replayed !== summary.logSha256) {
      console.error(`bench/writer.js: the replay's digest ${replayed} is not the run's ${summary.logSha256}`);
      process.exit(1);
    }
    const c1 = cpu();
    const file = new WorldFile(path);
    try {
      for (const b of batches) file.writeEvents(b);
      const c2 = cpu();
      file.buildIndexes(() => false);
      const c3 = cpu();
      measured.push({
        hash: c1 - c0,
        events: c2 - c1,
        indexes: c3 - c2,
        total: c3 - c0,
        wall: (performance.now() - w0) / 1000,
      });
    } finally {
      file.close();
    }
    dbBytes = statSync(path).size;
    rmSync(path, { force: true });
    const m = /** @type {(typeof measured)[number]} */ (measured[r]);
    console.error(
      `rep ${r + 1}/${reps}: cpu ${m.total.toFixed(2)} s (hash ${m.hash.toFixed(2)}, events ${m.events.toFixed(2)}, indexes ${m.indexes.toFixed(2)})`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const first = /** @type {(typeof measured)[number]} */ (measured[0]);
const later = measured.slice(1);
const lines = [
  ['scenario', values.scenario],
  ['events', summary.events],
  ['batches', batches.length],
  ['reps', reps],
  ['hash_cpu_s', median(later.map((m) => m.hash)).toFixed(2)],
  ['events_cpu_s', median(later.map((m) => m.events)).toFixed(2)],
  ['indexes_cpu_s', median(later.map((m) => m.indexes)).toFixed(2)],
  ['total_cpu_s', median(later.map((m) => m.total)).toFixed(2)],
  ['total_wall_s', median(later.map((m) => m.wall)).toFixed(2)],
  ['first_total_cpu_s', first.total.toFixed(2)],
  ['events_mb', Math.round(dbBytes / 1e6)],
  ['peak_rss_mb', Math.round(process.resourceUsage().maxRSS / 1024)],
];
for (const [k, v] of lines) console.log(`${k}: ${v}`);
