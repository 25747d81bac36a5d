/**
 * The worker thread behind a fast start (src/server/warm.ts): opens the same world file
 * read-only, reads the people index, the statistics and the overview, hands them to the
 * server (the index's arrays are moved, not copied), sifts the stories, and then reads every page of the file
 * (SQLite's quick_check), reporting damage if it finds any. The server answers requests all
 * the while.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DatabaseError } from '../errors.js';
import { computeStats } from '../stats/index.js';
import { openWorld } from '../store/reader.js';
import { siftStories } from '../stories/index.js';
import { overviewOf } from './api/world.js';
import { ApiContext } from './context.js';
import type { FromWarmWorker } from './warm.js';
import { columnBuffers, readColumns, WorldIndex } from './world-index.js';

const { file } = workerData as { file: string };
const port = parentPort!;
const send = (m: FromWarmWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

function run(): void {
  const t0 = performance.now();
  const world = openWorld(file);
  try {
    const api = new ApiContext(world);
    const columns = readColumns(world);
    api.install(new WorldIndex(columns), computeStats(world));
    const overview = overviewOf(api);
    send(
      { type: 'warm', columns, stats: api.stats, overview, seconds: (performance.now() - t0) / 1000 },
      columnBuffers(columns),
    );
    send({ type: 'stories', sifted: siftStories(world) });
    const t1 = performance.now();
    world.check();
    send({ type: 'checked', seconds: (performance.now() - t1) / 1000 });
  } finally {
    world.close();
  }
}

try {
  run();
} catch (e) {
  if (e instanceof DatabaseError) send({ type: 'damaged', message: e.message });
  else send({ type: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
