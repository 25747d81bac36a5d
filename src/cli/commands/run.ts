/**
 * `hailsham run <scenario>`: simulates a scenario and writes its world database, with a
 * progress bar and a summary of the world (phases, completions, carer careers) at the end.
 */
import { Option, type Command } from 'commander';
import { isoDate } from '../../engine/calendar.js';
import { runScenario, type RunResult } from '../../run/index.js';
import { loadScenario } from '../../scenario/load.js';
import { warnSettingsWithoutEffect } from '../../scenario/no-effect.js';
import { formatNumber } from '../format.js';
import { printCompletions, printHistogram, printPhases } from '../print.js';
import { ProgressBar } from '../progress.js';
import { parseSeed, type Io } from '../shared.js';

export interface RunOptions {
  seed?: number;
  out?: string;
  force?: boolean;
  quiet?: boolean;
  json?: boolean;
}

function printSummary(io: Io, r: RunResult): void {
  const s = r.summary;
  io.out(`World written to ${r.out} (seed ${r.seed}, ${s.start} to ${s.end})`);
  io.out(
    `${formatNumber(s.clones)} clones, ${formatNumber(s.people)} people in all, ${formatNumber(s.events)} events; log sha256 ${s.logSha256.slice(0, 16)}…`,
  );
  io.out(
    `Simulated in ${r.simulateSeconds.toFixed(2)} s, the events written alongside; file finished ${r.finishSeconds.toFixed(2)} s later.\n`,
  );
  printPhases(io, 'People by phase at the end', s.byPhase);
  printCompletions(io, s.completionsByDonation);
  io.out('\nCarer careers (finished, in whole years)');
  const c = s.carerCareers;
  io.out(
    `${formatNumber(c.count)} careers; shortest ${c.minYears}, median ${c.medianYears}, longest ${c.maxYears} years`,
  );
  printHistogram(io, 'years', c.byYear);
}

/**
 * Runs a scenario into a world database and reports it as `hailsham run` does.
 * @example runAndReport(io, 'examples/small.yaml', { seed: 7, out: 'small.db', quiet: true })
 */
export function runAndReport(io: Io, scenarioPath: string, opts: RunOptions): void {
  const loaded = loadScenario(scenarioPath);
  warnSettingsWithoutEffect(loaded);
  const seed = opts.seed ?? loaded.scenario.seed;
  const out = opts.out ?? `${loaded.scenario.name}-${seed}.db`;
  const progress = new ProgressBar(`${loaded.scenario.name}`, process.stderr, opts.quiet ? false : undefined);
  const result = runScenario(loaded, {
    seed,
    out,
    force: opts.force ?? false,
    onProgress: (f, day) => progress.update(f, isoDate(day)),
    onStage: (stage) => progress.update(1, `writing ${stage}`),
  });
  progress.done();
  if (opts.json) io.out(JSON.stringify({ ...result.summary, out: result.out, seed: result.seed }, null, 2));
  else if (!opts.quiet) printSummary(io, result);
}

/** Adds `run` to the program. */
export function registerRun(program: Command, io: Io): void {
  program
    .command('run')
    .description('simulate a scenario and write its world database')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .addOption(new Option('-s, --seed <n>', "random seed (default: the scenario's)").argParser(parseSeed))
    .option('-o, --out <file>', 'world database to write (default: <name>-<seed>.db)')
    .option('-f, --force', 'replace the output if it exists')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--json', 'print the summary as JSON')
    .action((scenario: string, opts: RunOptions) => runAndReport(io, scenario, opts));
}
