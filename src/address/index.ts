/**
 * A person's address: a short readable name for a life that means the same person in every
 * run, seed and what-if of a scenario, where a row id means whoever happened to be born n-th.
 *
 * Every person's random draws are made with a stable key, a hash of where they sit in the
 * scenario's plan: for a clone, the school their cohort was planned for, the cohort's year and
 * their place in it; for a guardian, the school and their place on its staff. The database
 * keeps the key (`people.key`), and the address spells out what it hashes:
 *
 * | who | address | e.g. |
 * | --- | --- | --- |
 * | a clone | school slug, cohort, place in the cohort (from 01) | `hailsham-1968-01` |
 * | a guardian | school slug, `staff`, place on the staff (from 01) | `hailsham-staff-02` |
 * | Madame | `madame` | `madame` |
 * | anyone else | `k-` and the key in hex | `k-5f3a09c2` |
 *
 * A clone moved when their school closed keeps their address (the key is made from the school
 * the cohort was planned for). Going from an address to a key is one hash; going back needs the
 * place in the cohort, which the key hides, so it is found by hashing the places in turn (as
 * many hashes as the cohort is large). The world's births make keys with the same formulas
 * (src/world/world.ts, src/world/school/guardians.ts); address.test.ts checks every person of a
 * world against them.
 */
import { hash4, hashString } from '../engine/random.js';

/** Mixed into a clone's key after school, year and place (as the world's births do). */
const CLONE_SALT = 0x0b1e7;
/** Stands in a guardian's key for the year (as the world's staffing does). */
const STAFF_MARK = 0x57aff;
/** Places tried when looking for a person's place in a cohort or on a staff. */
const MAX_PLACE = 20_000;

/** What an address names. */
export type Address =
  | { kind: 'clone'; school: string; cohort: number; place: number }
  | { kind: 'staff'; school: string; place: number }
  | { kind: 'madame' }
  | { kind: 'key'; key: number };

/** The characters an address may hold; anything else is not an address. */
export const ADDRESS_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;

const CLONE = /^([a-z0-9][a-z0-9-]*)-(\d{4})-(\d{2,6})$/;
const STAFF = /^([a-z0-9][a-z0-9-]*)-staff-(\d{2,6})$/;
const KEY = /^k-([0-9a-f]{8})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The address as text.
 * @example formatAddress({ kind: 'clone', school: 'hailsham', cohort: 1968, place: 1 }) // 'hailsham-1968-01'
 */
export function formatAddress(a: Address): string {
  switch (a.kind) {
    case 'clone':
      return `${a.school}-${a.cohort}-${pad(a.place)}`;
    case 'staff':
      return `${a.school}-staff-${pad(a.place)}`;
    case 'madame':
      return 'madame';
    case 'key':
      return `k-${(a.key >>> 0).toString(16).padStart(8, '0')}`;
  }
}

/**
 * Reads an address, or returns undefined for text that is not one.
 * @example parseAddress('hailsham-1968-01') // { kind: 'clone', school: 'hailsham', cohort: 1968, place: 1 }
 */
export function parseAddress(text: string): Address | undefined {
  if (!ADDRESS_PATTERN.test(text)) return undefined;
  if (text === 'madame') return { kind: 'madame' };
  let m = KEY.exec(text);
  if (m) return { kind: 'key', key: parseInt(m[1]!, 16) };
  m = STAFF.exec(text);
  if (m) return Number(m[2]) >= 1 ? { kind: 'staff', school: m[1]!, place: Number(m[2]) } : undefined;
  m = CLONE.exec(text);
  if (m && Number(m[3]) >= 1)
    return { kind: 'clone', school: m[1]!, cohort: Number(m[2]), place: Number(m[3]) };
  return undefined;
}

/** The key of the clone at `place` (from 1) of a school's cohort. */
export function cloneKey(school: string, cohort: number, place: number): number {
  return hash4(hashString(school), cohort, place - 1, CLONE_SALT);
}

/**
 * The keys a guardian at `place` (from 1) on a school's staff may have: the first staff are
 * numbered from 0 when the school opens, replacements go on from the number already there.
 */
export function staffKeys(school: string, place: number): [first: number, replacement: number] {
  const s = hashString(school);
  return [hash4(s, STAFF_MARK, place - 1, 0), hash4(s, STAFF_MARK, place - 1, 1)];
}

/** The key of the person at an address, or the keys one of which it is. */
export function keysOf(a: Address): number[] {
  switch (a.kind) {
    case 'clone':
      return [cloneKey(a.school, a.cohort, a.place)];
    case 'staff':
      return staffKeys(a.school, a.place);
    case 'madame':
      return [hashString('madame')];
    case 'key':
      return [a.key >>> 0];
  }
}

/** What is known of a person when finding their address. */
export interface AddressQuery {
  kind: string;
  key: number;
  cohort: number | null;
  /** Slugs of the schools the person may have been planned for, likeliest first. */
  schools: readonly string[];
}

/**
 * A person's address from their key: the place in their cohort (or on the staff) whose hash is
 * the key, tried school by school; `k-…` when none matches (a kind of person without a plan).
 * @example addressOf({ kind: 'clone', key: cloneKey('hailsham', 1968, 1), cohort: 1968, schools: ['hailsham'] }) // 'hailsham-1968-01'
 */
export function addressOf(q: AddressQuery): string {
  const key = q.key >>> 0;
  if (q.kind === 'madame' && key === hashString('madame')) return 'madame';
  for (const school of q.schools) {
    const s = hashString(school);
    if (q.kind === 'clone' && q.cohort !== null) {
      for (let i = 0; i < MAX_PLACE; i++)
        if (hash4(s, q.cohort, i, CLONE_SALT) === key)
          return formatAddress({ kind: 'clone', school, cohort: q.cohort, place: i + 1 });
    } else if (q.kind === 'guardian') {
      for (let i = 0; i < 4096; i++)
        if (hash4(s, STAFF_MARK, i, 0) === key || hash4(s, STAFF_MARK, i, 1) === key)
          return formatAddress({ kind: 'staff', school, place: i + 1 });
    }
  }
  return formatAddress({ kind: 'key', key });
}
