/**
 * The storyline's steering of the lifecycle: a `LifeCourse` that answers for the cast and
 * passes everyone else to the course it wraps. A cast clone is born into their pinned cohort
 * on their pinned day with their own name and sex; a pinned day of training, notice, a
 * donation or completion replaces the drawn one (and must come after what leads to it); a
 * pinned number of donations decides which is the last. The cast's guardians and Madame take
 * their places on the staff. Generated children never share a first name with the cast.
 *
 * To steer another decision for the cast, add it to `LifeCourse` (src/world/lifecycle/course.ts)
 * with the drawn answer in `DrawnCourse`, and answer it here from the member's `Pins`.
 */
import { isoDate } from '../../engine/calendar.js';
import { NONE } from '../../engine/recorder.js';
import { RuleViolation } from '../../errors.js';
import type { LifeCourse } from '../lifecycle/course.js';
import { FEMALE_NAMES, MALE_NAMES, SEX_FEMALE } from '../names.js';
import type { People } from '../people.js';
import type { Place } from '../places.js';
import type { Cast, Pins } from './pins.js';

/** The sex code of a cast member. */
const sexOf = (pins: Pins): number => (pins.member.sex === 'female' ? SEX_FEMALE : 1);

export class StoryCourse implements LifeCourse {
  /** The cast's first names, as sex * 65,536 + index in the name list. */
  private readonly castNames = new Set<number>();

  /**
   * @param base the course everyone outside the cast follows (the drawn one, usually)
   */
  constructor(
    private readonly base: LifeCourse,
    private readonly cast: Cast,
    private readonly people: People,
    private readonly places: readonly Place[] = [],
  ) {
    for (const c of cast.members) {
      const first = c.name.split(' ')[0]!;
      const list: readonly string[] = c.sex === 'female' ? FEMALE_NAMES : MALE_NAMES;
      const at = list.indexOf(first);
      if (at >= 0) this.castNames.add((c.sex === 'female' ? SEX_FEMALE : 1) * 65_536 + at);
    }
  }

  hiredGuardian(person: number, school: Place, index: number, head: boolean): void {
    this.base.hiredGuardian(person, school, index, head);
    const p = this.people;
    if (head) {
      const c = this.cast.guardians.find((x) => x.member.name === school.headmistress);
      if (c) this.cast.personOf.set(c.member.id, person);
      return;
    }
    // The storyline's guardians of this school take the next places on the staff.
    const named = this.cast.guardians.filter(
      (c) => c.member.school === school.slug && c.member.name !== school.headmistress,
    );
    const cast = named[index - (school.headmistress !== null ? 1 : 0)];
    if (!cast) return;
    p.namedAs.set(person, cast.member.name);
    p.setSex(person, sexOf(cast));
    this.cast.personOf.set(cast.member.id, person);
  }

  madameArrived(person: number): void {
    this.base.madameArrived(person);
    if (this.cast.madame) this.cast.personOf.set(this.cast.madame.member.id, person);
  }

  cohortSize(school: Place, year: number): number {
    return Math.max(this.base.cohortSize(school, year), this.cast.cohort(school.slug, year).length);
  }

  birthday(school: Place, year: number, index: number, key: number): number {
    return this.cast.cohort(school.slug, year)[index]?.born ?? this.base.birthday(school, year, index, key);
  }

  sex(school: Place, year: number, index: number, key: number): number {
    const cast = this.cast.cohort(school.slug, year)[index];
    return cast ? sexOf(cast) : this.base.sex(school, year, index, key);
  }

  givenName(sex: number, key: number, names: number): number {
    let given = this.base.givenName(sex, key, names);
    // Nobody generated shares a first name with the storyline's cast.
    while (this.castNames.has(sex * 65_536 + given)) given = (given + 1) % names;
    return given;
  }

  born(person: number, school: Place, year: number, index: number): void {
    this.base.born(person, school, year, index);
    const cast = this.cast.cohort(school.slug, year)[index];
    if (!cast) return;
    this.people.namedAs.set(person, cast.member.name);
    this.cast.byPerson.set(person, cast);
    this.cast.personOf.set(cast.member.id, person);
  }

  schoolEnds(person: number, drawn: number): number {
    const pins = this.cast.of(person);
    if (!pins) return this.base.schoolEnds(person, drawn);
    const n = pins.needs;
    // In time for the first beat that needs them past school, after the last at school.
    let at = this.base.schoolEnds(person, drawn);
    if (n.leftSchoolBy !== null) at = Math.min(at, n.leftSchoolBy - 1);
    if (n.studentUntil !== null) at = Math.max(at, n.studentUntil + 1);
    return at;
  }

  residenceEnds(person: number, arrived: number): number {
    const drawn = this.base.residenceEnds(person, arrived);
    const pins = this.cast.of(person);
    if (!pins) return drawn;
    if (pins.trainingOn !== null)
      return pinnedAfter(pins, 'trainingOn', pins.trainingOn, arrived, 'leaving school');
    const n = pins.needs;
    let at = drawn;
    // Through the residence's beats, and gone in time for a beat that needs them caring or donating.
    if (n.residentUntil !== null) at = Math.max(at, n.residentUntil + 1);
    if (n.carerBy !== null) at = Math.min(at, n.carerBy - 1);
    if (n.donorBy !== null && n.carerBy === null) at = Math.min(at, n.donorBy - 1);
    if (pins.donorOn !== null) at = Math.min(at, pins.donorOn - 30);
    return Math.max(at, arrived + 1);
  }

  noticeWithoutCaring(person: number, arrived: number, ends: number): number {
    const pins = this.cast.of(person);
    if (pins?.trainingOn != null) return NONE;
    // A beat needs them caring: they go to training.
    if (pins && (pins.needs.carerBy !== null || pins.needs.carerUntil !== null)) return NONE;
    if (pins?.donorOn != null && pins.donorOn <= ends)
      return pinnedAfter(pins, 'donorOn', pins.donorOn, arrived, 'leaving school');
    return this.base.noticeWithoutCaring(person, arrived, ends);
  }

  careerEnds(person: number, trained: number): number {
    const drawn = this.base.careerEnds(person, trained);
    const pins = this.cast.of(person);
    if (!pins) return drawn;
    if (pins.donorOn !== null)
      return pinnedAfter(pins, 'donorOn', pins.donorOn, trained, 'leaving for training');
    const n = pins.needs;
    let at = drawn;
    if (n.carerUntil !== null) at = Math.max(at, n.carerUntil + 1);
    if (n.donorBy !== null) at = Math.min(at, n.donorBy - 1);
    return Math.max(at, trained + 1);
  }

  centre(person: number, drawn: number): number {
    const pins = this.cast.of(person);
    const named = pins?.needs.centre ?? null;
    if (named === null) return this.base.centre(person, drawn);
    // The centre a beat names for them as a donor, where their carer will come to them.
    return this.places.find((p) => p.slug === named)?.id ?? drawn;
  }

  firstDonation(person: number, noticed: number): number {
    const pins = this.cast.of(person);
    const pinned = pins?.donations[0];
    return pinned !== undefined
      ? pinnedAfter(pins!, 'donations[0]', pinned, noticed, 'becoming a donor')
      : this.base.firstDonation(person, noticed);
  }

  completes(person: number, n: number, day: number): boolean {
    const pins = this.cast.of(person);
    return pins?.completesAfter != null ? n >= pins.completesAfter : this.base.completes(person, n, day);
  }

  completionDay(person: number, n: number, day: number): number {
    const drawn = this.base.completionDay(person, n, day);
    const pins = this.cast.of(person);
    return pins?.completedOn != null
      ? pinnedAfter(pins, 'completedOn', pins.completedOn, day - 1, `donation ${n}`)
      : drawn;
  }

  nextDonation(person: number, n: number, day: number): number {
    const pins = this.cast.of(person);
    const pinned = pins?.donations[n];
    return pinned !== undefined
      ? pinnedAfter(pins!, `donations[${n}]`, pinned, day, `donation ${n}`)
      : this.base.nextDonation(person, n, day);
  }

  postponed(person: number, after: number, days: number): void {
    this.base.postponed(person, after, days);
    this.cast.shift(person, after, days);
  }
}

/** A pinned day, checked to come after `after`; otherwise the storyline breaks a rule. */
function pinnedAfter(pins: Pins, field: string, pinned: number, after: number, what: string): number {
  if (pinned <= after) {
    throw new RuleViolation(
      'a pinned day comes after what leads to it',
      `${field} ${isoDate(pinned)} is not after ${what} on ${isoDate(after)}`,
      `cast '${pins.member.id}' (${pins.member.name})`,
    );
  }
  return pinned;
}
