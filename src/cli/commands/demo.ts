/**
 * `hailsham demo`: runs the default world (examples/canon.yaml, or small.yaml) into out/ unless
 * an up-to-date copy is there, prints its summary, and opens the explorer on it.
 */
import { Option, type Command } from 'commander';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../scenario/load.js';
import { openWorld } from '../../store/reader.js';
import { SOFTWARE_VERSION } from '../../version.js';
import { parseCount, type Io } from '../shared.js';
import { runAndReport } from './run.js';
import { serveWorld } from './serve.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function defaultScenario(): string {
  const canon = join(ROOT, 'examples', 'canon.yaml');
  return existsSync(canon) ? canon : join(ROOT, 'examples', 'small.yaml');
}

/** Adds `demo` to the program. */
export function registerDemo(program: Command, io: Io): void {
  program
    .command('demo')
    .description(
      'run the default world (examples/canon.yaml, or small.yaml) into out/ if it is not there yet, print its summary, and open the explorer',
    )
    .option('-q, --quiet', 'print nothing but errors')
    .option('--fresh', 'run the world again even if out/ has it')
    .option('--no-serve', 'stop after the summary')
    .addOption(new Option('-p, --port <n>', 'port for the explorer').argParser(parseCount).default(1968))
    .action(async (opts: { quiet?: boolean; fresh?: boolean; serve: boolean; port: number }) => {
      const scenario = defaultScenario();
      mkdirSync('out', { recursive: true });
      const loaded = loadScenario(scenario);
      const out = join('out', `${loaded.scenario.name}.db`);
      let reuse = false;
      if (existsSync(out) && !opts.fresh) {
        try {
          const w = openWorld(out);
          reuse = w.meta.softwareVersion === SOFTWARE_VERSION && w.meta.scenario === loaded.source;
          w.close();
        } catch {
          reuse = false;
        }
      }
      if (reuse) {
        if (!opts.quiet) io.out(`${out} is up to date (run with --fresh to simulate it again).`);
      } else {
        runAndReport(io, scenario, { out, force: true, quiet: opts.quiet ?? false });
      }
      if (!opts.serve) {
        if (!opts.quiet) io.out(`\nNext: hailsham stats ${out}, or hailsham serve ${out}`);
        return;
      }
      await serveWorld(out, { port: opts.port, host: '127.0.0.1' }, io);
    });
}
