/**
 * `hailsham ensemble`: many seeds of a scenario in worker threads (or one slice of them with
 * --shard), written as flat rows to CSV and Parquet; progress on stderr.
 */
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { UsageError } from '../../errors.js';
import { parseSeeds, parseShard, runEnsemble, shardSeeds } from '../../ensemble/index.js';
import { loadScenario } from '../../scenario/load.js';
import { formatNumber } from '../format.js';
import { ProgressBar } from '../progress.js';
import type { Io } from '../shared.js';

/**
 * Progress of a sweep on stderr: a bar on a terminal; elsewhere (logs, CI) a plain line at
 * every tenth of the way or every fifteen seconds, whichever comes first.
 */
export class SweepProgress {
  private readonly bar: ProgressBar | null;
  private readonly started = performance.now();
  private lastLine = 0;
  private lastTenth = 0;

  constructor(
    private readonly label: string,
    private readonly io: Io,
    private readonly quiet: boolean,
    tty = Boolean(process.stderr.isTTY),
  ) {
    this.bar = !quiet && tty ? new ProgressBar(label, process.stderr, true) : null;
  }

  update(done: number, total: number): void {
    if (this.quiet) return;
    const secs = (performance.now() - this.started) / 1000;
    const left = done > 0 ? (secs / done) * (total - done) : 0;
    const note = `${formatNumber(done)}/${formatNumber(total)} seeds${done < total && done > 0 ? `, about ${left.toFixed(0)} s left` : ''}`;
    if (this.bar) {
      this.bar.update(total ? done / total : 1, note);
      return;
    }
    const tenth = total ? Math.floor((10 * done) / total) : 10;
    const now = performance.now();
    if (tenth > this.lastTenth || now - this.lastLine > 15_000 || done === total) {
      this.lastTenth = tenth;
      this.lastLine = now;
      this.io.err(`${this.label}: ${note} (${secs.toFixed(1)} s)`);
    }
  }

  done(): void {
    this.bar?.done();
  }
}

/** Parses --workers: a whole number from 0 (this thread) to 256. */
export function parseWorkers(text: string | undefined): number {
  if (text === undefined) return Math.max(1, availableParallelism());
  if (!/^\d+$/.test(text) || Number(text) > 256) {
    throw new UsageError(`--workers '${text}': expected a whole number from 0 (run in this thread) to 256`);
  }
  return Number(text);
}

export function registerEnsemble(program: Command, io: Io): void {
  program
    .command('ensemble')
    .description(
      'run many seeds of a scenario (in worker threads, or one shard of them) and write flat rows as CSV and Parquet',
    )
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--seeds <list>', 'seeds: a range such as 1..1000, a list such as 1,5,9, or both', '1..100')
    .option('-w, --workers <n>', 'worker threads (0 runs in this thread; default: one per core)')
    .requiredOption('-o, --out <dir>', 'directory for runs.csv, cohorts.csv, *.parquet and manifest.json')
    .option(
      '--shard <k/n>',
      'run only the k-th of n slices: the seeds at positions i (ascending) with i % n == k-1',
    )
    .option('-f, --force', 'replace an ensemble already in the directory')
    .option('--no-parquet', 'write CSV only')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--json', 'print the manifest as JSON')
    .action(
      async (
        file: string,
        opts: {
          seeds: string;
          workers?: string;
          out: string;
          shard?: string;
          force?: boolean;
          parquet: boolean;
          quiet?: boolean;
          json?: boolean;
        },
      ) => {
        const seeds = parseSeeds(opts.seeds);
        const shard = opts.shard !== undefined ? parseShard(opts.shard) : null;
        const workers = parseWorkers(opts.workers);
        const loaded = loadScenario(file);
        const count = shard ? shardSeeds(seeds.seeds, shard).length : seeds.seeds.length;
        const label = `${loaded.scenario.name}${shard ? ` shard ${shard.k}/${shard.n}` : ''}`;
        const progress = new SweepProgress(label, io, Boolean(opts.quiet || opts.json));
        const r = await runEnsemble({
          finishedAt: () => new Date().toISOString(),
          loaded,
          seeds,
          shard,
          workers: Math.min(workers, count),
          out: opts.out,
          force: opts.force ?? false,
          parquet: opts.parquet,
          onProgress: (d, t) => progress.update(d, t),
        });
        progress.done();
        const m = r.manifest;
        if (opts.json) {
          io.out(JSON.stringify(m, null, 2));
          return;
        }
        if (opts.quiet) return;
        io.out(
          `${formatNumber(count)} runs of ${m.scenario.name} (seeds ${seeds.spec}${shard ? `, shard ${shard.k}/${shard.n}` : ''}) in ${r.seconds.toFixed(1)} s with ${workers === 0 ? 'no worker threads' : `${Math.min(workers, count)} worker${workers > 1 ? 's' : ''}`}`,
        );
        io.out(
          `${formatNumber(m.rows.runs)} run rows, ${formatNumber(m.rows.cohorts)} cohort rows → ${opts.out}/ (runs.csv, cohorts.csv${m.parquet ? ', runs.parquet, cohorts.parquet' : ''}, manifest.json)`,
        );
        io.out(`runs.csv sha256 ${m.sha256['runs.csv']}`);
        io.out(`cohorts.csv sha256 ${m.sha256['cohorts.csv']}`);
      },
    );
}
