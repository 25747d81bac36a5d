/**
 * A fast start for big worlds. `hailsham serve` answers its first request as soon as the file
 * has passed a quick structural check (structure.ts); a worker thread (warm-worker.ts) then
 * reads the people index, statistics and overview, which the server installs when they arrive,
 * then sifts the stories, and afterwards reads every page of the file. Requests that need the index wait for it;
 * requests that only need the world's description do not. If the worker meets damage, the
 * world is marked damaged and every later request gets a 503 that names the file and the
 * damage, never an answer read from a damaged file.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Overview } from '../api/schemas.js';
import type { WorldStats } from '../stats/index.js';
import type { Sifted } from '../stories/index.js';
import type { IndexColumns } from './world-index.js';

/** What the worker says, in order: warm (or damaged), then checked (or damaged). */
export type FromWarmWorker =
  | { type: 'warm'; columns: IndexColumns; stats: WorldStats; overview: Overview; seconds: number }
  | { type: 'stories'; sifted: Sifted }
  | { type: 'checked'; seconds: number }
  | { type: 'damaged'; message: string }
  | { type: 'failed'; message: string };

/** What became of a world's background work. */
export interface Warming {
  /** Resolves with the index, statistics and overview; rejects with the damage or failure. */
  warm: Promise<{ columns: IndexColumns; stats: WorldStats; overview: Overview; seconds: number }>;
  /** Resolves with the world's stories (src/stories), sifted after the index. */
  stories: Promise<Sifted>;
  /** Resolves with the seconds the whole-file check took; rejects with the damage or failure. */
  checked: Promise<number>;
  /** Stops the worker (when the server closes before it has finished). */
  stop(): Promise<void>;
}

/** The worker's script: beside this module when built, or in dist/ when run from the sources. */
function workerScript(): URL {
  const here = new URL('./warm-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const built = new URL('../../dist/server/warm-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new Error('the explorer’s worker is not built: run npm run build');
}

/**
 * Starts reading a world in a worker thread.
 * @example const w = warmInWorker('england.db'); const { columns } = await w.warm
 */
export function warmInWorker(file: string): Warming {
  const worker = new Worker(workerScript(), { workerData: { file } });
  type Warm = Awaited<Warming['warm']>;
  let settleWarm!: { resolve: (v: Warm) => void; reject: (e: Error) => void };
  let settleCheck!: { resolve: (s: number) => void; reject: (e: Error) => void };
  const warm = new Promise<Warm>((resolve, reject) => (settleWarm = { resolve, reject }));
  const checked = new Promise<number>((resolve, reject) => (settleCheck = { resolve, reject }));
  let settleStories!: { resolve: (s: Sifted) => void; reject: (e: Error) => void };
  const stories = new Promise<Sifted>((resolve, reject) => (settleStories = { resolve, reject }));
  stories.catch(() => undefined);
  // Either may go unawaited (a server closed early); their failures are reported elsewhere.
  warm.catch(() => undefined);
  checked.catch(() => undefined);
  const fail = (e: Error) => {
    settleWarm.reject(e);
    settleStories.reject(e);
    settleCheck.reject(e);
  };
  worker.on('message', (m: FromWarmWorker) => {
    if (m.type === 'warm') settleWarm.resolve(m);
    else if (m.type === 'stories') settleStories.resolve(m.sifted);
    else if (m.type === 'checked') settleCheck.resolve(m.seconds);
    else fail(m.type === 'damaged' ? new WorldDamage(m.message) : new Error(m.message));
  });
  worker.on('error', fail);
  let stopping = false;
  worker.on('exit', (code) => {
    if (!stopping) fail(new Error(`the explorer's worker stopped (exit code ${code})`));
  });
  // The server may exit while the worker is still checking.
  worker.unref();
  return {
    warm,
    stories,
    checked,
    stop: async () => {
      stopping = true;
      await worker.terminate();
    },
  };
}

/** Damage the worker found; its message names the file and what is wrong. */
export class WorldDamage extends Error {
  override name = 'WorldDamage';
}
