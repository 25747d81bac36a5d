/**
 * Hiring a guardian: one person added to a school's staff, with a drawn sex (most guardians are
 * women) and surname. A school's opening staff and every later replacement are hired here.
 */
import { DAYS_PER_YEAR } from '../../engine/calendar.js';
import { hash4 } from '../../engine/random.js';
import { SEX_FEMALE, SURNAMES } from '../names.js';
import type { People } from '../people.js';
import { KIND_GUARDIAN } from '../phases.js';
import type { Place } from '../places.js';
import type { Streams } from '../streams.js';

/** The first names of the list are the novel's guardians' (Miss Emily, Miss Geraldine…): never drawn. */
const KEPT_SURNAMES = 6;

/**
 * Adds the `n`-th guardian of a school's staff on `day` and returns their person id (nothing
 * is recorded). Opening staff (`replacing` false) are about thirty; a replacement about 28.
 * @example hireGuardian(people, streams, hailsham, 2, false, opened)
 */
export function hireGuardian(
  people: People,
  streams: Streams,
  school: Place,
  n: number,
  replacing: boolean,
  day: number,
): number {
  const key = hash4(school.key, 0x57aff, n, replacing ? 1 : 0);
  const sex = streams.draw('sex').at(key, 0) < 0.8 ? SEX_FEMALE : 1;
  const age = replacing ? 28 : 30;
  const id = people.add(KIND_GUARDIAN, sex, key, school.id, day - Math.round(age * DAYS_PER_YEAR));
  const surname =
    KEPT_SURNAMES + Math.floor(streams.draw('staff').at(key, 0) * (SURNAMES.length - KEPT_SURNAMES));
  people.setGiven(id, surname);
  return id;
}
