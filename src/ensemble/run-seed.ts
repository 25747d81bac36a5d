/**
 * One run of a sweep: a world simulated in memory with the lives sink listening, then measured
 * by the reporters. The in-process loop and the worker threads both call this, so a row cannot
 * depend on where it was computed.
 */
import type { Scenario } from '../scenario/schema.js';
import { World } from '../world/world.js';
import { LifeSink } from './lives.js';
import { measure, type Measured, type ReporterSet } from './metrics.js';

/**
 * Simulates `scenario` with `seed` and measures it.
 * @example runSeed(loaded.scenario, 7, standardReporters(loaded.scenario)).run
 */
export function runSeed(scenario: Scenario, seed: number, reporters: ReporterSet): Measured {
  const lives = new LifeSink();
  const world = new World(scenario, { seed, sink: lives });
  const summary = world.run();
  return measure(seed, world, summary, lives, reporters);
}
