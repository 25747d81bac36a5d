/**
 * `hailsham serve <world> [other]`: opens the web explorer of a world on this machine
 * (http://127.0.0.1:1968/ unless told otherwise) and runs until interrupted. With a second
 * world (`--compare b.db`, or a second argument), both are opened read-only and the explorer
 * gains a page comparing them; the second world's own pages are under /b.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { statSync } from 'node:fs';
import { IoError, UsageError } from '../../errors.js';
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from '../../server/index.js';
import { checkStructureQuickly } from '../../server/structure.js';
import { WorldDamage } from '../../server/warm.js';
import { openWorld } from '../../store/reader.js';
import type { Io } from '../shared.js';

function parsePort(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65_535)
    throw new InvalidArgumentError(`expected a port from 0 to 65535 (0 picks a free one), found '${text}'`);
  return Number(text);
}

/** Adds `serve` to the program. */
export function registerServe(program: Command, io: Io): void {
  program
    .command('serve')
    .description(
      'open a web explorer of a world (people, places, events, charts, a map in time), or of two side by side',
    )
    .argument('<world>', 'world database')
    .argument('[other]', 'a second world to compare with the first (the same as --compare)')
    .addOption(
      new Option('-p, --port <n>', 'port to listen on (0 picks a free one)')
        .argParser(parsePort)
        .default(DEFAULT_PORT),
    )
    .option(
      '--host <address>',
      'address to listen on; anything but loopback lets other machines in',
      DEFAULT_HOST,
    )
    .option('--compare <world>', 'a second world database, shown beside the first at /compare')
    .action(
      (file: string, other: string | undefined, opts: { port: number; host: string; compare?: string }) => {
        if (other !== undefined && opts.compare !== undefined && other !== opts.compare)
          throw new UsageError(
            `two worlds to compare were given ('${other}' and --compare '${opts.compare}'); give one of them`,
          );
        return serveWorld(file, { ...opts, compare: opts.compare ?? other }, io);
      },
    );
}

/**
 * Serves a world's explorer until SIGINT or SIGTERM.
 * @example await serveWorld('out/canon.db', { port: 1968, host: '127.0.0.1' }, io)
 */
export async function serveWorld(
  file: string,
  opts: { port: number; host: string; compare?: string },
  io: Io,
): Promise<void> {
  const started = performance.now();
  const world = openWorld(file);
  // Taken before the server answers anything, so a file deleted or replaced from then on is
  // always seen as changed (a user may delete it the moment the address is printed).
  const watched = [file, ...(opts.compare === undefined ? [] : [opts.compare])].map((f) => ({
    file: f,
    id: identity(f),
  }));
  let other;
  try {
    // A quick look at the file's structure now; every page is read in the background, and a
    // request that meets damage before then gets a 503 naming it.
    checkStructureQuickly(world);
    other = opts.compare === undefined ? undefined : openWorld(opts.compare);
    try {
      if (other) checkStructureQuickly(other);
    } catch (e) {
      other?.close();
      throw e;
    }
  } catch (e) {
    world.close();
    throw e;
  }
  const closeAll = () => {
    world.close();
    other?.close();
  };
  let running;
  try {
    running = await startServer(world, {
      port: opts.port,
      host: opts.host,
      compare: other,
      background: true,
    });
  } catch (e) {
    closeAll();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new UsageError(
        `port ${opts.port} on ${opts.host} is in use; choose another with --port (0 picks a free one)`,
      );
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new UsageError(`cannot listen on '${opts.host}': not an address of this machine`);
    throw e;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const people = (w: typeof world) => `${w.meta.people.toLocaleString('en-GB')} people`;
  io.out(
    other
      ? `Comparing ${file} (${people(world)}) with ${opts.compare} (${people(other)}) at ${running.url}compare  (ready in ${seconds} s; Ctrl-C stops)`
      : `Exploring ${file} (${people(world)}) at ${running.url}  (ready in ${seconds} s; Ctrl-C stops)`,
  );
  const { explorer } = running;
  explorer.ready.then(
    () =>
      io.out(
        `Read the people and figures into memory (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      ),
    () => undefined,
  );
  const servedId = watched[0]!.id;
  explorer.checked.then(
    (s) => io.out(`Checked every page of the database: sound (${s.toFixed(1)} s)`),
    (e: unknown) =>
      // A file deleted or replaced under the check is not damage: the watcher below says so.
      identity(file) === servedId &&
      io.err(
        e instanceof WorldDamage
          ? `hailsham: ${e.message}; the explorer now answers every request with 503 (run the scenario again)`
          : `hailsham: warning: the check of every page could not finish (${e instanceof Error ? e.message : String(e)}); pages are still read as they are asked for`,
      ),
  );
  if (opts.host !== DEFAULT_HOST && opts.host !== 'localhost' && opts.host !== '::1')
    io.err(`hailsham: warning: listening on ${opts.host}, so other machines can reach the explorer`);
  // A world deleted or replaced under the server would be answered from a file no longer
  // there (or no longer the one named); the server stops and says so.
  await new Promise<void>((resolve, reject) => {
    const stop = (error?: Error) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      clearInterval(timer);
      void running.close().then(() => {
        closeAll();
        if (error) reject(error);
        else resolve();
      });
    };
    const onSignal = () => stop();
    const timer: NodeJS.Timeout = setInterval(() => {
      for (const w of watched) {
        const now = identity(w.file);
        if (now !== w.id) {
          stop(
            new IoError(
              w.file,
              now === null
                ? 'the world file was deleted while the server was running; the explorer stopped (run hailsham serve again once it is back)'
                : 'the world file was replaced while the server was running; the explorer stopped (run hailsham serve again to read the new one)',
            ),
          );
          return;
        }
      }
    }, WATCH_MS);
    timer.unref();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** How often the served files are looked at. */
const WATCH_MS = 1000;

/** A file's device and inode, or null when it is gone. */
function identity(file: string): string | null {
  try {
    const s = statSync(file);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}
