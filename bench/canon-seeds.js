// @ts-check
/**
 * `node bench/canon-seeds.js [FIRST] [LAST]`: plays examples/canon.yaml for every seed from FIRST
 * to LAST (default 1..200) in this process, without a database, and prints how many played, any
 * that failed with the beat that broke, and the time taken, as `name: value` lines. A storyline
 * is a constraint every world satisfies, so `failed` should be 0.
 */
import { fileURLToPath } from 'node:url';
import { simulate } from '../dist/run/index.js';
import { loadScenario } from '../dist/scenario/load.js';

const [first = 1, last = 200] = process.argv.slice(2).map(Number);
const loaded = loadScenario(fileURLToPath(new URL('../examples/canon.yaml', import.meta.url)));
let played = 0;
let failed = 0;
const started = performance.now();
for (let seed = first; seed <= last; seed++) {
  try {
    simulate(loaded, seed);
    played++;
  } catch (e) {
    failed++;
    console.log(`seed_${seed}_failed: ${String(e instanceof Error ? e.message : e).slice(0, 200)}`);
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(`seeds: ${first}..${last}`);
console.log(`played: ${played}`);
console.log(`failed: ${failed}`);
console.log(`seconds: ${seconds.toFixed(1)}`);
console.log(`seconds_per_seed: ${(seconds / (last - first + 1)).toFixed(2)}`);
