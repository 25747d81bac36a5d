/**
 * `hailsham person <world> <person>`: one life's timeline (the person given by id, address or
 * name, and shown with their address), every event they took part in, and for a followed
 * student their school life (works, collection, friendships, beliefs).
 */
import type { Command } from 'commander';
import { AddressBook } from '../../address/book.js';
import { isoDate } from '../../engine/calendar.js';
import { describeEvent } from '../../present/describe-event.js';
import { personSchool, printPersonSchool } from '../../present/person-school.js';
import { eventsOfPerson } from '../../store/queries.js';
import { openWorld } from '../../store/reader.js';
import { table } from '../format.js';
import { namesOf, resolvePerson, type Io } from '../shared.js';

/** Adds `person` to the program. */
export function registerPerson(program: Command, io: Io): void {
  program
    .command('person')
    .description("one life's timeline, by id, address or name")
    .argument('<world>', 'world database')
    .argument('<person>', 'person id, address or name (e.g. 1038, /p/hailsham-1968-01 or "Kathy H.")')
    .option('--json', 'print as JSON')
    .action((file: string, who: string, opts: { json?: boolean }) => {
      const w = openWorld(file);
      try {
        const id = resolvePerson(w, who, '<person>');
        const person = w.person(id)!;
        const address = new AddressBook(w).addressOf(person);
        const events = eventsOfPerson(w, id);
        if (opts.json) {
          io.out(
            JSON.stringify(
              {
                person,
                address,
                events: events.map((e) => w.toRecord(e)),
                school: personSchool(w, id),
              },
              null,
              2,
            ),
          );
          return;
        }
        const names = namesOf(w);
        const school = person.school !== null ? names.place(person.school) : '';
        io.out(
          `${person.name} (#${person.id}, /p/${address}), ${person.kind}, ${person.sex}, born ${isoDate(person.born)}${school ? `, of ${school}` : ''}`,
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
}
