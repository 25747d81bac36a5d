/**
 * `hailsham merge`: joins the shard directories of a sweep into one, checking that they belong
 * together and that every seed is there exactly once.
 */
import type { Command } from 'commander';
import { mergeEnsembles } from '../../ensemble/index.js';
import { formatNumber } from '../format.js';
import type { Io } from '../shared.js';

export function registerMerge(program: Command, io: Io): void {
  program
    .command('merge')
    .description('join the shard directories of an ensemble into one, rows sorted by seed')
    .argument('<dirs...>', 'ensemble directories written with --shard k/n (all n of them)')
    .requiredOption('-o, --out <dir>', 'directory for the merged ensemble')
    .option('-f, --force', 'replace an ensemble already in the directory')
    .option('--no-parquet', 'write CSV only')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--json', 'print the merged manifest as JSON')
    .action(
      async (
        dirs: string[],
        opts: { out: string; force?: boolean; parquet: boolean; quiet?: boolean; json?: boolean },
      ) => {
        const m = await mergeEnsembles({
          finishedAt: () => new Date().toISOString(),
          dirs,
          out: opts.out,
          force: opts.force ?? false,
          parquet: opts.parquet,
        });
        if (opts.json) io.out(JSON.stringify(m, null, 2));
        else if (!opts.quiet) {
          io.out(
            `Merged ${dirs.length} director${dirs.length > 1 ? 'ies' : 'y'} of ${m.scenario.name} (seeds ${m.seeds.spec}): ${formatNumber(m.rows.runs)} run rows, ${formatNumber(m.rows.cohorts)} cohort rows → ${opts.out}/`,
          );
          io.out(`runs.csv sha256 ${m.sha256['runs.csv']}`);
          io.out(`cohorts.csv sha256 ${m.sha256['cohorts.csv']}`);
        }
      },
    );
}
