/**
 * `hailsham school <world> [--cohort Y]`: one cohort's Gallery and Exchange tables (who was
 * chosen and who never was; what they offered, sold and paid, year by year), and
 * `hailsham rumour <world> <belief>` (or `--event <id>`): a belief's path back to where it
 * began, or how far a rumour spread from its origin.
 */
import { Option, type Command } from 'commander';
import { DAYS_PER_YEAR, isoDate, yearOf } from '../../engine/calendar.js';
import { NotFoundError } from '../../errors.js';
import { beliefPath, rumourSpread, type Hop } from '../../present/rumour-path.js';
import {
  countEventsByPerson,
  eventsOfType,
  followedStudents,
  galleryWorks,
  hasTable,
} from '../../store/queries.js';
import { openWorld, type WorldDb } from '../../store/reader.js';
import { EVENT_CODES } from '../../world/event-types.js';
import { table } from '../format.js';
import { parseCount, type Io } from '../shared.js';

interface StudentLine {
  person: number;
  name: string;
  works: number;
  chosen: number;
  firstChosen: string;
  offered: number;
  accepted: number;
  sold: number;
  earned: number;
  spent: number;
  teased: number;
  tantrums: number;
}

interface YearLine {
  age: number;
  year: number;
  exchanges: number;
  offered: number;
  accepted: number;
  paid: number;
  sold: number;
  meanPrice: number;
  bought: number;
  chosen: number;
}

/** One cohort's Gallery table (per student) and Exchange table (per year of age). */
export function cohortTables(
  w: WorldDb,
  cohort: number,
  school?: number,
): { students: StudentLine[]; years: YearLine[] } {
  const people = followedStudents(w).filter(
    (s) => s.cohort === cohort && s.veteran === 0 && (school === undefined || s.school === school),
  );
  const ids = new Set(people.map((p) => p.person));
  const born = new Map(people.map((p) => [p.person, p.born]));
  const lines = new Map<number, StudentLine>(
    people.map((p) => [
      p.person,
      {
        person: p.person,
        name: p.name,
        works: p.works,
        chosen: p.chosen,
        firstChosen: '',
        offered: 0,
        accepted: 0,
        sold: 0,
        earned: 0,
        spent: 0,
        teased: 0,
        tantrums: 0,
      },
    ]),
  );
  const chosen = galleryWorks(w);
  const firstChosen = new Map<number, number>();
  for (const r of chosen)
    firstChosen.set(r.maker, Math.min(firstChosen.get(r.maker) ?? r.fate_on, r.fate_on));
  for (const [maker, d] of firstChosen) {
    const l = lines.get(maker);
    if (l) l.firstChosen = `${isoDate(d)} (${Math.floor((d - born.get(maker)!) / DAYS_PER_YEAR)})`;
  }
  const years = new Map<number, YearLine & { prices: number }>();
  const yearLine = (age: number, year: number) => {
    let y = years.get(age);
    if (!y)
      years.set(
        age,
        (y = {
          age,
          year,
          exchanges: 0,
          offered: 0,
          accepted: 0,
          paid: 0,
          sold: 0,
          meanPrice: 0,
          bought: 0,
          chosen: 0,
          prices: 0,
        }),
      );
    return y;
  };
  const first = Math.min(...people.map((p) => p.born));
  for (const ex of eventsOfType(w, EVENT_CODES.exchange_held)) {
    const age = yearOf(ex.day) - cohort;
    if (age < 0 || ex.day < first) continue;
    let any = false;
    for (const [, maker, paid, buyer, price] of (JSON.parse(ex.data ?? '{}') as { offered: number[][] })
      .offered as [number, number, number, number, number][]) {
      const mine = ids.has(maker);
      const buys = buyer >= 0 && ids.has(buyer);
      if (!mine && !buys) continue;
      any = true;
      const y = yearLine(age, yearOf(ex.day));
      if (mine) {
        const l = lines.get(maker)!;
        l.offered++;
        y.offered++;
        if (paid > 0) {
          l.accepted++;
          l.earned += paid;
          y.accepted++;
          y.paid += paid;
        }
        if (buyer >= 0) {
          l.sold++;
          y.sold++;
          y.prices += price;
        }
      }
      if (buys) {
        lines.get(buyer)!.spent += price;
        y.bought++;
      }
    }
    if (any) yearLine(age, yearOf(ex.day)).exchanges++;
  }
  for (const r of chosen) {
    if (!ids.has(r.maker)) continue;
    yearLine(yearOf(r.fate_on) - cohort, yearOf(r.fate_on)).chosen++;
  }
  for (const [type, key] of [
    [EVENT_CODES.teased, 'teased'],
    [EVENT_CODES.tantrum, 'tantrums'],
  ] as const) {
    for (const [p, n] of countEventsByPerson(w, type)) {
      const l = lines.get(p);
      if (l) l[key] = n;
    }
  }
  return {
    students: [...lines.values()],
    years: [...years.values()]
      .sort((a, b) => a.age - b.age)
      .map(({ prices, ...y }) => ({
        ...y,
        meanPrice: Math.round((prices / Math.max(1, y.sold)) * 100) / 100,
      })),
  };
}

function hopLine(h: Hop, i: number): (string | number)[] {
  const how =
    i === 0
      ? h.kind === 'origin'
        ? 'began it'
        : `${h.kind} (${h.eventType.replace(/_/g, ' ')}${h.viaName ? `, ${h.viaName}` : ''})`
      : `heard it from ${h.viaName ?? '?'}`;
  return [
    isoDate(h.from),
    `#${h.event}`,
    `#${h.belief}`,
    h.name,
    how,
    h.changed ? `changed to "${h.text}"` : i === 0 ? `"${h.text}"` : '',
  ];
}

export function registerSchool(program: Command, io: Io): void {
  program
    .command('school')
    .description(
      "a cohort's Gallery and Exchange tables: who was chosen, who never was, what they sold and paid",
    )
    .argument('<world>', 'world database')
    .addOption(
      new Option('-c, --cohort <year>', 'birth year of the cohort (default: the middle one)').argParser(
        parseCount,
      ),
    )
    .option('--json', 'print as JSON')
    .action((file: string, opts: { cohort?: number; json?: boolean }) => {
      const w = openWorld(file);
      try {
        if (!hasTable(w, 'students'))
          throw new NotFoundError(`${file} has no school life (it was written without the school module)`);
        const cohorts = [
          ...new Set(
            followedStudents(w)
              .filter((s) => s.veteran === 0)
              .map((s) => s.cohort),
          ),
        ].sort((a, b) => a - b);
        if (cohorts.length === 0) throw new NotFoundError(`${file} follows nobody at a full-detail school`);
        const cohort = opts.cohort ?? cohorts[Math.floor(cohorts.length / 2)]!;
        if (!cohorts.includes(cohort))
          throw new NotFoundError(
            `no cohort ${cohort} in ${file} (cohorts ${cohorts[0]}–${cohorts[cohorts.length - 1]})`,
          );
        const t = cohortTables(w, cohort);
        if (opts.json) {
          io.out(JSON.stringify({ cohort, ...t }, null, 2));
          return;
        }
        io.out(`The cohort born in ${cohort}: ${t.students.length} students\n`);
        io.out('The Gallery');
        io.out(
          table(
            ['student', 'works', 'taken', 'first taken (age)', 'teased', 'tantrums'],
            t.students
              .slice()
              .sort((a, b) => b.chosen - a.chosen || a.person - b.person)
              .map((s) => [s.name, s.works, s.chosen, s.firstChosen || 'never', s.teased, s.tantrums]),
          ),
        );
        io.out('\nExchanges, year by year');
        io.out(
          table(
            [
              'age',
              'year',
              'exchanges',
              'offered',
              'accepted',
              'tokens paid',
              'sold',
              'mean price',
              'bought by them',
              'taken for the Gallery',
            ],
            t.years.map((y) => [
              y.age,
              String(y.year),
              y.exchanges,
              y.offered,
              y.accepted,
              y.paid,
              y.sold,
              y.meanPrice,
              y.bought,
              y.chosen,
            ]),
          ),
        );
        io.out('\nExchanges, student by student');
        io.out(
          table(
            ['student', 'offered', 'accepted', 'tokens earned', 'sold', 'tokens spent'],
            t.students.map((s) => [s.name, s.offered, s.accepted, s.earned, s.sold, s.spent]),
          ),
        );
      } finally {
        w.close();
      }
    });
}

export function registerRumour(program: Command, io: Io): void {
  program
    .command('rumour')
    .description(
      'trace a belief back to where it began, or (--event) how far a rumour spread from its origin',
    )
    .argument('<world>', 'world database')
    .argument('<id>', 'belief id (the beliefs table), or with --event an event id', parseCount)
    .option('-e, --event', 'the id is an event: the origin of a rumour, or any hop of it')
    .option('--json', 'print as JSON')
    .action((file: string, id: number, opts: { event?: boolean; json?: boolean }) => {
      const w = openWorld(file);
      try {
        let belief = id;
        if (opts.event) {
          const ev = w.event(id);
          if (!ev) throw new NotFoundError(`no event has the id ${id} in ${file}`);
          const spread = rumourSpread(w, id);
          if (spread) {
            if (opts.json) {
              io.out(JSON.stringify(spread, null, 2));
              return;
            }
            io.out(
              `Event #${id} (${spread.originType.replace(/_/g, ' ')}, ${isoDate(spread.day)}${spread.starter ? `, ${spread.starter}` : ''}) began a chain of belief in '${spread.proposition}'.`,
            );
            io.out(
              `It reached ${spread.reached} people in ${spread.hops} passings-on, changing ${spread.changed} times; versions held: ${Object.entries(
                spread.versions,
              )
                .map(([k, v]) => `${k} ${v}`)
                .join(', ')}.`,
            );
            io.out(`People reached at each remove from the start: ${spread.depth.join(', ')}\n`);
            io.out(table(['from', 'event', 'belief', 'who', 'how', 'what'], spread.first.map(hopLine)));
            return;
          }
          // Not an origin: a hop, whose value is the belief it gave.
          if (ev.value === null || ev.value < 1)
            throw new NotFoundError(`event #${id} neither began nor passed on a rumour`);
          belief = ev.value;
        }
        const path = beliefPath(w, belief);
        if (!path) throw new NotFoundError(`no belief has the id ${belief} in ${file}`);
        if (opts.json) {
          io.out(JSON.stringify(path, null, 2));
          return;
        }
        const last = path[path.length - 1]!;
        io.out(
          `Belief #${last.belief}: ${last.name} held "${last.text}" from ${isoDate(last.from)}${last.until !== null ? ` to ${isoDate(last.until)}` : ''}.`,
        );
        io.out(
          `Its path from where it began (${path.length - 1} passing${path.length === 2 ? '' : 's'}-on):\n`,
        );
        io.out(table(['from', 'event', 'belief', 'who', 'how', 'what'], path.map(hopLine)));
        io.out(`\nhailsham rumour ${file} --event ${path[0]!.event} shows how far it spread.`);
      } finally {
        w.close();
      }
    });
}
