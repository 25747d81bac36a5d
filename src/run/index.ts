/**
 * Running a scenario into a world database: the composition of the world (rules) and the store
 * (SQLite), with progress reported through a callback. The CLI, the ensemble workers and the
 * tests all run worlds through here.
 */
import { resolve } from 'node:path';
import type { LoadedScenario } from '../scenario/load.js';
import { WorldWriter } from '../store/writer.js';
import { ioError } from '../io/io-error.js';
import { World, type WorldSummary } from '../world/world.js';
import { SOFTWARE_VERSION } from '../version.js';

export interface RunOptions {
  seed?: number;
  out: string;
  force?: boolean;
  /** Fraction of simulated time done, then the stage names of the final write. */
  onProgress?: (fraction: number, day: number) => void;
  onStage?: (stage: string) => void;
}

export interface RunResult {
  summary: WorldSummary;
  seed: number;
  out: string;
  /**
   * Seconds simulating (the events handed to the writer's thread as they come, the simulation
   * pausing only when the writer falls behind), then until the file is finished and published.
   */
  simulateSeconds: number;
  finishSeconds: number;
}

/**
 * Simulates a loaded scenario and writes its world database atomically.
 * @example runScenario(loadScenario('examples/small.yaml'), { seed: 7, out: 'world.db' })
 */
export function runScenario(loaded: LoadedScenario, options: RunOptions): RunResult {
  const seed = options.seed ?? loaded.scenario.seed;
  const writer = new WorldWriter(options.out, { force: options.force ?? false });
  try {
    const t0 = process.hrtime.bigint();
    const world = new World(loaded.scenario, { seed, sink: writer });
    // The log's digest may still be coming from the writer's thread: the summary that holds
    // it is asked for only when the file's meta is written.
    world.runEvents(options.onProgress);
    const t1 = process.hrtime.bigint();
    let summary: WorldSummary | undefined;
    const summaryOnce = (): WorldSummary => (summary ??= world.summary());
    writer.finish(
      world,
      summaryOnce,
      {
        softwareVersion: SOFTWARE_VERSION,
        scenarioName: loaded.scenario.name,
        scenarioSource: loaded.source,
        scenarioFile: loaded.files[0] ? resolve(loaded.files[0]) : '',
        seed,
      },
      options.onStage,
    );
    const t2 = process.hrtime.bigint();
    return {
      summary: summaryOnce(),
      seed,
      out: options.out,
      simulateSeconds: Number(t1 - t0) / 1e9,
      finishSeconds: Number(t2 - t1) / 1e9,
    };
  } catch (e) {
    writer.abort();
    throw ioError(e, options.out, 'write the world');
  }
}

/** Simulates without writing anything (benchmarks, ensembles, tests). */
export function simulate(loaded: LoadedScenario, seed?: number): { world: World; summary: WorldSummary } {
  const world = new World(loaded.scenario, { seed: seed ?? loaded.scenario.seed, sink: null });
  const summary = world.run();
  return { world, summary };
}
