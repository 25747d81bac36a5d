/**
 * Schools and births: the schools open (with their staff, at full-detail schools) and close,
 * each year's cohort is planned on the first of January, and each child is born on their
 * birthday into the school, or into the home that took the school's children when it closed.
 * Every decision goes through the lifecycle's course, so a storyline can place its cast.
 */
import { dayFromYmd, DAYS_PER_YEAR, yearOf } from '../../engine/calendar.js';
import { hash4, hashString } from '../../engine/random.js';
import { NONE } from '../../engine/recorder.js';
import { EVENT_CODES } from '../event-types.js';
import { nearest } from '../geography/distance.js';
import type { WorldContext } from '../module.js';
import { FEMALE_NAMES, MALE_NAMES, SEX_FEMALE } from '../names.js';
import type { WakeUp } from '../order.js';
import { KIND_CLONE, KIND_MADAME, PHASE_STUDENT } from '../phases.js';
import { schoolsOf, type Place } from '../places.js';
import type { LifeCourse } from './course.js';
import { drawInitial, type LifeDraws } from './drawn-course.js';
import { hireGuardian } from './staff.js';

export class Births {
  private readonly schools: Place[];
  /** Where a closed school's children go (place id), or NONE while it is open. */
  private readonly successor: Int32Array;
  private readonly closes: WakeUp;
  private readonly cohort: WakeUp;
  private readonly birth: WakeUp;
  /** Payload shape `{"from":place}`. */
  private readonly FROM: number;

  /** The lifecycle's course, set (and steered) by the lifecycle before the schools open. */
  course!: LifeCourse;

  /**
   * @param born called once a child is recorded (`bornId`), to follow them and plan their leaving
   */
  constructor(
    private readonly ctx: WorldContext,
    private readonly draws: LifeDraws,
    private readonly born: (person: number, day: number, year: number, bornId: number) => void,
    from: number,
  ) {
    this.schools = schoolsOf(ctx.places);
    this.successor = new Int32Array(ctx.places.length).fill(NONE);
    this.FROM = from;
    this.closes = ctx.wakeUp('school-closes', (day, school) => this.onSchoolCloses(day, school));
    this.cohort = ctx.wakeUp('cohort', (day, school, year) => this.onCohort(day, school, year));
    this.birth = ctx.wakeUp('birth', (day, school, index) => this.onBirth(day, school, index));
  }

  /** Opens the schools: recorded, staffed if simulated in full, their closing and cohorts planned. */
  openSchools(): void {
    const { start, end } = this.ctx;
    const startYear = yearOf(start);
    const endYear = yearOf(end);
    const p = this.ctx.people;
    const course = this.course;
    for (const s of this.schools) {
      const opened = Math.max(start, s.opened ?? start);
      if (opened <= end)
        this.ctx.record(opened, EVENT_CODES.school_opened, NONE, NONE, s.id, NONE, NONE, null);
      if (s.detail === 'full') {
        for (let g = 0; g < s.staff; g++) {
          const id = hireGuardian(p, this.ctx.streams, s, g, false, opened);
          const head = g === 0 && s.headmistress !== null;
          if (head) p.namedAs.set(id, s.headmistress!);
          course.hiredGuardian(id, s, g, head);
          const role = head ? 'headmistress' : 'guardian';
          this.ctx.record(
            opened,
            EVENT_CODES.joined_staff,
            id,
            NONE,
            s.id,
            NONE,
            NONE,
            JSON.stringify({ role }),
          );
        }
      }
      if (s.closes !== null && s.closes >= start && s.closes <= end) this.closes.at(s.closes, s.id);
      if (!s.cohorts) continue;
      const first = Math.max(s.cohorts.first, startYear);
      if (first <= Math.min(s.cohorts.last, endYear))
        this.cohort.at(Math.max(start, dayFromYmd(first, 1, 1)), s.id, first);
    }
    const full = this.schools.find((s) => s.detail === 'full');
    if (full) {
      const born = start - Math.round(40 * DAYS_PER_YEAR);
      const madame = p.add(KIND_MADAME, SEX_FEMALE, hashString('madame'), full.id, born);
      p.namedAs.set(madame, 'Madame');
      course.madameArrived(madame);
    }
  }

  private onSchoolCloses(day: number, school: number): void {
    const closedId = this.ctx.record(
      day,
      EVENT_CODES.school_closed,
      NONE,
      NONE,
      school,
      NONE,
      NONE,
      '{"cause":"funding"}',
    );
    if (this.ctx.scenario.policy.funding.transferTo === 'none') return;
    const to = this.openHomeNear(school, day);
    if (to === NONE) return;
    this.successor[school] = to;
    // The children still there go to the nearest home that is open.
    const p = this.ctx.people;
    for (let i = 0; i < p.count; i++) {
      if (p.school(i) !== school || p.phase(i) !== PHASE_STUDENT || p.kind(i) !== KIND_CLONE) continue;
      p.setSchool(i, to);
      p.setPlace(i, to);
      this.ctx.record(day, EVENT_CODES.transferred, i, NONE, to, NONE, closedId, null, this.FROM, school);
    }
  }

  /** The nearest school or home to `school` that is open on `day` (homes first), or NONE. */
  private openHomeNear(school: number, day: number): number {
    const here = this.ctx.places[school]!;
    const open = (s: Place) => s.id !== school && (s.closes === null || s.closes > day) && s.cohorts !== null;
    for (const kinds of [['home'], ['home', 'school']]) {
      const candidates = this.schools.filter((s) => open(s) && kinds.includes(s.kind));
      if (candidates.length > 0) return candidates[nearest(candidates, here)]!.id;
    }
    return NONE;
  }

  private onCohort(day: number, school: number, year: number): void {
    const s = this.ctx.places[school]!;
    const cohorts = s.cohorts!;
    const closed = s.closes !== null && dayFromYmd(year, 1, 1) >= s.closes;
    const placed = closed ? this.successor[school]! : school;
    const course = this.course;
    if (placed !== NONE) {
      const size = course.cohortSize(s, year);
      for (let i = 0; i < size; i++) {
        const born = course.birthday(s, year, i, childKey(s, year, i));
        if (born >= day && born <= this.ctx.end) this.birth.at(born, school, i);
      }
    }
    const next = year + 1;
    if (next <= cohorts.last && dayFromYmd(next, 1, 1) <= this.ctx.end && placed !== NONE)
      this.cohort.at(dayFromYmd(next, 1, 1), school, next);
  }

  private onBirth(day: number, cohortSchool: number, index: number): void {
    const s = this.ctx.places[cohortSchool]!;
    const year = yearOf(day);
    // The key comes from the school the cohort was planned for, so a child is the same person
    // whether or not that school has closed by the time they are born.
    const key = childKey(s, year, index);
    const moved = s.closes !== null && day >= s.closes && this.successor[cohortSchool] !== NONE;
    const school = moved ? this.successor[cohortSchool]! : cohortSchool;
    const p = this.ctx.people;
    const course = this.course;
    const sex = course.sex(s, year, index, key);
    const id = p.add(KIND_CLONE, sex, key, school, day);
    const names = sex === SEX_FEMALE ? FEMALE_NAMES : MALE_NAMES;
    p.setGiven(id, course.givenName(sex, key, names.length));
    p.setInitial(id, drawInitial(this.draws, key));
    p.setCohort(id, year);
    course.born(id, s, year, index);
    const bornId = this.ctx.record(day, EVENT_CODES.born, id, NONE, school, year, NONE, null);
    p.setPhase(id, PHASE_STUDENT);
    this.born(id, day, year, bornId);
  }
}

/** The stable key of the `index`-th child of a school's cohort of `year`. */
function childKey(school: Place, year: number, index: number): number {
  return hash4(school.key, year, index, 0x0b1e7);
}
