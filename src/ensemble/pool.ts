/**
 * Running a list of seeds: in this thread, or spread over worker threads that each take the
 * next seed when they finish one (so a slow seed never holds the others back). Results are
 * handed over by their position in the list, in whatever order they finish; the writer puts
 * them back in order.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { HailshamError, UsageError } from '../errors.js';
import type { Scenario } from '../scenario/schema.js';
import { standardReporters, type Measured, type ReporterSet } from './metrics.js';
import { runSeed } from './run-seed.js';

/** A message to a worker: run the seed at this position of the list. */
export interface ToWorker {
  index: number;
  seed: number;
}

/** A worker's answer. */
export type FromWorker =
  | { type: 'result'; index: number; seed: number; m: Measured }
  | { type: 'error'; index: number; seed: number; name: string; message: string; stack: string };

/** A run of the sweep failed; names the seed. */
export class SweepError extends HailshamError {
  override name = 'SweepError';
  constructor(
    readonly seed: number,
    detail: string,
    readonly workerStack = '',
  ) {
    super(`seed ${seed} failed: ${detail}`);
  }
}

export interface SweepOptions {
  scenario: Scenario;
  seeds: readonly number[];
  /** Worker threads; 0 runs every seed in this thread. */
  workers: number;
  /** Called with each run's rows and its position in `seeds`, in the order runs finish. */
  onResult: (index: number, m: Measured) => void;
  /** Called after each run with how many are done. */
  onProgress?: (done: number, total: number) => void;
  /** Custom reporters for in-thread sweeps; workers use `reportersModule` instead. */
  reporters?: ReporterSet;
  /** URL of a module exporting `reporters(scenario): ReporterSet`, loaded by each worker. */
  reportersModule?: string;
  /** The compiled worker script (found next to this module or in dist/ by default). */
  workerUrl?: URL;
}

/**
 * Where the compiled worker script is: beside this module when running from dist/, or in
 * dist/ensemble/ when running from the TypeScript sources (the tests).
 * @throws UsageError if it has not been built.
 */
export function workerScript(): URL {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const built = new URL('../../dist/ensemble/worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new UsageError(
    'the ensemble worker is not built (dist/ensemble/worker.js is missing); run `npm run build`, or pass --workers 0',
  );
}

/**
 * Runs every seed and reports each result; resolves when all are done.
 * @throws SweepError naming the first seed that failed (the other workers are stopped).
 * @example await sweep({ scenario, seeds: [1, 2, 3], workers: 2, onResult: (i, m) => rows[i] = m.run })
 */
export async function sweep(opts: SweepOptions): Promise<void> {
  const total = opts.seeds.length;
  if (opts.workers <= 0 || total === 0) {
    const reporters = opts.reporters ?? standardReporters(opts.scenario);
    for (let i = 0; i < total; i++) {
      const seed = opts.seeds[i]!;
      let m: Measured;
      try {
        m = runSeed(opts.scenario, seed, reporters);
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        throw new SweepError(seed, `${err.name}: ${err.message}`, err.stack ?? '');
      }
      opts.onResult(i, m);
      opts.onProgress?.(i + 1, total);
      // Let signals and the progress display through between runs.
      if (i % 8 === 7) await new Promise((r) => setImmediate(r));
    }
    return;
  }
  if (opts.reporters) {
    throw new UsageError('custom reporters cannot cross into worker threads; pass reportersModule instead');
  }
  const url = opts.workerUrl ?? workerScript();
  const count = Math.min(opts.workers, total);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  let failed = false;
  await new Promise<void>((resolve, reject) => {
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    const give = (w: Worker) => {
      if (next < total) {
        const msg: ToWorker = { index: next, seed: opts.seeds[next]! };
        next++;
        w.postMessage(msg);
      }
    };
    for (let k = 0; k < count; k++) {
      const w = new Worker(url, {
        workerData: { scenario: opts.scenario, reportersModule: opts.reportersModule ?? null },
      });
      workers.push(w);
      w.on('message', (msg: FromWorker) => {
        if (failed) return;
        if (msg.type === 'error') {
          fail(new SweepError(msg.seed, `${msg.name}: ${msg.message}`, msg.stack));
          return;
        }
        try {
          opts.onResult(msg.index, msg.m);
        } catch (e) {
          fail(e instanceof Error ? e : new Error(String(e)));
          return;
        }
        done++;
        opts.onProgress?.(done, total);
        if (done === total) {
          for (const x of workers) void x.terminate();
          resolve();
        } else give(w);
      });
      w.on('error', (e) => fail(new HailshamError(`a worker thread failed: ${e.message}`)));
      w.on('exit', (code) => {
        if (!failed && done < total)
          fail(new HailshamError(`a worker thread exited (code ${code}) before the sweep finished`));
      });
      give(w);
    }
  });
}
