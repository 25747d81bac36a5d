/**
 * The decisions of a life in the programme, as one interface: how many children a cohort has
 * and when each is born, who they are, when a resident leaves for training (or goes straight to
 * notice), how long a carer's career lasts, when each donation falls and which one is the last.
 *
 * The lifecycle asks its `LifeCourse` at each of these moments. The drawn course
 * (`DrawnCourse`, in drawn-course.ts) answers from the world's seeded streams and the policy.
 * A module may steer the course (`WorldModule.steerLife`) by wrapping it: it answers for the
 * people it cares about and passes everyone else to the course it wraps. The storyline does so
 * for its cast (src/world/storyline/course.ts), so the story's pinned days are kept by the
 * same rules that draw everyone else's, not by branches in each handler.
 *
 * Every method is called on the lifecycle's hot path: a wrapper should decide "not mine" with
 * one map look-up and pass on.
 */
import type { Place } from '../places.js';

export interface LifeCourse {
  /**
   * A guardian has been hired onto a full-detail school's staff (not yet recorded): `index`
   * counts the school's opening staff from 0, and `head` says they are its headmistress. A
   * storyline names its own guardians here.
   */
  hiredGuardian(person: number, school: Place, index: number, head: boolean): void;
  /** Madame has come into the world (not yet recorded). */
  madameArrived(person: number): void;
  /** How many children a school's cohort of `year` has. */
  cohortSize(school: Place, year: number): number;
  /**
   * The day the `index`-th child of a cohort is born; `key` is the child's stable key.
   * @example course.birthday(hailsham, 1968, 3, key) // a day in 1968
   */
  birthday(school: Place, year: number, index: number, key: number): number;
  /** The sex of the `index`-th child of a cohort (SEX_FEMALE or 1). */
  sex(school: Place, year: number, index: number, key: number): number;
  /** The child's first name, as an index into the name list of their sex. */
  givenName(sex: number, key: number, names: number): number;
  /**
   * The `index`-th child of `school`'s cohort of `year` exists as `person` (not yet recorded);
   * a storyline marks its cast here.
   */
  born(person: number, school: Place, year: number, index: number): void;
  /** The day a student leaves school for the residence; `drawn` is the policy's day for their cohort. */
  schoolEnds(person: number, drawn: number): number;
  /** The day a resident who arrived on `arrived` leaves the residence. */
  residenceEnds(person: number, arrived: number): number;
  /**
   * For a resident leaving the residence on `ends`: the day they are given notice without
   * ever caring, or NONE when they go to training on `ends`.
   */
  noticeWithoutCaring(person: number, arrived: number, ends: number): number;
  /** The day a carer who started on `trained` is given notice to donate. */
  careerEnds(person: number, trained: number): number;
  /** The recovery centre a new donor goes to; `drawn` is the one the rules picked. */
  centre(person: number, drawn: number): number;
  /** The day of a new donor's first donation, notice having been given on `noticed`. */
  firstDonation(person: number, noticed: number): number;
  /** Whether donation `n`, given on `day`, is the donor's last. */
  completes(person: number, n: number, day: number): boolean;
  /** The day a donor completes after their last donation, `n`, given on `day`. */
  completionDay(person: number, n: number, day: number): number;
  /** The day of the donation after donation `n`, given on `day`. */
  nextDonation(person: number, n: number, day: number): number;
  /** The donor's donations after `after` have been put off by `days` (a granted deferral). */
  postponed(person: number, after: number, days: number): void;
}
