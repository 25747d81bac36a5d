/**
 * `hailsham stats <world>`: a world's statistics as tables (or JSON): phases, completions and
 * donations by number, carer careers, donor ages, schools, caring and survival, and school life.
 */
import type { Command } from 'commander';
import { caringStats, type CaringStats, type SurvivalRow } from '../../stats/caring.js';
import { computeStats, type WorldStats } from '../../stats/index.js';
import { computeSchoolStats, printSchoolStats } from '../../stats/school.js';
import { openWorld } from '../../store/reader.js';
import { formatNumber, table } from '../format.js';
import { printCompletions, printHistogram, printPhases } from '../print.js';
import { namesOf, type Io } from '../shared.js';

/** A Kaplan–Meier table: at risk, completed, censored and surviving at each step. */
function survivalTable(step: string, rows: readonly SurvivalRow[]): string {
  return table(
    [step, 'at risk', 'completed', 'censored', 'surviving'],
    rows.map((r) => [r.at, r.atRisk, r.completed, r.censored, `${(r.survival * 100).toFixed(1)}%`]),
  );
}

function printCaring(io: Io, c: CaringStats): void {
  io.out('\nSurvival by donation number (Kaplan–Meier; censored: alive at the end after that donation)');
  io.out(survivalTable('donation', c.survivalByDonation));
  const f = c.firstDonationToCompletion;
  io.out(
    `\nFrom first donation to completion: median ${f.medianYears} years, mean ${f.meanYears} (${formatNumber(f.count)} completed)`,
  );
  io.out(survivalTable('years since first', c.survivalByYear));
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
  printPhases(io, 'Clones by phase at the end', s.byPhase);
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

/** Adds `stats` to the program. */
export function registerStats(program: Command, io: Io): void {
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
}
