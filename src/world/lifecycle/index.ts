/**
 * The lifecycle as a world module: a clone's life from birth to completion. Births and schools
 * are in births.ts; here a student leaves school for a residence, leaves for training as a
 * carer (or, for some, waits to be given notice), is given notice and becomes a donor at a
 * recovery centre, donates one donation after another, and completes. Each rule records what
 * happened, tells the modules following the person, and plans the next wake-up from the
 * course (course.ts): drawn for everyone, steered by the storyline for its cast.
 */
import { dayFromYmd, DAYS_PER_YEAR, isoDate } from '../../engine/calendar.js';
import { NONE } from '../../engine/recorder.js';
import { RuleViolation } from '../../errors.js';
import { caringOf, type CaringModule } from '../caring/index.js';
import { EVENT_CODES } from '../event-types.js';
import { nearest } from '../geography/distance.js';
import { moduleFinder, type ModuleFactory, type WorldContext, type WorldModule } from '../module.js';
import type { WakeUp } from '../order.js';
import { PHASE_CARER, PHASE_COMPLETED, PHASE_DONOR, PHASE_RESIDENT } from '../phases.js';
import { schoolsOf, type Place } from '../places.js';
import { Births } from './births.js';
import type { LifeCourse } from './course.js';
import { DrawnCourse, lifeDraws, type LifeDraws } from './drawn-course.js';

/**
 * The lifecycle module of a world.
 * @example lifecycleOf(ctx)!.postponeDonations(person, 730, cause)
 */
export const lifecycleOf = moduleFinder<Lifecycle>();

export class Lifecycle implements WorldModule {
  readonly name = 'lifecycle';
  /** Completions counted by the donation at which they happened (index 1..max). */
  readonly completionsAt: Float64Array;
  /** Years of each finished carer career, counted by whole year. */
  readonly careerYears = new Float64Array(64);
  readonly maxDonations: number;
  /** The drawn course, before any module steers it. */
  readonly drawn: DrawnCourse;
  private course: LifeCourse;
  private readonly births: Births;
  private readonly draws: LifeDraws;
  private caring!: CaringModule;
  private readonly leave: WakeUp;
  private readonly training: WakeUp;
  private readonly notice: WakeUp;
  private readonly donation: WakeUp;
  private readonly completion: WakeUp;
  /** Payload shape `{"from":place}`. */
  private readonly FROM: number;
  private readonly residenceOf: Int32Array;
  private readonly centres: Place[];
  private readonly nearestCentreOf: Int32Array;

  constructor(private readonly ctx: WorldContext) {
    const places = ctx.places;
    this.maxDonations = ctx.scenario.policy.donation.completionRisk.length;
    this.completionsAt = new Float64Array(this.maxDonations + 1);
    this.centres = places.filter((p) => p.kind === 'recovery-centre');
    this.residenceOf = new Int32Array(places.length).fill(NONE);
    for (const s of schoolsOf(places)) this.residenceOf[s.id] = s.residence ?? NONE;
    this.nearestCentreOf = new Int32Array(places.length).fill(NONE);
    this.FROM = ctx.rec.defineShape('{"from":', '}');
    this.draws = lifeDraws(ctx.streams);
    this.drawn = new DrawnCourse(ctx.scenario, ctx.people, this.draws, (donor, day) =>
      this.caring.pool.careFor(donor, day),
    );
    this.course = this.drawn;
    this.births = new Births(
      ctx,
      this.draws,
      (person, day, year, bornId) => this.afterBirth(person, day, year, bornId),
      this.FROM,
    );
    this.leave = ctx.wakeUp('leave-school', (day, person) => this.onLeaveSchool(day, person));
    this.training = ctx.wakeUp('training', (day, person) => this.onTraining(day, person));
    this.notice = ctx.wakeUp('become-donor', (day, person) => this.onBecomeDonor(day, person));
    this.donation = ctx.wakeUp('donation', (day, person) => this.onDonation(day, person));
    this.completion = ctx.wakeUp('complete', (day, person, cause) => this.onComplete(day, person, cause));
    lifecycleOf.set(ctx, this);
  }

  /** Asks every module to steer the course, then opens the schools. */
  init(): void {
    this.caring = caringOf(this.ctx)!;
    for (const m of this.ctx.modules) this.course = m.steerLife?.(this.course) ?? this.course;
    this.births.course = this.course;
    this.births.openSchools();
  }

  /** Delays a donor's next donation (a granted deferral); earlier wake-ups become stale. */
  postponeDonations(person: number, days: number, _cause: number): void {
    const p = this.ctx.people;
    const due = p.due(person);
    if (due === NONE || p.phase(person) !== PHASE_DONOR) return;
    const next = due + Math.max(1, Math.round(days));
    p.setDue(person, next);
    this.course.postponed(person, this.ctx.sim.now, next - due);
    if (next <= this.ctx.end) this.donation.at(next, person);
  }

  private scheduleDonation(person: number, day: number): void {
    this.ctx.people.setDue(person, day);
    if (day <= this.ctx.end) this.donation.at(day, person);
  }

  private setPhase(person: number, phase: number, day: number): void {
    const p = this.ctx.people;
    const from = p.phase(person);
    if (phase <= from) {
      const detail = `cannot go from phase ${from} to ${phase}`;
      throw new RuleViolation('phases never run backwards', detail, p.name(person), isoDate(day));
    }
    p.setPhase(person, phase);
    p.setPhaseDay(person, day);
  }

  /** A child is recorded: followed if at a full-detail school, and their leaving planned. */
  private afterBirth(person: number, day: number, year: number, bornId: number): void {
    const p = this.ctx.people;
    if (this.ctx.isDetailed(p.school(person))) p.setFollowed(person);
    if (p.followed(person)) for (const m of this.ctx.modules) m.onBorn?.(person, day, bornId);
    const ages = this.ctx.scenario.policy.ages;
    const leave = this.course.schoolEnds(person, dayFromYmd(year + ages.leaveSchool, ages.leaveMonth, 20));
    if (leave <= this.ctx.end) this.leave.at(Math.max(leave, day), person);
  }

  private onLeaveSchool(day: number, person: number): void {
    const p = this.ctx.people;
    const school = p.school(person);
    const residence = this.residenceOf[school]!;
    this.setPhase(person, PHASE_RESIDENT, day);
    p.setPlace(person, residence);
    const last = p.lastEvent(person);
    const arrived = this.ctx.record(
      day,
      EVENT_CODES.became_resident,
      person,
      NONE,
      residence,
      NONE,
      last,
      null,
      this.FROM,
      school,
    );
    if (this.ctx.isDetailed(residence)) p.setFollowed(person);
    if (p.followed(person)) {
      for (const m of this.ctx.modules) m.onLeftSchool?.(person, day, arrived);
      // A leaver of a lifecycle school is followed on only if a module took them in.
      if (!this.ctx.isDetailed(school) && !this.ctx.modules.some((m) => m.keeps?.(person) === true))
        p.setFollowed(person, false);
    }
    const ends = this.course.residenceEnds(person, day);
    if (ends > this.ctx.end) return;
    const notice = this.course.noticeWithoutCaring(person, day, ends);
    if (notice === NONE) this.training.at(ends, person);
    else if (notice <= this.ctx.end) this.notice.at(notice, person);
  }

  private onTraining(day: number, person: number): void {
    const p = this.ctx.people;
    this.setPhase(person, PHASE_CARER, day);
    const left = this.ctx.record(
      day,
      EVENT_CODES.left_for_training,
      person,
      NONE,
      p.place(person),
      NONE,
      p.lastEvent(person),
      null,
    );
    if (p.followed(person)) for (const m of this.ctx.modules) m.onLeftResidence?.(person, day, left);
    const at = this.course.careerEnds(person, day);
    if (at <= this.ctx.end) this.notice.at(at, person);
    this.caring.startCaring(person, this.nearestCentre(p.place(person)), day);
  }

  private onBecomeDonor(day: number, person: number): void {
    const p = this.ctx.people;
    const wasCarer = p.phase(person) === PHASE_CARER;
    const fromResidence = p.phase(person) === PHASE_RESIDENT ? p.place(person) : NONE;
    const careerDays = wasCarer ? day - p.phaseDay(person) : 0;
    const centre = this.course.centre(person, this.pickCentre(person, p.key(person)));
    this.setPhase(person, PHASE_DONOR, day);
    p.setCentre(person, centre);
    p.setPlace(person, centre);
    const last = p.lastEvent(person);
    const becameId = this.ctx.record(
      day,
      EVENT_CODES.became_donor,
      person,
      NONE,
      centre,
      careerDays,
      last,
      null,
    );
    if (wasCarer) {
      const y = Math.min(this.careerYears.length - 1, Math.floor(careerDays / DAYS_PER_YEAR));
      this.careerYears[y]! += 1;
      // The carer's own donors need someone else now.
      this.caring.stopCaring(person, day, becameId);
    }
    this.caring.pool.findCarer(day, person, becameId, NONE);
    this.scheduleDonation(person, this.course.firstDonation(person, day));
    // A veteran from a lifecycle school leaves a detailed residence too: its modules must hear.
    const leftDetailed = fromResidence !== NONE && this.ctx.isDetailed(fromResidence);
    if (p.followed(person)) {
      for (const m of this.ctx.modules) {
        if (leftDetailed) m.onLeftResidence?.(person, day, becameId);
        m.onBecameDonor?.(person, day, becameId);
      }
    }
  }

  private pickCentre(person: number, key: number): number {
    // The nearest of the centres to where the donor lives now, or a random one of the three nearest.
    const centres = this.centres;
    if (centres.length === 1) return centres[0]!.id;
    const u = this.draws.centre.at(key, 0);
    if (u < 0.6) return this.nearestCentre(this.ctx.people.place(person));
    return centres[Math.floor(u * 7919) % centres.length]!.id;
  }

  private nearestCentre(place: number): number {
    let c = this.nearestCentreOf[place]!;
    if (c === NONE) {
      c = this.centres[nearest(this.centres, this.ctx.places[place]!)]!.id;
      this.nearestCentreOf[place] = c;
    }
    return c;
  }

  private onDonation(day: number, person: number): void {
    // A postponed donation leaves its old wake-up behind; only the one on the due day counts.
    const p = this.ctx.people;
    if (p.due(person) !== day) return;
    p.setDue(person, NONE);
    const n = p.donations(person) + 1;
    p.setDonations(person, n);
    const centre = p.centre(person);
    const id = this.ctx.record(
      day,
      EVENT_CODES.donated,
      person,
      p.carer(person),
      centre,
      n,
      p.lastEvent(person),
      null,
    );
    if (p.followed(person)) for (const m of this.ctx.modules) m.onDonated?.(person, day, id, n);
    if (this.course.completes(person, n, day)) {
      const at = this.course.completionDay(person, n, day);
      if (at <= this.ctx.end) this.completion.at(at, person, id);
      return;
    }
    if (n >= this.maxDonations) {
      this.ctx.record(day, EVENT_CODES.spared, person, NONE, centre, n, id, null);
      return;
    }
    this.scheduleDonation(person, this.course.nextDonation(person, n, day));
  }

  private onComplete(day: number, person: number, donationEvent: number): void {
    const p = this.ctx.people;
    const n = p.donations(person);
    this.setPhase(person, PHASE_COMPLETED, day);
    const completedId = this.ctx.record(
      day,
      EVENT_CODES.completed,
      person,
      p.carer(person),
      p.centre(person),
      n,
      donationEvent,
      null,
    );
    this.completionsAt[n]! += 1;
    if (p.followed(person)) for (const m of this.ctx.modules) m.onCompleted?.(person, day, completedId);
    this.caring.pool.release(person, day, true);
  }
}

/** The module factory for src/world/modules.ts. */
export const lifecycle: ModuleFactory = (ctx) => new Lifecycle(ctx);
