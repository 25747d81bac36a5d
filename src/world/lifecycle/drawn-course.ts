/**
 * The drawn course of a life: every lifecycle decision made from the policy and the world's
 * seeded streams, one counter-based draw per quantity and person, so the n-th recovery of a
 * donor always uses the same uniform whatever else changes.
 */
import { dayFromYmd, DAYS_PER_YEAR, yearOf, ymdFromDay } from '../../engine/calendar.js';
import { NONE } from '../../engine/recorder.js';
import { MAX_QUEUE_DAY } from '../../engine/queue.js';
import type { Scenario } from '../../scenario/schema.js';
import { fromDistribution } from '../draw.js';
import { INITIALS, SEX_FEMALE } from '../names.js';
import type { People } from '../people.js';
import type { Place } from '../places.js';
import type { Draw, Streams } from '../streams.js';
import type { LifeCourse } from './course.js';

/** The streams the lifecycle draws from, one per purpose. */
export interface LifeDraws {
  cohortSize: Draw;
  birthday: Draw;
  sex: Draw;
  given: Draw;
  initial: Draw;
  staff: Draw;
  residenceYears: Draw;
  skipCaring: Draw;
  career: Draw;
  centre: Draw;
  firstDonation: Draw;
  recovery: Draw;
  completion: Draw;
  completionDelay: Draw;
  health: Draw;
}

/** The lifecycle's draws, made once from the world's streams. */
export function lifeDraws(streams: Streams): LifeDraws {
  return {
    cohortSize: streams.draw('cohort-size'),
    birthday: streams.draw('birthday'),
    sex: streams.draw('sex'),
    given: streams.draw('given-name'),
    initial: streams.draw('initial'),
    staff: streams.draw('staff'),
    residenceYears: streams.draw('residence-years'),
    skipCaring: streams.draw('skip-caring'),
    career: streams.draw('career'),
    centre: streams.draw('centre'),
    firstDonation: streams.draw('first-donation'),
    recovery: streams.draw('recovery'),
    completion: streams.draw('completion'),
    completionDelay: streams.draw('completion-delay'),
    health: streams.draw('health'),
  };
}

/** The initial of a person's surname, drawn once. */
export function drawInitial(draws: LifeDraws, key: number): number {
  return Math.floor(draws.initial.at(key, 0) * INITIALS.length);
}

export class DrawnCourse implements LifeCourse {
  /** Recipients' demand index by year from 1900 (`demandIndex`). */
  private readonly demandByYear: Float64Array;
  /** The notice day for each birthday from 1900 (`donorAgeDay`), filled as met; NONE if not yet. */
  private readonly noticeDayOf = new Int32Array(MAX_QUEUE_DAY + 1).fill(NONE);
  private readonly risks: readonly number[];

  /**
   * @param care the record of a donor's carer on a day, 0..1 (moves the risk of completing)
   */
  constructor(
    private readonly scenario: Scenario,
    private readonly people: People,
    private readonly draws: LifeDraws,
    private readonly care: (donor: number, day: number) => number,
  ) {
    this.risks = scenario.policy.donation.completionRisk;
    this.demandByYear = new Float64Array(200).map((_, i) => {
      let index = 1;
      for (const d of scenario.policy.donation.demand) if (d.from <= 1900 + i) index = d.index;
      return index;
    });
  }

  hiredGuardian(): void {}

  madameArrived(): void {}

  cohortSize(school: Place, year: number): number {
    return Math.round(fromDistribution(school.cohorts!.size, this.draws.cohortSize.at(school.key, year)));
  }

  birthday(_school: Place, year: number, _index: number, key: number): number {
    const jan1 = dayFromYmd(year, 1, 1);
    const daysInYear = dayFromYmd(year + 1, 1, 1) - jan1;
    return jan1 + Math.floor(this.draws.birthday.at(key, 0) * daysInYear);
  }

  sex(_school: Place, _year: number, _index: number, key: number): number {
    return this.draws.sex.at(key, 0) < 0.5 ? SEX_FEMALE : 1;
  }

  givenName(_sex: number, key: number, names: number): number {
    return Math.floor(this.draws.given.at(key, 0) * names);
  }

  born(): void {}

  schoolEnds(_person: number, drawn: number): number {
    return drawn;
  }

  centre(_person: number, drawn: number): number {
    return drawn;
  }

  residenceEnds(person: number, arrived: number): number {
    const years = this.scenario.policy.ages.residenceYears;
    const wait = Math.round(
      fromDistribution(years, this.draws.residenceYears.at(this.people.key(person), 0)) * DAYS_PER_YEAR,
    );
    return arrived + Math.max(1, wait);
  }

  noticeWithoutCaring(person: number, _arrived: number, ends: number): number {
    // Those who never care wait at the residence until they are old enough to donate.
    if (this.draws.skipCaring.at(this.people.key(person), 0) >= this.scenario.policy.caring.skipCaring)
      return NONE;
    return Math.max(ends, this.donorAgeDay(person));
  }

  careerEnds(person: number, trained: number): number {
    const years = fromDistribution(
      this.scenario.policy.caring.careerYears,
      this.draws.career.at(this.people.key(person), 0),
    );
    return Math.max(trained + Math.max(1, Math.round(years * DAYS_PER_YEAR)), this.donorAgeDay(person));
  }

  firstDonation(person: number, noticed: number): number {
    const wait = Math.round(
      fromDistribution(
        this.scenario.policy.donation.firstAfterDays,
        this.draws.firstDonation.at(this.people.key(person), 0),
      ),
    );
    return noticed + Math.max(1, wait);
  }

  completes(person: number, n: number, day: number): boolean {
    return this.draws.completion.at(this.people.key(person), n) < this.completionRisk(person, n, day);
  }

  completionDay(person: number, n: number, day: number): number {
    const dist = this.scenario.policy.donation.completionAfterDays;
    const delay = Math.round(
      fromDistribution(dist, this.draws.completionDelay.at(this.people.key(person), n)),
    );
    return day + Math.max(0, delay);
  }

  nextDonation(person: number, n: number, day: number): number {
    const dist = this.scenario.policy.donation.recoveryDays;
    const recovery = fromDistribution(dist, this.draws.recovery.at(this.people.key(person), n));
    return day + Math.max(1, Math.round(recovery / this.demandIndex(day)));
  }

  postponed(): void {}

  /**
   * The chance that donation `n` is the donor's last: the policy's risk for that number,
   * moved by the donor's health and by their carer's record. A risk of 1 stays 1: nobody
   * outlives the last donation the policy allows.
   */
  completionRisk(person: number, n: number, day: number): number {
    const base = this.risks[n - 1]!;
    if (base >= 1) return 1;
    const p = this.people;
    const don = this.scenario.policy.donation;
    const health = this.draws.health.at(p.key(person), 0);
    const care = p.carer(person) === NONE ? 0 : this.care(person, day);
    const risk = base * (1 + don.healthEffect * (1 - 2 * health)) * (1 + don.careEffect * (1 - 2 * care));
    return Math.min(1, Math.max(0, risk));
  }

  /** The day a person reaches the youngest age at which the policy gives notice to donate. */
  donorAgeDay(person: number): number {
    const born = this.people.born(person);
    const cached = born >= 0 && born < this.noticeDayOf.length ? this.noticeDayOf[born]! : NONE;
    if (cached !== NONE) return cached;
    const [y, m, d] = ymdFromDay(born);
    const age = this.scenario.policy.ages.donorFrom;
    const whole = Math.floor(age);
    const day = dayFromYmd(y + whole, m, Math.min(d, 28)) + Math.round((age - whole) * DAYS_PER_YEAR);
    if (born >= 0 && born < this.noticeDayOf.length) this.noticeDayOf[born] = day;
    return day;
  }

  /** Recipients' demand in force on a day (1 = the usual pace). */
  private demandIndex(day: number): number {
    const year = yearOf(day);
    const i = year - 1900;
    if (i >= 0 && i < this.demandByYear.length) return this.demandByYear[i]!;
    let index = 1;
    for (const d of this.scenario.policy.donation.demand) if (d.from <= year) index = d.index;
    return index;
  }
}
