/**
 * A worker thread of a sweep. It receives the validated scenario once (and optionally a module
 * of custom reporters), then seeds one at a time, and answers each with the run's measured rows.
 * One World at a time; nothing is shared between runs but the scenario.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema.js';
import { standardReporters, type ReporterSet } from './metrics.js';
import type { FromWorker, ToWorker } from './pool.js';
import { runSeed } from './run-seed.js';

interface Init {
  scenario: Scenario;
  reportersModule: string | null;
}

const init = workerData as Init;
const port = parentPort!;

async function reportersFor(scenario: Scenario): Promise<ReporterSet> {
  if (!init.reportersModule) return standardReporters(scenario);
  const mod = (await import(init.reportersModule)) as { reporters?: (s: Scenario) => ReporterSet };
  if (typeof mod.reporters !== 'function') {
    throw new Error(`${init.reportersModule} exports no function 'reporters(scenario)'`);
  }
  return mod.reporters(scenario);
}

const ready = reportersFor(init.scenario);

port.on('message', (msg: ToWorker) => {
  void ready.then(
    (reporters) => {
      try {
        const m = runSeed(init.scenario, msg.seed, reporters);
        port.postMessage({ type: 'result', index: msg.index, seed: msg.seed, m } satisfies FromWorker);
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        port.postMessage({
          type: 'error',
          index: msg.index,
          seed: msg.seed,
          name: err.name,
          message: err.message,
          stack: err.stack ?? '',
        } satisfies FromWorker);
      }
    },
    (e: unknown) => {
      const err = e instanceof Error ? e : new Error(String(e));
      port.postMessage({
        type: 'error',
        index: msg.index,
        seed: msg.seed,
        name: err.name,
        message: err.message,
        stack: err.stack ?? '',
      } satisfies FromWorker);
    },
  );
});
