/**
 * `hailsham compare`: a base scenario against a what-if on the same seeds; which lives diverged
 * and how, what the statistics did, and (over several seeds) the differences with intervals.
 */
import { type Command } from 'commander';
import { extname } from 'node:path';
import { compareScenarios, renderReport, type ReportFormat } from '../../compare/index.js';
import { parseSeeds, type SeedList } from '../../ensemble/index.js';
import { UsageError } from '../../errors.js';
import { loadScenario } from '../../scenario/load.js';
import { writeOutput, type Io } from '../shared.js';
import { SweepProgress } from './ensemble.js';

function formatFor(file: string): ReportFormat | 'json' {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  return 'text';
}

export function registerCompare(program: Command, io: Io): void {
  program
    .command('compare')
    .description(
      'run a base scenario and a what-if on the same seeds and report the lives and statistics that differ',
    )
    .argument('<base>', 'the base scenario (YAML or JSON)')
    .argument('<whatif>', 'the what-if scenario (usually an overlay that extends the base)')
    .option('-s, --seed <n>', "one seed (default: the base scenario's)")
    .option('--seeds <list>', 'several seeds (e.g. 1..100): paired differences with confidence intervals')
    .option('-o, --out <file>', 'write the report to a file: .md for Markdown, .json for JSON, else text')
    .option('--json', 'print the report as JSON')
    .option('--markdown', 'print the report as Markdown')
    .option('-n, --limit <n>', 'most diverged lives to list', '15')
    .option('--level <p>', 'confidence level of the intervals', '0.95')
    .option('-q, --quiet', 'print nothing but errors (with --out)')
    .action(
      async (
        baseFile: string,
        whatifFile: string,
        opts: {
          seed?: string;
          seeds?: string;
          out?: string;
          json?: boolean;
          markdown?: boolean;
          limit: string;
          level: string;
          quiet?: boolean;
        },
      ) => {
        if (opts.seed !== undefined && opts.seeds !== undefined) {
          throw new UsageError('give either --seed (one seed) or --seeds (several), not both');
        }
        if (opts.json && opts.markdown) throw new UsageError('give either --json or --markdown, not both');
        if (!/^\d+$/.test(opts.limit))
          throw new UsageError(`--limit '${opts.limit}': expected a whole number`);
        const level = Number(opts.level);
        if (!(level > 0 && level < 1)) {
          throw new UsageError(
            `--level '${opts.level}': expected a probability between 0 and 1, such as 0.95`,
          );
        }
        const base = loadScenario(baseFile);
        const whatif = loadScenario(whatifFile);
        let seeds: SeedList;
        if (opts.seeds !== undefined) seeds = parseSeeds(opts.seeds);
        else if (opts.seed !== undefined) {
          if (!/^\d+$/.test(opts.seed) || Number(opts.seed) > 0xffff_ffff) {
            throw new UsageError(`--seed '${opts.seed}': expected a whole number from 0 to 4294967295`);
          }
          seeds = parseSeeds(opts.seed);
        } else seeds = parseSeeds(String(base.scenario.seed));
        const progress = new SweepProgress(
          `compare ${whatif.scenario.name}`,
          io,
          Boolean(opts.quiet) || seeds.seeds.length < 4,
        );
        const report = await compareScenarios({
          base,
          whatif,
          seeds,
          level,
          onProgress: (d, t) => progress.update(d, t),
        });
        progress.done();
        const limit = Number(opts.limit);
        const render = (f: ReportFormat | 'json') =>
          f === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report, { format: f, limit });
        if (opts.out) {
          writeOutput(opts.out, render(formatFor(opts.out)), 'the report');
        }
        if (opts.quiet && opts.out) return;
        if (opts.out && !opts.json && !opts.markdown) {
          const d = report.detail;
          io.out(
            `Report written to ${opts.out}: seed ${d.seed}, ${d.diverged.length} lives diverged, ${d.touched.length} touched through others; ${report.metrics.filter((m) => m.seedsChanged > 0).length} statistics changed${seeds.seeds.length > 1 ? ` over ${seeds.seeds.length} seeds` : ''}.`,
          );
          return;
        }
        io.out(render(opts.json ? 'json' : opts.markdown ? 'markdown' : 'text'));
      },
    );
}
