/**
 * What the commands share: the output channel, flag parsers, and resolving people and names in
 * a world database.
 */
import { InvalidArgumentError } from 'commander';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AddressBook } from '../address/book.js';
import { parseAddress } from '../address/index.js';
import { parseIsoDate } from '../engine/calendar.js';
import { IoError, NotFoundError, UsageError } from '../errors.js';
import { writeFileAtomic } from '../io/claim.js';
import { ioError } from '../io/io-error.js';
import type { Names } from '../present/describe-event.js';
import { item } from '../store/queries.js';
import type { WorldDb } from '../store/reader.js';

export { defaultIo, type Io } from './io.js';

export function parseSeed(text: string): number {
  if (!/^\d+$/.test(text))
    throw new InvalidArgumentError(`expected a whole number from 0 to 4294967295, found '${text}'`);
  const n = Number(text);
  if (n > 0xffff_ffff)
    throw new InvalidArgumentError(`expected a whole number from 0 to 4294967295, found '${text}'`);
  return n;
}

export function parseCount(text: string): number {
  if (!/^\d+$/.test(text)) throw new InvalidArgumentError(`expected a whole number, found '${text}'`);
  return Number(text);
}

export function parseDate(text: string): number {
  const d = parseIsoDate(text);
  if (d === undefined)
    throw new InvalidArgumentError(`expected a date as YYYY-MM-DD or a year, found '${text}'`);
  return d;
}

export function namesOf(w: WorldDb): Names {
  const people = new Map<number, string>();
  const places = new Map(w.places().map((p) => [p.id, p.name]));
  return {
    person(id) {
      let n = people.get(id);
      if (n === undefined) {
        n = w.person(id)?.name ?? `#${id}`;
        people.set(id, n);
      }
      return n;
    },
    place: (id) => places.get(id) ?? `place ${id}`,
    item: (id) => item(w, id)?.label,
  };
}

/**
 * A person's id from what a user typed for the argument `what` (`<person>`, `--narrator`): an
 * id, an address (`/p/hailsham-1968-01` or `hailsham-1968-01`, src/address) or a name, tried in
 * that order. Nothing found is a NotFoundError and an ambiguous name a UsageError, both naming
 * the argument and the world.
 * @example resolvePerson(w, '/p/hailsham-1968-01', '<person>') // Kathy's id in the canon
 */
export function resolvePerson(w: WorldDb, text: string, what = '<person>'): number {
  const at = `${what} '${text}'`;
  if (/^\d+$/.test(text)) {
    if (!w.person(Number(text))) throw new NotFoundError(`${at}: no person has the id ${text} in ${w.file}`);
    return Number(text);
  }
  const address = text.startsWith('/p/') || parseAddress(text) !== undefined;
  if (address) {
    const id = new AddressBook(w).find(text);
    if (id !== undefined) return id;
    if (text.startsWith('/p/'))
      throw new NotFoundError(`${at}: nobody in ${w.file} is at the address ${text}`);
  }
  const found = w.findPeople(text, 10);
  if (found.length === 0)
    throw new NotFoundError(
      address
        ? `${at}: nobody in ${w.file} is at the address ${text} or called '${text}'`
        : `${at}: nobody called '${text}' in ${w.file}; give an id, an address (/p/hailsham-1968-01) or a name`,
    );
  if (found.length > 1 && found[0]!.name.toLowerCase() !== text.toLowerCase()) {
    throw new UsageError(
      `${at} matches ${found.length === 10 ? 'ten or more' : found.length} people (${found
        .slice(0, 5)
        .map((p) => `${p.name} #${p.id}`)
        .join(', ')}${found.length > 5 ? ', …' : ''}); give an id or an address`,
    );
  }
  return found[0]!.id;
}

/**
 * Writes a command's output file atomically under a claim (src/io/claim.ts), making its folder
 * unless told not to; a path that cannot be written (a folder, a missing folder, no permission,
 * a full disk) is an IoError naming it.
 * @example writeOutput('plots/survival.svg', svg, 'the plot')
 */
export function writeOutput(path: string, data: string | Buffer, what: string, makeFolders = true): void {
  if (makeFolders) {
    try {
      mkdirSync(dirname(resolve(path)), { recursive: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'ENOTDIR')
        throw new IoError(path, `cannot write ${what}: part of its path is a file, not a folder`);
      throw ioError(e, path, `write ${what}`);
    }
  }
  writeFileAtomic(path, data, what);
}
