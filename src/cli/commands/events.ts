/**
 * `hailsham events <world>`: lists events filtered by type, person, place and dates, as a
 * table, a JSON array, or JSON lines streamed for the whole log.
 */
import { Option, type Command } from 'commander';
import { isoDate } from '../../engine/calendar.js';
import { NotFoundError } from '../../errors.js';
import { describeEvent } from '../../present/describe-event.js';
import { eventQuery, type EventFilter } from '../../store/queries.js';
import { openWorld, WorldDb, type EventRow } from '../../store/reader.js';
import { EVENT_TYPE_NAMES } from '../../world/event-types.js';
import { table } from '../format.js';
import { namesOf, parseCount, parseDate, resolvePerson, type Io } from '../shared.js';

/** Adds `events` to the program. */
export function registerEvents(program: Command, io: Io): void {
  program
    .command('events')
    .description('list events, filtered by type, person, place and dates')
    .argument('<world>', 'world database')
    .addOption(new Option('-t, --type <type...>', 'event types').choices(EVENT_TYPE_NAMES))
    .option('-p, --person <who>', 'a person id, address (/p/hailsham-1968-01) or name')
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
          const filter: EventFilter = {
            types: opts.type?.map((t) => WorldDb.typeCode(t)!),
            from: opts.from,
            to: opts.to,
          };
          if (opts.person !== undefined) filter.person = resolvePerson(w, opts.person, '--person');
          if (opts.place !== undefined) {
            const place = w.findPlace(opts.place);
            if (!place) throw new NotFoundError(`no place '${opts.place}' in ${file}`);
            filter.place = place.id;
          }
          const limitGiven = cmd.getOptionValueSource('limit') === 'cli';
          const unlimited = opts.jsonl && !limitGiven;
          const { sql, params } = eventQuery(
            filter,
            unlimited ? undefined : { limit: opts.limit, offset: opts.offset },
          );
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
}
