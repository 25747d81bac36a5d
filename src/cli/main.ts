/**
 * The `hailsham` command line: parses flags with commander, calls the run, store and stats
 * layers, and prints tables for people or JSON for machines. All errors go through
 * reportError(), which decides the message and the exit code.
 */
import { Command, Option } from 'commander';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isoDate } from '../engine/calendar.js';
import { NotFoundError } from '../errors.js';
import { runScenario, type RunResult } from '../run/index.js';
import { loadScenario } from '../scenario/load.js';
import { scenarioJsonSchema } from '../scenario/schema.js';
import { caringStats, type CaringStats } from '../stats/caring.js';
import { computeSchoolStats, printSchoolStats } from '../stats/school.js';
import { computeStats, type WorldStats } from '../stats/index.js';
import { openWorld, WorldDb, type EventRow } from '../store/reader.js';
import { describeEvent } from '../present/describe-event.js';
import { personSchool, printPersonSchool } from '../present/person-school.js';
import { SOFTWARE_VERSION } from '../version.js';
import { warnings } from '../warnings.js';
import { EVENT_TYPE_NAMES } from '../world/event-types.js';
import { bar, formatNumber, percent, table } from './format.js';
import { ProgressBar } from './progress.js';
import { EXTRA_COMMANDS } from './commands/index.js';
import { serveWorld } from './commands/serve.js';
import { reportError } from './report-error.js';
import {
  defaultIo,
  namesOf,
  parseCount,
  parseDate,
  parseSeed,
  resolvePerson,
  writeOutput,
  type Io,
} from './shared.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function printSummary(io: Io, r: RunResult): void {
  const s = r.summary;
  io.out(`World written to ${r.out} (seed ${r.seed}, ${s.start} to ${s.end})`);
  io.out(
    `${formatNumber(s.clones)} clones, ${formatNumber(s.people)} people in all, ${formatNumber(s.events)} events; log sha256 ${s.logSha256.slice(0, 16)}…`,
  );
  io.out(
    `Simulated in ${r.simulateSeconds.toFixed(2)} s; file finished in ${r.finishSeconds.toFixed(2)} s.\n`,
  );
  const total = Object.values(s.byPhase).reduce((a, b) => a + b, 0);
  io.out('People by phase at the end');
  io.out(
    table(
      ['phase', 'clones', 'share'],
      Object.entries(s.byPhase).map(([k, v]) => [k, v, percent(v, total)]),
    ),
  );
  printCompletions(io, s.completionsByDonation);
  io.out('\nCarer careers (finished, in whole years)');
  const c = s.carerCareers;
  io.out(
    `${formatNumber(c.count)} careers; shortest ${c.minYears}, median ${c.medianYears}, longest ${c.maxYears} years`,
  );
  printHistogram(io, 'years', c.byYear);
}

function printCompletions(io: Io, byDonation: Record<string, number>): void {
  const total = Object.values(byDonation).reduce((a, b) => a + b, 0);
  const max = Math.max(0, ...Object.values(byDonation));
  io.out('\nCompletions by donation number');
  io.out(
    table(
      ['donation', 'completions', 'share', ''],
      Object.entries(byDonation).map(([k, v]) => [k, v, percent(v, total), bar(v, max, 24)]),
    ),
  );
}

function printHistogram(io: Io, label: string, counts: Record<string, number>): void {
  const keys = Object.keys(counts)
    .map(Number)
    .sort((a, b) => a - b);
  if (keys.length === 0) return;
  const max = Math.max(...keys.map((k) => counts[String(k)]!));
  io.out(
    table(
      [label, 'count', ''],
      keys.map((k) => [String(k), counts[String(k)]!, bar(counts[String(k)]!, max, 24)]),
    ),
  );
}

function printCaring(io: Io, c: CaringStats): void {
  io.out('\nSurvival by donation number (Kaplan–Meier; censored: alive at the end after that donation)');
  io.out(
    table(
      ['donation', 'at risk', 'completed', 'censored', 'surviving'],
      c.survivalByDonation.map((r) => [
        r.at,
        r.atRisk,
        r.completed,
        r.censored,
        `${(r.survival * 100).toFixed(1)}%`,
      ]),
    ),
  );
  const f = c.firstDonationToCompletion;
  io.out(
    `\nFrom first donation to completion: median ${f.medianYears} years, mean ${f.meanYears} (${formatNumber(f.count)} completed)`,
  );
  io.out(
    table(
      ['years since first', 'at risk', 'completed', 'censored', 'surviving'],
      c.survivalByYear.map((r) => [
        r.at,
        r.atRisk,
        r.completed,
        r.censored,
        `${(r.survival * 100).toFixed(1)}%`,
      ]),
    ),
  );
  const k = c.carers;
  io.out(
    `\nCarers: ${formatNumber(k.count)}; donors per career: mean ${k.donorsPerCarer.mean}, median ${k.donorsPerCarer.median}, most ${k.donorsPerCarer.max}`,
  );
  io.out(
    `Donors held at once, on average: ${k.meanConcurrentDonors}; km per carer-year: ${formatNumber(k.kmPerCarerYear)}; km in all: ${formatNumber(k.kmTotal)}`,
  );
  io.out(`Donors chosen by their carer (old friends): ${(k.chosenShare * 100).toFixed(1)}% of assignments`);
  io.out(`\nRecipients served (one per donation): ${formatNumber(c.recipientsServed.total)}`);
  io.out(
    table(
      ['decade', 'served'],
      Object.entries(c.recipientsServed.byDecade).map(([d, n]) => [d, n]),
    ),
  );
  io.out(
    `\nDeferral applications: ${c.deferrals.applied} (refused ${c.deferrals.refused}, granted ${c.deferrals.granted}); students moved by closures: ${formatNumber(c.transfers)}`,
  );
}

function printStats(io: Io, s: WorldStats): void {
  io.out(
    `World: ${s.world.scenario}, seed ${s.world.seed}, ${s.world.start} to ${s.world.end} (Hailsham ${s.world.version})`,
  );
  io.out(
    `${formatNumber(s.world.people)} people, ${formatNumber(s.world.events)} events; log sha256 ${s.world.logSha256}\n`,
  );
  const total = Object.values(s.byPhase).reduce((a, b) => a + b, 0);
  io.out('Clones by phase at the end');
  io.out(
    table(
      ['phase', 'clones', 'share'],
      Object.entries(s.byPhase).map(([k, v]) => [k, v, percent(v, total)]),
    ),
  );
  printCompletions(io, s.completionsByDonation);
  io.out(`\nDonations given: ${formatNumber(s.donations.total)}`);
  io.out(
    table(
      ['donation', 'given'],
      Object.entries(s.donations.byNumber).map(([k, v]) => [k, v]),
    ),
  );
  const c = s.carerCareers;
  io.out('\nCarer careers (finished, from training to notice)');
  io.out(
    `${formatNumber(c.count)} careers; shortest ${c.minYears}, median ${c.medianYears}, mean ${c.meanYears}, longest ${c.maxYears} years`,
  );
  printHistogram(io, 'years', c.byYears);
  io.out(
    `\nAge on becoming a donor: median ${s.donorAge.medianYears} years (${formatNumber(s.donorAge.count)} donors)`,
  );
  printHistogram(io, 'age', s.donorAge.byYears);
  io.out('\nSchools and homes');
  io.out(
    table(
      ['id', 'name', 'kind', 'detail', 'clones', 'cohorts'],
      s.schools.map((x) => [
        x.id,
        x.name,
        x.kind,
        x.detail ?? '',
        x.clones,
        x.firstCohort === null ? '' : `${x.firstCohort}–${x.lastCohort}`,
      ]),
    ),
  );
}

function defaultScenario(): string {
  const canon = join(ROOT, 'examples', 'canon.yaml');
  return existsSync(canon) ? canon : join(ROOT, 'examples', 'small.yaml');
}

/** Runs the CLI with the given arguments and returns the exit code. */
export async function runCli(argv: string[], io: Io = defaultIo): Promise<number> {
  const program = new Command();
  program
    .name('hailsham')
    .description(
      'Simulate the national donation programme of Never Let Me Go, and read the worlds it writes.',
    )
    .version(SOFTWARE_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run hailsham --help for the commands)');
  warnings.onWarning((w) => io.err(`hailsham: warning [${w.code}]: ${w.message}`));

  const runAction = (
    scenarioPath: string,
    opts: { seed?: number; out?: string; force?: boolean; quiet?: boolean; json?: boolean },
  ) => {
    const loaded = loadScenario(scenarioPath);
    const seed = opts.seed ?? loaded.scenario.seed;
    const out = opts.out ?? `${loaded.scenario.name}-${seed}.db`;
    const progress = new ProgressBar(
      `${loaded.scenario.name}`,
      process.stderr,
      opts.quiet ? false : undefined,
    );
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
  };

  program
    .command('run')
    .description('simulate a scenario and write its world database')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .addOption(new Option('-s, --seed <n>', "random seed (default: the scenario's)").argParser(parseSeed))
    .option('-o, --out <file>', 'world database to write (default: <name>-<seed>.db)')
    .option('-f, --force', 'replace the output if it exists')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--json', 'print the summary as JSON')
    .action(runAction);

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
        runAction(scenario, { out, force: true, quiet: opts.quiet ?? false });
      }
      if (!opts.serve) {
        if (!opts.quiet) io.out(`\nNext: hailsham stats ${out}, or hailsham serve ${out}`);
        return;
      }
      await serveWorld(out, { port: opts.port, host: '127.0.0.1' }, io);
    });

  program
    .command('validate')
    .description('check a scenario file without running it')
    .argument('<scenario>')
    .action((file: string) => {
      const { scenario, files } = loadScenario(file);
      io.out(
        `${file}: a valid scenario '${scenario.name}' (${files.length > 1 ? `extends ${files.slice(1).join(' → ')}` : 'standalone'})`,
      );
    });

  program
    .command('schema')
    .description('print the JSON Schema of scenario files (for editors)')
    .option('-o, --out <file>', 'write it to a file')
    .action((opts: { out?: string }) => {
      const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
      if (opts.out) {
        writeOutput(opts.out, text, 'the schema');
      } else io.out(text);
    });

  program
    .command('stats')
    .description('statistics of a world: phases, completions by donation, carer careers, schools')
    .argument('<world>', 'world database')
    .option('--json', 'print as JSON')
    .action((file: string, opts: { json?: boolean }) => {
      const w = openWorld(file);
      try {
        const s = computeStats(w);
        const caring = caringStats(w);
        const school = computeSchoolStats(w);
        if (opts.json) io.out(JSON.stringify({ ...s, caring, school }, null, 2));
        else {
          printStats(io, s);
          printCaring(io, caring);
          const names = namesOf(w);
          printSchoolStats(io.out, school, table, (id) => names.place(id));
        }
      } finally {
        w.close();
      }
    });

  program
    .command('person')
    .description("one life's timeline, by id or name")
    .argument('<world>', 'world database')
    .argument('<who>', 'person id or name (e.g. "Kathy H.")')
    .option('--json', 'print as JSON')
    .action((file: string, who: string, opts: { json?: boolean }) => {
      const w = openWorld(file);
      try {
        const id = resolvePerson(w, who);
        const person = w.person(id)!;
        const events = w.eventsOfPerson(id);
        if (opts.json) {
          io.out(
            JSON.stringify(
              { person, events: events.map((e) => w.toRecord(e)), school: personSchool(w, id) },
              null,
              2,
            ),
          );
          return;
        }
        const names = namesOf(w);
        const school = person.school !== null ? names.place(person.school) : '';
        io.out(
          `${person.name} (#${person.id}), ${person.kind}, ${person.sex}, born ${isoDate(person.born)}${school ? `, of ${school}` : ''}`,
        );
        io.out(
          `Phase at the end: ${person.phase}${person.donations ? `, ${person.donations} donation${person.donations > 1 ? 's' : ''}` : ''}\n`,
        );
        io.out(
          table(
            ['date', 'event', 'what happened'],
            events.map((e) => [isoDate(e.day), `#${e.id}`, describeEvent(e, names)]),
          ),
        );
        printPersonSchool(io.out, w, id, names, table);
      } finally {
        w.close();
      }
    });

  program
    .command('events')
    .description('list events, filtered by type, person, place and dates')
    .argument('<world>', 'world database')
    .addOption(new Option('-t, --type <type...>', 'event types').choices(EVENT_TYPE_NAMES))
    .option('-p, --person <who>', 'a person id or name')
    .option('--place <place>', 'a place id, slug or name')
    .addOption(new Option('--from <date>', 'first date (YYYY-MM-DD or year)').argParser(parseDate))
    .addOption(new Option('--to <date>', 'last date (YYYY-MM-DD or year)').argParser(parseDate))
    .addOption(new Option('-n, --limit <n>', 'most events to show').argParser(parseCount).default(50))
    .addOption(new Option('--offset <n>', 'skip this many').argParser(parseCount).default(0))
    .option('--json', 'print a JSON array')
    .option('--jsonl', 'print one JSON object a line (all matches unless --limit is given)')
    .action(
      (
        file: string,
        opts: {
          type?: string[];
          person?: string;
          place?: string;
          from?: number;
          to?: number;
          limit: number;
          offset: number;
          json?: boolean;
          jsonl?: boolean;
        },
        cmd: Command,
      ) => {
        const w = openWorld(file);
        try {
          const where: string[] = [];
          const params: unknown[] = [];
          if (opts.type) {
            where.push(`type IN (${opts.type.map(() => '?').join(',')})`);
            params.push(...opts.type.map((t) => WorldDb.typeCode(t)));
          }
          if (opts.person !== undefined) {
            const id = resolvePerson(w, opts.person);
            where.push(
              '(person = ? OR other = ? OR id IN (SELECT event FROM event_people WHERE person = ?))',
            );
            params.push(id, id, id);
          }
          if (opts.place !== undefined) {
            const place = w.findPlace(opts.place);
            if (!place) throw new NotFoundError(`no place '${opts.place}' in ${file}`);
            where.push('place = ?');
            params.push(place.id);
          }
          if (opts.from !== undefined) {
            where.push('day >= ?');
            params.push(opts.from);
          }
          if (opts.to !== undefined) {
            where.push('day <= ?');
            params.push(opts.to);
          }
          const limitGiven = cmd.getOptionValueSource('limit') === 'cli';
          const unlimited = opts.jsonl && !limitGiven;
          const sql = `SELECT * FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id${unlimited ? '' : ' LIMIT ? OFFSET ?'}`;
          if (!unlimited) params.push(opts.limit, opts.offset);
          if (opts.jsonl) {
            let buf = '';
            for (const row of w.iterate<EventRow>(sql, ...params)) {
              buf += `${JSON.stringify(w.toRecord(row))}\n`;
              if (buf.length > 1 << 16) {
                io.out(buf.slice(0, -1));
                buf = '';
              }
            }
            if (buf) io.out(buf.slice(0, -1));
            return;
          }
          const rows = w.all<EventRow>(sql, ...params);
          if (opts.json) {
            io.out(
              JSON.stringify(
                rows.map((r) => w.toRecord(r)),
                null,
                2,
              ),
            );
            return;
          }
          const names = namesOf(w);
          io.out(
            table(
              ['date', 'event', 'type', 'what happened'],
              rows.map((e) => [isoDate(e.day), `#${e.id}`, w.toRecord(e).type, describeEvent(e, names)]),
            ),
          );
          if (rows.length === opts.limit)
            io.out(`(first ${opts.limit} from ${opts.offset}; use --limit and --offset for more)`);
        } finally {
          w.close();
        }
      },
    );

  for (const register of EXTRA_COMMANDS) register(program, io);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    const r = reportError(e);
    if (r.message) io.err(r.message);
    return r.exitCode;
  } finally {
    warnings.onWarning(null);
  }
}
