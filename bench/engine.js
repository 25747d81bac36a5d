// @ts-check
/**
 * `npm run bench:engine`: the engine on examples/england.yaml (or a share of it) with every rule
 * and no database, beside the bare typed-array loop with the same number of events, in one
 * process. Prints `name: value` lines. Options: --scenario FILE, --share F (0..1 of the generated
 * schools), --seed N, --runs N (median of N), --pending N (bare loop heap size).
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../dist/scenario/load.js';
import { World } from '../dist/world/world.js';
import { bareLoop } from './bare-loop.js';

const { values } = parseArgs({
  options: {
    scenario: {
      type: 'string',
      default: fileURLToPath(new URL('../examples/england.yaml', import.meta.url)),
    },
    share: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
    pending: { type: 'string', default: '1000000' },
  },
});

const loaded = loadScenario(values.scenario);
const share = Number(values.share);
if (share < 1 && loaded.scenario.generate.schools) {
  loaded.scenario.generate.schools.count = Math.max(
    1,
    Math.round(loaded.scenario.generate.schools.count * share),
  );
}
const runs = Math.max(1, Number(values.runs));
const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const rates = [];
const bare = [];
const ratios = [];
let lives = 0;
let events = 0;
let wakeUps = 0;
let stateBytes = 0;
let seconds = 0;
for (let r = 0; r < runs; r++) {
  globalThis.gc?.();
  const t0 = performance.now();
  const world = new World(loaded.scenario, { seed: Number(values.seed), sink: null, hashing: false });
  const summary = world.run();
  const t = (performance.now() - t0) / 1000;
  events = summary.events;
  wakeUps = summary.wakeUps;
  lives = summary.clones;
  seconds = t;
  stateBytes = world.stateBytes();
  const ours = events / t;
  globalThis.gc?.();
  const ref = bareLoop(events, Number(values.pending));
  rates.push(ours);
  bare.push(ref);
  ratios.push(ours / ref);
}

const line = (/** @type {string} */ k, /** @type {string | number} */ v) => console.log(`${k}: ${v}`);
line('scenario', loaded.scenario.name + (share < 1 ? ` (share ${share})` : ''));
line('runs', runs);
line('lives', lives);
line('events', events);
line('wake_ups', wakeUps);
line('seconds', seconds.toFixed(2));
line('events_per_s', Math.round(median(rates)));
line('bare_events_per_s', Math.round(median(bare)));
line('ratio', median(ratios).toFixed(3));
line('lives_per_s', Math.round(lives / seconds));
line('bytes_per_life', Math.round(stateBytes / Math.max(1, lives)));
line('peak_rss_mb', Math.round(process.resourceUsage().maxRSS / 1024));
